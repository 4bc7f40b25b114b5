"""CSV read back with the csv module equals the JSONL output row for row (nested fields as JSON text), each
integer timestamp followed by the same instant as ISO-8601 text."""

from __future__ import annotations

from pathlib import Path

import pytest
from tracebridge.sinks.csv_sink import iso_utc
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


def test_each_integer_timestamp_is_followed_by_its_iso_text(written: Path) -> None:
    header = (written / "spans.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    start = header.index("start_time_unix_nano")
    assert header[start : start + 4] == ["start_time_unix_nano", "start_time", "end_time_unix_nano", "end_time"]


@pytest.mark.parametrize(
    ("nanos", "text"),
    [
        (0, "1970-01-01T00:00:00.000000000Z"),
        (1_740_823_205_123_456_789, "2025-03-01T10:00:05.123456789Z"),
        (-1, "1969-12-31T23:59:59.999999999Z"),
        (-1_500, "1969-12-31T23:59:59.999998500Z"),
        (-(2**63), "1677-09-21T00:12:43.145224192Z"),
        (2**63 - 1, "2262-04-11T23:47:16.854775807Z"),
        (-62_135_596_800 * 10**9, "0001-01-01T00:00:00.000000000Z"),
        (253_402_300_800 * 10**9 - 1, "9999-12-31T23:59:59.999999999Z"),
        (-62_135_596_800 * 10**9 - 1, None),  # year 0: ISO-8601's four digits have no room, the cell stays empty
        (253_402_300_800 * 10**9, None),  # year 10000
        (None, None),
    ],
)
def test_iso_text_is_exact_fixed_width_and_floored_before_1970(nanos: int | None, text: str | None) -> None:
    assert iso_utc(nanos) == text
