"""DuckDB: one database file, ``tracebridge.duckdb``, a table per record type and the views users query first.

How it is written, and why: records go to a JSONL journal under ``.partial/duckdb/`` as they arrive (or, when the
same output also writes JSONL, the JSONL sink's files are the journal) (the same cheap
append, byte-offset ``state`` and truncating ``restore`` as the JSONL sink, so resume is the JSONL sink's), and the
database is built once at ``finish``: each table bulk-loaded with one ``INSERT ... SELECT FROM read_json(...)`` in a
staged file, which the output then renames into place with every other file (``tracebridge.sinks.publish``). A
DuckDB file cannot be cut back to a checkpoint, and row-by-row inserts are orders of magnitude slower than one
vectorised load; building at the end gets both right, and a killed run leaves no ``tracebridge.duckdb`` that looks
complete. Paths are given to DuckDB absolute, so none is read as a URL (``--out s3:x``).

Tables mirror the record fields (``tracebridge.sinks.columns``): scalars typed, ``provenance`` a ``STRUCT``, free-form
fields ``JSON`` (query with ``attributes->>'$."gen_ai.request.model"'``), and each ``*_unix_nano`` integer also as a
``TIMESTAMPTZ`` column named without the suffix (microseconds, DuckDB's timestamp precision; the integer keeps the
nanoseconds). Views: ``llm_calls``, ``evaluation_scores`` and ``scores`` (see ``tracebridge.sinks.duckdb_views``).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import duckdb

from tracebridge.records import Record
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.columns import PROVENANCE_FIELDS, Column, columns
from tracebridge.sinks.duckdb_views import create_views, quote_identifier, quote_literal
from tracebridge.sinks.int_range import check as check_integers
from tracebridge.sinks.jsonl import JsonlSink
from tracebridge.sinks.layout import DUCKDB_FILE, TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import Move

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
    # Absolute: DuckDB reads ``s3:x/spans.jsonl`` (any ``scheme:`` prefix) as a URL, never ``/.../s3:x/spans.jsonl``.
    return (
        f"SELECT {', '.join(select)} "
        f"FROM read_json({quote_literal(str(path.absolute()))}, format = 'newline_delimited', "
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


STORAGE_ERRORS: tuple[tuple[str, int], ...] = (
    ("no space left", errno.ENOSPC),
    ("disk full", errno.ENOSPC),
    ("disk is full", errno.ENOSPC),
    ("not enough space", errno.ENOSPC),
    ("quota exceeded", errno.EDQUOT),
    ("permission denied", errno.EACCES),
    ("read-only file system", errno.EROFS),
    ("not a directory", errno.ENOTDIR),
    ("no such file or directory", errno.ENOENT),
    ("input/output error", errno.EIO),
)
"""DuckDB reports the operating system's error as text inside its own exception: the words that say which."""


def storage_error(exc: Exception, target: Path) -> OSError | None:
    """The ``OSError`` (errno, words, path) that DuckDB error ``exc`` stands for when it could not write ``target``;
    None when it is not about storage (a bug, to be reported as one)."""
    text = str(exc)
    lowered = text.lower()
    code = next((code for words, code in STORAGE_ERRORS if words in lowered), None)
    if code is None and not isinstance(exc, duckdb.IOException):
        return None
    code = code if code is not None else errno.EIO
    said = text.splitlines()[0] if text else type(exc).__name__
    return OSError(code, f"{os.strerror(code)} while building the DuckDB database (DuckDB: {said})", str(target))


def build_database(target: Path, journals: Mapping[str, Path]) -> None:
    """Create ``target`` from one JSONL journal per record type: tables, bulk loads, views, checkpoint.

    A DuckDB error that means the file cannot be written (a full disk above all: the database is built at the end of
    a long run, when the disk is fullest) is raised as the ``OSError`` it stands for, naming ``target``, so the user
    reads what happened and what to do rather than an internal error."""
    remove_database(target)
    try:
        connection = duckdb.connect(str(target.absolute()))
        try:
            for record_type, journal in journals.items():
                connection.execute(table_ddl(record_type))
                if journal.stat().st_size:
                    connection.execute(load_sql(record_type, journal))
            create_views(connection)
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
    except duckdb.Error as exc:
        failure = storage_error(exc, target)
        if failure is None:
            raise
        remove_database(target)
        raise failure from exc


def remove_database(target: Path) -> None:
    """Remove a database file and the write-ahead log DuckDB keeps beside it."""
    target.unlink(missing_ok=True)
    target.with_name(f"{target.name}.wal").unlink(missing_ok=True)


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

    def write(self, records: Iterable[Record]) -> None:
        if not self._shared:
            records = list(records)
            for record in records:  # BIGINT columns: say which field, not a cast error at the build (``int_range``)
                check_integers(record)
            self._journal.write(records)

    def state(self) -> SinkState:
        return {"shared_jsonl": True} if self._shared else self._journal.state()

    def restore(self, state: Mapping[str, Any]) -> None:
        if not self._shared:
            self._journal.restore(state)

    def rows(self) -> dict[str, int]:
        return self._journal.rows()

    @property
    def _built(self) -> Path:
        return self._staging / f"{DUCKDB_FILE}.tmp"

    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        """Build the database under ``.partial/duckdb/``; the journal stays until ``cleanup`` (a resume needs it)."""
        self._staging.mkdir(parents=True, exist_ok=True)
        build_database(self._built, self._journal.current_paths())
        return [Move(self._built, self._final)]

    def cleanup(self) -> None:
        if not self._shared:
            self._journal.abort(discard=True)
        with contextlib.suppress(OSError):
            self._staging.rmdir()

    def abort(self, *, discard: bool = False) -> None:
        """Keep the journal for a resume (unless ``discard``); a database built for a publish that failed is dropped:
        the journal builds it again."""
        if not self._shared:
            self._journal.abort(discard=discard)
        remove_database(self._built)

    def files(self) -> list[str]:
        return [DUCKDB_FILE]
