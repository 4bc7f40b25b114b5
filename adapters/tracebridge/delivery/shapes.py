"""How one vendor format lays its records out in a file: declared by the vendor's wing, read by ``imports``.

The wing knows its formats (which records a file holds, how a CSV row is assembled, which records its export tool
writes twice); the file intake knows how to read files (lines, JSON documents, pages, totals). A ``FileShape`` is
what passes between the two, so neither has to import the other's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal

import attrs

from tracebridge.delivery.kinds import KindOf
from tracebridge.delivery.raw import RawRecord

Layout = Literal["json", "document", "lines"]
"""``json``: JSONL, or JSON documents of records or pages (``{records, ..., total}``); ``document``: one JSON document
that is one record (or a list of them); ``lines``: a line-oriented format the shape parses itself (CSV)."""

LineRecords = Callable[[str, Iterable[tuple[int, str]]], Iterator[RawRecord]]
"""The records of a line-oriented file, given its name (for ``file:line`` locations) and its numbered lines; raises
``FileLayoutError`` when the file's layout is broken beyond single records."""

KnownRepeats = Callable[[Iterable[bytes]], Iterator[str]]
"""The identities of records held inside other records of the given lines: their standalone copies are repeats."""


@attrs.frozen
class FileShape:
    format: str
    """The ``--from`` name of the format the file belongs to (for messages and the job description)."""
    layout: Layout
    kind_of: KindOf
    """The kind of each record; one file may hold several kinds (bare v5 Logs beside evaluation-log envelopes)."""
    line_records: LineRecords | None = None
    """For ``lines`` layouts: how the file's lines become records."""
    known_repeats: KnownRepeats | None = None
    """Records the vendor's tool also wrote nested in others: found in a first pass, so either copy is kept once."""
