"""The outputs read with no glue by the tools users hold: pandas, polars, DuckDB, pyarrow, and (by its rules) Spark.

A few records chosen to trip readers (nested JSON, unicode, quotes and newlines, a null inside attributes, integers
beyond a double's precision, a time before 1970, the epoch itself, a missing time) are written as JSONL, CSV and
Parquet, then read back with each tool's everyday call. Every check compares values with the records written, so a
reader that silently changes a type or a value fails it. Spark needs a JVM, which the test machine lacks: its part
checks the Parquet logical types against what Spark reads without a legacy option.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tracebridge.records import DatasetExample, Evaluation, Experiment, Provenance, Record, Span
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks.columns import columns
from tracebridge.sinks.layout import TABLES

from tests.sinks.conftest import iso_of, timestamp_columns

TRACE = "0af7651916cd43dd8448eb211c80319c"
MESSAGE = 'héllo 世界 🌍, "quoted"\nsecond line'
LLM_ATTRIBUTES: dict[str, Any] = {
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 12,
    "gen_ai.input.messages": [{"role": "user", "parts": [{"type": "text", "content": MESSAGE}]}],
    "tracebridge.unset": None,
    "tracebridge.beyond_double": 2**53 + 1,
    "tracebridge.int64_max": 2**63 - 1,
    "tracebridge.float_one": 1.0,
}
LLM_START = 1_740_823_205_123_456_789
SPAN_NANOS: dict[str, tuple[int | None, int | None]] = {
    "a1a1a1a1a1a1a1a1": (LLM_START, LLM_START + 876_543_211),
    "b2b2b2b2b2b2b2b2": (-1_500, 0),  # before 1970 (floored to -2 microseconds) and the epoch itself
    "c3c3c3c3c3c3c3c3": (None, None),
}


def _provenance(record_type: str) -> Provenance:
    return Provenance(system="humanloop", api_version="v5", record_type=record_type, source_id="src_1")


def reader_records() -> list[Record]:
    (a, b, c) = SPAN_NANOS
    return [
        Span(
            trace_id=TRACE,
            span_id=a,
            name="chat gpt-4o",
            kind="CLIENT",
            start_time_unix_nano=SPAN_NANOS[a][0],
            end_time_unix_nano=SPAN_NANOS[a][1],
            attributes=LLM_ATTRIBUTES,
            provenance=_provenance("log"),
            extra={"nested": {"list": [1, {"x": None}, "ü"]}},
        ),
        Span(
            trace_id=TRACE,
            span_id=b,
            parent_span_id=a,
            name="tool ünïcode",
            start_time_unix_nano=SPAN_NANOS[b][0],
            end_time_unix_nano=SPAN_NANOS[b][1],
            status_code="ERROR",
            status_message='a, b\n"c"',
            attributes={"gen_ai.request.model": "claude-sonnet-4"},
            provenance=_provenance("tool_log"),
        ),
        Span(trace_id=TRACE, span_id=c, parent_span_id=a, name="no times", provenance=_provenance("flow_log")),
        Evaluation(
            evaluation_id="ev_1",
            name="accuracy",
            target_type="span",
            trace_id=TRACE,
            span_id=a,
            time_unix_nano=LLM_START + 1,
            attributes={"gen_ai.evaluation.score.value": 0.5},
            provenance=_provenance("evaluator_log"),
        ),
        Experiment(
            experiment_id="run_1",
            created_at_unix_nano=0,
            subject={"type": "prompt", "id": "pr_1"},
            provenance=_provenance("run"),
        ),
        DatasetExample(example_id="dp_1", expected_output="Paris", provenance=_provenance("datapoint")),
    ]


def json_column_names(record_type: str) -> list[str]:
    return [c.name for c in columns(record_type) if c.kind == "json"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("readers")
    sink = open_output(directory, ["jsonl", "csv", "parquet"])
    sink.write(reader_records())
    sink.close(Manifest(source={"system": "readers"}))
    return directory


def micros(nanos: int | None) -> int | None:
    """What a microsecond timestamp column must hold: the nanoseconds floored (``//`` floors before 1970 too)."""
    return None if nanos is None else nanos // 1000


def utc_micros(nanos: int) -> datetime:
    micros_value = micros(nanos)
    assert micros_value is not None
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros_value)


# pandas


def test_pandas_reads_parquet_json_as_text_and_timestamps_as_utc(out: Path) -> None:
    frame = pd.read_parquet(out / "spans.parquet").set_index("span_id")
    assert pd.api.types.is_string_dtype(frame["attributes"].dtype)
    assert json.loads(frame.loc["a1a1a1a1a1a1a1a1", "attributes"]) == LLM_ATTRIBUTES
    assert json.loads(frame.loc["a1a1a1a1a1a1a1a1", "extra"]) == {"nested": {"list": [1, {"x": None}, "ü"]}}
    dtype = frame["start_time"].dtype
    assert isinstance(dtype, pd.DatetimeTZDtype) and str(dtype.tz) == "UTC" and dtype.unit == "us"
    for span_id, (start, _) in SPAN_NANOS.items():
        value = frame.loc[span_id, "start_time"]
        if start is None:
            assert pd.isna(value)
        else:
            assert value == pd.Timestamp(micros(start), unit="us", tz="UTC"), span_id
    # A nullable int64 becomes float64 in pandas' default (numpy) types, which rounds nanoseconds; the nullable
    # backend keeps the exact integer, which is why the integer column is there.
    exact = pd.read_parquet(out / "spans.parquet", dtype_backend="numpy_nullable").set_index("span_id")
    assert exact.loc["a1a1a1a1a1a1a1a1", "start_time_unix_nano"] == LLM_START


def test_pandas_reads_csv_json_cells_and_the_iso_column_to_the_nanosecond(out: Path) -> None:
    frame = pd.read_csv(out / "spans.csv", dtype={"start_time_unix_nano": "Int64"}).set_index("span_id")
    assert pd.api.types.is_string_dtype(frame["attributes"].dtype)
    assert json.loads(frame.loc["a1a1a1a1a1a1a1a1", "attributes"]) == LLM_ATTRIBUTES
    assert frame.loc["b2b2b2b2b2b2b2b2", "status_message"] == 'a, b\n"c"'
    starts = pd.to_datetime(frame["start_time"], format="ISO8601", utc=True)
    assert starts["a1a1a1a1a1a1a1a1"] == pd.Timestamp(LLM_START, unit="ns", tz="UTC")
    assert starts["b2b2b2b2b2b2b2b2"] == pd.Timestamp(-1_500, unit="ns", tz="UTC")
    assert pd.isna(starts["c3c3c3c3c3c3c3c3"])
    assert frame.loc["a1a1a1a1a1a1a1a1", "start_time_unix_nano"] == LLM_START


def test_pandas_reads_jsonl_nested_fields_as_objects(out: Path) -> None:
    frame = pd.read_json(out / "spans.jsonl", lines=True, dtype=False).set_index("span_id")
    assert frame.loc["a1a1a1a1a1a1a1a1", "attributes"] == LLM_ATTRIBUTES


# polars


def test_polars_reads_parquet_json_as_string_and_timestamps_as_utc_microseconds(out: Path) -> None:
    frame = pl.read_parquet(out / "spans.parquet").sort("span_id")
    assert frame.schema["attributes"] == pl.String
    assert frame.schema["start_time"] == pl.Datetime("us", "UTC")
    assert frame.schema["start_time_unix_nano"] == pl.Int64
    assert [None if v is None else json.loads(v) for v in frame["attributes"].to_list()] == [
        LLM_ATTRIBUTES,
        {"gen_ai.request.model": "claude-sonnet-4"},
        {},
    ]
    # The keys asked for by name, as docs/formats.md shows: attribute maps differ from row to row.
    wanted = pl.Struct({"gen_ai.request.model": pl.String, "tracebridge.int64_max": pl.Int64})
    decoded = frame["attributes"].str.json_decode(wanted)
    assert decoded.struct.field("gen_ai.request.model").to_list() == ["gpt-4o", "claude-sonnet-4", None]
    assert decoded.struct.field("tracebridge.int64_max").to_list() == [2**63 - 1, None, None]
    expected = [None if start is None else utc_micros(start) for start, _ in SPAN_NANOS.values()]
    assert frame["start_time"].to_list() == expected
    assert frame["start_time_unix_nano"].to_list() == [start for start, _ in SPAN_NANOS.values()]


def test_polars_reads_csv_with_the_iso_column_as_utc_time(out: Path) -> None:
    frame = pl.read_csv(out / "spans.csv", try_parse_dates=True).sort("span_id")
    assert frame.schema["attributes"] == pl.String
    assert frame.schema["start_time_unix_nano"] == pl.Int64
    # Inferred as a UTC time; the unit is the polars version's choice, the microseconds must be the Parquet ones.
    assert frame.schema["start_time"] in (pl.Datetime("us", "UTC"), pl.Datetime("ns", "UTC"))
    assert json.loads(frame["attributes"][0]) == LLM_ATTRIBUTES
    assert frame["start_time"].dt.epoch("us").to_list() == [micros(start) for start, _ in SPAN_NANOS.values()]
    assert frame["start_time_unix_nano"].to_list() == [start for start, _ in SPAN_NANOS.values()]
    # Read as text and parsed at nanoseconds, the ISO column gives back the exact integer.
    text = pl.read_csv(out / "spans.csv", infer_schema=False).sort("span_id")["start_time"]
    assert text.to_list() == [None if start is None else iso_of(start) for start, _ in SPAN_NANOS.values()]
    parsed = text.str.to_datetime(time_unit="ns", time_zone="UTC")
    assert parsed.dt.epoch("ns").to_list() == [start for start, _ in SPAN_NANOS.values()]


def test_polars_reads_jsonl_with_exact_integers(out: Path) -> None:
    frame = pl.read_ndjson(out / "spans.jsonl").sort("span_id")
    assert frame["start_time_unix_nano"].to_list() == [start for start, _ in SPAN_NANOS.values()]
    assert frame["attributes"].struct.field("tracebridge.beyond_double").to_list() == [2**53 + 1, None, None]


# DuckDB


def test_duckdb_queries_parquet_json_columns_with_the_arrow_operator(out: Path) -> None:
    parquet = str(out / "spans.parquet")
    rows = duckdb.sql(
        "SELECT span_id, attributes->>'$.\"gen_ai.request.model\"', "
        "attributes->'$.\"gen_ai.input.messages\"'->0->'parts'->0->>'content', epoch_us(start_time) "
        f"FROM read_parquet('{parquet}') ORDER BY span_id"
    ).fetchall()
    assert rows == [
        ("a1a1a1a1a1a1a1a1", "gpt-4o", MESSAGE, micros(LLM_START)),
        ("b2b2b2b2b2b2b2b2", "claude-sonnet-4", None, -2),
        ("c3c3c3c3c3c3c3c3", None, None, None),
    ]
    described = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{parquet}')").fetchall()}
    assert described["attributes"] == "VARCHAR"
    assert described["start_time"] == "TIMESTAMP WITH TIME ZONE"


def test_duckdb_reads_the_csv_iso_column_as_the_parquet_timestamp(out: Path) -> None:
    """Each CSV time parsed as TIMESTAMPTZ equals the Parquet timestamp of the same integer, to the microsecond."""
    checked = 0
    for record_type, stem in TABLES.items():
        for derived, source in timestamp_columns(record_type).items():
            csv_file, parquet = out / f"{stem}.csv", out / f"{stem}.parquet"
            pairs = duckdb.sql(
                f"SELECT c.{source}, epoch_us(c.{derived}), epoch_us(p.{derived}) "
                f"FROM read_csv('{csv_file}', types = {{'{source}': 'BIGINT', '{derived}': 'TIMESTAMPTZ'}}) c "
                f"JOIN read_parquet('{parquet}') p ON c.{source} IS NOT DISTINCT FROM p.{source} "
                f"ORDER BY c.{source}"
            ).fetchall()
            written = sorted(
                (getattr(r, source) for r in reader_records() if r.record_type == record_type),
                key=lambda nanos: (nanos is None, nanos),
            )
            assert pairs == [(nanos, micros(nanos), micros(nanos)) for nanos in written], (stem, derived)
            checked += len(pairs)
    assert checked == 8  # the spans' starts and ends, the evaluation's time, the experiment's creation


# pyarrow


def test_pyarrow_schema_has_no_extension_types_utc_microseconds_and_marked_json(out: Path) -> None:
    for record_type, stem in TABLES.items():
        schema = pq.read_schema(out / f"{stem}.parquet")
        assert not [f.name for f in schema if isinstance(f.type, pa.BaseExtensionType)], stem
        timestamps = {f.name: f.type for f in schema if pa.types.is_timestamp(f.type)}
        assert timestamps == dict.fromkeys(timestamp_columns(record_type), pa.timestamp("us", tz="UTC")), stem
        marked = [f.name for f in schema if (f.metadata or {}).get(b"tracebridge.json") == b"true"]
        assert marked == json_column_names(record_type), stem
        assert all(schema.field(name).type == pa.string() for name in marked), stem
        assert schema.metadata[b"tracebridge.json_columns"].decode().split(",") == marked, stem
    table = pq.read_table(out / "dataset_examples.parquet")
    assert json.loads(table.column("expected_output")[0].as_py()) == "Paris"
    assert table.column("metadata")[0].as_py() is None


# Spark (by the Parquet logical types it reads without a legacy option)


def _spark_reads(physical: str, logical: dict[str, Any]) -> bool:
    kind = logical["Type"]
    if physical == "BYTE_ARRAY":
        return kind in ("None", "String")
    if physical == "INT64":
        if kind == "Timestamp":  # NANOS is "Illegal Parquet type" to Spark 3 and 4 by default
            return bool(logical["isAdjustedToUTC"]) and logical["timeUnit"] in ("milliseconds", "microseconds")
        if kind == "Int":  # unsigned 64-bit has no Spark type
            return bool(logical["isSigned"])
        return kind == "None"
    return physical in ("BOOLEAN", "INT32", "DOUBLE", "FLOAT") and kind == "None"


def test_parquet_logical_types_are_all_ones_spark_reads_by_default(out: Path) -> None:
    for record_type, stem in TABLES.items():
        parquet_schema = pq.ParquetFile(out / f"{stem}.parquet").schema
        types = {c.path: (c.physical_type, json.loads(c.logical_type.to_json())) for c in parquet_schema}
        refused = {path: t for path, t in types.items() if not _spark_reads(*t)}
        assert not refused, (stem, refused)
        for name in json_column_names(record_type):
            assert types[name] == ("BYTE_ARRAY", {"Type": "String"}), (stem, name)
        for name in timestamp_columns(record_type):
            assert types[name][1]["timeUnit"] == "microseconds", (stem, name)


def test_the_spark_rule_refuses_what_spark_refuses() -> None:
    assert not _spark_reads("INT64", {"Type": "Timestamp", "isAdjustedToUTC": True, "timeUnit": "nanoseconds"})
    assert not _spark_reads("INT64", {"Type": "Int", "bitWidth": 64, "isSigned": False})
    assert not _spark_reads("BYTE_ARRAY", {"Type": "JSON"})
    assert _spark_reads("INT64", {"Type": "Timestamp", "isAdjustedToUTC": True, "timeUnit": "microseconds"})
