from enum import StrEnum


class MetricFailedStatusType(StrEnum):
    FAILED = "failed"

    def __str__(self) -> str:
        return str(self.value)
