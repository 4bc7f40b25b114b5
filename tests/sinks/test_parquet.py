"""Parquet: the same rows as the JSONL output, typed columns, bounded row groups, resumable parts."""

from __future__ import annotations

from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tracebridge.records import Record
from tracebridge.sinks import parquet
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import ParquetSink

from tests.sinks.conftest import read_jsonl, read_parquet


def test_parquet_matches_jsonl_row_for_row(written: Path) -> None:
    for stem in TABLES.values():
        assert read_parquet(written / f"{stem}.parquet") == read_jsonl(written / f"{stem}.jsonl"), stem


def test_columns_are_typed(written: Path) -> None:
    schema = pq.read_schema(written / "spans.parquet")
    assert schema.field("start_time").type == pa.timestamp("ns", tz="UTC")
    assert schema.field("start_time_unix_nano").type == pa.int64()
    assert schema.field("timing_derived").type == pa.bool_()
    provenance = schema.field("provenance").type
    assert pa.types.is_struct(provenance) and provenance.field("system").type == pa.string()
    assert not provenance.field("system").nullable and provenance.field("session_id").nullable
    assert not schema.field("trace_id").nullable and schema.field("parent_span_id").nullable
    # Free-form maps carry Parquet's JSON logical type, so engines read them as JSON.
    logical = {c.path: str(c.logical_type) for c in pq.ParquetFile(written / "spans.parquet").schema}
    assert logical["attributes"] == logical["extra"] == "JSON"
    experiments = pq.read_schema(written / "experiments.parquet")
    assert experiments.field("created_at").type == pa.timestamp("ns", tz="UTC")
    assert pq.read_schema(written / "evaluations.parquet").field("time").type == pa.timestamp("ns", tz="UTC")


def test_nanoseconds_survive_in_the_timestamp_column(records: list[Record], tmp_path: Path) -> None:
    span = next(r for r in records if r.record_type == "span")
    precise = attrs.evolve(span, start_time_unix_nano=1_700_000_000_123_456_789, end_time_unix_nano=None)
    sink = ParquetSink(tmp_path)
    sink.write([precise])
    sink.close()
    table = pq.read_table(tmp_path / "spans.parquet", columns=["start_time", "end_time"])
    assert table.column("start_time").cast(pa.int64()).to_pylist() == [1_700_000_000_123_456_789]
    assert table.column("end_time").to_pylist() == [None]


def test_row_groups_are_written_as_batches_arrive_and_parts_join(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 4)
    spans = [r for r in records if r.record_type == "span"]
    sink = ParquetSink(tmp_path)
    for start in range(0, len(spans), 3):
        sink.write(spans[start : start + 3])
        if start % 2:
            sink.state()  # a checkpoint closes the part being written
    parts_dir = tmp_path / ".partial" / "parquet"
    assert len(list(parts_dir.glob("spans-*.parquet"))) > 1
    assert not (tmp_path / "spans.parquet").exists()
    sink.close()
    final = pq.ParquetFile(tmp_path / "spans.parquet")
    assert final.metadata.num_rows == len(spans)
    assert all(final.metadata.row_group(i).num_rows <= 4 + 3 for i in range(final.num_row_groups))
    assert final.num_row_groups >= len(spans) // 7
    assert not parts_dir.exists()


def test_empty_tables_are_files_with_the_schema(tmp_path: Path) -> None:
    sink = ParquetSink(tmp_path)
    sink.close()
    for stem in TABLES.values():
        table = pq.read_table(tmp_path / f"{stem}.parquet")
        assert table.num_rows == 0
        assert table.schema.metadata[b"tracebridge.record_type"] in {k.encode() for k in TABLES}
