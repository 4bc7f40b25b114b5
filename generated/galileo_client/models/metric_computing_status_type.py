from enum import StrEnum


class MetricComputingStatusType(StrEnum):
    COMPUTING = "computing"

    def __str__(self) -> str:
        return str(self.value)
