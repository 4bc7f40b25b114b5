"""A stand-in for ``pyspark``, without a JVM: ``mapInArrow`` as Spark's Python worker calls a function, and the check
Spark makes of what comes back.

What Spark does, from its source (pyspark ``worker.py``: ``wrap_arrow_batch_iter_udf``; pyspark
``sql/pandas/serializers.py``: ``ArrowStreamUDFSerializer``; the JVM's ``MapInBatchEvaluatorFactory``):

1. the function is pickled and shipped to a Python worker, once per partition;
2. the partition's rows arrive as Arrow batches of one struct column, each flattened into a ``pyarrow.RecordBatch``
   of the DataFrame's columns (``spark.read.text``: ``value``, a nullable string; a blank line is an empty string),
   at most ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows each;
3. the function gets an iterator of them; what it returns must be iterable (``UDF_RETURN_TYPE`` otherwise), and
   each element a ``pyarrow.RecordBatch``;
4. each is wrapped back into one struct column (``pa.StructArray.from_arrays(batch.columns, fields=...)``), and the
   JVM refuses a struct whose type is not the declared schema's: the same names in the same order, the types Spark
   reads them as, and no nullable field where the schema says ``NOT NULL``.

Here each returned batch's schema must equal the declared one exactly (nullability included), a stricter check
than Spark's. The rest (``distinct``, ``collect``, ``write.partitionBy(...).parquet``) is what the documented
example uses, done with pyarrow.
"""

from __future__ import annotations

import pickle
import re
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

MAX_RECORDS_PER_BATCH = 3
"""``spark.sql.execution.arrow.maxRecordsPerBatch`` (10000 by default), small so a partition comes in several."""
LINES_PER_PARTITION = 5
"""Rows per partition of ``read.text`` (by bytes in Spark), small so copies of a record fall in different ones."""

# Arrow type -> the Spark type it is read as (Spark's ArrowUtils.fromArrowType)
_SCALARS = {
    pa.string(): "STRING",
    pa.large_string(): "STRING",
    pa.binary(): "BINARY",
    pa.large_binary(): "BINARY",
    pa.bool_(): "BOOLEAN",
    pa.int8(): "TINYINT",
    pa.int16(): "SMALLINT",
    pa.int32(): "INT",
    pa.int64(): "BIGINT",
    pa.float32(): "FLOAT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
}
# Spark type -> the Arrow type pyspark hands over (pyspark's to_arrow_type)
_ARROW = {
    "STRING": pa.string(),
    "BINARY": pa.binary(),
    "BOOLEAN": pa.bool_(),
    "TINYINT": pa.int8(),
    "SMALLINT": pa.int16(),
    "INT": pa.int32(),
    "BIGINT": pa.int64(),
    "FLOAT": pa.float32(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us", tz="UTC"),
    "TIMESTAMP_NTZ": pa.timestamp("us"),
}

SparkType = str | tuple[tuple[str, Any, bool], ...]
"""A scalar's name, or a struct's fields: (name, type, nullable)."""


def spark_type_of(arrow_type: Any) -> SparkType:
    """The Spark type Spark reads an Arrow type as; ``TypeError`` where Spark refuses it."""
    if isinstance(arrow_type, pa.StructType):
        return tuple((field.name, spark_type_of(field.type), field.nullable) for field in arrow_type)
    if pa.types.is_timestamp(arrow_type):
        if arrow_type.unit != "us":
            raise TypeError(f"Spark reads only microsecond timestamps, not {arrow_type}")
        return "TIMESTAMP" if arrow_type.tz is not None else "TIMESTAMP_NTZ"
    if arrow_type not in _SCALARS:
        raise TypeError(f"Spark has no type for {arrow_type}")
    return _SCALARS[arrow_type]


_TOKEN = re.compile(r"\s*(?:`((?:[^`]|``)*)`|([A-Za-z_][A-Za-z0-9_]*)|(<|>|:|,))")


def parse_ddl(ddl: str) -> SparkType:
    """A schema in Spark DDL (``name TYPE [NOT NULL], ...``, ``STRUCT<name: TYPE [NOT NULL], ...>``) as its fields."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while ddl[position:].strip():
        match = _TOKEN.match(ddl, position)
        if match is None:
            raise ValueError(f"not Spark DDL at {ddl[position : position + 30]!r}")
        quoted, word, mark = match.groups()
        tokens.append(
            ("name", quoted.replace("``", "`")) if quoted is not None else ("word", word) if word else ("mark", mark)
        )
        position = match.end()
    fields, rest = _fields(tokens, struct=False)
    if rest:
        raise ValueError(f"unexpected {rest[:3]} in {ddl!r}")
    return fields


def _fields(tokens: list[tuple[str, str]], *, struct: bool) -> tuple[SparkType, list[tuple[str, str]]]:
    fields: list[tuple[str, Any, bool]] = []
    while True:
        kind, name = tokens[0]
        if kind not in {"name", "word"}:
            raise ValueError(f"a column name expected, not {name!r}")
        tokens = tokens[1:]
        if struct:
            if tokens[0] != ("mark", ":"):
                raise ValueError(f"':' expected after {name!r} in a STRUCT")
            tokens = tokens[1:]
        kind, type_name = tokens[0]
        tokens = tokens[1:]
        if kind != "word":
            raise ValueError(f"a type expected for {name!r}, not {type_name!r}")
        type_name = type_name.upper()
        spark_type: SparkType
        if type_name == "STRUCT":
            if tokens[0] != ("mark", "<"):
                raise ValueError("'<' expected after STRUCT")
            spark_type, tokens = _fields(tokens[1:], struct=True)
            if tokens[0] != ("mark", ">"):
                raise ValueError("'>' expected to close a STRUCT")
            tokens = tokens[1:]
        elif type_name in _ARROW:
            spark_type = type_name
        else:
            raise ValueError(f"unknown Spark type {type_name}")
        nullable = True
        if tokens[:2] == [("word", "NOT"), ("word", "NULL")]:
            nullable, tokens = False, tokens[2:]
        fields.append((name, spark_type, nullable))
        if not tokens or tokens[0] != ("mark", ","):
            return tuple(fields), tokens
        tokens = tokens[1:]


def arrow_schema_of(fields: SparkType) -> pa.Schema:
    """The Arrow schema pyspark makes of a Spark schema (its fields from ``parse_ddl``)."""

    def arrow(spark_type: SparkType) -> Any:
        if isinstance(spark_type, str):
            return _ARROW[spark_type]
        return pa.struct([pa.field(name, arrow(member), nullable) for name, member, nullable in spark_type])

    assert not isinstance(fields, str)
    return pa.schema([pa.field(name, arrow(member), nullable) for name, member, nullable in fields])


class DataFrame:
    """Rows in partitions, each partition a list of record batches."""

    def __init__(self, session: SparkSession, schema: pa.Schema, partitions: list[list[pa.RecordBatch]]) -> None:
        self.session = session
        self.schema = schema
        self.partitions = partitions

    def mapInArrow(
        self, func: Callable[[Iterator[pa.RecordBatch]], Iterable[pa.RecordBatch]], schema: str
    ) -> DataFrame:
        declared = parse_ddl(schema)
        self.session.calls.append((func, schema))
        out: list[list[pa.RecordBatch]] = []
        for partition in self.partitions:
            worker_copy = pickle.loads(pickle.dumps(func))  # shipped to a Python worker
            result = worker_copy(iter(list(self._spark_batches(partition))))
            if not hasattr(result, "__iter__"):
                raise TypeError(
                    f"UDF_RETURN_TYPE: expected iterator of pyarrow.RecordBatch, got {type(result).__name__}"
                )
            batches = []
            for batch in result:
                if not isinstance(batch, pa.RecordBatch):
                    raise TypeError(f"UDF_RETURN_TYPE: expected iterator of pyarrow.RecordBatch, got {type(batch)}")
                wrapped = pa.StructArray.from_arrays(batch.columns, fields=list(batch.schema))  # the serializer
                actual = spark_type_of(wrapped.type)
                if actual != declared:
                    raise AssertionError(f"ARROW_TYPE_MISMATCH: expected {declared}, got {actual}")
                batches.append(batch)
            out.append(batches)
        return DataFrame(self.session, arrow_schema_of(declared), out)

    def _spark_batches(self, partition: list[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """The partition as Spark's worker hands it over: one struct column, flattened, in batches of at most
        ``MAX_RECORDS_PER_BATCH`` rows."""
        rows = pa.Table.from_batches(partition, schema=self.schema).combine_chunks()
        for start in range(0, max(rows.num_rows, 1), MAX_RECORDS_PER_BATCH):
            chunk = rows.slice(start, MAX_RECORDS_PER_BATCH)
            if chunk.num_rows == 0:
                continue
            struct = pa.StructArray.from_arrays(
                [chunk.column(name).combine_chunks() for name in chunk.schema.names], fields=list(self.schema)
            )
            yield pa.RecordBatch.from_arrays(struct.flatten(), schema=pa.schema(struct.type))

    def toArrow(self) -> pa.Table:
        return pa.Table.from_batches([batch for part in self.partitions for batch in part], schema=self.schema)

    def distinct(self) -> DataFrame:
        rows = self.toArrow().group_by(self.schema.names).aggregate([])
        return DataFrame(self.session, self.schema, [rows.cast(self.schema).to_batches()])

    def collect(self) -> list[types.SimpleNamespace]:
        return [types.SimpleNamespace(**row) for row in self.toArrow().to_pylist()]

    @property
    def write(self) -> Writer:
        return Writer(self)


class Writer:
    def __init__(self, frame: DataFrame) -> None:
        self.frame = frame
        self.columns: Sequence[str] = ()
        self.save_mode = "errorifexists"

    def partitionBy(self, *columns: str) -> Writer:
        self.columns = columns
        return self

    def mode(self, save_mode: str) -> Writer:
        self.save_mode = save_mode
        return self

    def parquet(self, path: str) -> None:
        behavior = "delete_matching" if self.save_mode == "overwrite" else "error"
        partitioning = ds.partitioning(pa.schema([self.frame.schema.field(c) for c in self.columns]), flavor="hive")
        ds.write_dataset(
            self.frame.toArrow(),
            path,
            format="parquet",
            partitioning=partitioning,
            existing_data_behavior=behavior,
            basename_template="part-{i}.parquet",
        )


class Reader:
    def __init__(self, session: SparkSession) -> None:
        self.session = session

    def text(self, paths: str | Sequence[str]) -> DataFrame:
        """One row per line, ``value`` (nullable string), without its line ending; a blank line is ``""``."""
        lines = [
            line.removesuffix("\r")
            for path in ([paths] if isinstance(paths, str) else paths)
            for line in Path(path).read_text(encoding="utf-8").removesuffix("\n").split("\n")
        ]
        schema = pa.schema([pa.field("value", pa.string())])
        partitions = [
            [pa.record_batch([pa.array(lines[i : i + LINES_PER_PARTITION], pa.string())], schema=schema)]
            for i in range(0, len(lines), LINES_PER_PARTITION)
        ]
        return DataFrame(self.session, schema, partitions)


class SparkSession:
    """``SparkSession.builder.appName(...).getOrCreate()``; ``calls`` lists every ``mapInArrow`` call."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, str]] = []
        self.read = Reader(self)

    class _Builder:
        session: SparkSession | None = None

        def appName(self, name: str) -> SparkSession._Builder:
            return self

        def getOrCreate(self) -> SparkSession:
            if SparkSession._Builder.session is None:
                SparkSession._Builder.session = SparkSession()
            return SparkSession._Builder.session

    builder = _Builder()


def modules() -> dict[str, types.ModuleType]:
    """``pyspark`` and ``pyspark.sql``, for ``sys.modules``; a new session each time."""
    SparkSession._Builder.session = None
    pyspark = types.ModuleType("pyspark")
    sql = types.ModuleType("pyspark.sql")
    sql.SparkSession = SparkSession  # type: ignore[attr-defined]
    pyspark.sql = sql  # type: ignore[attr-defined]
    return {"pyspark": pyspark, "pyspark.sql": sql}
