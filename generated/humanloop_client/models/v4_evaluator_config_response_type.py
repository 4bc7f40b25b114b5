from enum import StrEnum


class V4EvaluatorConfigResponseType(StrEnum):
    EVALUATOR = "evaluator"

    def __str__(self) -> str:
        return str(self.value)
