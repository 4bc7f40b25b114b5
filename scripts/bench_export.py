"""Benchmark the export engine against the sandbox: concurrent paging speed and streaming memory.

1. Paging: a 20,000-log Humanloop v4 project export, 100 logs a page, 50 ms latency a page. tracebridge at
   concurrency 16 is timed beside a plain sequential httpx page loop (same run, same server) and beside the floor
   ``ceil(pages / concurrency) x latency``. Targets: within 1.5x of the floor, at least 8x faster than the loop.
   ``raw()`` is the engine (fetch, decode, dedupe, order, report); ``models()`` adds parsing every record into the
   generated attrs models, which is CPU work that no amount of concurrency hides, so it is printed on its own line.
2. Memory: peak RSS of a 10,000- and a 1,000,000-record Galileo export, each measured in a fresh subprocess that
   only runs the export (the sandbox is another process). Target: 1M within 1.2x of 10k. The export is CSV with four
   columns, so that the sandbox can serve a million traces in minutes; the client path (streamed lines, parsing,
   dedupe by id, report) is the same as for JSONL. Linux keeps ``ru_maxrss`` across ``exec``, so a child forked from
   a big parent reports the parent's size; the child therefore reports ``VmHWM`` (peak RSS of its own image, from
   /proc) beside ``ru_maxrss``, and this part runs first, while the parent is small.
3. The server's own limit: the same Humanloop export with no latency. The sandbox renders every page in Python under
   one GIL, so on a busy machine it, not the client, can set the pace; the effective floor is the larger of the two.

The sandbox runs in its own process (``tracebridge sandbox``) so that client and server do not share one GIL.

    .venv/bin/python scripts/bench_export.py [--records 20000] [--galileo 10000 1000000] [--skip-models]
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from tracebridge import GalileoClient, HumanloopClient

PAGE_SIZE = 100
CONCURRENCY = 16
LATENCY_MS = 50.0
GALILEO_COLUMNS = ["id", "type", "name", "created_at"]
ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def sandbox_process(*arguments: str) -> Iterator[dict[str, str]]:
    """Run ``tracebridge sandbox`` on a free port with ``arguments``; yield its printed ``name: value`` lines."""
    command = [sys.executable, "-m", "tracebridge", "sandbox", "--port", "0", *arguments]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
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
        yield info
    finally:
        process.terminate()
        process.wait(timeout=10)


def sequential_loop(base_url: str, key: str, project_id: str) -> tuple[int, float, float]:
    """What a script without tracebridge does: one page after another until a short page."""
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=60) as client:
        page = 0
        while True:
            response = client.post(f"/v4/projects/{project_id}/export", params={"page": page, "size": PAGE_SIZE})
            records = response.raise_for_status().json()["records"]
            count += len(records)
            if len(records) < PAGE_SIZE:
                break
            page += 1
    return count, time.perf_counter() - started, time.process_time() - cpu


def tracebridge_export(base_url: str, key: str, project_id: str, mode: str) -> tuple[int, float, float, bool]:
    """(records, wall seconds, client CPU seconds, complete)."""
    client = HumanloopClient(key, base_url=base_url, concurrency=CONCURRENCY, page_size=PAGE_SIZE)
    export = client.export_project(project_id)
    started, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in (export.raw() if mode == "raw" else export.models()))
    elapsed = time.perf_counter() - started
    return count, elapsed, time.process_time() - cpu, export.report.complete


def bench_paging(records: int, with_models: bool, *, small: bool) -> None:
    pages = math.ceil(records / PAGE_SIZE)
    floor = math.ceil(pages / CONCURRENCY) * LATENCY_MS / 1000
    size = ["--small-records"] if small else []
    kind = "small records (~170 B, the paging benchmark)" if small else "realistic records (~3 KB, ~330 KB a page)"
    print(
        f"Humanloop v4 project export, {kind}: {records} logs, {PAGE_SIZE}/page = {pages} pages, {LATENCY_MS:g} ms/page"
    )
    print(f"  floor ceil({pages}/{CONCURRENCY}) x {LATENCY_MS:g} ms = {floor:.3f} s")
    with sandbox_process("--records", str(records), "--latency-ms", f"{LATENCY_MS:g}", *size) as info:
        base_url, key, project = info["base url"], info["humanloop api key"], info["humanloop project"]
        tracebridge_export(base_url, key, project, "raw")  # warm-up: imports, connection pool
        count, raw_s, raw_cpu, complete = tracebridge_export(base_url, key, project, "raw")
        assert count == records and complete, f"tracebridge exported {count} of {records}"
        models_s = models_cpu = None
        if with_models:
            count, models_s, models_cpu, _ = tracebridge_export(base_url, key, project, "models")
            assert count == records
        loop_count, loop_s, loop_cpu = sequential_loop(base_url, key, project)
        assert loop_count == records
    with sandbox_process("--records", str(records), *size) as info:
        base_url, key, project = info["base url"], info["humanloop api key"], info["humanloop project"]
        _, server_s, _, _ = tracebridge_export(base_url, key, project, "raw")
    print(
        f"  tracebridge raw(), concurrency {CONCURRENCY}: {raw_s:.3f} s (client CPU {raw_cpu:.3f} s)  "
        f"= {raw_s / floor:.2f}x floor (target <= 1.5x)  "
        f"= {loop_s / raw_s:.1f}x faster than the sequential loop (target >= 8x)"
    )
    if models_s is not None:
        print(
            f"  tracebridge models() (+ parse into generated models): {models_s:.3f} s (client CPU {models_cpu:.3f} s)"
            f" = {models_s / floor:.2f}x floor = {loop_s / models_s:.1f}x faster than the sequential loop"
        )
    print(f"  plain sequential httpx loop: {loop_s:.3f} s (client CPU {loop_cpu:.3f} s) = {loop_s / floor:.2f}x floor")
    effective = max(floor, server_s)
    print(
        f"  the same export with no latency (the sandbox's own pace): {server_s:.3f} s; effective floor "
        f"max({floor:.3f}, {server_s:.3f}) = {effective:.3f} s; tracebridge raw() = {raw_s / effective:.2f}x of it"
    )
    print(f"  machine load average (1 min) during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


def peak_rss_kib() -> tuple[int, int]:
    """(VmHWM of this process image, ru_maxrss), in KiB; VmHWM is 0 where /proc is missing."""
    hwm = 0
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return hwm, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def galileo_child(base_url: str, project_id: str, log_stream_id: str) -> None:
    """Runs in a fresh interpreter: one export, then its count, time and peak RSS on stdout (key from the env)."""
    client = GalileoClient(base_url=base_url, timeout=600)
    export = client.export_records(
        project_id, log_stream_id=log_stream_id, root_type="trace", export_format="csv", column_ids=GALILEO_COLUMNS
    )
    started = time.perf_counter()
    count = sum(1 for _ in export.models())
    elapsed = time.perf_counter() - started
    hwm, maxrss = peak_rss_kib()
    print(f"{count} {elapsed:.3f} {hwm or maxrss} {maxrss} {export.report.unique} {export.report.duplicates}")


def bench_memory(sizes: list[int]) -> None:
    print(f"Galileo export peak RSS (fresh subprocess each; trace roots, CSV, columns {','.join(GALILEO_COLUMNS)}):")
    peaks: dict[int, int] = {}
    for size in sizes:
        with sandbox_process("--records", str(size)) as info:
            command = [
                sys.executable,
                __file__,
                "--galileo-child",
                info["base url"],
                info["galileo project"],
                info["galileo log stream"],
            ]
            env = {**os.environ, "GALILEO_API_KEY": info["galileo api key"]}  # not on a command line `ps` shows
            output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split()
        count, elapsed, peak_kib, maxrss_kib, unique = (
            int(output[0]),
            float(output[1]),
            int(output[2]),
            int(output[3]),
            int(output[4]),
        )
        assert count == unique == size, f"exported {count} (unique {unique}) of {size}"
        peaks[size] = peak_kib
        print(
            f"  {size:>9,} records: peak RSS (VmHWM) {peak_kib / 1024:.1f} MiB "
            f"(ru_maxrss {maxrss_kib / 1024:.1f} MiB), {elapsed:.1f} s ({count / elapsed:,.0f}/s)"
        )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"  ratio {large:,} / {small:,}: {peaks[large] / peaks[small]:.3f}x (target <= 1.2x)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--galileo-child":
        galileo_child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20_000, help="Humanloop project size (default 20000)")
    parser.add_argument("--galileo", type=int, nargs="*", default=[10_000, 1_000_000], help="Galileo export sizes")
    parser.add_argument("--skip-models", action="store_true", help="do not time models() (parsing) separately")
    parser.add_argument("--skip-paging", action="store_true")
    parser.add_argument(
        "--realistic-only",
        action="store_true",
        help="skip the small-record paging run (the one the targets are about: paging, not JSON decoding)",
    )
    args = parser.parse_args()
    if args.galileo:
        bench_memory(args.galileo)  # first, while this process is small (see the module docstring)
    if not args.skip_paging:
        # Small records first: they measure what the targets are about (concurrent paging against latency). Then
        # realistic records, where decoding ~330 KB pages in one Python process is the cost, for context.
        if not args.realistic_only:
            bench_paging(args.records, with_models=False, small=True)
        bench_paging(args.records, with_models=not args.skip_models, small=False)


if __name__ == "__main__":
    main()
