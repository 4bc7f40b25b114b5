"""Dedupe state that stays small, and a report that adds up."""

from __future__ import annotations

import tracemalloc

from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.dedupe import Deduper, DigestSet


def test_digest_set_is_a_set() -> None:
    seen = DigestSet()
    ids = [f"log_{n:06d}" for n in range(20_000)]
    assert all(seen.add(source_id) for source_id in ids)
    assert not any(seen.add(source_id) for source_id in ids[::7])
    assert len(seen) == 20_000
    assert "log_000123" in seen and "log_999999" not in seen and 5 not in seen


def test_digest_set_costs_about_seven_bytes_an_id() -> None:
    tracemalloc.start()
    try:
        seen = DigestSet()
        before = tracemalloc.get_traced_memory()[0]
        for n in range(200_000):  # a realistic id: a UUID's 36 characters
            seen.add(f"0b7c3f1e-{n:08d}-4d2a-9f3e-8a1b2c3d4e5f")
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown / 200_000 < 9, f"{grown / 200_000:.1f} bytes an id (a set of str costs ~100)"


def test_deduper_starts_from_the_ids_of_a_checkpoint() -> None:
    deduper = Deduper(["a", "b"])
    assert len(deduper) == 2 and "a" in deduper
    assert not deduper.first_time("a") and deduper.first_time("c")


def test_report_accounts_for_every_record() -> None:
    report = CompletenessReport(expected=10, fetched=14, unique=7, duplicates=4, rejected=2)
    assert report.missing == 1 and not report.complete
    assert "missing 1" in report.describe() and report.to_dict()["missing"] == 1
    assert CompletenessReport(expected=None, unique=5).complete, "a stream reports no total: nothing is owed"
