from enum import StrEnum


class V5EvaluatorResponseType(StrEnum):
    EVALUATOR = "evaluator"

    def __str__(self) -> str:
        return str(self.value)
