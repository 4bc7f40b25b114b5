"""DuckDB: one database file, ``tracebridge.duckdb``, a table per record type and the views users query first.

How it is written, and why: records go to a JSONL journal under ``.partial/duckdb/`` as they arrive (or, when the
same output also writes JSONL, the JSONL sink's files are the journal) (the same cheap
append, byte-offset ``state`` and truncating ``restore`` as the JSONL sink, so resume is the JSONL sink's), and the
database is built once at ``close``: each table bulk-loaded with one ``INSERT ... SELECT FROM read_json(...)`` in a
staged file, which is then renamed into place. A DuckDB file cannot be cut back to a checkpoint, and row-by-row
inserts are orders of magnitude slower than one vectorised load; building at the end gets both right, and a killed
run leaves no ``tracebridge.duckdb`` that looks complete.

Tables mirror the record fields (``tracebridge.sinks.columns``): scalars typed, ``provenance`` a ``STRUCT``, free-form
fields ``JSON`` (query with ``attributes->>'$."gen_ai.request.model"'``), and each ``*_unix_nano`` integer also as a
``TIMESTAMPTZ`` column named without the suffix (microseconds, DuckDB's timestamp precision; the integer keeps the
nanoseconds). Views: ``llm_calls``, ``evaluation_scores`` and ``scores`` (see ``tracebridge.sinks.duckdb_views``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import duckdb

from tracebridge.records import Record
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.columns import PROVENANCE_FIELDS, Column, columns
from tracebridge.sinks.duckdb_views import create_views, quote_identifier, quote_literal
from tracebridge.sinks.jsonl import JsonlSink
from tracebridge.sinks.layout import DUCKDB_FILE, TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import publish

MAX_OBJECT_BYTES = 1 << 30
"""One record may be large (long conversations, retrieved documents); DuckDB's JSON reader defaults to 16 MiB."""


def _provenance_sql() -> str:
    fields = ", ".join(f"{quote_identifier(name)} VARCHAR" for name in PROVENANCE_FIELDS)
    return f"STRUCT({fields})"


_SQL_TYPES = {"string": "VARCHAR", "int": "BIGINT", "bool": "BOOLEAN", "json": "JSON"}


def sql_type(column: Column) -> str:
    return _provenance_sql() if column.kind == "provenance" else _SQL_TYPES[column.kind]


def table_ddl(record_type: str) -> str:
    """``CREATE TABLE`` for one record type: the fields in order, each timestamp column right after its integer."""
    parts: list[str] = []
    for column in columns(record_type):
        not_null = "" if column.nullable else " NOT NULL"
        parts.append(f"{quote_identifier(column.name)} {sql_type(column)}{not_null}")
        if column.timestamp is not None:
            parts.append(f"{quote_identifier(column.timestamp)} TIMESTAMPTZ")
    return f"CREATE TABLE {quote_identifier(TABLES[record_type])} ({', '.join(parts)})"


def jsonl_select(record_type: str, path: Path) -> str:
    """``SELECT`` of one record type's JSONL file in table column order, the timestamps derived from the integers
    (timezone-independent arithmetic). The bulk load below uses it, and so does ``tracebridge sql`` over JSONL."""
    reader_columns = ", ".join(
        f"{quote_literal(column.name)}: {quote_literal(sql_type(column))}" for column in columns(record_type)
    )
    select: list[str] = []
    for column in columns(record_type):
        name = quote_identifier(column.name)
        select.append(name)
        if column.timestamp is not None:
            select.append(f"{timestamp_sql(name)} AS {quote_identifier(column.timestamp)}")
    return (
        f"SELECT {', '.join(select)} "
        f"FROM read_json({quote_literal(str(path))}, format = 'newline_delimited', "
        f"columns = {{{reader_columns}}}, maximum_object_size = {MAX_OBJECT_BYTES})"
    )


def timestamp_sql(unix_nano: str) -> str:
    """A ``TIMESTAMPTZ`` (microseconds, DuckDB's precision) from an integer nanoseconds expression, floored like the
    Parquet and CSV columns: DuckDB's ``//`` truncates toward zero, which would put times before 1970 a microsecond
    late."""
    floored = f"({unix_nano} // 1000 - CAST({unix_nano} % 1000 < 0 AS BIGINT))"
    return f"to_timestamp(0) + to_microseconds({floored})"


def load_sql(record_type: str, journal: Path) -> str:
    """One bulk load of a journal file into its table."""
    return f"INSERT INTO {quote_identifier(TABLES[record_type])} {jsonl_select(record_type, journal)}"


def build_database(target: Path, journals: Mapping[str, Path]) -> None:
    """Create ``target`` from one JSONL journal per record type: tables, bulk loads, views, checkpoint."""
    target.unlink(missing_ok=True)
    connection = duckdb.connect(str(target))
    try:
        for record_type, journal in journals.items():
            connection.execute(table_ddl(record_type))
            if journal.stat().st_size:
                connection.execute(load_sql(record_type, journal))
        create_views(connection)
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


class DuckDbSink(Sink):
    """``tracebridge.duckdb`` in ``out_dir``, built at ``close`` from a JSONL journal under ``.partial/duckdb/``."""

    format: ClassVar[str] = "duckdb"

    def __init__(self, out_dir: Path, *, resume: bool = False, shared_jsonl: JsonlSink | None = None) -> None:
        """``shared_jsonl``: the JSONL sink of the same output, whose files then serve as the journal (written and
        checkpointed once, by that sink) instead of a second copy of every record."""
        self._staging = partial_dir(out_dir) / "duckdb"
        self._shared = shared_jsonl is not None
        self._journal = (
            shared_jsonl if shared_jsonl is not None else JsonlSink(out_dir, resume=resume, staging=self._staging)
        )
        self._final = out_dir / DUCKDB_FILE
        self._open = True

    def write(self, records: Iterable[Record]) -> None:
        if not self._shared:
            self._journal.write(records)

    def state(self) -> SinkState:
        return {"shared_jsonl": True} if self._shared else self._journal.state()

    def restore(self, state: Mapping[str, Any]) -> None:
        if not self._shared:
            self._journal.restore(state)

    def rows(self) -> dict[str, int]:
        return self._journal.rows()

    def close(self, manifest: Manifest | None = None) -> None:
        if not self._open:
            return
        self._staging.mkdir(parents=True, exist_ok=True)
        staged = self._staging / f"{DUCKDB_FILE}.tmp"
        build_database(staged, self._journal.current_paths())
        publish(staged, self._final)
        if not self._shared:
            self._journal.abort(discard=True)
        self._open = False
        with contextlib.suppress(OSError):
            self._staging.rmdir()

    def abort(self, *, discard: bool = False) -> None:
        if not self._open:
            return
        if not self._shared:
            self._journal.abort(discard=discard)
        self._open = False

    def files(self) -> list[str]:
        return [DUCKDB_FILE]
