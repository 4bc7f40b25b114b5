"""DuckDB: one database file, ``tracebridge.duckdb``, a table per record type and the views users query first.

How it is written, and why: records go to a JSONL journal under ``.partial/duckdb/`` as they arrive (or, when the
same output also writes JSONL, the JSONL sink's files are the journal) (the same cheap
append, byte-offset ``state`` and truncating ``restore`` as the JSONL sink, so resume is the JSONL sink's), and the
database is built once at ``finish``: each table bulk-loaded with one ``INSERT ... SELECT FROM read_json(...)`` in a
staged file, which the output then renames into place with every other file (``tracebridge.sinks.publish``). A
DuckDB file cannot be cut back to a checkpoint, and row-by-row inserts are orders of magnitude slower than one
vectorised load; building at the end gets both right, and a killed run leaves no ``tracebridge.duckdb`` that looks
complete. Paths are given to DuckDB absolute, so none is read as a URL (``--out s3:x``).

Memory is bounded whatever the export's size (``build_database``): DuckDB would otherwise keep the table's blocks
cached up to its default limit (80% of RAM: 1.8 GB for a 200,000-log export), and its JSON reader sizes its buffers
from ``maximum_object_size``. The build runs on one thread under a ``memory_limit`` of ``LOAD_MEMORY_BYTES`` plus
room for the journal's longest line: what it holds is bounded by the largest record, never by their number (a
table whose rows are too wide for that limit is loaded again under larger multiples of it, then without one).
Measured in docs/benchmarks.md.

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
from tracebridge.sinks.base import Encoded, Sink, SinkState
from tracebridge.sinks.columns import PROVENANCE_FIELDS, Column, columns
from tracebridge.sinks.duckdb_views import create_views, quote_identifier, quote_literal
from tracebridge.sinks.int_range import check as check_integers
from tracebridge.sinks.jsonl import JsonlSink
from tracebridge.sinks.layout import DUCKDB_FILE, TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import Move

MAX_OBJECT_BYTES = 1 << 30
"""One record may be large (long conversations, retrieved documents); DuckDB's JSON reader defaults to 16 MiB."""
MIN_OBJECT_BYTES = 16 << 20
"""The build's ``maximum_object_size`` when every journal line is shorter: DuckDB's default."""
LOAD_MEMORY_BYTES = 28 << 20
"""DuckDB's memory for the build besides its JSON reader's buffer (twice the longest line it takes) and room to parse
the longest line (``load_settings``): with them, about the least a table of narrow rows loads under (measured in
docs/benchmarks.md). What DuckDB caches of the table beyond the limit is written out and evicted, so peak memory
does not grow with the number of records."""


RETRY_FACTORS = (1.25, 1.6, 2.4, 3.2, 4.8, 6.4)
"""A table whose rows are too wide for the build's memory limit is loaded again under these multiples of it, then
without one (DuckDB unbounded takes what it finds, up to 80% of RAM). Fine steps, so a table of wide rows (long
messages) loads under about the least it needs; they include the earlier steps (the limit was 1.6 times today's,
with retries at 2 and 4 times that), so no table needs a larger limit than it did. A failed attempt is cheap when,
as in every one measured (docs/benchmarks.md), DuckDB fails as it asks for the first rows' memory."""


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


def jsonl_select(record_type: str, path: Path, object_bytes: int = MAX_OBJECT_BYTES) -> str:
    """``SELECT`` of one record type's JSONL file in table column order, the timestamps derived from the integers
    (timezone-independent arithmetic). The bulk load below uses it, and so does ``tracebridge sql`` over JSONL.
    ``object_bytes``: the longest line DuckDB's reader takes (it allocates buffers of twice that)."""
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
        f"columns = {{{reader_columns}}}, maximum_object_size = {object_bytes})"
    )


def timestamp_sql(unix_nano: str) -> str:
    """A ``TIMESTAMPTZ`` (microseconds, DuckDB's precision) from an integer nanoseconds expression, floored like the
    Parquet and CSV columns: DuckDB's ``//`` truncates toward zero, which would put times before 1970 a microsecond
    late."""
    floored = f"({unix_nano} // 1000 - CAST({unix_nano} % 1000 < 0 AS BIGINT))"
    return f"to_timestamp(0) + to_microseconds({floored})"


def load_sql(record_type: str, journal: Path, object_bytes: int = MAX_OBJECT_BYTES) -> str:
    """One bulk load of a journal file into its table."""
    return f"INSERT INTO {quote_identifier(TABLES[record_type])} {jsonl_select(record_type, journal, object_bytes)}"


def longest_line(path: Path) -> int:
    """Bytes of the longest line of ``path``, newline included (0 for an empty file); read a block at a time."""
    longest = 0
    with path.open("rb") as lines:
        for line in lines:
            longest = max(longest, len(line))
    return longest


def load_settings(journals: Iterable[Path]) -> tuple[int, int]:
    """``(maximum_object_size, memory_limit)`` in bytes for building from ``journals``: room for their longest line
    (at least DuckDB's default), and memory for the reader's buffer (twice that) plus eight times the longest line
    rounded up to a power of two (measured with DuckDB 2.0: a 17 MiB line needs one 128 MiB allocation beside the
    buffer, a 40 MiB line 256 MiB; ordinary lines of a few KB add nothing) plus ``LOAD_MEMORY_BYTES``."""
    longest = max((longest_line(journal) for journal in journals), default=0)
    object_bytes = min(max(MIN_OBJECT_BYTES, longest + 1), MAX_OBJECT_BYTES)
    parsing = 8 * (1 << max(longest - 1, 0).bit_length())
    return object_bytes, LOAD_MEMORY_BYTES + 2 * object_bytes + parsing


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

    Each table loads under a memory limit (``load_settings``); rows so wide that DuckDB cannot stay within it (it
    cannot evict the long strings of rows it is inserting: a 13 KB row of attributes needed more than 128 MiB) fail
    the load, which DuckDB rolls back, and the table is loaded again under a larger one (``RETRY_FACTORS``), and at
    last without one. Only that table is loaded again, and the next starts under the build's limit.

    A DuckDB error that means the file cannot be written (a full disk above all: the database is built at the end of
    a long run, when the disk is fullest) is raised as the ``OSError`` it stands for, naming ``target``, so the user
    reads what happened and what to do rather than an internal error."""
    remove_database(target)
    object_bytes, memory_bytes = load_settings(journals.values())
    limits = [memory_bytes, *(int(memory_bytes * factor) for factor in RETRY_FACTORS), None]
    try:
        _load(target, journals, object_bytes, limits)
    except duckdb.Error as exc:
        failure = storage_error(exc, target)
        remove_database(target)
        if failure is None:
            raise
        raise failure from exc


def _load(target: Path, journals: Mapping[str, Path], object_bytes: int, limits: list[int | None]) -> None:
    connection = duckdb.connect(str(target.absolute()))
    try:
        # One thread: one reader buffer, and the rows in journal order.
        connection.execute("SET threads = 1")
        for record_type, journal in journals.items():
            connection.execute(table_ddl(record_type))
            if journal.stat().st_size:
                _insert(connection, load_sql(record_type, journal, object_bytes), limits)
        create_views(connection)
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


def _insert(connection: duckdb.DuckDBPyConnection, load: str, limits: list[int | None]) -> None:
    """Run one bulk load under each limit in turn until one holds it. The limit makes DuckDB write out and evict the
    table's blocks as it loads rather than keep them all (see the module); None: DuckDB's default. A limit DuckDB
    cannot lower itself to (what it holds of the tables loaded before does not fit) counts as one that failed."""
    for limit in limits:
        try:
            connection.execute("RESET memory_limit" if limit is None else f"SET memory_limit = '{limit}B'")
            connection.execute(load)
        except duckdb.OutOfMemoryException:
            if limit is None:
                raise
        else:
            return


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

    @property
    def encodings(self) -> frozenset[str]:  # type: ignore[override]  # per instance: a shared journal needs none
        return frozenset() if self._shared else self._journal.encodings

    def write(self, records: Iterable[Record]) -> None:
        if not self._shared:
            records = list(records)
            for record in records:  # BIGINT columns: say which field, not a cast error at the build (``int_range``)
                check_integers(record)
            self._journal.write(records)

    def write_encoded(self, encoded: Encoded) -> None:
        """Rows whose integers ``MultiSink`` already checked (it refuses the others before any format sees them)."""
        if not self._shared:
            self._journal.write_encoded(encoded)

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
