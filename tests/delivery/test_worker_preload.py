"""The pool's fork server imports what the workers run before it forks them, so no worker imports it again.

In a fresh process (a fork server already running, as in this test process, keeps the modules it was started with):
the kind's module notes each process that imports it (``preload_probe``). Preloaded, that is the export's process and
the fork server, its child; without the preload each worker, the fork server's child, imports it on its first unit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import asyncio, os
    from tracebridge.delivery.context import ExportContext
    from tracebridge.delivery.delivered import Delivered
    from tracebridge.delivery.workers import Workers
    from tracebridge.sinks.encoded import RecordEncoder
    from tests.delivery.preload_probe import PROBE

    async def main() -> int:
        units = [[Delivered(PROBE, f"unit {u}", {"id": f"{u}-{n}"}) for n in range(50)] for u in range(6)]

        async def feed():
            for unit in units:
                yield unit

        with Workers(2, RecordEncoder(frozenset({"jsonl"})), start_after=0) as pool:
            return sum([1 async for _ in pool.mapper().abatches(feed(), ExportContext(None))])

    print(os.getpid(), asyncio.run(main()))
    """
)


def test_the_fork_server_imports_the_kinds_module_once_and_no_worker_imports_it(tmp_path: Path) -> None:
    probe = tmp_path / "imports.txt"
    env = {**os.environ, "TRACEBRIDGE_PRELOAD_PROBE": str(probe), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    export_pid, batches = (int(word) for word in done.stdout.split())
    assert batches == 6, done.stdout
    imports = [tuple(int(pid) for pid in line.split()) for line in probe.read_text().splitlines()]
    assert export_pid in {pid for pid, _ in imports}, imports
    children = [pid for pid, parent in imports if parent == export_pid]
    grandchildren = [pid for pid, parent in imports if pid != export_pid and parent != export_pid]
    assert len(children) == 1, f"the fork server (the export process's child) imports it once: {imports}"
    assert not grandchildren, f"workers (the fork server's children) imported it themselves: {imports}"
