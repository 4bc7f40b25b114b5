"""Retry timing: what a user sees as "how long does tracebridge wait, and does it respect the server"."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from tracebridge.transport.retry import RetryPolicy, parse_retry_after


def test_retry_after_in_seconds() -> None:
    assert parse_retry_after("7") == 7.0


def test_retry_after_as_http_date() -> None:
    now = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
    header = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(30.0)


@pytest.mark.parametrize("value", [None, "", "soon", "-5"])
def test_unreadable_retry_after_is_ignored(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_a_date_in_the_past_means_retry_now() -> None:
    now = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now - timedelta(minutes=1), usegmt=True), now=now) == 0.0


def test_server_retry_after_wins_over_the_backoff_cap_but_is_bounded() -> None:
    policy = RetryPolicy(max_delay=0.05, max_retry_after=10.0)
    assert policy.delay(1, retry_after=3.0) == 3.0, "a short backoff cap does not cut the server's wait short"
    assert policy.delay(1, retry_after=3600.0) == 10.0


def test_backoff_is_jittered_and_grows_exponentially_up_to_the_cap() -> None:
    policy = RetryPolicy(initial_delay=0.5, max_delay=4.0)
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (9, 4.0)]:
        delays = [policy.delay(attempt, None, rng) for _ in range(200)]
        assert all(0.0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8, "full jitter spreads over the whole window"


def test_only_transient_statuses_are_retried() -> None:
    policy = RetryPolicy()
    assert [
        s for s in (400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504) if policy.is_retryable_status(s)
    ] == [
        408,
        429,
        500,
        502,
        503,
        504,
    ]
