from enum import StrEnum


class V5ThinkingContentType(StrEnum):
    THINKING = "thinking"

    def __str__(self) -> str:
        return str(self.value)
