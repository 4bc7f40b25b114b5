"""``tracebridge.scale.MapLines``: lines of any JSON-lines format, split into batches in any way, give the import's
records.

No engine here: the batches are what Ray hands ``map_batches`` (a table of a ``text`` column); the Ray and Spark
tests run the same function as the engines call it.
"""

from __future__ import annotations

import json
import pickle
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest
from tracebridge.delivery.rejects import Reject
from tracebridge.records import Provenance, Span
from tracebridge.sandbox import RunningSandbox
from tracebridge.scale import (
    LINE_FORMATS,
    OUTPUT_SCHEMA,
    RECORD_TYPES,
    MapLines,
    NestedRepeats,
    columns_of,
    long_batches,
    records_of,
    rejects_of,
)
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import arrow_schema, record_batch

from tests.scale.support import (
    EXPORT_LOGS,
    as_table,
    assert_same_rejects,
    by_type,
    canonical,
    deduped,
    differences,
    single_process,
    vendor_files,
)


@pytest.fixture(scope="module")
def files(sandbox: RunningSandbox, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    return vendor_files(sandbox, tmp_path_factory.mktemp("dumps"))


def line_batches(paths: list[Path], size: int) -> list[pa.Table]:
    """The files' lines in tables of ``size`` rows, each line with its ``file:line`` (blank lines too: skipped)."""
    lines = [
        (line, f"{path}:{number}")
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
    ]
    return [
        pa.table({"text": [line for line, _ in lines[i : i + size]], "source": [w for _, w in lines[i : i + size]]})
        for i in range(0, len(lines), size)
    ]


def exact(records: list) -> Counter[str]:
    return Counter(json.dumps(to_json_dict(record), sort_keys=True) for record in records)


@pytest.mark.parametrize("size", [1, 7, 100_000], ids=["line-by-line", "batches-of-7", "one-batch"])
@pytest.mark.parametrize("from_format", ["galileo-jsonl", "humanloop-v4-export", "humanloop-v5-evaluation-logs",
                                         "humanloop-v5-logs"])  # fmt: skip
def test_any_split_gives_the_imports_records(files, from_format: str, size: int) -> None:
    paths = files[from_format]
    records, rejects = single_process(paths, from_format)
    batches = line_batches(paths, size)
    known = {identity for batch in batches for identity in NestedRepeats(from_format)(batch)["identity"].to_pylist()}
    mapper = MapLines(from_format, known_repeats=known)
    output = pa.concat_tables([mapper(batch) for batch in batches])
    assert output.schema == OUTPUT_SCHEMA

    expected = canonical(deduped(by_type(as_table(records))))
    got = canonical(deduped(by_type(output)))
    assert got == expected, differences(expected, got)
    assert_same_rejects(rejects, list(rejects_of(output)))
    if size == 100_000:  # one call sees the whole input, as the import does: the same records, not one more
        assert exact(records_of(output)) == exact(records)
    assert {reject.source.rsplit(":", 1)[0] for reject in rejects_of(output)} <= {str(p) for p in paths}


def test_the_nested_logs_need_the_first_pass() -> None:
    """A standalone copy of a nested Log, split from its parent, maps without what its parent gives it (its trace, its
    run): records the import never writes. With the first pass's identities, every record is one the import writes."""
    batches = line_batches(EXPORT_LOGS, 1)
    records, _ = single_process(EXPORT_LOGS, "humanloop-v5-logs")
    imported = set(canonical(records))
    without = canonical(records_of(pa.concat_tables([MapLines("humanloop-v5-logs")(batch) for batch in batches])))
    assert not set(without) <= imported
    known = NestedRepeats("humanloop-v5-logs")(pa.concat_tables(batches))["identity"].to_pylist()
    assert known and all(identity.startswith("v5_log:log_") for identity in known)
    mapper = MapLines("humanloop-v5-logs", known_repeats=known)
    assert set(canonical(records_of(pa.concat_tables([mapper(batch) for batch in batches])))) == imported
    assert NestedRepeats("galileo-jsonl")(batches[0]).num_rows == 0


def test_a_row_holds_what_the_parquet_file_holds(files) -> None:
    records, _ = single_process(files["humanloop-v5-evaluation-logs"], "humanloop-v5-evaluation-logs")
    galileo, _ = single_process(files["galileo-jsonl"], "galileo-jsonl")
    table = as_table(records + galileo)
    seen = set()
    for record_type, rows in by_type(table).items():
        own = [record for record in records + galileo if record.record_type == record_type]
        expected = record_batch(record_type, own)
        assert list(columns_of(record_type)) == expected.schema.names
        for name in expected.schema.names:  # the same values and types; only nullability is the long schema's
            assert rows.column(name).combine_chunks().equals(expected.column(name)), name
        seen.add(record_type)
    assert seen == set(TABLES), "the data covers every record type"


def test_the_long_schema_is_every_files_columns_then_the_rejects() -> None:
    assert OUTPUT_SCHEMA.names[0] == "record_type" and not OUTPUT_SCHEMA.field("record_type").nullable
    for record_type in TABLES:
        for field in arrow_schema(record_type):
            assert OUTPUT_SCHEMA.field(field.name).type == field.type
            assert OUTPUT_SCHEMA.field(field.name).metadata == field.metadata
    assert OUTPUT_SCHEMA.names[-5:] == list(columns_of("reject")) == ["source", "reason", "raw", "source_id", "field"]
    assert (*TABLES, "reject") == RECORD_TYPES
    with pytest.raises(ValueError, match="unknown record type"):
        columns_of("spans")


def test_a_record_no_format_can_hold_and_a_lone_surrogate_are_rejects_not_errors() -> None:
    provenance = Provenance(system="galileo", api_version="v2", record_type="llm", source_id="s1")
    too_late = Span(trace_id="1" * 32, span_id="2" * 16, name="x", start_time_unix_nano=2**70, provenance=provenance)
    fine = Span(trace_id="1" * 32, span_id="3" * 16, name="cut \ud83d", provenance=provenance)
    table = pa.Table.from_batches(
        long_batches([too_late, fine], [Reject(source="f:1", reason="r", raw='{"a": "\ud83d"}')]), schema=OUTPUT_SCHEMA
    )
    assert table.column("record_type").to_pylist() == ["span", "reject", "reject"]
    rejects = list(rejects_of(table))
    assert rejects[0].raw == '{"a": "\\ud83d"}'  # the six characters, as in rejects.jsonl
    assert rejects[1].field == "start_time_unix_nano" and "64-bit" in rejects[1].reason
    assert [record.name for record in records_of(table)] == ["cut \\ud83d"]


@pytest.mark.parametrize("from_format", ["galileo-csv", "humanloop-export"])
def test_formats_not_made_of_lines_are_refused(from_format: str) -> None:
    with pytest.raises(ValueError, match="not read line by line"):
        MapLines(from_format)
    with pytest.raises(ValueError, match="unknown import format"):
        MapLines("galileo-json")
    assert "galileo-jsonl-flat" in LINE_FORMATS and from_format not in LINE_FORMATS


def test_the_columns_it_reads(files) -> None:
    line = files["galileo-jsonl"][0].read_text(encoding="utf-8").splitlines()[0]
    expected = MapLines("galileo-jsonl")(pa.table({"text": [line]}))
    for table in (
        pa.table({"my_lines": [line]}),  # the only column, whatever its name
        pa.table({"value": pa.array([line.encode() + b"\r"], pa.binary()), "n": [1]}),  # binary, a CRLF ending
        pa.table({"line": pa.array(["", line, None, "  "], pa.large_string())}),  # blank lines are skipped
    ):
        assert MapLines("galileo-jsonl")(table).equals(expected)
    assert MapLines("galileo-jsonl", line_column="b")(pa.table({"a": ["x"], "b": [line]})).equals(expected)
    with pytest.raises(ValueError, match="no column of JSON lines"):
        MapLines("galileo-jsonl")(pa.table({"a": ["x"], "b": [line]}))
    with pytest.raises(ValueError, match="not lines of text"):
        MapLines("galileo-jsonl")(pa.table({"text": [1]}))
    broken = MapLines("galileo-jsonl")(pa.record_batch({"text": ["{", "[1]"], "path": ["a.jsonl", None]}))
    assert [(r.source, r.reason[:14]) for r in rejects_of(broken)] == [
        ("a.jsonl", "not valid JSON"),
        ("row 1 of an input batch record 0", "a record must "),
    ]


def test_it_pickles_as_the_engines_ship_it(files) -> None:
    mapper = MapLines("humanloop-v4-export", known_repeats={"v4_log:x"}, source_column="where")
    copy = pickle.loads(pickle.dumps(mapper))
    assert repr(copy) == "MapLines('humanloop-v4-export')" and copy.known_repeats == {"v4_log:x"}
    batch = line_batches(files["humanloop-v4-export"], 10)[0].rename_columns(["text", "where"])
    assert copy(batch).equals(mapper(batch))
