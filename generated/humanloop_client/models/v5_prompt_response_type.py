from enum import StrEnum


class V5PromptResponseType(StrEnum):
    PROMPT = "prompt"

    def __str__(self) -> str:
        return str(self.value)
