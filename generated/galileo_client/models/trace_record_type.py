from enum import StrEnum


class TraceRecordType(StrEnum):
    TRACE = "trace"

    def __str__(self) -> str:
        return str(self.value)
