"""Common records and rejects to rows of the long schema, and back; and the duplicates a distributed map leaves.

To rows: each record type's columns are built by the Parquet sink's own conversion (``sinks.parquet.record_batch``:
JSON text with lone surrogates escaped, provenance as a struct, floored UTC timestamps), then widened to the long
schema with nulls, so a row holds byte for byte what ``spans.parquet`` would. A record with an integer no format can
hold becomes a reject, as in every output (``sinks.int_range``).

Back: ``records_of`` reads rows (the long output, or one type's partition) back into ``Record`` objects, JSON
columns decoded, the derived timestamp columns ignored: ``serialization.to_json_dict`` of them is what the
single-process import's JSONL holds for the same source.

Duplicates: one run of ``tracebridge import`` drops a source record seen before (by its identity) and keeps the
records many source records share (a prompt version embedded in every log, a run named by each of its logs) once.
A distributed map cannot: each batch (Ray) or partition (Spark) dedupes only within itself. ``KEYS`` names what
identifies a record of each type, and ``dedupe_sql`` keeps one row per key (DuckDB; Spark's ``dropDuplicates(keys)``
does the same), which gives the records the single-process import writes. Copies of one record are equal except when
a source holds two versions of it under one id; which is kept is then unspecified (the single-process import keeps
the first one it read).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]

from tracebridge.delivery.rejects import Reject
from tracebridge.json_codec import loads
from tracebridge.records import Record
from tracebridge.scale.schema import OUTPUT_SCHEMA, REJECT, REJECT_FIELDS, columns_of
from tracebridge.serialization import from_json_dict
from tracebridge.sinks.columns import columns, escaped_strings
from tracebridge.sinks.int_range import out_of_range_field, reject_for
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import record_batch

KEYS: Final[dict[str, tuple[str, ...]]] = {
    "span": ("trace_id", "span_id"),
    "evaluation": ("evaluation_id",),
    "session": ("session_id",),
    "dataset_example": ("example_id", "dataset_id", "dataset_version_id"),
    "experiment": ("experiment_id",),
    "experiment_item": ("experiment_id", "example_id", "repetition", "trace_id", "span_id"),
    "definition": ("definition_id",),
    "definition_version": ("version_id",),
}
"""The columns that identify one record of each type: rows equal in them are copies of one record."""
assert set(KEYS) == set(TABLES), "every record type needs its key"


# ------------------------------------------------------------------------------------------------------ to rows


def _filler(arrow_type: Any, length: int) -> Any:
    """``length`` empty values of ``arrow_type`` (what a null struct holds under its non-null fields)."""
    if isinstance(arrow_type, pa.StructType):
        return pa.StructArray.from_arrays(
            [_filler(field.type, length) for field in arrow_type], fields=list(arrow_type)
        )
    if pa.types.is_string(arrow_type):
        return pa.array([""] * length, arrow_type)
    if pa.types.is_boolean(arrow_type):
        return pa.array([False] * length, arrow_type)
    return pa.array([0] * length, arrow_type)


def _nulls(field: Any, length: int) -> Any:
    """A column of nulls; a struct with non-null fields gets empty values under its nulls (Parquet refuses nulls in a
    field declared non-null, even under a null parent)."""
    arrow_type = field.type
    if isinstance(arrow_type, pa.StructType) and any(not member.nullable for member in arrow_type):
        children = [_filler(member.type, length) for member in arrow_type]
        mask = pa.array([True] * length, pa.bool_())
        return pa.StructArray.from_arrays(children, fields=list(arrow_type), mask=mask)
    return pa.nulls(length, arrow_type)


def _widen(batch: Any) -> Any:
    """One record type's batch (its Parquet file's schema) as a batch of the long schema."""
    length = batch.num_rows
    present = set(batch.schema.names)
    arrays = [batch.column(field.name) if field.name in present else _nulls(field, length) for field in OUTPUT_SCHEMA]
    return pa.RecordBatch.from_arrays(arrays, schema=OUTPUT_SCHEMA)


def _strings(values: list[Any]) -> Any:
    try:
        return pa.array(values, pa.string())
    except UnicodeEncodeError:  # a lone surrogate: written as its six-character escape, as in rejects.jsonl
        return pa.array(escaped_strings(values), pa.string())


def _reject_batch(rejects: Sequence[Reject]) -> Any:
    length = len(rejects)
    given = {name: _strings([getattr(reject, name) for reject in rejects]) for name in REJECT_FIELDS}
    given["record_type"] = pa.array([REJECT] * length, pa.string())
    arrays = [given[field.name] if field.name in given else _nulls(field, length) for field in OUTPUT_SCHEMA]
    return pa.RecordBatch.from_arrays(arrays, schema=OUTPUT_SCHEMA)


def long_batches(records: Iterable[Record], rejects: Iterable[Reject] = ()) -> list[Any]:
    """``records`` and ``rejects`` as record batches of ``OUTPUT_SCHEMA``: one per record type present, in the order
    of ``RECORD_TYPES``, then one of the rejects (a record with an integer beyond 64 bits among them)."""
    kept_rejects = list(rejects)
    by_type: dict[str, list[Record]] = {}
    for record in records:
        field = out_of_range_field(record)
        if field is None:
            by_type.setdefault(record.record_type, []).append(record)
        else:
            kept_rejects.append(reject_for(record, field))
    batches = [
        _widen(record_batch(record_type, by_type[record_type])) for record_type in TABLES if record_type in by_type
    ]
    if kept_rejects:
        batches.append(_reject_batch(kept_rejects))
    return batches


# ------------------------------------------------------------------------------------------------------ back


def _rows(table: Any, record_type: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each row of ``table`` as a dict with its record type: from its ``record_type`` column, or ``record_type`` (a
    partition written without the column)."""
    names = table.schema.names
    if "record_type" not in names and record_type is None:
        raise ValueError("the table has no record_type column: name the record type its rows are")
    for row in table.to_pylist():
        kind = row.get("record_type") if "record_type" in names else record_type
        yield str(kind if kind is not None else record_type), row


def records_of(table: Any, record_type: str | None = None) -> Iterator[Record]:
    """The records of a table of the long schema (or of some of its columns: one record type's partition, whose
    ``record_type`` may be missing, then name it): reject rows are skipped (``rejects_of``)."""
    for kind, row in _rows(table, record_type):
        if kind == REJECT:
            continue
        data: dict[str, Any] = {}
        for column in columns(kind):
            value = row.get(column.name)
            data[column.name] = loads(value) if column.kind == "json" and value is not None else value
        data["record_type"] = kind
        yield from_json_dict(data)


def rejects_of(table: Any, record_type: str | None = None) -> Iterator[Reject]:
    """The rejects among the rows of ``table``."""
    for kind, row in _rows(table, record_type):
        if kind == REJECT:
            values: dict[str, Any] = {name: row.get(name) for name in REJECT_FIELDS}
            yield Reject(**values)


# ------------------------------------------------------------------------------------------------------ dedupe


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def dedupe_sql(record_type: str, relation: str) -> str:
    """DuckDB SQL keeping one row per record of ``record_type`` among the rows of ``relation`` (a table or view name,
    or a ``read_parquet(...)`` call): ``SELECT DISTINCT ON (keys) * FROM relation ORDER BY ALL``. Of copies that
    differ (a shared record's ``provenance.parent_id`` names the source record it was found in), the first in the
    order of the columns is kept, so the result does not depend on how the input was split. Rejects are never copies
    of one another (each names its own line) and are returned as they are."""
    if record_type == REJECT:
        return f"SELECT * FROM {relation}"
    keys = KEYS.get(record_type)
    if keys is None:
        raise ValueError(f"unknown record type {record_type!r}: one of {', '.join(KEYS)}, {REJECT}")
    return f"SELECT DISTINCT ON ({', '.join(_identifier(key) for key in keys)}) * FROM {relation} ORDER BY ALL"


def table_sql(record_type: str, relation: str) -> str:
    """DuckDB SQL for one record type's table from long rows (``relation``: a table, a view, or
    ``read_parquet('out/*/*.parquet', hive_partitioning = true)`` over an output partitioned by ``record_type``): the
    rows of that type, with the columns of its Parquet file (``columns_of``), one row per record (``dedupe_sql``).
    ``reject`` gives the rejects, with the columns of a line of ``rejects.jsonl``."""
    names = ", ".join(_identifier(name) for name in columns_of(record_type))
    rows = f"(SELECT {names} FROM {relation} WHERE record_type = '{record_type}')"
    return dedupe_sql(record_type, rows)
