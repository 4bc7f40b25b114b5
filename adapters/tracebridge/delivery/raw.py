"""One record as a source read it, before the intake: where it was, its text, its decoded JSON, or why it has none.

Pages, streams and files all hand their records to the intake in this one shape, so "where" (endpoint and page, or
``file:line``) and "what was wrong" reach a reject the same way whatever the source.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from tracebridge.json_codec import loads_measured

MAX_LINE_BYTES = 256 * 1024 * 1024
"""The longest line any source reads (a streamed or saved export line): past this it is not an export."""


@attrs.frozen
class RawRecord:
    source: str
    """Where the record was: ``file:line``, ``file page P record I``, or the endpoint with page and record number."""
    value: Any
    """The decoded JSON value; None when ``problem`` says why there is none."""
    text: str | None = None
    """The record's text exactly as read; None when it is a part of a larger document (then re-serialized)."""
    problem: str | None = None
    """Why the record cannot be read (not JSON, cut off, broken CSV quoting...); it then becomes a reject."""
    field: str | None = None
    """The field to blame for ``problem``, when there is one."""
    json_text: bool = False
    """``text`` is the whole JSON text ``value`` was decoded from (a JSON line): a worker process decodes it again
    rather than be sent the decoded value (``tracebridge.delivery.workers``)."""
    probed: bool = False
    """``value`` holds only what the intake and the kind's identity read (``RecordKind.probe``); the whole record is
    ``encoded`` (or ``text``, when ``json_text``), decoded when something needs it (``Delivered.raw``)."""
    encoded: bytes | str | None = None
    """The record's JSON as the source sent it, when ``text`` is not it (a page's record: ``text`` is None, so a
    reject shows it as ``raw_text`` always has, written from the decoded value)."""

    def whole(self) -> Any:
        """The whole record: ``value``, or for a probed record its JSON decoded now."""
        if not self.probed:
            return self.value
        return loads_measured(self.encoded if self.encoded is not None else self.raw_text())

    def raw_text(self) -> str:
        if self.text is not None:
            return self.text
        return json.dumps(self.value, ensure_ascii=False, default=str)
