from enum import StrEnum


class MetricNotComputedStatusType(StrEnum):
    NOT_COMPUTED = "not_computed"

    def __str__(self) -> str:
        return str(self.value)
