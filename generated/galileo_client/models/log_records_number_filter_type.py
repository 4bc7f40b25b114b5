from enum import StrEnum


class LogRecordsNumberFilterType(StrEnum):
    NUMBER = "number"

    def __str__(self) -> str:
        return str(self.value)
