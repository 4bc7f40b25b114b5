"""JSON export files, record by record: JSONL (one record or one page per line) or a JSON document of pages.

Dumps of the paged Humanloop endpoints come either as the pages themselves (``{records, page, size, total}``, one per
file or a JSON array of them) or as JSONL of the records. A JSONL file is streamed line by line; a JSON document is
loaded whole, one file at a time (a page file is one response, so bounded by the server's page size).

Text that does not decode whole (a page with one broken record, a line holding a page whose last record was cut, a
record nested deeper than ``json_codec.MAX_DEPTH``) is read again element by element (``json_scan``): each record of
its array or page is decoded on its own, a broken one becomes one reject naming its line and the decoder's message,
and the others are read. The page's other fields (``total``) count when they decode; one that does not is ignored,
as ``page`` and ``size`` always are. Several documents in a row (``jq . a.json b.json``) are read one after another.
Text that holds no array or page (one record) stays one reject, whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tracebridge.acyclic import acyclic_allocations
from tracebridge.delivery.raw import RawRecord
from tracebridge.imports.inputs import Readable, name_of
from tracebridge.imports.json_scan import LineCounter, Span, scan, siblings, skip_space, values
from tracebridge.imports.textfile import Line, first_lines, line_text, not_utf8, read_bytes, read_lines, shown
from tracebridge.json_codec import NestingError, is_json, loads, split_list

TotalSink = Callable[[int], None]
"""Told the ``total`` of every page envelope read, so the import can say how many records the listing held."""


def is_page(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("records"), list)


LISTING_KEYS = ("runs",)
"""Listings that are not pages: ``GET /evaluations/{id}/runs`` answers ``{"runs": [...]}``."""


def envelope_records(value: Any) -> list[Any] | None:
    """The records a page (``{records, ..., total}``) or a listing (``{runs: [...]}``) wraps; None for anything else."""
    if is_page(value):
        records: list[Any] = value["records"]
        return records
    if isinstance(value, dict) and "id" not in value:
        for key in LISTING_KEYS:
            if isinstance(value.get(key), list):
                listed: list[Any] = value[key]
                return listed
    return None


def looks_like_jsonl(path: Readable) -> bool:
    """True when the first or second non-blank line of the file is a whole JSON object or array on its own.

    A pretty-printed document's lines are fragments (``{``, ``"records": [``); a JSONL file's lines are whole, and one
    broken first line still leaves the second whole. A page saved on one line reads the same either way.
    """
    return any(line.data.lstrip()[:1] in (b"{", b"[") and is_json(line.data) for line in first_lines(path))


def json_records(path: Readable, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    """Every record of a JSON export file, pages unwrapped; a bad line or document is a RawRecord with a problem."""
    if looks_like_jsonl(path):
        yield from jsonl_records(path, on_total)
    else:
        yield from document_records(path, on_total)


DECODED_TOGETHER = 256
"""JSONL lines decoded in one ``acyclic_allocations`` burst: decoded records hold no reference cycles, yet left to
the cycle collector they were walked again and again while they waited to be mapped (``docs/benchmarks.md``)."""
DECODED_TOGETHER_BYTES = 1 << 20
"""... and no more text than this at once (a line may be a whole page, or a session of several MB): half a batch
(``imports.source.BATCH_TEXT``), since a burst's records are all held decoded until the intake has taken the last."""


def jsonl_records(path: Readable, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    name = name_of(path)
    lines = read_lines(path)
    while True:
        chunk: list[Line] = []
        size = 0
        full = False
        try:
            for line in lines:
                if line.data.strip():
                    chunk.append(line)
                    size += len(line.data)
                    if len(chunk) == DECODED_TOGETHER or size >= DECODED_TOGETHER_BYTES:
                        full = True
                        break
        except Exception:
            yield from _decoded(chunk, name, on_total)  # the lines read before a read error are delivered first
            raise
        yield from _decoded(chunk, name, on_total)
        if not full:
            return


def _decoded(lines: list[Line], name: Path, on_total: TotalSink | None) -> list[RawRecord]:
    with acyclic_allocations():
        return [raw for line in lines for raw in line_records(line, f"{name}:{line.number}", on_total)]


def line_records(line: Line, where: str, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    """The records of one non-blank JSONL line found at ``where`` (``file:line``): one record, a page's or an array's
    records, or a reject saying why the line holds none. Shared by file imports and ``tracebridge.scale``, whose
    engines hand over lines one by one, so a line becomes the same records (and rejects) whoever read it."""
    try:
        text = line_text(line.data)
    except UnicodeDecodeError as exc:
        yield RawRecord(source=where, value=None, text=shown(line.data), problem=not_utf8(exc, line.data))
        return
    try:
        value = loads(line.data)
    except ValueError as exc:
        yield from _broken_line(line, text, where, exc, on_total)
        return
    if envelope_records(value) is not None or isinstance(value, list):
        yield from _unwrap(value, where, on_total, line.data)
    else:
        yield RawRecord(source=where, value=value, text=text, json_text=True)


def document_records(path: Readable, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    """The records of a file holding one JSON document (a page, an array of pages or records, or one record)."""
    data = read_bytes(path)
    try:
        with acyclic_allocations():  # a whole page or listing: see DECODED_TOGETHER
            value = loads(data)
    except ValueError:
        # Bytes that are not UTF-8 become surrogate escapes, so only the elements holding them are rejected.
        text = data.decode("utf-8", "surrogateescape")
        located = _Located(text, str(name_of(path)), LineCounter(text))
        for span in values(text):
            inside = _records_inside(located, span, on_total)
            yield from inside if inside is not None else [located.reject(span, located.at(span.start))]
        return
    if envelope_records(value) is not None or isinstance(value, list):
        yield from _unwrap(value, str(name_of(path)), on_total, data)
    else:
        yield RawRecord(source=str(name_of(path)), value=value)


def _unwrap(value: Any, where: str, on_total: TotalSink | None, data: bytes | None = None) -> Iterator[RawRecord]:
    """The records of a page or listing (``value``, decoded from ``data`` when given), or of an array of pages and/or
    records."""
    if envelope_records(value) is not None:
        yield from _page(value, where, on_total, _record_texts(value, data))
        return
    for index, item in enumerate(value):
        if envelope_records(item) is not None:
            yield from _page(item, f"{where} page {index}", on_total)
        else:
            yield RawRecord(source=f"{where} record {index}", value=item)


def _page(
    page: dict[str, Any], where: str, on_total: TotalSink | None, texts: list[bytes] | None = None
) -> Iterator[RawRecord]:
    total = page.get("total")
    if on_total is not None and isinstance(total, int) and not isinstance(total, bool):
        on_total(total)
    for index, item in enumerate(envelope_records(page) or []):
        encoded = texts[index] if texts is not None else None
        yield RawRecord(source=f"{where} record {index}", value=item, encoded=encoded)


def _record_texts(value: Any, data: bytes | None) -> list[bytes] | None:
    """Each record's JSON text as the page ``data`` (decoded as ``value``) holds it (``json_codec.split_list``): a
    batch is bounded by its records' text (``imports.source.BATCH_TEXT``), which a saved page's records otherwise lack,
    and workers are sent that text, as for an API page, rather than each record encoded again. None when ``value`` is
    not a page, or msgspec will not split ``data`` so."""
    if data is None or not is_page(value):
        return None
    try:
        split = split_list(data, "records")
    except ValueError:
        return None
    if split is None or len(split["records"]) != len(value["records"]):
        return None
    texts: list[bytes] = split["records"]
    return texts


def _line_problem(line: Line, exc: ValueError) -> str:
    if not line.terminated:
        return "the file ends in the middle of a record (the last line is cut off)"
    if isinstance(exc, NestingError):
        return str(exc)
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    return f"not valid JSON: {exc}"


def _broken_line(line: Line, text: str, where: str, exc: ValueError, on_total: TotalSink | None) -> Iterator[RawRecord]:
    """A JSONL line that does not decode: its records one by one when it holds a page or an array, else one reject."""
    located = _Located(text, where, None)
    spans = values(text)
    inside = _records_inside(located, spans[0], on_total) if len(spans) == 1 else None
    if inside is not None:
        yield from inside
        return
    yield RawRecord(source=where, value=None, text=text, problem=_line_problem(line, exc))


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that was not UTF-8, as ``surrogateescape`` decoded it."""


class _Located:
    """JSON text read element by element, and how to name a place in it: ``file:line`` in a document (``lines``), the
    line's own ``file:line`` in a JSONL line (``lines`` is None)."""

    def __init__(self, text: str, where: str, lines: LineCounter | None) -> None:
        self.text = text
        self.where = where
        self.lines = lines

    def at(self, position: int) -> str:
        return f"{self.where}:{self.lines.line_of(position)}" if self.lines is not None else self.where

    def position(self, position: int) -> str:
        column = position - self.text.rfind("\n", 0, position)
        return f"line {self.lines.line_of(position)} column {column}" if self.lines is not None else f"column {column}"

    def decode(self, span: Span) -> tuple[Any, str | None]:
        """The value of ``span``, or None and why it has none. An element the text ended in (``closed=False``) may
        still be whole (a cut after its last bracket): only one that does not decode is called cut off."""
        escaped = _ESCAPED_BYTE.search(self.text, span.start, span.end)
        if escaped is not None:
            byte = ord(escaped.group()) - 0xDC00
            return (
                None,
                f"not UTF-8 text: byte 0x{byte:02x} at {self.position(escaped.start())} (shown as \\x{byte:02x})",
            )
        try:
            return loads(self.text[span.start : span.end]), None
        except ValueError as exc:
            return None, self._problem(span, exc)

    def _problem(self, span: Span, exc: ValueError) -> str:
        if not span.closed:
            return "the file ends in the middle of this record (it was cut off)"
        if isinstance(exc, NestingError):
            return str(exc)
        if isinstance(exc, json.JSONDecodeError):
            return f"not valid JSON: {exc.msg} ({self.position(span.start + exc.pos)})"
        return f"not valid JSON: {exc}"

    def reject(self, span: Span, source: str, problem: str | None = None) -> RawRecord:
        raw = self.text[span.start : span.end].encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return RawRecord(source=source, value=None, text=raw, problem=problem or self.decode(span)[1])


def _records_inside(located: _Located, span: Span, on_total: TotalSink | None) -> Iterator[RawRecord] | None:
    """The records of the value at ``span`` (decoded whole if it can be, else element by element); None when it is
    broken and holds no array or page to read elements of (one record: the caller rejects it whole)."""
    value, problem = located.decode(span)
    if problem is None:
        if envelope_records(value) is not None or isinstance(value, list):
            return _unwrap(value, located.at(span.start), on_total)
        return iter([RawRecord(source=located.at(span.start), value=value)])
    if located.text[span.start] == "[":
        return _elements(located, span.start, on_total, pages=True)
    records = _envelope(located, span.start, on_total)
    return _elements(located, records, on_total) if records is not None else None


def _envelope(located: _Located, opening: int, on_total: TotalSink | None) -> int | None:
    """Where the records array of the page (or listing) at ``opening`` starts, its ``total`` told to ``on_total``;
    None when what is there is not a page (or not an object at all)."""
    text = located.text
    if text[opening] != "{":
        return None
    members: dict[str, Span] = {}
    for member in scan(text, opening).elements:
        if member.colon is not None:
            try:
                key = json.loads(text[member.start : member.colon])
            except ValueError:
                continue
            value = skip_space(text, member.value_start())
            if isinstance(key, str) and value < member.end:
                members.setdefault(key, Span(value, member.end, member.closed))
    found = next(
        (
            members[key]
            for key in ("records", *([] if "id" in members else LISTING_KEYS))
            if key in members and text[members[key].start] == "["
        ),
        None,
    )
    if found is None:
        return None
    if "total" in members and on_total is not None:
        total, _ = located.decode(members["total"])
        if isinstance(total, int) and not isinstance(total, bool):
            on_total(total)
    return found.start


def _elements(
    located: _Located, opening: int, on_total: TotalSink | None, *, pages: bool = False, page: str = ""
) -> Iterator[RawRecord]:
    """Each element of the array at ``opening``, decoded on its own: a record, a page when ``pages`` (an array of
    pages, whose broken pages are read element by element too), or a reject naming the line it starts on."""
    for index, element in enumerate(scan(located.text, opening).elements):
        where = located.at(element.start)
        value, problem = located.decode(element)
        if problem is None:
            if pages and envelope_records(value) is not None:
                yield from _page(value, f"{where} page {index}", on_total)
            else:
                yield RawRecord(source=f"{where}{page} record {index}", value=value)
            continue
        records = _envelope(located, element.start, on_total) if pages else None
        if records is not None:
            yield from _elements(located, records, on_total, page=f" page {index}")
            continue
        pieces = siblings(located.text, element)
        if len(pieces) == 1:
            yield located.reject(element, f"{where}{page} record {index}", problem)
            continue
        # A broken element that swallowed its siblings (an unclosed bracket): read each where the layout says it is.
        for number, piece in enumerate(pieces):
            source = f"{located.at(piece.start)}{page} record {index}" + (f" part {number + 1}" if number else "")
            value, problem = located.decode(piece)
            if problem is None:
                yield RawRecord(source=source, value=value)
            else:
                yield located.reject(piece, source, problem)
