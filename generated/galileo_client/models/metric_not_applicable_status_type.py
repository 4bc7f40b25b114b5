from enum import StrEnum


class MetricNotApplicableStatusType(StrEnum):
    NOT_APPLICABLE = "not_applicable"

    def __str__(self) -> str:
        return str(self.value)
