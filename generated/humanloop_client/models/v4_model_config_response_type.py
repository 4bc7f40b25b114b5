from enum import StrEnum


class V4ModelConfigResponseType(StrEnum):
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
