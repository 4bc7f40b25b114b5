from enum import StrEnum


class ControlSpanRecordType(StrEnum):
    CONTROL = "control"

    def __str__(self) -> str:
        return str(self.value)
