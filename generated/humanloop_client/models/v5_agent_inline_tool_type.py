from enum import StrEnum


class V5AgentInlineToolType(StrEnum):
    INLINE = "inline"

    def __str__(self) -> str:
        return str(self.value)
