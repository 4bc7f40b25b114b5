from enum import StrEnum


class TextChatContentType(StrEnum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
