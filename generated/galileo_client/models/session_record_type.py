from enum import StrEnum


class SessionRecordType(StrEnum):
    SESSION = "session"

    def __str__(self) -> str:
        return str(self.value)
