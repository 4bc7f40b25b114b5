from enum import StrEnum


class LogRecordsCollectionFilterType(StrEnum):
    COLLECTION = "collection"

    def __str__(self) -> str:
        return str(self.value)
