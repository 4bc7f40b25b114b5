from enum import StrEnum


class V4GenericConfigResponseType(StrEnum):
    GENERIC = "generic"

    def __str__(self) -> str:
        return str(self.value)
