from enum import StrEnum


class MetricPendingStatusType(StrEnum):
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
