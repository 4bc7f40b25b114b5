from enum import StrEnum


class StubTraceRecordType(StrEnum):
    STUB_TRACE = "stub_trace"

    def __str__(self) -> str:
        return str(self.value)
