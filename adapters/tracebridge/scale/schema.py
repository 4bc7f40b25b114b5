"""The one Arrow schema every batch of ``tracebridge.scale`` comes in: the Parquet files' columns side by side.

Ray Data's ``map_batches`` and Spark's ``mapInArrow`` take one schema per output, and a run makes nine kinds of rows
(the eight record types and the rejects). So the output is *long*: a ``record_type`` column (``span``,
``evaluation``, ..., ``reject``) and one column for every column of every record type's Parquet file
(``tracebridge.sinks.parquet.arrow_schema``), each with that file's Arrow type, then the reject's fields. A row fills
the columns of its own type; the others are null. No two record types give one column name two types (checked when
this module loads), so a ``span`` row holds exactly the values and types a row of ``spans.parquet`` holds: written
partitioned by ``record_type``, ``record_type=span/`` answers every query written for ``spans.parquet``.

Why not one function per record type: each would read and map every line again, nine times the work. Why not one
JSON payload column: the typed columns (UTC timestamps, the provenance struct) and Parquet's column pruning and
statistics would be lost, and a reader would have to parse a second time what was just mapped.

The columns are nullable, as the other types' rows leave them empty, except ``record_type``. The provenance struct
keeps its non-null fields (``system``, ``api_version``, ``record_type``) as the Parquet files have them; a row without
provenance (a reject's) holds a null struct, whose fields are empty strings underneath, since Parquet refuses a null
in a field declared non-null even under a null parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs
import pyarrow as pa  # type: ignore[import-untyped]

from tracebridge.delivery.rejects import Reject
from tracebridge.records import SCHEMA_VERSION
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import JSON_FIELD_METADATA, TIMESTAMP, arrow_schema

REJECT: Final = "reject"
"""The ``record_type`` of a reject's row: a line or record that could not be read, parsed or mapped."""
RECORD_TYPES: Final[tuple[str, ...]] = (*TABLES, REJECT)
"""Every ``record_type`` value the output holds, in the order rows of one batch come in."""
REJECT_FIELDS: Final[tuple[str, ...]] = tuple(field.name for field in attrs.fields(Reject))
"""A reject's columns, the keys of a line of ``rejects.jsonl``: source, reason, raw, source_id, field."""


def _long_schema() -> Any:
    fields: dict[str, Any] = {"record_type": pa.field("record_type", pa.string(), nullable=False)}
    for record_type in TABLES:
        for field in arrow_schema(record_type):
            known = fields.get(field.name)
            if known is None:
                fields[field.name] = field.with_nullable(True)
            elif known.type != field.type:
                raise TypeError(f"column {field.name} is {known.type} in one record type and {field.type} in another")
    for name in REJECT_FIELDS:
        if name in fields:
            raise TypeError(f"the reject field {name} has the name of a record column")
        fields[name] = pa.field(name, pa.string())
    json_columns = [name for name, field in fields.items() if field.metadata == _JSON_METADATA]
    metadata = {
        "tracebridge.layout": "long",
        "tracebridge.schema_version": SCHEMA_VERSION,
        "tracebridge.json_columns": ",".join(json_columns),
        "tracebridge.record_types": ",".join(RECORD_TYPES),
    }
    return pa.schema(list(fields.values()), metadata=metadata)


_JSON_METADATA = {key.encode(): value.encode() for key, value in JSON_FIELD_METADATA.items()}

OUTPUT_SCHEMA: Final[Any] = _long_schema()
"""The Arrow schema of every batch ``tracebridge.scale.MapLines`` returns."""


def columns_of(record_type: str) -> tuple[str, ...]:
    """The columns a row of ``record_type`` fills: the columns of its Parquet file, in order (a reject's fields for
    ``reject``). Selecting them from the long output gives that file's table."""
    if record_type == REJECT:
        return REJECT_FIELDS
    if record_type not in TABLES:
        raise ValueError(f"unknown record type {record_type!r}: one of {', '.join(RECORD_TYPES)}")
    names: tuple[str, ...] = tuple(arrow_schema(record_type).names)
    return names


# --------------------------------------------------------------------------------------------------- Spark DDL

_SPARK_SCALARS: Final[Mapping[Any, str]] = {
    pa.string(): "STRING",
    pa.large_string(): "STRING",
    pa.binary(): "BINARY",
    pa.int64(): "BIGINT",
    pa.int32(): "INT",
    pa.bool_(): "BOOLEAN",
    pa.float64(): "DOUBLE",
    TIMESTAMP: "TIMESTAMP",
}
"""Arrow types as Spark SQL names them, each the one Spark hands back as that Arrow type (``TIMESTAMP`` is
``timestamp[us, tz=UTC]`` in pyspark's Arrow conversion)."""


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def spark_type(arrow_type: Any) -> str:
    """The Spark SQL type (DDL) of ``arrow_type``; ``TypeError`` for one this module never produces."""
    if isinstance(arrow_type, pa.StructType):
        members = ", ".join(
            f"{_quoted(field.name)}: {spark_type(field.type)}{'' if field.nullable else ' NOT NULL'}"
            for field in arrow_type
        )
        return f"STRUCT<{members}>"
    name = _SPARK_SCALARS.get(arrow_type)
    if name is None:
        raise TypeError(f"no Spark type is known here for the Arrow type {arrow_type}")
    return name


def spark_ddl(schema: Any = OUTPUT_SCHEMA) -> str:
    """The schema as a Spark DDL string, for ``DataFrame.mapInArrow(function, schema)``: every column quoted, in
    order, ``NOT NULL`` where the Arrow field is not nullable, so the batches match it exactly."""
    return ", ".join(
        f"{_quoted(field.name)} {spark_type(field.type)}{'' if field.nullable else ' NOT NULL'}" for field in schema
    )
