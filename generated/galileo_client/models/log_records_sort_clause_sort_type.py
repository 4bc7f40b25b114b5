from enum import StrEnum


class LogRecordsSortClauseSortType(StrEnum):
    COLUMN = "column"

    def __str__(self) -> str:
        return str(self.value)
