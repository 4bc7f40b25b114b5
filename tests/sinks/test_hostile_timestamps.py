"""Issue #17, finding 2: a time outside the int64-nanosecond range (a ``9999-12-31`` placeholder, a ``0001-01-01``
"no date") is not written as ``*_unix_nano`` but kept as written in ``extra``; an integer beyond 64 bits that still
reaches the output (a record built by hand) is rejected with the field named, in every format, never a crash."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from tracebridge.galileo import mapping as galileo
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.timing import span_times, to_unix_nano
from tracebridge.records import RECORD_CLASSES, Record, Span
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks.columns import columns
from tracebridge.sinks.parquet import ParquetSink

from tests.cli.conftest import read_jsonl, tracebridge
from tests.fixture_files import load, load_lines
from tests.mapping.fidelity import missing_leaves
from tests.sinks.conftest import ALL_FORMATS

MIN_UNIX_NANO = -(1 << 63)
MAX_UNIX_NANO = (1 << 63) - 1
FAR_FUTURE = "9999-12-31T23:59:59.999999Z"
FAR_PAST = "0001-01-01T00:00:00"


def test_times_outside_int64_have_no_unix_nano() -> None:
    assert to_unix_nano(FAR_FUTURE) is None
    assert to_unix_nano(FAR_PAST) is None
    assert to_unix_nano("2262-04-11T23:47:16.854775Z") == 9_223_372_036_854_775_000  # the last microsecond in range
    assert to_unix_nano("2262-04-11T23:47:16.854776Z") is None
    assert to_unix_nano("1677-09-21T00:12:43.145225Z") == -9_223_372_036_854_775_000
    assert to_unix_nano("1677-09-21T00:12:43.145224Z") is None
    # A duration that would carry a derived end past the range is not used: the end is the start.
    assert span_times(MAX_UNIX_NANO - 5, None, 10) == (MAX_UNIX_NANO - 5, MAX_UNIX_NANO - 5, True)
    assert span_times(None, MIN_UNIX_NANO + 5, 10) == (MIN_UNIX_NANO + 5, MIN_UNIX_NANO + 5, True)


def _records(items: list[Any]) -> list[Record]:
    """The records among an adapter's output (not its carried versions or rejected parts)."""
    return [item for item in items if isinstance(item, tuple(RECORD_CLASSES.values()))]


def _adapted() -> list[tuple[object, list[Record]]]:
    """Each vendor's records with out-of-range times, as the adapters map them: (source, records)."""
    v5 = load("humanloop/v5-evaluation-log-rich.json")
    v5["log"].update(start_time=FAR_PAST, end_time=FAR_FUTURE, created_at=FAR_FUTURE)
    v4 = load("humanloop/v4-log-rich.json")
    v4["created_at"] = FAR_FUTURE
    line = load_lines("galileo/export-flat.jsonl")[0]
    line["created_at"] = FAR_PAST
    return [
        (v5, _records(humanloop_v5.normalize_evaluation_log(copy.deepcopy(v5)))),
        (v4, _records(humanloop_v4.normalize_log(copy.deepcopy(v4)))),
        (line, _records(galileo.normalize_record(copy.deepcopy(line)))),
    ]


def test_the_adapters_keep_an_out_of_range_time_as_written_in_extra() -> None:
    for source, records in _adapted():
        assert missing_leaves(source, records) == [], "the original text is still in the record"
        kept = {value for record in records for value in record.extra.values() if isinstance(value, str)}
        assert kept & {FAR_FUTURE, FAR_PAST}, "under its own field name in extra, as the source wrote it"
        times = [getattr(r, c.name) for r in records for c in columns(r.record_type) if c.timestamp is not None]
        assert all(t is None or MIN_UNIX_NANO <= t <= MAX_UNIX_NANO for t in times)


def test_every_format_writes_records_with_out_of_range_times(tmp_path: Path) -> None:
    records = [record for _, adapted in _adapted() for record in adapted]
    with open_output(tmp_path, ALL_FORMATS) as sink:
        sink.write(records)
        manifest = sink.close(Manifest(source={"system": "fixtures"}))
    assert manifest is not None
    assert json.loads(manifest.read_text())["rejects"] == 0


def test_the_cli_imports_a_placeholder_date_into_every_format(tmp_path: Path) -> None:
    lines = load_lines("galileo/export-flat.jsonl")
    lines[0]["created_at"] = FAR_FUTURE
    lines[1]["created_at"] = FAR_PAST
    source = tmp_path / "placeholders.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "out"
    formats = [arg for fmt in ALL_FORMATS for arg in ("--format", fmt)]
    done = tracebridge("import", str(source), *formats, "--out", str(out), "-q")
    assert done.returncode == 0, done.stderr
    session = read_jsonl(out / "sessions.jsonl")[0]
    assert session["start_time_unix_nano"] is None and session["extra"]["created_at"] == FAR_FUTURE


def _far(record: Record, nanos: int) -> Record:
    assert isinstance(record, Span)
    return attrs.evolve(record, start_time_unix_nano=nanos, end_time_unix_nano=nanos)


@pytest.mark.parametrize("nanos", [1 << 70, -(1 << 64), MAX_UNIX_NANO + 1])
def test_an_integer_beyond_64_bits_built_by_hand_is_rejected_with_its_field(
    records: list[Record], tmp_path: Path, nanos: int
) -> None:
    spans = [r for r in records if r.record_type == "span"]
    bad = _far(spans[0], nanos)
    with open_output(tmp_path, ALL_FORMATS) as sink:
        sink.write([bad, *spans[1:]])
        manifest = sink.close(Manifest(source={"system": "hand-built"}))
    assert manifest is not None
    written = json.loads(manifest.read_text())
    assert written["counts"]["span"] == len(spans) - 1 and written["rejects"] == 1
    (reject,) = read_jsonl(tmp_path / "rejects.jsonl")
    assert reject["field"] == "start_time_unix_nano"
    assert f"start_time_unix_nano = {nanos}" in reject["reason"] and "64-bit" in reject["reason"]
    assert json.loads(reject["raw"])["start_time_unix_nano"] == nanos, "the whole record is kept"
    assert len(read_jsonl(tmp_path / "spans.jsonl")) == len(spans) - 1


def test_the_parquet_sink_on_its_own_names_the_field(records: list[Record], tmp_path: Path) -> None:
    span = next(r for r in records if r.record_type == "span")
    sink = ParquetSink(tmp_path)
    with pytest.raises(ValueError, match=r"span field start_time_unix_nano = 1180591620717411303424"):
        sink.write([_far(span, 1 << 70)])
    sink.abort(discard=True)
