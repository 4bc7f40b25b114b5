from enum import StrEnum


class V5ExternalEvaluatorSpecEvaluatorType(StrEnum):
    EXTERNAL = "external"

    def __str__(self) -> str:
        return str(self.value)
