"""Mapping on a distributed engine, for dumps that outgrow one machine: Ray Data and Spark, with no glue.

``MapLines(from_format)`` maps an Arrow batch of raw vendor JSON lines to rows of one long Arrow schema
(``OUTPUT_SCHEMA``: ``record_type`` and the columns of every record type's Parquet file, plus the rejects' fields), as
``ray.data.Dataset.map_batches(MapLines(...), batch_format="pyarrow")`` and ``DataFrame.mapInArrow(MapLines(...),
spark_ddl())`` call it. ``dedupe_sql`` drops the copies a distributed map cannot see across batches; ``table_sql``
gives one record type's table from the written rows (DuckDB); ``records_of`` reads rows back as records.
``docs/scale.md`` has the worked examples. Needs pyarrow (the ``parquet`` extra); the engines are the user's (the
``ray`` extra installs Ray Data).
"""

from __future__ import annotations

from tracebridge.scale.lines import IDENTITY_SCHEMA, LINE_FORMATS, MapLines, NestedRepeats
from tracebridge.scale.rows import KEYS, dedupe_sql, long_batches, records_of, rejects_of, table_sql
from tracebridge.scale.schema import OUTPUT_SCHEMA, RECORD_TYPES, REJECT, columns_of, spark_ddl, spark_type

__all__ = [
    "IDENTITY_SCHEMA",
    "KEYS",
    "LINE_FORMATS",
    "OUTPUT_SCHEMA",
    "RECORD_TYPES",
    "REJECT",
    "MapLines",
    "NestedRepeats",
    "columns_of",
    "dedupe_sql",
    "long_batches",
    "records_of",
    "rejects_of",
    "spark_ddl",
    "spark_type",
    "table_sql",
]
