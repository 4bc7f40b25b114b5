from enum import StrEnum


class V5LlmEvaluatorSpecEvaluatorType(StrEnum):
    LLM = "llm"

    def __str__(self) -> str:
        return str(self.value)
