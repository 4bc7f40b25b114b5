"""One record as read from a file, before it is parsed into a vendor model: where it was, its text, its JSON."""

from __future__ import annotations

import json
from typing import Any

import attrs


@attrs.frozen
class RawRecord:
    source: str
    """``file:line`` (or ``file page P record I`` inside a JSON page document), for rejects and errors."""
    value: Any
    """The parsed JSON value; None when ``problem`` says why there is none."""
    text: str | None = None
    """The record's text exactly as in the file; None when it is a part of a larger document (then re-serialized)."""
    problem: str | None = None
    """Why the record cannot be read (not JSON, cut off, broken CSV quoting...); it then becomes a reject."""
    field: str | None = None

    def raw_text(self) -> str:
        if self.text is not None:
            return self.text
        return json.dumps(self.value, ensure_ascii=False, default=str)
