"""CSV, for spreadsheets and tools that read nothing else: one file per record type, one column per record field.

Columns follow the record classes' field order (``tracebridge.sinks.columns``), with a header row. Scalars are
written plainly (booleans as ``true``/``false``, timestamps as the integer nanoseconds); ``provenance`` and every
free-form field (``attributes``, ``extra``, ...) are compact JSON text in one cell. A null is an empty cell; CSV has no
other way to say it, so an empty string is also an empty cell (the one thing CSV cannot round-trip; the other formats
keep it). A lone surrogate in any cell is written as its six-character escape, as in every format
(``tracebridge.sinks.text``).

Each ``*_unix_nano`` integer is followed by the same instant as ISO-8601 UTC text, in a column named without the
suffix (``start_time_unix_nano`` -> ``start_time``), as the other tabular formats name their timestamp columns: an
integer is exact but no spreadsheet or CSV reader takes it for a time, while ISO text is what they all parse. The
fraction always has nine digits and the zone is always ``Z``, so no nanosecond is lost, the cells have one width and
sort as text in time order, and a reader that keeps microseconds (DuckDB, Spark) truncates to the same value the
Parquet column holds. The text is computed with integer arithmetic rather than ``datetime`` (which has no
nanoseconds), so it is exact before 1970 too; an instant outside the years 1 to 9999, which ISO-8601's four-digit
year cannot write, leaves the cell empty (the integer beside it still has the value).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from tracebridge.records import Record
from tracebridge.sinks.base import Encoded
from tracebridge.sinks.columns import Column, columns, escaped_strings, provenance_dict, to_json_text
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.table_files import TableFilesSink

EXTENSION = ".csv"

_NANOS_PER_SECOND = 1_000_000_000
_SECONDS_PER_DAY = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_MAX_ORDINAL = date.max.toordinal()


def iso_utc(nanos: int | None) -> str | None:
    """``nanos`` since the epoch as ``YYYY-MM-DDTHH:MM:SS.fffffffffZ``; None for null or a year outside 1..9999.

    ``divmod`` floors, so the date, time of day and fraction are all non-negative whatever the sign of ``nanos``.
    """
    if nanos is None:
        return None
    seconds, fraction = divmod(nanos, _NANOS_PER_SECOND)
    days, second_of_day = divmod(seconds, _SECONDS_PER_DAY)
    ordinal = _EPOCH_ORDINAL + days
    if not 1 <= ordinal <= _MAX_ORDINAL:
        return None
    hours, rest = divmod(second_of_day, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{date.fromordinal(ordinal).isoformat()}T{hours:02d}:{minutes:02d}:{secs:02d}.{fraction:09d}Z"


def _cell_writer(column: Column) -> Callable[[Any], str | None]:
    if column.kind == "json":
        return to_json_text
    if column.kind == "provenance":
        return lambda value: to_json_text(provenance_dict(value))
    if column.kind == "bool":
        return lambda value: None if value is None else ("true" if value else "false")
    return lambda value: value  # str, int or None: the csv module writes None as an empty cell


@cache
def _plan(record_type: str) -> tuple[tuple[str, str, Callable[[Any], str | None]], ...]:
    """(header, record field, cell writer) per CSV column: every field, and its ISO time right after a timestamp."""
    plan: list[tuple[str, str, Callable[[Any], str | None]]] = []
    for column in columns(record_type):
        plan.append((column.name, column.name, _cell_writer(column)))
        if column.timestamp is not None:
            plan.append((column.timestamp, column.name, iso_utc))
    return tuple(plan)


def _encode(rows: list[list[Any]]) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    try:
        return text.getvalue().encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in a plain cell (JSON cells never hold one): the rule of every format
        return _encode([escaped_strings(row) for row in rows])


class _Pieces(list[str]):
    """What ``csv.writer`` writes, one string per row (it writes each row with one ``write`` call)."""

    def write(self, text: str) -> None:
        self.append(text)


def encode_rows(record_type: str, records: Sequence[Record]) -> list[bytes]:
    """Each record's CSV row as bytes: joined, exactly what ``CsvSink.write`` writes for the same records (a row
    does not depend on its neighbours, and the lone-surrogate rule applies to the row that holds one)."""
    plan = _plan(record_type)
    rows = [[cell(getattr(record, name)) for _, name, cell in plan] for record in records]
    pieces = _Pieces()
    csv.writer(pieces).writerows(rows)
    if len(pieces) != len(rows):  # never with the csv module as it is; kept exact if it ever buffers differently
        return [_encode([row]) for row in rows]
    out: list[bytes] = []
    for row, piece in zip(rows, pieces, strict=True):
        try:
            out.append(piece.encode("utf-8"))
        except UnicodeEncodeError:
            out.append(_encode([escaped_strings(row)]))
    return out


class CsvSink(TableFilesSink):
    format: ClassVar[str] = "csv"
    extension: ClassVar[str] = EXTENSION
    encodings: ClassVar[frozenset[str]] = frozenset({"csv"})

    def __init__(self, out_dir: Path, *, resume: bool = False) -> None:
        super().__init__(out_dir, resume=resume)
        self._plans = {record_type: _plan(record_type) for record_type in TABLES}
        self._headers = {
            record_type: _encode([[header for header, _, _ in plan]]) for record_type, plan in self._plans.items()
        }
        if not resume:
            for record_type, staged in self._files.items():
                staged.write(self._headers[record_type])

    def write(self, records: Iterable[Record]) -> None:
        batches: dict[str, list[list[Any]]] = {}
        for record in records:
            record_type = record.record_type
            plan = self._plans[record_type]
            batches.setdefault(record_type, []).append([cell(getattr(record, name)) for _, name, cell in plan])
        for table, rows in batches.items():
            self._files[table].write(_encode(rows))
            self._rows[table] += len(rows)

    def write_encoded(self, encoded: Encoded) -> None:
        assert encoded.csv_rows is not None, "encoded without the csv encoding"
        files = {record_type: staged.handle for record_type, staged in self._files.items()}
        rows = self._rows
        for record_type, row in zip(encoded.types, encoded.csv_rows, strict=True):
            files[record_type].write(row)
            rows[record_type] += 1

    def restore(self, state: Mapping[str, Any]) -> None:
        for record_type, staged in self._files.items():
            saved = state.get(record_type)
            if saved is None:  # nothing was checkpointed: start over from the header
                staged.truncate(0)
                staged.write(self._headers[record_type])
                self._rows[record_type] = 0
            else:
                staged.truncate(int(saved["bytes"]))
                self._rows[record_type] = int(saved["rows"])
