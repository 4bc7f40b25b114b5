"""UTC nanosecond timing: vendor datetimes to integers, and end times derived from durations (flagged)."""

from __future__ import annotations

import datetime as dt

from tracebridge.mapping.timing import seconds_to_nano, span_times, to_unix_nano


def test_iso_strings_naive_z_and_offsets_are_utc_nanoseconds() -> None:
    expected = 1_705_311_000_123_456_000  # 2024-01-15T09:30:00.123456Z
    assert to_unix_nano("2024-01-15T09:30:00.123456Z") == expected
    assert to_unix_nano("2024-01-15T09:30:00.123456") == expected  # Humanloop writes naive UTC
    assert to_unix_nano("2024-01-15T11:30:00.123456+02:00") == expected
    assert to_unix_nano(dt.datetime(2024, 1, 15, 9, 30, 0, 123456, tzinfo=dt.UTC)) == expected


def test_unparseable_or_absent_times_are_none() -> None:
    assert to_unix_nano("yesterday") is None and to_unix_nano(None) is None and to_unix_nano(12) is None


def test_durations_in_seconds_become_exact_integer_nanoseconds() -> None:
    assert seconds_to_nano(1.25) == 1_250_000_000
    assert seconds_to_nano(0.1) == 100_000_000  # no float drift
    assert seconds_to_nano(True) is None and seconds_to_nano(float("nan")) is None and seconds_to_nano("1") is None


def test_missing_end_is_start_plus_duration_and_flagged() -> None:
    assert span_times(100, None, 50) == (100, 150, True)
    assert span_times(None, 150, 50) == (100, 150, True)
    assert span_times(100, 170, 50) == (100, 170, False)  # measured times win over the duration
    assert span_times(100, None, None) == (100, 100, True)  # never open-ended
    assert span_times(None, None, 50) == (None, None, False)
