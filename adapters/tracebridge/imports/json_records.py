"""JSON export files, record by record: JSONL (one record or one page per line) or a JSON document of pages.

Dumps of the paged Humanloop endpoints come either as the pages themselves (``{records, page, size, total}``, one per
file or a JSON array of them) or as JSONL of the records. A JSONL file is streamed line by line; a JSON document is
loaded whole, one file at a time (a page file is one response, so bounded by the server's page size).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tracebridge.delivery.raw import RawRecord
from tracebridge.imports.textfile import Line, decode, first_lines, read_bytes, read_lines
from tracebridge.json_codec import loads

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


def looks_like_jsonl(path: Path) -> bool:
    """True when the first or second non-blank line of the file is a whole JSON object or array on its own.

    A pretty-printed document's lines are fragments (``{``, ``"records": [``); a JSONL file's lines are whole, and one
    broken first line still leaves the second whole. A page saved on one line reads the same either way.
    """
    return any(line.data.lstrip()[:1] in (b"{", b"[") and _whole_json(line.data) for line in first_lines(path))


def _whole_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def json_records(path: Path, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    """Every record of a JSON export file, pages unwrapped; a bad line or document is a RawRecord with a problem."""
    if looks_like_jsonl(path):
        yield from jsonl_records(path, on_total)
    else:
        yield from document_records(path, on_total)


def jsonl_records(path: Path, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    for line in read_lines(path):
        if not line.data.strip():
            continue
        where = f"{path}:{line.number}"
        try:
            value = loads(line.data)
        except ValueError as exc:
            yield RawRecord(source=where, value=None, text=decode(line.data), problem=_line_problem(line, exc))
            continue
        if envelope_records(value) is not None or isinstance(value, list):
            yield from _unwrap(value, where, on_total)
        else:
            yield RawRecord(source=where, value=value, text=decode(line.data))


def document_records(path: Path, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
    """The records of a file holding one JSON document (a page, an array of pages or records, or one record)."""
    try:
        value = loads(read_bytes(path))
    except json.JSONDecodeError as exc:
        line = _line_at(path, exc.lineno)
        yield RawRecord(
            source=f"{path}:{exc.lineno}",
            value=None,
            text=line,
            problem=f"not valid JSON: {exc.msg} (line {exc.lineno} column {exc.colno}); the whole document was skipped",
        )
        return
    except UnicodeDecodeError as exc:
        yield RawRecord(source=str(path), value=None, text="", problem=f"not UTF-8 text: {exc}")
        return
    if envelope_records(value) is not None or isinstance(value, list):
        yield from _unwrap(value, str(path), on_total)
    else:
        yield RawRecord(source=str(path), value=value)


def _unwrap(value: Any, where: str, on_total: TotalSink | None) -> Iterator[RawRecord]:
    """The records of a page or listing, or of an array of pages and/or records."""
    if envelope_records(value) is not None:
        yield from _page(value, where, on_total)
        return
    for index, item in enumerate(value):
        if envelope_records(item) is not None:
            yield from _page(item, f"{where} page {index}", on_total)
        else:
            yield RawRecord(source=f"{where} record {index}", value=item)


def _page(page: dict[str, Any], where: str, on_total: TotalSink | None) -> Iterator[RawRecord]:
    total = page.get("total")
    if on_total is not None and isinstance(total, int) and not isinstance(total, bool):
        on_total(total)
    for index, item in enumerate(envelope_records(page) or []):
        yield RawRecord(source=f"{where} record {index}", value=item)


def _line_problem(line: Line, exc: ValueError) -> str:
    if not line.terminated:
        return "the file ends in the middle of a record (the last line is cut off)"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    return f"not valid JSON: {exc}"


def _line_at(path: Path, number: int) -> str:
    for line in read_lines(path):
        if line.number == number:
            return decode(line.data)[:4096]
    return ""
