"""The progress line: what it says, and that it stays off where it would only add noise."""

from __future__ import annotations

import io

from tracebridge.cli.progress import ProgressLine
from tracebridge.delivery.completeness import CompletenessReport


def test_line_shows_records_pages_rate_and_eta() -> None:
    report = CompletenessReport(
        expected=10_000, fetched=2_600, unique=2_500, duplicates=100, pages=26, bytes_received=3_400_000
    )
    text = ProgressLine.describe(report, written=9_000, elapsed=5.0)
    assert "2,500/10,000 records" in text
    assert "26 pages" in text
    assert "3.4 MB" in text
    assert "500 rec/s" in text
    assert "ETA 0:15" in text
    assert "100 duplicates dropped" in text


def test_streams_without_a_total_show_no_eta() -> None:
    text = ProgressLine.describe(CompletenessReport(unique=42), written=100, elapsed=1.0)
    assert text.startswith("42 records") and "ETA" not in text


def test_off_when_not_a_terminal() -> None:
    stream = io.StringIO()  # not a TTY, as in a pipe or CI log
    progress = ProgressLine("export", stream)
    progress(CompletenessReport(expected=10, unique=5), 5)
    progress.finish()
    assert stream.getvalue() == ""


def test_on_when_forced_redraws_in_place_and_ends_the_line() -> None:
    stream = io.StringIO()
    progress = ProgressLine("export", stream, enabled=True)
    progress(CompletenessReport(expected=10, unique=5), 5)
    progress.finish()
    assert stream.getvalue().startswith("\rexport: 5/10 records")
    assert stream.getvalue().endswith("\n")
