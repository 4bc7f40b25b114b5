from enum import StrEnum


class V4AgentConfigResponseType(StrEnum):
    AGENT = "agent"

    def __str__(self) -> str:
        return str(self.value)
