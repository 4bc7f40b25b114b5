"""Running one contender: a fresh sandbox process, the contender as a child process, and what it cost.

Wall time is measured around the child, from spawn to exit (interpreter start and imports included, as a user waits
for them); peak RSS is the child's ``ru_maxrss`` from ``wait4`` (its own peak, or its largest reaped descendant's),
taken by ``launch.py`` so the harness's own memory does not leak into it.
Each contender gets its own sandbox with the same seed: same data, and the same fault decisions for the same
requests, since the sandbox counts attempts per request.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

import attrs

REPO = Path(__file__).resolve().parents[2]
PROJECT_PYTHON = Path(sys.executable)
RESULT_PREFIX = "BENCH-RESULT "
LAUNCHER = Path(__file__).with_name("launch.py")


@attrs.frozen
class Coordinates:
    """Where a sandbox listens and what it knows; the keys are passed to children in their environment only."""

    base_url: str
    humanloop_api_key: str = attrs.field(repr=False)
    galileo_api_key: str = attrs.field(repr=False)
    project_id: str
    evaluation_id: str
    galileo_project_id: str
    log_stream_id: str


@attrs.frozen
class SandboxOptions:
    records: int
    latency_ms: float = 0.0
    faults: Mapping[str, float] = attrs.field(factory=dict)
    seed: int = 0
    retry_after_s: int = 1

    def to_json(self) -> str:
        return json.dumps(
            {
                "records": self.records,
                "latency_ms": self.latency_ms,
                "faults": dict(self.faults),
                "seed": self.seed,
                "retry_after_s": self.retry_after_s,
            }
        )


@contextmanager
def sandbox_process(options: SandboxOptions) -> Iterator[Coordinates]:
    """A sandbox in its own process, stopped (stdin closed, then terminated if need be) on exit."""
    command = [str(PROJECT_PYTHON), str(Path(__file__).with_name("serve_sandbox.py")), options.to_json()]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env())
    assert process.stdout is not None and process.stdin is not None
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox exited before printing its coordinates")
        yield Coordinates(**json.loads(line))
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(timeout=10)


@attrs.frozen
class Measurement:
    wall_s: float
    peak_rss_mb: float
    exit_code: int | None
    """None when the harness killed the child at its hard time limit."""
    result: dict[str, Any] | None
    """The worker's result line, or None (a CLI, or a worker that died without one)."""
    stderr_tail: str


def _env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("HUMANLOOP_API_KEY", "GALILEO_API_KEY", "PYTHONPATH", "VIRTUAL_ENV")
    }
    env["PYTHONPATH"] = str(REPO)
    env.update(extra or {})
    return env


def _drain(stream: IO[bytes], sink: list[bytes], keep: int) -> None:
    """Read a child's pipe to the end, keeping only its last ``keep`` bytes (an SDK may print a lot)."""
    size = 0
    for chunk in iter(lambda: stream.read(65536), b""):
        sink.append(chunk)
        size += len(chunk)
        while size - len(sink[0]) > keep and len(sink) > 1:
            size -= len(sink.pop(0))


def measure(command: list[str], *, env: Mapping[str, str], hard_limit_s: float, cwd: Path) -> Measurement:
    """Run ``command`` to its end (or kill it after ``hard_limit_s``) and measure it."""
    rss_file = cwd / ".peak-rss-kib"
    rss_file.unlink(missing_ok=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(PROJECT_PYTHON), "-S", str(LAUNCHER), str(rss_file), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=_env(env),
        cwd=cwd,
        start_new_session=True,
    )
    out: list[bytes] = []
    err: list[bytes] = []
    assert process.stdout is not None and process.stderr is not None
    readers = [
        threading.Thread(target=_drain, args=(process.stdout, out, 1 << 20), daemon=True),
        threading.Thread(target=_drain, args=(process.stderr, err, 1 << 14), daemon=True),
    ]
    for reader in readers:
        reader.start()
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)

    timer = threading.Timer(hard_limit_s, kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(timeout=10)
    stdout = b"".join(out).decode("utf-8", "replace")
    result = None
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX) :])
            break
    return Measurement(
        wall_s=wall,
        peak_rss_mb=(int(rss_file.read_text()) if rss_file.is_file() else usage.ru_maxrss) / 1024.0,
        exit_code=None if killed.is_set() else process.returncode,
        result=result,
        stderr_tail=b"".join(err).decode("utf-8", "replace")[-2000:],
    )
