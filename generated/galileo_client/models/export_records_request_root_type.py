from enum import StrEnum


class ExportRecordsRequestRootType(StrEnum):
    SESSION = "session"
    SPAN = "span"
    TRACE = "trace"

    def __str__(self) -> str:
        return str(self.value)
