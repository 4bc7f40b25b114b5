from enum import StrEnum


class MetricErrorStatusType(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
