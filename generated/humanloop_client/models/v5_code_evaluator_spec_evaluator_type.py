from enum import StrEnum


class V5CodeEvaluatorSpecEvaluatorType(StrEnum):
    PYTHON = "python"

    def __str__(self) -> str:
        return str(self.value)
