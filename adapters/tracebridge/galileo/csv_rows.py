"""Galileo CSV exports, row by row, from lines: one assembler for the API stream and for files.

A quoted cell may span lines, so a row is complete only when its quotes balance; cells become JSON values
(``csv_cell``). A quote that is never closed would otherwise join every later line into one row: when a row grows
past ``MAX_ROW_CHARS``, or the input ends inside a quoted field and the reader chooses to recover (a file; a stream
that ends there was cut and is restarted instead), the line that opened it is rejected and assembly starts again on
the line after it.

A header that names a column twice (a custom column sharing a field's name, two exports' columns pasted together)
keeps every column: the first under its name, each later one under ``name (2)``, ``name (3)``..., numbered past any
name the header already has, so no cell is lost to its namesake (the mapping keeps what it does not know in
``extra``).

A file reader hands lines whose bytes were not UTF-8 with those bytes as surrogate escapes (U+DC80-U+DCFF, PEP 383):
the row holding one is rejected, showing the bytes as ``\\xff``, rather than read with the bytes replaced.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from tracebridge.errors import FileLayoutError
from tracebridge.json_codec import loads

MAX_ROW_CHARS = 64 * 1024 * 1024
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@attrs.frozen
class CsvRow:
    """One data row: the line it starts on, its text, and its cells by header name, or why it has none."""

    line: int
    text: str
    cells: dict[str, Any] | None
    problem: str | None = None


def csv_cell(value: str) -> Any:
    """A CSV cell as the JSON value it stands for: empty is null, nested values are JSON text, the rest is text."""
    if value == "":
        return None
    if value[0] in "[{" or value in ("true", "false", "null"):
        try:
            return loads(value)  # the one decoder: NaN kept, nesting bounded (a cell too deep stays text)
        except ValueError:
            return value
    return value


def unique_names(header: list[str]) -> list[str]:
    """The header's names with every repeat renamed ``name (2)``, ``name (3)``..., never to a name already used."""
    taken = set(header)
    seen: dict[str, int] = {}
    names = []
    for name in header:
        if name not in seen:
            seen[name] = 1
            names.append(name)
            continue
        number = seen[name]
        while True:
            number += 1
            candidate = f"{name} ({number})"
            if candidate not in taken:
                break
        seen[name] = number
        taken.add(candidate)
        names.append(candidate)
    return names


def shown(text: str) -> str:
    """A row's text for a reject: the bytes that were not UTF-8 (surrogate escapes) shown as ``\\xff``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _allow_long_cells() -> None:
    """The csv module refuses cells over 128 KiB by default; an LLM output or a retrieved document can be longer."""
    if csv.field_size_limit() < MAX_ROW_CHARS:
        csv.field_size_limit(MAX_ROW_CHARS)


class CsvRowAssembler:
    """Feed it numbered lines (without their line endings); it gives back complete data rows.

    The first complete row is the header (its repeated names made unique: ``unique_names``); a header that does not
    parse, or is not UTF-8 text, raises ``FileLayoutError``.
    """

    def __init__(self) -> None:
        _allow_long_cells()
        self.header: list[str] | None = None
        self._header_line = 1
        self._pending: list[tuple[int, str]] = []
        self._quotes = 0
        self._size = 0

    @property
    def unfinished(self) -> bool:
        """True when the input so far ends inside a quoted field."""
        return bool(self._pending)

    def feed(self, number: int, text: str) -> Iterator[CsvRow]:
        if not self._pending and not text.strip():
            return
        self._pending.append((number, text))
        self._quotes += text.count('"')
        self._size += len(text)
        if self._quotes % 2 == 0:
            yield from self._complete()
        elif self._size > MAX_ROW_CHARS:
            yield from self.recover()

    def recover(self) -> Iterator[CsvRow]:
        """Reject the line that opened an unclosed quote and assemble the lines after it again."""
        while self._pending:
            (number, text), *rest = self._pending
            self._pending, self._quotes, self._size = [], 0, 0
            if self.header is None:
                raise FileLayoutError(f"line {number}: the CSV header opens a quote it never closes")
            yield CsvRow(
                number,
                shown(text),
                None,
                "broken CSV quoting: a quoted field opened on this line is never closed; the line was skipped",
            )
            for line in rest:
                yield from self.feed(*line)

    def _complete(self) -> Iterator[CsvRow]:
        lines, self._pending, self._quotes, self._size = self._pending, [], 0, 0
        first = lines[0][0]
        row_text = "\n".join(text for _, text in lines)
        not_text = self._not_utf8(lines)
        if not_text is not None:
            if self.header is None:
                raise FileLayoutError(f"line {first}: the CSV header is {not_text}")
            yield CsvRow(first, shown(row_text), None, not_text)
            return
        try:
            row = next(csv.reader([row_text], strict=True), [])
        except csv.Error as exc:
            if self.header is None:
                raise FileLayoutError(f"line {first}: the CSV header is broken: {exc}") from None
            yield CsvRow(first, row_text, None, f"broken CSV quoting: {exc}")
            return
        if self.header is None:
            self.header, self._header_line = unique_names(row), first
            return
        if len(row) != len(self.header):
            yield CsvRow(
                first,
                row_text,
                None,
                f"{len(row)} cells, the header (line {self._header_line}) has {len(self.header)}; broken CSV quoting?",
            )
            return
        yield CsvRow(first, row_text, {name: csv_cell(value) for name, value in zip(self.header, row, strict=True)})

    @staticmethod
    def _not_utf8(lines: list[tuple[int, str]]) -> str | None:
        """Why a row is not text: the first byte that was not UTF-8 (a surrogate escape), by line and column."""
        for number, text in lines:
            escaped = _ESCAPED_BYTE.search(text)
            if escaped is not None:
                byte = ord(escaped.group()) - 0xDC00
                column = escaped.start() + 1
                return f"not UTF-8 text: byte 0x{byte:02x} on line {number}, column {column} (shown as \\x{byte:02x})"
        return None


def csv_rows(lines: Iterable[tuple[int, str]]) -> Iterator[CsvRow]:
    """Every data row of a whole CSV document given as numbered lines; an unclosed quote at the end is recovered."""
    assembler = CsvRowAssembler()
    for number, text in lines:
        yield from assembler.feed(number, text)
    yield from assembler.recover()
