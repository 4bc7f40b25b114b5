from enum import StrEnum


class V5ToolResponseType(StrEnum):
    TOOL = "tool"

    def __str__(self) -> str:
        return str(self.value)
