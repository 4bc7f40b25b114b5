"""The worker pool notices a worker that dies, whatever it was doing, and never hangs on it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import struct
import time
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
from tracebridge.delivery.pool import Pool

CONTEXT = multiprocessing.get_context("forkserver")


def _nothing() -> None:
    return None


def _die_half_way_through_each_answer() -> None:
    """In the worker: every answer is cut off half-way by the worker's own SIGKILL, as the OOM killer would."""

    def half(self: Connection, buf: Any, offset: int = 0, size: int | None = None) -> None:
        data = bytes(buf)
        self._send(struct.pack("!i", len(data)) + data[: len(data) // 2])  # type: ignore[attr-defined]
        os.kill(os.getpid(), signal.SIGKILL)

    Connection.send_bytes = half  # type: ignore[method-assign]


def _square(n: int) -> int:
    return n * n


def _fail(message: str) -> None:
    raise ValueError(message)


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def test_results_come_back_to_their_own_futures() -> None:
    pool = Pool(2, CONTEXT, _nothing, ())
    try:
        futures = [pool.submit(_square, n) for n in range(50)]
        assert [future.result(timeout=60) for future in futures] == [n * n for n in range(50)]
        with pytest.raises(ValueError, match="refused"):
            pool.submit(_fail, "refused").result(timeout=60)
        assert pool.submit(_square, 3).result(timeout=60) == 9, "an exception in a task leaves the pool usable"
    finally:
        pool.close()


def _explode() -> None:
    raise ValueError("cannot be rebuilt here")


class _BreaksOnArrival:
    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_explode, ())


def _answer_that_does_not_unpickle() -> _BreaksOnArrival:
    return _BreaksOnArrival()


def test_an_answer_that_does_not_unpickle_fails_its_task_only() -> None:
    pool = Pool(1, CONTEXT, _nothing, ())
    try:
        with pytest.raises(ValueError, match="cannot be rebuilt"):
            pool.submit(_answer_that_does_not_unpickle).result(timeout=60)
        assert pool.submit(_square, 5).result(timeout=60) == 25
    finally:
        pool.close()


def test_a_worker_killed_while_it_sends_an_answer_breaks_the_pool_at_once() -> None:
    """With one shared result queue (``ProcessPoolExecutor``) this is a hang: the executor waits for the rest of the
    message forever. A pipe of its own ends with the worker."""
    pool = Pool(1, CONTEXT, _die_half_way_through_each_answer, ())
    try:
        started = time.monotonic()
        future = pool.submit(_square, 12345)
        with pytest.raises(BrokenProcessPool, match="ended abruptly"):
            future.result(timeout=60)
        assert time.monotonic() - started < 30
        with pytest.raises(BrokenProcessPool):
            pool.submit(_square, 2)
    finally:
        pool.close()


def test_a_worker_killed_while_busy_fails_every_task_in_flight() -> None:
    pool = Pool(2, CONTEXT, _nothing, ())
    try:
        futures = [pool.submit(_sleep, 5.0) for _ in range(4)]
        time.sleep(0.5)
        os.kill(pool.pids[0], signal.SIGKILL)
        for future in futures:
            with pytest.raises(BrokenProcessPool):
                future.result(timeout=60)
    finally:
        pool.close()


def test_close_stops_every_worker() -> None:
    pool = Pool(2, CONTEXT, _nothing, ())
    pids = pool.pids
    assert pool.submit(_square, 4).result(timeout=60) == 16
    pool.close()
    for pid in pids:
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists(), f"worker {pid} still exists after close()"
