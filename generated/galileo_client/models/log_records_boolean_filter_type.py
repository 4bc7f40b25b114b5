from enum import StrEnum


class LogRecordsBooleanFilterType(StrEnum):
    BOOLEAN = "boolean"

    def __str__(self) -> str:
        return str(self.value)
