"""UTC nanosecond timestamps from the vendors' datetimes, and end times derived from durations.

OTLP wants integer nanoseconds since the epoch; vendors give ISO 8601 strings (sometimes naive, sometimes with ``Z``)
or, after ``Model.to_dict()``, ``isoformat()`` output. Arithmetic stays in integers so no float rounding moves a
timestamp by a nanosecond.

Every ``*_unix_nano`` value fits a signed 64-bit integer: OTLP's times are fixed64 nanoseconds, and Parquet and DuckDB
columns are int64, which spans 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z. A source time outside
that (a placeholder ``9999-12-31``, a ``0001-01-01`` "no date") has no ``*_unix_nano``: ``to_unix_nano`` returns None
for it, exactly as for text that does not parse, and the callers then keep the source field in the record's
``extra``, under its own name and as written, so the value is still in the output and a query finds it there.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NS_PER_S = 1_000_000_000

MIN_UNIX_NANO = -(1 << 63)
MAX_UNIX_NANO = (1 << 63) - 1
"""The int64 range every ``*_unix_nano`` value is kept in (see the module docstring)."""


def fits_unix_nano(nanos: int) -> bool:
    """Whether ``nanos`` fits a ``*_unix_nano`` field (and an OTLP fixed64, a Parquet or DuckDB int64 column)."""
    return MIN_UNIX_NANO <= nanos <= MAX_UNIX_NANO


def to_unix_nano(value: Any) -> int | None:
    """Nanoseconds since the epoch for a datetime or ISO 8601 string; ``None`` when absent, unparseable, or outside
    the int64 range (``fits_unix_nano``).

    Naive values are read as UTC (Humanloop writes UTC without an offset). For ``None`` the caller keeps the original
    value (in ``extra``), so nothing is lost.
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
    nanos = (delta.days * 86_400 + delta.seconds) * _NS_PER_S + delta.microseconds * 1_000
    return nanos if fits_unix_nano(nanos) else None


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
    tells consumers the end is not measured. A duration that would carry the derived time out of the int64 range
    (``fits_unix_nano``) is treated as unknown; the caller keeps the duration itself where it found it.
    """
    derived = False
    if start is not None and end is None:
        end = start + duration_ns if duration_ns is not None and duration_ns >= 0 else start
        if not fits_unix_nano(end):
            end = start
        derived = True
    elif start is None and end is not None:
        start = end - duration_ns if duration_ns is not None and duration_ns >= 0 else end
        if not fits_unix_nano(start):
            start = end
        derived = True
    return start, end, derived
