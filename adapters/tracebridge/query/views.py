"""One DuckDB connection over a finished output directory, whatever formats it was written in.

Every format answers the same SQL: a view per record type named after its file (``spans``, ``evaluations``, ...) with
the columns of the DuckDB tables (``tracebridge.sinks.duckdb_sink``: typed scalars, ``provenance`` a struct, free-form
fields ``JSON``, a ``TIMESTAMPTZ`` beside each ``*_unix_nano``), the views of ``tracebridge.sinks.duckdb_views``
(``llm_calls``, ``evaluation_scores``, ``scores``), and ``rejects``. So a query written against the demo's DuckDB file
runs unchanged on a Parquet-only or CSV-only export.

The format read is the fastest the directory holds (the DuckDB file, then Parquet, JSONL, CSV) unless one is named.
The files are only read: the DuckDB file is attached read-only and the other formats are views over the files, in an
in-memory database, so no query can change an output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

import duckdb

from tracebridge.errors import TracebridgeError
from tracebridge.sinks.columns import PROVENANCE_FIELDS, Column, columns
from tracebridge.sinks.duckdb_sink import jsonl_select, sql_type, timestamp_sql
from tracebridge.sinks.duckdb_views import create_views, quote_identifier, quote_literal
from tracebridge.sinks.layout import DUCKDB_FILE, MANIFEST_FILE, PARTIAL_DIR, REJECTS_FILE, TABLES

READ_ORDER: Final = ("duckdb", "parquet", "jsonl", "csv")
"""The format read when a directory holds several: the fastest to query first."""

REJECTS_VIEW: Final = "rejects"
_REJECT_COLUMNS: Final = ("source", "reason", "raw", "source_id", "field")
"""The fields of a line of ``rejects.jsonl`` (``tracebridge.delivery.rejects.Reject``)."""

_ATTACHED: Final = "tracebridge_output"


class QueryError(TracebridgeError):
    """The directory cannot be queried: no finished run in it, or not in the format asked for."""


def written_formats(out_dir: Path) -> list[str]:
    """The formats the run that wrote ``out_dir`` wrote, from its manifest (present only once a run finished)."""
    manifest = out_dir / MANIFEST_FILE
    if not out_dir.is_dir():
        raise QueryError(f"{out_dir}: no such directory (pass the --out of an export, import or demo)")
    if not manifest.is_file():
        partial = " (a run that did not finish left .partial/ there: rerun it with --resume)"
        raise QueryError(
            f"{out_dir}: holds no finished run, no {MANIFEST_FILE}"
            + (partial if (out_dir / PARTIAL_DIR).is_dir() else "")
        )
    try:
        formats = json.loads(manifest.read_text(encoding="utf-8"))["formats"]
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(f"{manifest}: not a tracebridge manifest ({exc})") from exc
    return [str(name) for name in formats]


def format_to_read(out_dir: Path, read: str | None = None) -> str:
    """``read`` if the directory holds it, else the fastest format it holds."""
    formats = written_formats(out_dir)
    if read is not None and read not in formats:
        raise QueryError(f"{out_dir}: has no {read} output (it has {', '.join(formats)})")
    chosen = read or next((name for name in READ_ORDER if name in formats), None)
    if chosen is None:
        raise QueryError(f"{out_dir}: has no files to query (formats: {', '.join(formats) or 'none'})")
    return chosen


def connect(out_dir: str | os.PathLike[str], *, read: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the views over ``out_dir``, reading ``read`` (or the fastest format it holds).

    ``QueryError`` when the directory holds no finished run, or not in ``read``."""
    out_dir = Path(out_dir).absolute()  # a relative "s3:x" would read as a URL to DuckDB
    chosen = format_to_read(out_dir, read)
    connection = duckdb.connect(":memory:")
    try:
        connection.execute("SET TimeZone = 'UTC'")  # timestamps print as UTC whatever the machine's zone
        if chosen == "duckdb":
            _attach(connection, out_dir / DUCKDB_FILE)
        else:
            for record_type, stem in TABLES.items():
                select = _SELECTS[chosen](record_type, out_dir / f"{stem}.{chosen}")
                connection.execute(f"CREATE VIEW {quote_identifier(stem)} AS {select}")
            create_views(connection)
        connection.execute(f"CREATE VIEW {REJECTS_VIEW} AS {_rejects_select(out_dir / REJECTS_FILE)}")
    except duckdb.Error as exc:
        connection.close()
        raise QueryError(f"{out_dir}: cannot read its {chosen} output: {exc}") from exc
    return connection


def _attach(connection: duckdb.DuckDBPyConnection, database: Path) -> None:
    """The DuckDB file, read-only, its tables and views re-exposed under their plain names."""
    connection.execute(f"ATTACH {quote_literal(str(database))} AS {_ATTACHED} (READ_ONLY)")
    names = connection.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? ORDER BY table_name", [_ATTACHED]
    ).fetchall()
    for (name,) in names:
        quoted = quote_identifier(str(name))
        connection.execute(f"CREATE VIEW {quoted} AS SELECT * FROM {_ATTACHED}.main.{quoted}")


def _parquet_select(record_type: str, path: Path) -> str:
    # JSON columns are plain strings in the Parquet files (every reader takes them); here they become JSON again.
    replaced = ", ".join(
        f"CAST({quote_identifier(column.name)} AS JSON) AS {quote_identifier(column.name)}"
        for column in columns(record_type)
        if column.kind == "json"
    )
    star = f"* REPLACE ({replaced})" if replaced else "*"
    return f"SELECT {star} FROM read_parquet({quote_literal(str(path))})"


def _csv_value(column: Column) -> str:
    """A CSV cell (all read as text) as the column's type; provenance is JSON text in CSV."""
    name = quote_identifier(column.name)
    if column.kind == "provenance":
        shape = json.dumps({field: "VARCHAR" for field in PROVENANCE_FIELDS})
        return f"from_json({name}, {quote_literal(shape)})"
    return f"CAST({name} AS {sql_type(column)})"


def _csv_select(record_type: str, path: Path) -> str:
    select: list[str] = []
    for column in columns(record_type):
        value = _csv_value(column)
        select.append(f"{value} AS {quote_identifier(column.name)}")
        if column.timestamp is not None:
            select.append(f"{timestamp_sql(value)} AS {quote_identifier(column.timestamp)}")
    # all_varchar: cells are typed above, by name, so the reader never guesses (a JSON cell is not a struct).
    return f"SELECT {', '.join(select)} FROM read_csv({quote_literal(str(path))}, header = true, all_varchar = true)"


def _rejects_select(path: Path) -> str:
    reader_columns = ", ".join(f"{quote_literal(name)}: 'VARCHAR'" for name in _REJECT_COLUMNS)
    return (
        f"SELECT * FROM read_json({quote_literal(str(path))}, format = 'newline_delimited', "
        f"columns = {{{reader_columns}}})"
    )


_SELECTS: Final[dict[str, Any]] = {"parquet": _parquet_select, "jsonl": jsonl_select, "csv": _csv_select}
