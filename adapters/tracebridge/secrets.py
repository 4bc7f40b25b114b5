"""API keys that cannot leak by accident.

A key is wrapped the moment it enters tracebridge (argument or environment variable) and only ``reveal()`` gives the
text back, which the transport does once, to build the request header. ``repr``, ``str`` and f-strings show a
placeholder, so a key cannot end up in a log line, an exception message or a manifest by being printed.
"""

from __future__ import annotations

import os
from typing import Final, final

PLACEHOLDER: Final = "***"


@final
class ApiKey:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        value = value.strip()
        if not value:
            raise ValueError("the API key is empty")
        self._value = value

    @classmethod
    def from_env(cls, *names: str) -> ApiKey | None:
        """The key from the first of ``names`` that is set and non-empty, or None."""
        for name in names:
            value = os.environ.get(name, "").strip()
            if value:
                return cls(value)
        return None

    def reveal(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of the key replaced; for messages that quote what a server echoed back."""
        return text.replace(self._value, PLACEHOLDER)

    def __repr__(self) -> str:
        return f"ApiKey({PLACEHOLDER})"

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiKey) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickling would write the key to disk or a pipe in clear; refuse rather than leak.
        raise TypeError("ApiKey cannot be pickled")
