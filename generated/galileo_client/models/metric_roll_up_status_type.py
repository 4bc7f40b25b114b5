from enum import StrEnum


class MetricRollUpStatusType(StrEnum):
    ROLL_UP = "roll_up"

    def __str__(self) -> str:
        return str(self.value)
