"""Galileo CSV exports, row by row: quoted fields may span lines, and one broken quote must not swallow the file.

Rows are assembled the way the API reader assembles the streamed CSV (a row is complete when its quotes balance) and
cells become JSON values with the same ``csv_cell``, so a file yields exactly the records the stream would. A quote
that is never closed would otherwise join every later line into one row: when the file ends inside a quoted field, or
a row grows past ``MAX_ROW_BYTES``, the line that opened it is rejected and reading resumes on the next line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from tracebridge.delivery.raw import RawRecord
from tracebridge.galileo.client import csv_cell
from tracebridge.imports.errors import ImportFormatError
from tracebridge.imports.textfile import Line, decode, read_lines

MAX_ROW_BYTES = 64 * 1024 * 1024


def _allow_long_cells() -> None:
    """The csv module refuses cells over 128 KiB by default; an LLM output or a retrieved document can be longer."""
    if csv.field_size_limit() < MAX_ROW_BYTES:
        csv.field_size_limit(MAX_ROW_BYTES)


def csv_records(path: Path) -> Iterator[RawRecord]:
    _allow_long_cells()
    header: list[str] | None = None
    offset, number = 0, 1
    while True:
        pending: list[tuple[Line, str]] = []
        quotes = size = 0
        runaway: Line | None = None
        for line in read_lines(path, offset=offset, first_number=number):
            text = decode(line.data)
            if not pending and not text.strip():
                continue
            pending.append((line, text))
            quotes += text.count('"')
            size += len(line.data)
            if quotes % 2:
                if size > MAX_ROW_BYTES:
                    runaway = pending[0][0]
                    break
                continue
            first = pending[0][0]
            row_text = "\n".join(part for _, part in pending)
            pending, quotes, size = [], 0, 0
            where = f"{path}:{first.number}"
            try:
                row = next(csv.reader([row_text], strict=True), [])
            except csv.Error as exc:
                if header is None:
                    raise ImportFormatError(path, f"line {first.number}: the CSV header is broken: {exc}") from None
                yield RawRecord(source=where, value=None, text=row_text, problem=f"broken CSV quoting: {exc}")
                continue
            if header is None:
                header = row
                continue
            if len(row) != len(header):
                yield RawRecord(
                    source=where,
                    value=None,
                    text=row_text,
                    problem=f"{len(row)} cells, the header (line 1) has {len(header)}; broken CSV quoting?",
                )
                continue
            yield RawRecord(
                source=where,
                value={name: csv_cell(value) for name, value in zip(header, row, strict=True)},
                text=row_text,
            )
        if runaway is None and pending:
            runaway = pending[0][0]
        if runaway is None:
            return
        if header is None:
            raise ImportFormatError(path, f"line {runaway.number}: the CSV header opens a quote it never closes")
        yield RawRecord(
            source=f"{path}:{runaway.number}",
            value=None,
            text=decode(runaway.data),
            problem="broken CSV quoting: a quoted field opened on this line is never closed; the line was skipped",
        )
        offset, number = runaway.end, runaway.number + 1
