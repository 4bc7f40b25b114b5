from enum import StrEnum


class V5DatasetResponseType(StrEnum):
    DATASET = "dataset"

    def __str__(self) -> str:
        return str(self.value)
