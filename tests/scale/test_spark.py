"""Spark's ``mapInArrow`` calling ``MapLines``: the batches it passes, the batches it accepts back, the records written.

pyspark needs a JVM, which CI does not install: ``tests.scale.fake_spark`` does what Spark's Python worker and its
schema check do (its docstring says where in Spark's source), and the Spark example of ``docs/scale.md`` runs
against it as written there.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from tracebridge.scale import (
    IDENTITY_SCHEMA,
    OUTPUT_SCHEMA,
    RECORD_TYPES,
    REJECT,
    MapLines,
    NestedRepeats,
    records_of,
    rejects_of,
    spark_ddl,
    table_sql,
)

from tests.scale import fake_spark
from tests.scale.support import (
    FIXTURES,
    as_table,
    assert_same_rejects,
    by_type,
    canonical,
    deduped,
    differences,
    single_process,
    vendor_files,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "scale.md"
_TEXT_BLOCK = re.compile(r"^```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def documented_spark_block() -> str:
    """The ``text`` block of docs/scale.md that calls ``mapInArrow``."""
    found = [block for block in _TEXT_BLOCK.findall(DOC.read_text(encoding="utf-8")) if ".mapInArrow(" in block]
    assert len(found) == 1, "docs/scale.md has one Spark example"
    return found[0]


@pytest.fixture
def spark(monkeypatch: pytest.MonkeyPatch) -> Iterator[fake_spark.SparkSession]:
    for name, module in fake_spark.modules().items():
        monkeypatch.setitem(sys.modules, name, module)
    yield fake_spark.SparkSession.builder.getOrCreate()


def test_the_batches_spark_passes_give_batches_of_the_declared_schema_exactly() -> None:
    """One partition as ``mapInArrow`` hands it over: an iterator of record batches of one nullable ``value`` string
    column (``spark.read.text``), a blank line as "". What comes back is an iterator (not a table) of record batches
    whose schema is the one ``spark_ddl()`` declares, as Spark reads it back."""
    lines = (FIXTURES / "imports" / "v4-logs-bad.jsonl").read_text(encoding="utf-8").split("\n")
    value = pa.schema([pa.field("value", pa.string())])
    batches = [
        pa.record_batch([pa.array(lines[i : i + 2], pa.string())], schema=value) for i in range(0, len(lines), 2)
    ]
    result = MapLines("humanloop-v4-export")(iter(batches))
    assert isinstance(result, Iterator)
    out = list(result)
    assert out and all(isinstance(batch, pa.RecordBatch) for batch in out)
    declared = fake_spark.parse_ddl(spark_ddl())
    assert fake_spark.arrow_schema_of(declared) == OUTPUT_SCHEMA  # the DDL says what the batches are, no more
    for batch in out:
        assert fake_spark.spark_type_of(pa.struct(list(batch.schema))) == declared
        assert batch.schema.equals(fake_spark.arrow_schema_of(declared))
    kinds = {kind for batch in out for kind in batch.column("record_type").to_pylist()}
    assert {"span", REJECT} <= kinds
    identities = fake_spark.parse_ddl(spark_ddl(IDENTITY_SCHEMA))
    assert identities == (("identity", "STRING", False),)
    found = list(NestedRepeats("humanloop-v5-logs")(iter(batches)))
    assert found and all(fake_spark.spark_type_of(pa.struct(list(batch.schema))) == identities for batch in found)


def test_an_empty_partition_yields_nothing() -> None:
    assert list(MapLines("galileo-jsonl")(iter([]))) == []
    empty = pa.record_batch([pa.array([], pa.string())], names=["value"])
    assert list(MapLines("galileo-jsonl")(iter([empty]))) == []


def one_table(batches: Iterator[pa.RecordBatch]) -> pa.Table:
    """What Ray's ``map_batches`` takes back, and Spark's ``mapInArrow`` does not: a table, not an iterator."""
    return MapLines("galileo-jsonl").table(next(batches))


def test_the_fake_refuses_what_spark_refuses(spark: fake_spark.SparkSession, tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    lines = spark.read.text([str(path)])
    with pytest.raises(TypeError, match="UDF_RETURN_TYPE"):
        lines.mapInArrow(one_table, spark_ddl())
    for wrong in (
        spark_ddl().replace("TIMESTAMP", "TIMESTAMP_NTZ"),  # Spark's TIMESTAMP is timestamp[us, tz=UTC]
        spark_ddl().replace("`schema_version` STRING", "`schema_version` STRING NOT NULL"),  # a nullable column
        spark_ddl().replace("`span_id` STRING, ", ""),
    ):
        with pytest.raises(AssertionError, match="ARROW_TYPE_MISMATCH"):
            lines.mapInArrow(MapLines("galileo-jsonl"), wrong)


@pytest.mark.parametrize("from_format", ["galileo-jsonl", "humanloop-v4-export", "humanloop-v5-evaluation-logs"])
def test_spark_maps_the_records_and_rejects_of_the_import(
    spark: fake_spark.SparkSession, sandbox, tmp_path: Path, from_format: str
) -> None:
    paths = vendor_files(sandbox, tmp_path / "dumps")[from_format]
    lines = spark.read.text([str(path) for path in paths])
    mapped = lines.mapInArrow(MapLines(from_format), spark_ddl())
    table = mapped.toArrow()
    assert table.schema == OUTPUT_SCHEMA
    records, rejects = single_process(paths, from_format)
    expected = canonical(deduped(by_type(as_table(records))))
    got = canonical(deduped(by_type(table)))
    assert got == expected, differences(expected, got)
    assert_same_rejects(rejects, list(rejects_of(table)))


def test_the_documented_spark_example(spark: fake_spark.SparkSession, tmp_path: Path, monkeypatch) -> None:
    """docs/scale.md's Spark block, as written, over the files it names (the README's humanloop-export run): the
    records ``tracebridge import`` makes of them, queried as docs/scale.md queries the Ray output."""
    shutil.copytree(FIXTURES / "imports" / "humanloop-export", tmp_path / "exports" / "20250901-100000")
    monkeypatch.chdir(tmp_path)
    exec(compile(documented_spark_block(), str(DOC), "exec"), {"__name__": "__main__"})

    assert [type(func).__name__ for func, _ in spark.calls] == ["NestedRepeats", "MapLines"]
    assert spark.calls[1][0].known_repeats, "the first pass found the nested Logs"
    paths = sorted((tmp_path / "exports").rglob("logs/*.jsonl"))
    records, rejects = single_process(paths, "humanloop-v5-logs")
    db = duckdb.connect()
    written = "read_parquet('scale-out-spark/*/*.parquet', hive_partitioning = true)"
    found = []
    for record_type in RECORD_TYPES:
        rows = db.sql(table_sql(record_type, written)).to_arrow_table()
        if record_type == REJECT:
            assert_same_rejects(rejects, list(rejects_of(rows, REJECT)))
        else:
            found.extend(records_of(rows, record_type))
    expected = canonical(deduped(by_type(as_table(records))))
    assert canonical(found) == expected, differences(expected, canonical(found))
