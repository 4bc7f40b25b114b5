from enum import StrEnum


class MetricSuccessStatusType(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
