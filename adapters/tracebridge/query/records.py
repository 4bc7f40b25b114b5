"""The records of a finished output directory, read back as record objects, from whichever format it holds.

For ``tracebridge send`` and library users who carry an earlier run on. JSONL is read line by line with the standard
library (no extra needed); the other formats through the same DuckDB views as ``tracebridge sql``, their rows turned
back into the records' JSON (free-form columns parsed, the derived time columns left out).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tracebridge.json_codec import loads
from tracebridge.query.views import QueryError, written_formats
from tracebridge.records import Record
from tracebridge.serialization import from_json_dict
from tracebridge.sinks.columns import columns
from tracebridge.sinks.layout import TABLES


def read_records(out_dir: str | os.PathLike[str], record_type: str, *, read: str | None = None) -> Iterator[Record]:
    """Every record of ``record_type`` in the directory, in file order, read from ``read`` or the simplest format
    it holds (JSONL first: no extra needed)."""
    directory = Path(out_dir)
    formats = written_formats(directory)
    if read is not None and read not in formats:
        raise QueryError(f"{directory}: has no {read} output (it has {', '.join(formats)})")
    stem = TABLES[record_type]
    if (read or ("jsonl" if "jsonl" in formats else None)) == "jsonl":
        yield from _jsonl(directory / f"{stem}.jsonl")
        return
    yield from _through_views(directory, record_type, read)


def _jsonl(path: Path) -> Iterator[Record]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield from_json_dict(loads(line))
                except ValueError as exc:
                    raise QueryError(f"{path}:{number}: not a tracebridge record ({exc})") from exc


def _through_views(directory: Path, record_type: str, read: str | None) -> Iterator[Record]:
    from tracebridge.query.views import connect  # noqa: PLC0415 - imports duckdb: only for the formats that need it

    fields = columns(record_type)
    json_fields = {column.name for column in fields if column.kind == "json"}
    names = ", ".join(f'"{column.name}"' for column in fields)
    with connect(directory, read=read) as connection:
        cursor = connection.execute(f'SELECT {names} FROM "{TABLES[record_type]}"')
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                data: dict[str, Any] = {}
                for column, value in zip(fields, row, strict=True):
                    data[column.name] = loads(value) if column.name in json_fields and value is not None else value
                yield from_json_dict(data)
