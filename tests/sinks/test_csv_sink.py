"""CSV read back with the csv module equals the JSONL output row for row (nested fields as JSON text)."""

from __future__ import annotations

from pathlib import Path

from tracebridge.sinks.layout import TABLES

from tests.sinks.conftest import csv_view, read_csv, read_jsonl


def test_csv_matches_jsonl_row_for_row(written: Path) -> None:
    for record_type, stem in TABLES.items():
        expected = [csv_view(row) for row in read_jsonl(written / f"{stem}.jsonl")]
        assert read_csv(written / f"{stem}.csv", record_type) == expected, stem


def test_nested_fields_are_one_json_cell(written: Path) -> None:
    text = (written / "spans.csv").read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    assert header[-3:] == ["attributes", "provenance", "extra"]
    assert '"{""system"":""galileo""' in text
