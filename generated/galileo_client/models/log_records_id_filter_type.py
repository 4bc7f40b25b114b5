from enum import StrEnum


class LogRecordsIDFilterType(StrEnum):
    ID = "id"

    def __str__(self) -> str:
        return str(self.value)
