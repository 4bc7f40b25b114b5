from enum import StrEnum


class FileContentPartType(StrEnum):
    FILE = "file"

    def __str__(self) -> str:
        return str(self.value)
