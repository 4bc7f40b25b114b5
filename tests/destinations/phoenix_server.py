"""A real Arize Phoenix for destination tests and the send benchmark: installed on first use, started, stopped.

Why a real server and not a stand-in: what a Phoenix destination must get right is Phoenix's own behaviour (protobuf
only on ``/v1/traces``, ingestion after the 200, span ids unique across the whole database, upserts on annotation
identifiers, experiment runs keyed by example node ids). A fake would only repeat what we believe of it.

Phoenix goes into a venv of its own (``.test-venvs/phoenix``, git-ignored; 850 MB: pandas, grpc, provider SDKs), pinned
to the version the destination was verified against, installed from PyPI with uv (a test dependency; a third of pip's
time) the first time a test asks. A stamp file written after a successful install says the venv is whole; a lock file
lets two test workers ask at once (the second waits, then finds the stamp). Each server gets its own working directory
(its SQLite database) and free ports, so servers never share span ids. Nothing here imports pytest:
``scripts/bench_send.py`` uses it too.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import attrs

PHOENIX_VERSION: Final = "20.26.1"
"""The version ``adapters/tracebridge/destinations/phoenix.py`` was verified against."""
REQUIREMENT: Final = f"arize-phoenix=={PHOENIX_VERSION}"
REPO: Final = Path(__file__).resolve().parents[2]
VENV: Final = REPO / ".test-venvs" / "phoenix"
READY_TIMEOUT_S: Final = 120.0
INSTALL_TIMEOUT_S: Final = 1800.0


def _bin(venv: Path, name: str) -> Path:
    return venv / "bin" / name


def venv_python(venv: Path = VENV) -> Path:
    """The interpreter of the Phoenix venv (it also has ``opentelemetry-exporter-otlp-proto-http``)."""
    return _bin(venv, "python")


def ensure_installed(venv: Path = VENV, *, say: object = None) -> Path:
    """The ``phoenix`` executable of ``venv``, installing ``REQUIREMENT`` there first when the venv is not whole."""
    venv.parent.mkdir(parents=True, exist_ok=True)
    stamp = venv / ".tracebridge-installed"
    with (venv.parent / f".{venv.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if stamp.exists() and stamp.read_text().strip() == REQUIREMENT and _bin(venv, "phoenix").exists():
            return _bin(venv, "phoenix")
        if callable(say):
            say(f"installing {REQUIREMENT} into {venv} (first use; under a minute)")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
        log = venv / "install.log"
        with log.open("w") as handle:
            # Bytecode compiled at install (uv does it in parallel), as pip does: these machines set
            # PYTHONDONTWRITEBYTECODE, so every Phoenix start would otherwise compile its imports again.
            install = [sys.executable, "-m", "uv", "pip", "install", "--python", str(venv_python(venv))]
            result = subprocess.run(
                [*install, "--compile-bytecode", "--quiet", REQUIREMENT],
                stdout=handle,
                stderr=subprocess.STDOUT,
                timeout=INSTALL_TIMEOUT_S,
                check=False,
            )
        if result.returncode != 0:
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"uv pip install {REQUIREMENT} failed (exit {result.returncode}); its log ends:\n{tail}")
        stamp.write_text(REQUIREMENT + "\n")
        return _bin(venv, "phoenix")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@attrs.frozen
class PhoenixServer:
    base_url: str
    work_dir: Path
    process: subprocess.Popen[bytes]

    @property
    def log(self) -> Path:
        return self.work_dir / "phoenix.log"

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/healthz", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_phoenix(work_dir: Path, *, venv: Path = VENV, timeout: float = READY_TIMEOUT_S) -> Iterator[PhoenixServer]:
    """A Phoenix serving from ``work_dir`` (its database and log) on free loopback ports, until the block ends."""
    executable = ensure_installed(venv)
    work_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PHOENIX_")},
        "PHOENIX_WORKING_DIR": str(work_dir),
        "PHOENIX_HOST": "127.0.0.1",
        "PHOENIX_PORT": str(port),
        "PHOENIX_GRPC_PORT": str(free_port()),
        "PHOENIX_TELEMETRY_ENABLED": "false",
        # Features no destination uses, each of which tries the network at start (this machine has none): off, they
        # take 15% off a start (8.1 -> 6.9 CPU s), and the suite starts about a dozen Phoenixes.
        "PHOENIX_DISABLE_AGENT_ASSISTANT": "true",
        "PHOENIX_ENABLE_MCP_SERVER": "false",
        "PHOENIX_ALLOWED_SANDBOX_PROVIDERS": "NONE",
    }
    with (work_dir / "phoenix.log").open("wb") as log:
        process = subprocess.Popen(
            [str(executable), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=work_dir
        )
    server = PhoenixServer(f"http://127.0.0.1:{port}", work_dir, process)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(server.base_url):
            if process.poll() is not None:
                raise RuntimeError(
                    f"phoenix serve exited ({process.returncode}) before it was ready:\n{server.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"phoenix serve not ready after {timeout:.0f} s:\n{server.log_tail()}")
            time.sleep(0.25)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
