from enum import StrEnum


class V5AgentLinkedFileResponseType(StrEnum):
    FILE = "file"

    def __str__(self) -> str:
        return str(self.value)
