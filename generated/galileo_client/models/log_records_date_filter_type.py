from enum import StrEnum


class LogRecordsDateFilterType(StrEnum):
    DATE = "date"

    def __str__(self) -> str:
        return str(self.value)
