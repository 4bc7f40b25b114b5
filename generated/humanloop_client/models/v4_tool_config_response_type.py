from enum import StrEnum


class V4ToolConfigResponseType(StrEnum):
    TOOL = "tool"

    def __str__(self) -> str:
        return str(self.value)
