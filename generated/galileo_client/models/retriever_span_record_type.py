from enum import StrEnum


class RetrieverSpanRecordType(StrEnum):
    RETRIEVER = "retriever"

    def __str__(self) -> str:
        return str(self.value)
