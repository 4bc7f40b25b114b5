from enum import StrEnum


class V5HumanEvaluatorSpecEvaluatorType(StrEnum):
    HUMAN = "human"

    def __str__(self) -> str:
        return str(self.value)
