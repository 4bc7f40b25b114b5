"""A query's result as text: an aligned table for people, CSV or JSON for programs.

The table is for reading at a terminal: long cells are cut to ``MAX_CELL`` characters with an ellipsis, NULL is
written ``NULL``, numbers are right-aligned, and the row count ends it. CSV and JSON carry every value in full and
stream row batches, so a large result never has to fit in memory; JSON columns stay JSON (objects, not strings), and
timestamps are ISO-8601.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import decimal
import json
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, Final, TextIO

import duckdb

FORMATS: Final = ("table", "csv", "json")
MAX_CELL: Final = 60
BATCH_ROWS: Final = 10_000


def _rows(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple[Any, ...]]:
    while batch := cursor.fetchmany(BATCH_ROWS):
        yield from batch


def _json_columns(cursor: duckdb.DuckDBPyConnection) -> list[bool]:
    return [str(column[1]) == "JSON" for column in cursor.description or ()]


def _plain(value: Any) -> Any:
    """A value JSON can hold, keeping what it says: exact decimals as numbers, times as ISO-8601, bytes as base64."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list | tuple):
        return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))
    plain = _plain(value)
    return plain if isinstance(plain, str) else str(plain)


def write_json(cursor: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """A JSON array of objects, one per row, written as the rows arrive."""
    names = [column[0] for column in cursor.description or ()]
    is_json = _json_columns(cursor)
    count = 0
    stream.write("[")
    for row in _rows(cursor):
        item = {
            name: json.loads(value) if parse and isinstance(value, str) else _plain(value)
            for name, value, parse in zip(names, row, is_json, strict=True)
        }
        stream.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def write_csv(cursor: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """A header row, then one row per result row; NULL is an empty cell."""
    writer = csv.writer(stream)
    writer.writerow([column[0] for column in cursor.description or ()])
    count = 0
    for row in _rows(cursor):
        writer.writerow(["" if value is None else _text(value) for value in row])
        count += 1
    return count


def _cell(value: Any) -> str:
    text = "NULL" if value is None else " ".join(_text(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def write_table(cursor: duckdb.DuckDBPyConnection, stream: TextIO) -> int:
    """An aligned table with a header and the row count (every row: for a large result, use LIMIT or --format csv)."""
    names = [column[0] for column in cursor.description or ()]
    rows = cursor.fetchall()
    cells = [[_cell(value) for value in row] for row in rows]
    right = [bool(rows) and all(_is_number(row[i]) or row[i] is None for row in rows) for i in range(len(names))]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(names)]

    def line(values: Sequence[str]) -> str:
        padded = [
            value.rjust(width) if align else value.ljust(width)
            for value, width, align in zip(values, widths, right, strict=True)
        ]
        return " | ".join(padded).rstrip()

    out = [line(names), "-+-".join("-" * width for width in widths)]
    out.extend(line(row) for row in cells)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    stream.write("\n".join(out) + "\n")
    return len(rows)


WRITERS: Final = {"table": write_table, "csv": write_csv, "json": write_json}
