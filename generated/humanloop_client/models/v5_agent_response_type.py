from enum import StrEnum


class V5AgentResponseType(StrEnum):
    AGENT = "agent"

    def __str__(self) -> str:
        return str(self.value)
