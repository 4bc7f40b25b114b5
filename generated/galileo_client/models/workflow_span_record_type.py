from enum import StrEnum


class WorkflowSpanRecordType(StrEnum):
    WORKFLOW = "workflow"

    def __str__(self) -> str:
        return str(self.value)
