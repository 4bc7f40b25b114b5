"""Issue #17, finding 4: two runs into one ``--out`` at once. The second is refused at once (exit 2) naming the run
that holds the directory; the first finishes whole; a killed run's lock never blocks the next run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tracebridge.sandbox import Latency
from tracebridge.sinks.layout import PARTIAL_DIR
from tracebridge.sinks.ownership import OutputInUseError

from tests.cli.conftest import read_jsonl, tracebridge
from tests.sandbox_plugin import SandboxFactory

RECORDS = 600


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    return subprocess.Popen(
        [sys.executable, "-m", "tracebridge", *args],
        env={**base, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_progress(process: subprocess.Popen[bytes], out: Path) -> None:
    """Until the run has written a checkpoint with pages done: it holds the lock and is writing its files."""
    checkpoint = out / PARTIAL_DIR / "checkpoint.json"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the run ended before the test could use it: {process.stderr!r}"
        try:
            if json.loads(checkpoint.read_text()).get("pages_done"):
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    process.kill()
    raise AssertionError("no checkpoint appeared within 60 s")


@pytest.fixture
def slow_export(sandbox_factory: SandboxFactory) -> tuple[list[str], dict[str, str]]:
    """A Humanloop project export that takes seconds: small pages, one at a time, each answered late."""
    sandbox = sandbox_factory(records=RECORDS, latency=Latency(fixed_ms=30), small_records=True)
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    command = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "5", "--concurrency", "1", "-q"]
    return command, env


def test_a_second_run_into_the_same_out_is_refused_and_the_first_finishes_whole(
    slow_export: tuple[list[str], dict[str, str]], tmp_path: Path
) -> None:
    command, env = slow_export
    out = tmp_path / "out"
    first = _start([*command, "--out", str(out)], env)
    _wait_for_progress(first, out)

    second = tracebridge(*command, "--out", str(out), "--format", "jsonl", "--format", "csv", env=env)
    assert first.poll() is None, "the first run must still be writing for this test to mean anything"
    assert second.returncode == 2, second.stderr
    message = second.stderr.splitlines()[0]
    assert f"--out {out} is being written by another tracebridge run (pid {first.pid}, started " in message
    assert "export humanloop project" in message, "the holder's command is named"
    assert "--resume" not in second.stderr, "nothing of the second run's to resume"

    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr.decode()
    spans = (out / "spans.jsonl").read_bytes()
    assert b"\0" not in spans
    assert len(read_jsonl(out / "spans.jsonl")) == RECORDS
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["span"] == RECORDS and manifest["formats"] == ["jsonl"]
    assert not (out / "spans.csv").exists(), "the refused run wrote nothing"
    assert not (out / PARTIAL_DIR).exists(), "the lock is gone with the run"


def test_a_killed_run_s_lock_does_not_block_the_next_run(
    slow_export: tuple[list[str], dict[str, str]], tmp_path: Path
) -> None:
    command, env = slow_export
    out = tmp_path / "out"
    killed = _start([*command, "--out", str(out)], env)
    _wait_for_progress(killed, out)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    lock = out / PARTIAL_DIR / "lock"
    assert json.loads(lock.read_text())["pid"] == killed.pid, "the file is left behind, naming a dead pid"

    resumed = tracebridge(*command, "--out", str(out), "--resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert len(read_jsonl(out / "spans.jsonl")) == RECORDS
    assert not lock.exists()


def test_the_lock_is_exclusive_within_one_process_too_and_released_at_the_end(tmp_path: Path) -> None:
    from tracebridge.sinks.lock import OutputLockedError, lock_output  # noqa: PLC0415 - the module the fix added

    with lock_output(tmp_path) as held:
        holder = json.loads(held.path.read_text())
        assert holder["pid"] == os.getpid() and holder["started_at"] and holder["command"].startswith("tracebridge")
        with pytest.raises(OutputLockedError, match=rf"\(pid {os.getpid()}, started "):
            lock_output(tmp_path)
        assert issubclass(OutputLockedError, OutputInUseError), "the CLI's exit code 2, no --resume advice"
    assert not (tmp_path / PARTIAL_DIR).exists()
    with lock_output(tmp_path):  # free again
        pass
