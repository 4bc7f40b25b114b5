"""Parquet: the same rows as the JSONL output, typed columns, bounded row groups, resumable parts."""

from __future__ import annotations

from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tracebridge.records import Record
from tracebridge.sinks import parquet
from tracebridge.sinks.jsonl import JsonlSink
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import ParquetSink

from tests.sinks.conftest import read_jsonl, read_parquet


def test_parquet_matches_jsonl_row_for_row(written: Path) -> None:
    for stem in TABLES.values():
        assert read_parquet(written / f"{stem}.parquet") == read_jsonl(written / f"{stem}.jsonl"), stem


def test_columns_are_typed(written: Path) -> None:
    schema = pq.read_schema(written / "spans.parquet")
    assert schema.field("start_time").type == pa.timestamp("us", tz="UTC")
    assert schema.field("start_time_unix_nano").type == pa.int64()
    assert schema.field("timing_derived").type == pa.bool_()
    provenance = schema.field("provenance").type
    assert pa.types.is_struct(provenance) and provenance.field("system").type == pa.string()
    assert not provenance.field("system").nullable and provenance.field("session_id").nullable
    assert not schema.field("trace_id").nullable and schema.field("parent_span_id").nullable
    # Free-form maps are plain UTF-8 text (every reader takes it), marked as JSON in the field and schema metadata.
    logical = {c.path: str(c.logical_type) for c in pq.ParquetFile(written / "spans.parquet").schema}
    assert logical["attributes"] == logical["extra"] == "String"
    assert schema.field("attributes").type == pa.string()
    assert schema.field("attributes").metadata == {b"tracebridge.json": b"true"}
    assert schema.field("name").metadata is None
    assert schema.metadata[b"tracebridge.json_columns"] == b"attributes,extra"
    experiments = pq.read_schema(written / "experiments.parquet")
    assert experiments.field("created_at").type == pa.timestamp("us", tz="UTC")
    assert pq.read_schema(written / "evaluations.parquet").field("time").type == pa.timestamp("us", tz="UTC")


def test_timestamps_are_floored_microseconds_beside_the_exact_nanoseconds(
    records: list[Record], tmp_path: Path
) -> None:
    span = next(r for r in records if r.record_type == "span")
    nanos = [1_700_000_000_123_456_789, -1_500, -1_000, 0, 999, -(2**63), 2**63 - 1]
    spans = [attrs.evolve(span, start_time_unix_nano=value, end_time_unix_nano=None) for value in nanos]
    sink = ParquetSink(tmp_path)
    sink.write(spans)
    sink.close()
    table = pq.read_table(tmp_path / "spans.parquet", columns=["start_time_unix_nano", "start_time", "end_time"])
    assert table.column("start_time_unix_nano").to_pylist() == nanos
    # Floored, not truncated toward zero: 1.5 microseconds before 1970 is in the microsecond starting 2 before it.
    assert table.column("start_time").cast(pa.int64()).to_pylist() == [
        1_700_000_000_123_456,
        -2,
        -1,
        0,
        0,
        -9_223_372_036_854_776,
        9_223_372_036_854_775,
    ]
    assert table.column("end_time").to_pylist() == [None] * len(nanos)


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


def test_no_more_than_row_group_bytes_are_held_while_writing_nor_while_joining_parts(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spans = [r for r in records if r.record_type == "span"]
    batch_bytes = [parquet.record_batch("span", spans[start : start + 2]).nbytes for start in range(0, len(spans), 2)]
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 3 * max(batch_bytes))
    written: list[int] = []
    write = parquet._FileWriter.write

    def spy(self: parquet._FileWriter, table: pa.Table) -> None:
        written.append(table.nbytes)
        write(self, table)

    monkeypatch.setattr(parquet._FileWriter, "write", spy)
    sink = ParquetSink(tmp_path)
    for start in range(0, len(spans), 2):
        sink.write(spans[start : start + 2])
        if start % 4:
            sink.state()
    during = len(written)
    sink.close()
    assert during and len(written) > during, "rows written while records arrived, and again when parts joined"
    # A row group is written as soon as ROW_GROUP_BYTES are buffered: never more than that plus the batch that
    # reached it, whether records arrive (one batch per write) or parts are read back (one part's row group).
    assert max(written) < parquet.ROW_GROUP_BYTES + max(batch_bytes) * 2
    jsonl = JsonlSink(tmp_path / "jsonl")
    jsonl.write(spans)
    jsonl.close()
    assert read_parquet(tmp_path / "spans.parquet") == read_jsonl(tmp_path / "jsonl" / "spans.jsonl")
    assert pq.ParquetFile(tmp_path / "spans.parquet").num_row_groups > 1
