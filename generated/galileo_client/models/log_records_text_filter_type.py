from enum import StrEnum


class LogRecordsTextFilterType(StrEnum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
