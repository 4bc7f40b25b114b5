from enum import StrEnum


class AgentSpanRecordType(StrEnum):
    AGENT = "agent"

    def __str__(self) -> str:
        return str(self.value)
