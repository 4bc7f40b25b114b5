from enum import StrEnum


class V5FlowResponseType(StrEnum):
    FLOW = "flow"

    def __str__(self) -> str:
        return str(self.value)
