from enum import StrEnum


class LlmSpanRecordType(StrEnum):
    LLM = "llm"

    def __str__(self) -> str:
        return str(self.value)
