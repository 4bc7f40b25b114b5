"""Benchmark the sandbox: Humanloop pages per second and Galileo stream throughput.

The sandbox must never be the bottleneck of an exporter benchmark, so this measures what it serves to one keep-alive
client: pages of 100 small records of the v4 project export (``--small-records``, no latency, no faults) for a few
seconds, the same with realistic records (3-13 KB each, for the byte rate), then one Galileo export streamed to the
end. It also prints how long ``tracebridge sandbox`` takes to print its coordinates. The sandbox runs in its own
process, as it would beside a real exporter, so client and server do not share one interpreter lock.

    .venv/bin/python scripts/bench_sandbox.py [--seconds 5] [--records 1000000] [--in-process]
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from tracebridge.sandbox import SandboxConfig, start

PAGE_SIZE = 100


@contextmanager
def sandbox_process(records: int, small: bool) -> Iterator[dict[str, str]]:
    """Run ``tracebridge sandbox`` on a free port; yield its printed ``name: value`` lines (plus ``startup``)."""
    script = Path(sys.executable).with_name("tracebridge")
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "tracebridge"]
    command = [*launcher, "sandbox", "--port", "0", "--records", str(records), *(["--small-records"] if small else [])]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    info: dict[str, str] = {}
    try:
        while "faults" not in info:
            line = process.stdout.readline()
            if not line:
                raise RuntimeError("the sandbox exited before printing its coordinates")
            name, _, value = line.rstrip("\n").partition(": ")
            info[name] = value
        info["startup"] = f"{time.perf_counter() - started:.3f}"
        yield info
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def sandbox_thread(records: int, small: bool) -> Iterator[dict[str, str]]:
    started = time.perf_counter()
    running = start(SandboxConfig(records=records, small_records=small))
    try:
        yield {
            "base url": running.base_url,
            "humanloop api key": running.humanloop_api_key,
            "humanloop project": running.project_id,
            "galileo api key": running.galileo_api_key,
            "galileo project": running.galileo_project_id,
            "galileo log stream": running.log_stream_id,
            "startup": f"{time.perf_counter() - started:.3f}",
        }
    finally:
        running.stop()


def bench_pages(info: dict[str, str], seconds: float, records: int) -> tuple[int, float, int]:
    """Fetch consecutive pages over one keep-alive ``http.client`` connection for ``seconds``; (pages, elapsed, bytes).

    The standard library's client costs the least per request, so this is the closest to what the server can serve.
    """
    pages = records // PAGE_SIZE or 1
    path = f"/v4/projects/{info['humanloop project']}/export"
    url = urlsplit(info["base url"])
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=30)
    headers = {"X-API-KEY": info["humanloop api key"]}
    done = received = 0
    try:
        started = time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds:
            connection.request("POST", f"{path}?page={done % pages}&size={PAGE_SIZE}", headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                raise RuntimeError(f"page {done % pages}: HTTP {response.status}")
            received += len(body)
            done += 1
    finally:
        connection.close()
    return done, elapsed, received


def bench_pages_httpx(info: dict[str, str], seconds: float, records: int) -> tuple[int, float, int]:
    """The same with an ``httpx`` client, as tracebridge's exporters use: includes httpx's own per-request cost."""
    pages = records // PAGE_SIZE or 1
    path = f"/v4/projects/{info['humanloop project']}/export"
    with httpx.Client(
        base_url=info["base url"], headers={"X-API-KEY": info["humanloop api key"]}, timeout=30
    ) as client:
        client.post(path, params={"page": 0, "size": PAGE_SIZE}).raise_for_status()  # warm up the connection
        done = received = 0
        started = time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds:
            response = client.post(path, params={"page": done % pages, "size": PAGE_SIZE})
            if response.status_code != 200:
                raise RuntimeError(f"page {done % pages}: HTTP {response.status_code}")
            received += len(response.content)
            done += 1
    return done, elapsed, received


def bench_stream(info: dict[str, str], traces: int) -> tuple[int, float, int]:
    """Stream a Galileo trace export of ``traces`` traces; (lines, elapsed, bytes)."""
    body = {"root_type": "trace", "log_stream_id": info["galileo log stream"], "export_format": "jsonl"}
    path = f"/v2/projects/{info['galileo project']}/export_records"
    headers = {"Galileo-API-Key": info["galileo api key"]}
    lines = size = 0
    with httpx.Client(base_url=info["base url"], headers=headers, timeout=60) as client:
        started = time.perf_counter()
        with client.stream("POST", path, json=body) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                size += len(chunk)
                lines += chunk.count(b"\n")
                if lines >= traces:
                    break
        elapsed = time.perf_counter() - started
    return lines, elapsed, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to fetch pages (default: 5)")
    parser.add_argument("--records", type=int, default=1_000_000, help="records per collection (default: 1000000)")
    parser.add_argument("--stream-traces", type=int, default=5000, help="traces to stream from Galileo (default: 5000)")
    parser.add_argument("--in-process", action="store_true", help="run the sandbox in this process (shares the GIL)")
    args = parser.parse_args(argv)
    runner = sandbox_thread if args.in_process else sandbox_process
    with runner(args.records, True) as info:
        print(f"sandbox startup: {info['startup']}s (start to coordinates printed)")
        pages, elapsed, received = bench_pages(info, args.seconds, args.records)
        print(
            f"humanloop v4 export, small records, http.client: {pages} pages of {PAGE_SIZE} in {elapsed:.2f}s "
            f"= {pages / elapsed:,.0f} pages/s ({received / max(pages, 1) / 1024:,.1f} KiB/page)"
        )
        pages, elapsed, received = bench_pages_httpx(info, args.seconds, args.records)
        print(
            f"humanloop v4 export, small records, httpx: {pages} pages of {PAGE_SIZE} in {elapsed:.2f}s "
            f"= {pages / elapsed:,.0f} pages/s"
        )
    with runner(args.records, False) as info:
        pages, elapsed, received = bench_pages(info, args.seconds, args.records)
        print(
            f"humanloop v4 export, realistic records, http.client: {pages} pages of {PAGE_SIZE} in {elapsed:.2f}s "
            f"= {pages / elapsed:,.0f} pages/s ({received / elapsed / 1e6:,.1f} MB/s, "
            f"{received / max(pages, 1) / 1024:,.0f} KiB/page)"
        )
        lines, elapsed, size = bench_stream(info, args.stream_traces)
        print(
            f"galileo export stream: {lines} traces, {size / 1e6:,.1f} MB in {elapsed:.2f}s "
            f"= {size / elapsed / 1e6:,.1f} MB/s "
            f"({lines / elapsed:,.0f} traces/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
