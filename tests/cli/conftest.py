"""Helpers for driving the real ``tracebridge`` command in a subprocess, as a user's shell would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tracebridge.sandbox import RunningSandbox
from tracebridge.sinks.layout import TABLES

TABLE_FILES = tuple(f"{table}.jsonl" for table in TABLES.values())


def tracebridge(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tracebridge ARGS`` with a clean vendor environment plus ``env``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    return subprocess.run(
        [sys.executable, "-m", "tracebridge", *args],
        env={**base, **(env or {})},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_output(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record file of an output directory, by file name."""
    return {name: read_jsonl(out / name) for name in TABLE_FILES}


@pytest.fixture
def humanloop_env(sandbox: RunningSandbox) -> dict[str, str]:
    return {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}


@pytest.fixture
def galileo_env(sandbox: RunningSandbox) -> dict[str, str]:
    return {"GALILEO_API_KEY": sandbox.galileo_api_key, "GALILEO_API_URL": sandbox.base_url}


def kill_once_saved(process: subprocess.Popen[bytes], checkpoint: Path, progressed: str, timeout_s: float = 60) -> None:
    """SIGKILL a run as soon as its checkpoint shows ``progressed`` (no cleanup code of ours runs); fail if it ends
    first or no such checkpoint appears within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the run finished before it could be killed: {process.stderr!r}")
        try:
            state = json.loads(checkpoint.read_text())
        except (OSError, ValueError):
            state = {}
        if state.get(progressed):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.005)
    process.kill()
    raise AssertionError(f"no checkpoint showing {progressed!r} within {timeout_s:g} s")
