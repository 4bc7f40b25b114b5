"""JSONL, the reference format: exactly ``to_json_dict`` per line, one file per type, and the stdout stream."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tracebridge.delivery.rejects import Reject
from tracebridge.records import Record
from tracebridge.serialization import from_json_dict, to_json_dict
from tracebridge.sinks import open_output
from tracebridge.sinks.layout import TABLES

from tests.sinks.conftest import read_jsonl


def test_each_type_file_holds_its_records_in_order(records: list[Record], written: Path) -> None:
    for record_type, stem in TABLES.items():
        expected = [to_json_dict(r) for r in records if r.record_type == record_type]
        assert read_jsonl(written / f"{stem}.jsonl") == expected


def test_lines_read_back_as_the_same_records(records: list[Record], written: Path) -> None:
    back = [from_json_dict(row) for stem in TABLES.values() for row in read_jsonl(written / f"{stem}.jsonl")]
    assert sorted(map(repr, back)) == sorted(map(repr, records))


def test_stdout_stream_carries_every_record_and_rejects_go_to_stderr(records: list[Record]) -> None:
    stdout, stderr = io.BytesIO(), io.StringIO()
    sink = open_output("-", ["jsonl"], stdout=stdout, stderr=stderr)
    sink.write(records)
    sink.reject(Reject(source="page 3", reason="not JSON", raw="{oops"))
    assert sink.close() is None
    lines = stdout.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [to_json_dict(r) for r in records]
    assert json.loads(stderr.getvalue()) == {
        "source": "page 3",
        "reason": "not JSON",
        "raw": "{oops",
        "source_id": None,
        "field": None,
    }
