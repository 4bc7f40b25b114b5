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
(the tail of a killed run, including a part without a footer); ``close`` joins the parts into the final file,
re-chunked into full row groups, and renames it into place (a single part is renamed as is). The cost is one small
part per checkpoint and per record type that received records, joined once at the end.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from tracebridge.json_codec import dumps_text
from tracebridge.records import SCHEMA_VERSION, Record
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.columns import PROVENANCE_FIELDS, PROVENANCE_REQUIRED, Column, columns
from tracebridge.sinks.layout import TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import fsync_dir, publish

EXTENSION = ".parquet"
ROW_GROUP_ROWS = 65_536
ROW_GROUP_BYTES = 64 << 20
"""A row group is written when either is reached: readers skip and parallelise by row group, and these bound the
memory held per record type."""

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


def _json_array(values: list[Any]) -> Any:
    encode = dumps_text
    return pa.array([None if v is None else encode(v) for v in values], pa.string())


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
        return [pa.array(rows, _provenance_type())]
    array = pa.array(values, _SCALARS[column.kind])
    if column.timestamp is None:
        return [array]
    return [array, _timestamps(array)]


def record_batch(record_type: str, records: Sequence[Record], schema: Any | None = None) -> Any:
    """Records of one type as an Arrow record batch in ``arrow_schema`` order."""
    arrays: list[Any] = []
    for column in columns(record_type):
        arrays.extend(_column_arrays(column, records))
    return pa.RecordBatch.from_arrays(arrays, schema=schema if schema is not None else arrow_schema(record_type))


class _TableParts:
    """One record type: its parts ``<stem>-000000.parquet``, ... in the shared staging directory, and its final file.

    A part is valid once a checkpoint lists it (its footer written and fsynced by then); anything else under the
    type's prefix is the tail of a killed run, and ``restore`` deletes it.
    """

    def __init__(self, record_type: str, stem: str, directory: Path, final: Path, *, resume: bool) -> None:
        self.record_type = record_type
        self.schema = arrow_schema(record_type)
        self.stem = stem
        self.directory = directory
        self.final = final
        directory.mkdir(parents=True, exist_ok=True)
        self.parts: list[str] = []
        self.rows = 0
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._writer: Any = None
        self._current: Path | None = None
        if not resume:
            self._remove_parts(keep=())

    def _remove_parts(self, keep: Iterable[str]) -> None:
        kept = set(keep)
        for path in self.directory.glob(f"{self.stem}-*"):
            if path.name not in kept:
                path.unlink()

    def add(self, records: Sequence[Record]) -> None:
        batch = record_batch(self.record_type, records, self.schema)
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
            self._current = self.directory / self._part_name(len(self.parts))
            self._writer = pq.ParquetWriter(self._current, self.schema, compression=COMPRESSION)
        self._writer.write_table(pa.Table.from_batches(self._pending, schema=self.schema), row_group_size=None)
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def finish_part(self) -> bool:
        """Write what is buffered and close the current part (footer written, fsynced); False if there was none.

        The caller fsyncs the directory once for all types, which makes the new parts' names durable."""
        self._write_row_group()
        if self._writer is None or self._current is None:
            return False
        self._writer.close()
        self._writer = None
        with open(self._current, "rb") as handle:
            os.fsync(handle.fileno())
        self.parts.append(self._current.name)
        self._current = None
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
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._current is not None:
            self._current.unlink(missing_ok=True)
            self._current = None
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def publish(self) -> None:
        """Join the parts into ``final`` (staged, then renamed); an empty table still gets a file with its schema."""
        self.finish_part()
        paths = [self.directory / name for name in self.parts]
        if len(paths) == 1:
            publish(paths[0], self.final)
        else:
            staged = self.directory / f"{self.stem}.joined.tmp"
            self._join(paths, staged)
            publish(staged, self.final)
        self._remove_parts(keep=())

    def _join(self, paths: list[Path], staged: Path) -> None:
        with pq.ParquetWriter(staged, self.schema, compression=COMPRESSION) as writer:
            pending: list[Any] = []
            rows = size = 0
            for path in paths:
                for batch in pq.ParquetFile(path).iter_batches(batch_size=ROW_GROUP_ROWS):
                    pending.append(batch)
                    rows += batch.num_rows
                    size += batch.nbytes
                    if rows >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                        writer.write_table(pa.Table.from_batches(pending, schema=self.schema), row_group_size=None)
                        pending, rows, size = [], 0, 0
            if pending:
                writer.write_table(pa.Table.from_batches(pending, schema=self.schema), row_group_size=None)
        with open(staged, "rb") as handle:
            os.fsync(handle.fileno())


class ParquetSink(Sink):
    """``spans.parquet``, ``evaluations.parquet``, ... in ``out_dir``; parts under ``.partial/parquet/`` until close."""

    format: ClassVar[str] = "parquet"

    def __init__(self, out_dir: Path, *, resume: bool = False) -> None:
        staging = partial_dir(out_dir) / "parquet"
        self._tables = {
            record_type: _TableParts(record_type, stem, staging, out_dir / f"{stem}{EXTENSION}", resume=resume)
            for record_type, stem in TABLES.items()
        }
        self._staging = staging
        self._open = True

    def write(self, records: Iterable[Record]) -> None:
        by_type: dict[str, list[Record]] = {}
        for record in records:
            by_type.setdefault(record.record_type, []).append(record)
        for record_type, batch in by_type.items():
            self._tables[record_type].add(batch)

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

    def close(self, manifest: Manifest | None = None) -> None:
        if not self._open:
            return
        for table in self._tables.values():
            table.publish()
        self._open = False
        with contextlib.suppress(OSError):
            self._staging.rmdir()

    def abort(self, *, discard: bool = False) -> None:
        """Keep the finished parts for a resume (the part being written has no footer and is dropped)."""
        if not self._open:
            return
        for table in self._tables.values():
            table.drop_current()
            if discard:
                table.restore({})
        self._open = False

    def files(self) -> list[str]:
        return [table.final.name for table in self._tables.values()]
