"""Pre-encoded JSON templates: a record is rendered by splicing per-record values into bytes encoded once.

Encoding a rich record with ``json.dumps`` costs tens of microseconds; the sandbox must serve a thousand pages of a
hundred records a second, so records are built from a few archetypes per seed, each encoded once with placeholders
where per-record values go. Rendering is then a byte join. Two placeholder forms:

- ``slot("name")`` is a string that stands for a whole JSON value: the spliced bytes are any JSON literal (a quoted
  string, a number, ``null``, an object).
- ``inline("name")`` goes inside a string (``"data_" + inline("hex")``): the spliced bytes are raw text, which must
  need no JSON escaping (ids, hex digits).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_SLOT = re.compile(rb'"@@([A-Za-z0-9_]+)@@"|%%([A-Za-z0-9_]+)%%')


def slot(name: str) -> str:
    """The placeholder for a whole value, to put in an archetype where a per-record value goes."""
    return f"@@{name}@@"


def inline(name: str) -> str:
    """The placeholder for raw text inside a string value."""
    return f"%%{name}%%"


def literal(value: Any) -> bytes:
    """A value as the JSON bytes a slot takes."""
    if isinstance(value, str) and value.isascii() and '"' not in value and "\\" not in value and value.isprintable():
        return b'"' + value.encode() + b'"'
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def encode(value: Any) -> bytes:
    """Compact JSON bytes, as every sandbox answer is encoded."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class Template:
    """An archetype encoded once; ``render`` splices slot values into it."""

    __slots__ = ("_buffer", "_pieces", "names")

    def __init__(self, archetype: Any) -> None:
        parts = _SLOT.split(encode(archetype))
        # split() yields: text, whole-slot name or None, inline-slot name or None, text, ...
        self._pieces: list[bytes] = parts[0::3]
        self.names: tuple[str, ...] = tuple(
            (whole or inl).decode() for whole, inl in zip(parts[1::3], parts[2::3], strict=True)
        )
        self._buffer: list[bytes] = [b""] * (2 * len(self.names) + 1)
        self._buffer[0::2] = self._pieces

    def render(self, values: Mapping[str, bytes]) -> bytes:
        """The record's JSON bytes; ``values`` maps each slot name to its bytes (see ``literal``)."""
        out = self._buffer.copy()
        out[1::2] = [values[name] for name in self.names]
        return b"".join(out)
