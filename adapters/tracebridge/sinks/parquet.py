"""Parquet through pyarrow: one file per record type (``spans.parquet``, ...), typed columns, UTC timestamps.

The files are meant to be read with no glue by pandas, polars, DuckDB, pyarrow and Spark, in their default settings;
that rules out anything one of them refuses, and decides the column types:

- scalars as ``string`` / ``int64`` / ``bool``, non-null where the record field is required;
- ``provenance`` as a struct of strings: its shape is fixed by the ``Provenance`` class, so it can be typed (query it
  as ``provenance.system``);
- free-form fields (``attributes``, ``extra``, ``input``, ``expected_output``, ``metadata``, ``subject``) as JSON
  text in plain UTF-8 ``string`` columns. Plain, because every reader takes a string column, whereas the JSON
  extension type (pyarrow's ``arrow.json``, Parquet's JSON logical type) is one polars cannot even cast. Which columns
  hold JSON is said twice, for readers that look: the schema metadata ``tracebridge.json_columns`` lists them, and
  each such field carries the field metadata ``tracebridge.json: true``. Parsing is one call everywhere: DuckDB's
  ``->>`` works on VARCHAR, polars has ``.str.json_decode()``, pandas ``json.loads``, Spark ``from_json``.
  Not a struct: attribute maps are open (any key, in any record), so a struct would be a different type in every
  file and grow a column per key ever seen. Not ``map<string, X>``: the values mix strings, numbers, booleans,
  message lists and objects, so ``X`` would have to be JSON text anyway, and an int/float distinction (``1`` versus
  ``1.0``) that JSON text keeps would be lost in any numeric union;
- every ``*_unix_nano`` integer also as a ``timestamp[us, tz=UTC]`` column named without the suffix
  (``start_time_unix_nano`` -> ``start_time``), next to it. Microseconds, because Spark refuses Parquet's
  nanosecond timestamps unless a legacy option is set, and microseconds are what DuckDB and Spark hold anyway; the
  value is the integer floored to the microsecond (earlier, never later, also before 1970). The integer stays beside
  it: it is the exact value the JSONL holds, nanoseconds included.

Writing: records are converted a batch at a time and written as row groups of up to ``ROW_GROUP_ROWS`` rows or
``ROW_GROUP_BYTES`` bytes, so memory stays bounded whatever the export's size. A Parquet file cannot be appended to
once its footer is written, nor cut back, so resume works with *parts*: ``state`` closes the part being written (its
footer on disk, fsynced) and records how many parts are finished; ``restore`` deletes every part beyond that count
(the tail of a killed run, including a part without a footer); ``finish`` joins the parts into the final file under
``.partial/``, re-chunked into full row groups (a single part is used as is), and the output renames it into place
with every other file (``tracebridge.sinks.publish``). The cost is one small part per checkpoint and per record type
that received records, joined once at the end.

Every file is opened here and handed to pyarrow as a file object, never as a path, which pyarrow would parse as a URI
(``--out a:b``, ``--out s3:x``). Strings follow the one text rule of every format (``tracebridge.sinks.text``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from tracebridge.records import SCHEMA_VERSION, Record
from tracebridge.sinks.base import Encoded, Sink, SinkState
from tracebridge.sinks.columns import PROVENANCE_FIELDS, PROVENANCE_REQUIRED, Column, columns, escaped_strings
from tracebridge.sinks.int_range import check as check_integers
from tracebridge.sinks.layout import TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import BUFFER_SIZE, Move, fsync_dir
from tracebridge.sinks.text import escape_value, json_text

EXTENSION = ".parquet"
ROW_GROUP_ROWS = 65_536
ROW_GROUP_BYTES = 16 << 20
"""A row group is written when either is reached: readers skip and parallelise by row group, and these bound the
memory held per record type, while records arrive and when ``finish`` joins the parts. 16 MiB of Arrow data (12,000
of the benchmark's Galileo spans): large enough for readers, small enough that peak memory at a million records stays
within 1.2x of that at ten thousand (at 64 MiB, the join alone added ~130 MB; docs/benchmarks.md)."""

COMPRESSION = "zstd"

TIMESTAMP = pa.timestamp("us", tz="UTC")
"""Microseconds, adjusted to UTC: the finest timestamp every reader (Spark included) takes by default."""
JSON_FIELD_METADATA = {"tracebridge.json": "true"}
"""On every JSON-text field, so a reader that inspects one field knows to parse it."""


def _provenance_type() -> Any:
    return pa.struct(
        [pa.field(name, pa.string(), nullable=name not in PROVENANCE_REQUIRED) for name in PROVENANCE_FIELDS]
    )


_SCALARS: dict[str, Any] = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "json": pa.string()}


def arrow_schema(record_type: str) -> Any:
    """The Arrow schema of one record type's file, with the JSON columns and schema version in its metadata."""
    fields: list[Any] = []
    for column in columns(record_type):
        arrow_type = _provenance_type() if column.kind == "provenance" else _SCALARS[column.kind]
        metadata = JSON_FIELD_METADATA if column.kind == "json" else None
        fields.append(pa.field(column.name, arrow_type, nullable=column.nullable, metadata=metadata))
        if column.timestamp is not None:
            fields.append(pa.field(column.timestamp, TIMESTAMP, nullable=column.nullable))
    json_columns = ",".join(c.name for c in columns(record_type) if c.kind == "json")
    metadata = {
        "tracebridge.record_type": record_type,
        "tracebridge.schema_version": SCHEMA_VERSION,
        "tracebridge.json_columns": json_columns,
    }
    return pa.schema(fields, metadata=metadata)


@cache
def table_schema(record_type: str) -> Any:
    """``arrow_schema``, built once per record type (an Arrow schema is immutable)."""
    return arrow_schema(record_type)


def _json_array(values: list[Any]) -> Any:
    encode = json_text
    return pa.array([None if v is None else encode(v) for v in values], pa.string())


def _string_array(values: list[Any], arrow_type: Any) -> Any:
    """Strings (or provenance structs of strings), lone surrogates escaped where UTF-8 refused one (``sinks.text``)."""
    try:
        return pa.array(values, arrow_type)
    except UnicodeEncodeError:
        if isinstance(arrow_type, pa.StructType):
            return pa.array([{k: escape_value(v) for k, v in row.items()} for row in values], arrow_type)
        return pa.array(escaped_strings(values), arrow_type)


def _int_array(values: list[Any], records: Sequence[Record]) -> Any:
    try:
        return pa.array(values, pa.int64())
    except OverflowError:
        for record in records:  # say which record and field; ``MultiSink`` rejects these before they come here
            check_integers(record)
        raise


def _timestamps(nanos: Any) -> Any:
    """``int64`` nanoseconds as ``TIMESTAMP``, floored to the microsecond.

    Arrow's integer division and its unsafe ns -> us cast both truncate toward zero, which puts a time before 1970
    up to a microsecond late; a safe cast raises on any nanoseconds. So: truncate, then step back one where that
    rounded a negative value up. Integer arithmetic throughout, so no int64 value can overflow.
    """
    truncated = pc.divide(nanos, 1000)
    rounded_up = pc.less(nanos, pc.multiply(truncated, 1000))
    return pc.subtract(truncated, pc.cast(rounded_up, pa.int64())).cast(TIMESTAMP)


def _column_arrays(column: Column, records: Sequence[Record]) -> list[Any]:
    name = column.name
    values = [getattr(record, name) for record in records]
    if column.kind == "json":
        return [_json_array(values)]
    if column.kind == "provenance":
        rows = [{field: getattr(value, field) for field in PROVENANCE_FIELDS} for value in values]
        return [_string_array(rows, _provenance_type())]
    if column.kind == "string":
        return [_string_array(values, pa.string())]
    array = _int_array(values, records) if column.kind == "int" else pa.array(values, _SCALARS[column.kind])
    if column.timestamp is None:
        return [array]
    return [array, _timestamps(array)]


def record_batch(record_type: str, records: Sequence[Record], schema: Any | None = None) -> Any:
    """Records of one type as an Arrow record batch in ``arrow_schema`` order."""
    arrays: list[Any] = []
    for column in columns(record_type):
        arrays.extend(_column_arrays(column, records))
    return pa.RecordBatch.from_arrays(arrays, schema=schema if schema is not None else arrow_schema(record_type))


class _FileWriter:
    """A ``ParquetWriter`` on a file opened here: pyarrow gets a file object, never a path.

    Why: pyarrow parses any path it is given as a URI first, so an ``--out`` like ``a:b`` ("unrecognized filesystem
    type") or ``s3:x`` (an S3 bucket) fails or, worse, goes elsewhere; and Python's ``open`` also takes the names that
    are not UTF-8. Holding the file also lets ``close`` fsync it without opening it again.
    """

    def __init__(self, path: Path, schema: Any) -> None:
        self.path = path
        self._handle = open(path, "wb", buffering=BUFFER_SIZE)  # noqa: SIM115 - closed by close/discard
        try:
            self._writer = pq.ParquetWriter(self._handle, schema, compression=COMPRESSION)
        except BaseException:
            self._handle.close()
            raise

    def write(self, table: Any) -> None:
        self._writer.write_table(table, row_group_size=None)

    def close(self) -> None:
        """Write the footer, flush and fsync: the file is complete on disk."""
        try:
            self._writer.close()
            self._handle.flush()
            os.fsync(self._handle.fileno())
        finally:
            self._handle.close()

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self._writer.close()
        self._handle.close()
        self.path.unlink(missing_ok=True)


def _read_batches(path: Path, batch_size: int) -> Iterator[Any]:
    """The record batches of a Parquet file, read through a file object (see ``_FileWriter``), one column at a time:
    decoding on pyarrow's threads left each thread's allocator holding tens of MB after the join."""
    with open(path, "rb") as handle:
        yield from pq.ParquetFile(handle).iter_batches(batch_size=batch_size, use_threads=False)


class _TableParts:
    """One record type: its parts ``<stem>-000000.parquet``, ... in the shared staging directory, and its final file.

    A part is valid once a checkpoint lists it (its footer written and fsynced by then); anything else under the
    type's prefix is the tail of a killed run, and ``restore`` deletes it.
    """

    def __init__(self, record_type: str, stem: str, directory: Path, final: Path, *, resume: bool) -> None:
        self.record_type = record_type
        self.schema = table_schema(record_type)
        self.stem = stem
        self.directory = directory
        self.final = final
        directory.mkdir(parents=True, exist_ok=True)
        self.parts: list[str] = []
        self.rows = 0
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._writer: _FileWriter | None = None
        if not resume:
            self._remove_parts(keep=())

    def _remove_parts(self, keep: Iterable[str]) -> None:
        kept = set(keep)
        for path in self.directory.glob(f"{self.stem}-*"):
            if path.name not in kept:
                path.unlink()

    def add(self, records: Sequence[Record]) -> None:
        self.add_batch(record_batch(self.record_type, records, self.schema))

    def add_batch(self, batch: Any) -> None:
        """Records already converted (``record_batch``, in a worker process): buffered like ``add``'s."""
        self._pending.append(batch)
        self._pending_rows += batch.num_rows
        self._pending_bytes += batch.nbytes
        self.rows += batch.num_rows
        if self._pending_rows >= ROW_GROUP_ROWS or self._pending_bytes >= ROW_GROUP_BYTES:
            self._write_row_group()

    def _write_row_group(self) -> None:
        if not self._pending:
            return
        if self._writer is None:
            self._writer = _FileWriter(self.directory / self._part_name(len(self.parts)), self.schema)
        self._writer.write(pa.Table.from_batches(self._pending, schema=self.schema))
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def finish_part(self) -> bool:
        """Write what is buffered and close the current part (footer written, fsynced); False if there was none.

        The caller fsyncs the directory once for all types, which makes the new parts' names durable."""
        self._write_row_group()
        writer, self._writer = self._writer, None
        if writer is None:
            return False
        writer.close()
        self.parts.append(writer.path.name)
        return True

    def _part_name(self, number: int) -> str:
        return f"{self.stem}-{number:06d}{EXTENSION}"

    def state(self) -> dict[str, Any]:
        """Parts are numbered from 0 without gaps, so their count names them all: the checkpoint, rewritten on every
        page, stays a few bytes however many parts a long export makes."""
        return {"parts": len(self.parts), "rows": self.rows}

    def restore(self, saved: Mapping[str, Any]) -> None:
        self.drop_current()
        parts = [self._part_name(number) for number in range(int(saved.get("parts", 0)))]
        missing = [name for name in parts if not (self.directory / name).is_file()]
        if missing:
            raise ValueError(f"{self.directory}: parts {missing} the checkpoint lists are gone; start over")
        self._remove_parts(keep=parts)
        self.parts = parts
        self.rows = int(saved.get("rows", 0))
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def drop_current(self) -> None:
        """Forget the part being written (not covered by any checkpoint) and what is buffered."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.discard()
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    @property
    def joined(self) -> Path:
        return self.directory / f"{self.stem}.joined.tmp"

    def finish(self) -> Move:
        """The final file, built under staging: the single part as it is, or the parts joined (an empty table still
        gets a file with its schema). The parts stay until ``cleanup``: if publishing fails, a resume needs them."""
        self.finish_part()
        paths = [self.directory / name for name in self.parts]
        if len(paths) == 1:
            return Move(paths[0], self.final)
        self._join(paths, self.joined)
        return Move(self.joined, self.final)

    def cleanup(self) -> None:
        """After publishing: the parts that were joined, and anything else left of this type."""
        self._remove_parts(keep=())
        self.joined.unlink(missing_ok=True)

    def _join(self, paths: list[Path], staged: Path) -> None:
        writer = _FileWriter(staged, self.schema)
        try:
            pending: list[Any] = []
            rows = size = 0
            for path in paths:
                for batch in _read_batches(path, ROW_GROUP_ROWS):
                    pending.append(batch)
                    rows += batch.num_rows
                    size += batch.nbytes
                    if rows >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                        writer.write(pa.Table.from_batches(pending, schema=self.schema))
                        pending, rows, size = [], 0, 0
            if pending:
                writer.write(pa.Table.from_batches(pending, schema=self.schema))
        except BaseException:
            writer.discard()
            raise
        writer.close()


class ParquetSink(Sink):
    """``spans.parquet``, ``evaluations.parquet``, ... in ``out_dir``; parts under ``.partial/parquet/`` until close."""

    format: ClassVar[str] = "parquet"
    encodings: ClassVar[frozenset[str]] = frozenset({"arrow"})

    def __init__(self, out_dir: Path, *, resume: bool = False) -> None:
        staging = partial_dir(out_dir) / "parquet"
        self._tables = {
            record_type: _TableParts(record_type, stem, staging, out_dir / f"{stem}{EXTENSION}", resume=resume)
            for record_type, stem in TABLES.items()
        }
        self._staging = staging

    def write(self, records: Iterable[Record]) -> None:
        by_type: dict[str, list[Record]] = {}
        for record in records:
            by_type.setdefault(record.record_type, []).append(record)
        for record_type, batch in by_type.items():
            self._tables[record_type].add(batch)

    def write_encoded(self, encoded: Encoded) -> None:
        """Each type's batches as one, as ``write`` converts each type's records of one flush into one batch: the
        same row groups, so the same file."""
        assert encoded.arrow is not None, "encoded without the arrow encoding"
        for record_type, batches in encoded.arrow.items():
            if batches:
                self._tables[record_type].add_batch(batches[0] if len(batches) == 1 else pa.concat_batches(batches))

    def state(self) -> SinkState:
        finished = [table.finish_part() for table in self._tables.values()]
        if any(finished):
            fsync_dir(self._staging)
        return {record_type: table.state() for record_type, table in self._tables.items()}

    def restore(self, state: Mapping[str, Any]) -> None:
        for record_type, table in self._tables.items():
            table.restore(state.get(record_type, {}))

    def rows(self) -> dict[str, int]:
        return {record_type: table.rows for record_type, table in self._tables.items()}

    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        return [table.finish() for table in self._tables.values()]

    def cleanup(self) -> None:
        for table in self._tables.values():
            table.cleanup()
        with contextlib.suppress(OSError):
            self._staging.rmdir()

    def abort(self, *, discard: bool = False) -> None:
        """Keep the finished parts for a resume (the part being written has no footer and is dropped); after
        ``finish`` too, as publishing failed (a joined file is dropped: the parts make it again)."""
        for table in self._tables.values():
            table.drop_current()
            table.joined.unlink(missing_ok=True)
            if discard:
                table.restore({})

    def files(self) -> list[str]:
        return [table.final.name for table in self._tables.values()]
