"""``combined_report``: the demo's one report over several exports adds up its parts, streams included."""

from __future__ import annotations

from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.pipeline import combined_report


def test_parts_add_up_and_a_stream_without_total_owes_nothing_missing() -> None:
    paged = CompletenessReport(expected=5, fetched=6, unique=3, duplicates=1, rejected=1, pages=2, bytes_received=10)
    stream = CompletenessReport(fetched=3, unique=3, bytes_received=7, restarts=1)
    total = combined_report([paged, stream])
    assert (total.expected, total.fetched, total.unique, total.duplicates, total.rejected) == (8, 9, 6, 1, 1)
    assert (total.pages, total.bytes_received, total.restarts) == (2, 17, 1)
    assert total.missing == paged.missing == 1


def test_a_single_report_is_returned_as_it_is() -> None:
    only = CompletenessReport(fetched=2, unique=2)
    assert combined_report([only]) is only
    assert combined_report([only]).expected is None, "a lone stream's total stays unknown"
