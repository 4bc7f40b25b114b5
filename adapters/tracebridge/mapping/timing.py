"""UTC nanosecond timestamps from the vendors' datetimes, and end times derived from durations.

OTLP wants integer nanoseconds since the epoch; vendors give ISO 8601 strings (sometimes naive, sometimes with ``Z``)
or, after ``Model.to_dict()``, ``isoformat()`` output. Arithmetic stays in integers so no float rounding moves a
timestamp by a nanosecond.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NS_PER_S = 1_000_000_000


def to_unix_nano(value: Any) -> int | None:
    """Nanoseconds since the epoch for a datetime or ISO 8601 string; ``None`` when absent or unparseable.

    Naive values are read as UTC (Humanloop writes UTC without an offset). Unparseable strings return ``None`` and
    the caller keeps the original value, so nothing is lost.
    """
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    delta: dt.timedelta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * _NS_PER_S + delta.microseconds * 1_000


def seconds_to_nano(seconds: Any) -> int | None:
    """A duration in (fractional) seconds as integer nanoseconds; ``None`` for anything that is not a number."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return None
    if not math.isfinite(seconds):
        return None
    return round(seconds * _NS_PER_S)


def span_times(start: int | None, end: int | None, duration_ns: int | None) -> tuple[int | None, int | None, bool]:
    """``(start, end, derived)``: fills a missing end from start + duration (or a missing start from end - duration).

    When no duration is known either, the missing end equals the start, so a span is never open-ended; ``derived`` then
    tells consumers the end is not measured.
    """
    derived = False
    if start is not None and end is None:
        end = start + duration_ns if duration_ns is not None and duration_ns >= 0 else start
        derived = True
    elif start is None and end is not None:
        start = end - duration_ns if duration_ns is not None and duration_ns >= 0 else end
        derived = True
    return start, end, derived
