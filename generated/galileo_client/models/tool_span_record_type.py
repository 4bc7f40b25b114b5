from enum import StrEnum


class ToolSpanRecordType(StrEnum):
    TOOL = "tool"

    def __str__(self) -> str:
        return str(self.value)
