"""Collections are generated lazily: a million records cost no memory, and their last page is as quick as the first.

Measured on a ``tracebridge sandbox`` process, whose resident memory is read from ``/proc`` before and after.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.sandbox.conftest import export_path, galileo_client, humanloop_client, sandbox_process

MILLION = 1_000_000
RSS_GROWTH_BOUND_MB = 40


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_million_records_serve_their_last_pages_fast_in_bounded_memory() -> None:
    with sandbox_process("--records", str(MILLION)) as (process, target):
        before = rss_mb(process.pid)
        last = MILLION // 100
        listings = [
            ("POST", f"/v4/projects/{target.project_id}/export", last - 1),  # 0-based
            ("GET", f"/v4/evaluations/{target.evaluation_id}/datapoints", last),
            ("GET", f"/v5/evaluations/{target.evaluation_id}/logs", last),
        ]
        with humanloop_client(target) as client:
            for method, path, page in listings:
                started = time.perf_counter()
                body = client.request(method, path, params={"page": page, "size": 100}).json()
                assert time.perf_counter() - started < 1.0
                assert (len(body["records"]), body["total"]) == (100, MILLION)
                beyond = client.request(method, path, params={"page": page + 1, "size": 100}).json()
                assert beyond["records"] == []
        with galileo_client(target) as client:
            received = 0
            with client.stream("POST", export_path(target), json={"root_type": "session"}) as response:
                for chunk in response.iter_raw():
                    received += len(chunk)
                    if received > 30_000_000:
                        break
        growth = rss_mb(process.pid) - before
        assert growth < RSS_GROWTH_BOUND_MB, f"resident memory grew by {growth:.1f} MB"
