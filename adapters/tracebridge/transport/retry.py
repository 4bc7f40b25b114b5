"""When to retry a request and how long to wait.

Retries cover what a retry can fix: 408, 429 and 5xx answers, timeouts, resets and refused connections. Other 4xx
answers are the caller's mistake and fail at once. The wait is exponential with full jitter (so concurrent page
fetches do not retry in lockstep), replaced by the server's ``Retry-After`` when it sends one, and bounded both per
attempt and in total.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import attrs

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@attrs.frozen
class RetryPolicy:
    max_attempts: int = attrs.field(default=6, validator=attrs.validators.ge(1))
    """Attempts per request, the first included."""
    initial_delay: float = 0.5
    """Upper bound of the first jittered wait, in seconds; doubles per attempt."""
    max_delay: float = 30.0
    """No backoff wait is longer."""
    max_retry_after: float = 120.0
    """A server's ``Retry-After`` is honoured up to this many seconds (it is the server's call, not our backoff's,
    so ``max_delay`` does not cut it short); a longer one is waited for this long."""
    max_elapsed: float = 300.0
    """No request keeps retrying past this many seconds since its first attempt."""
    statuses: frozenset[int] = RETRYABLE_STATUSES

    def is_retryable_status(self, status: int) -> bool:
        return status in self.statuses

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        ceiling = min(self.max_delay, self.initial_delay * 2 ** (attempt - 1))
        return (rng or random).uniform(0.0, ceiling)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP-date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
