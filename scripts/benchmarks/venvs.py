"""The contenders' own venvs, one per SDK, pinned, under ``.bench-venvs/`` (git-ignored), created on first use.

Each is its own venv so the SDKs' dependencies never mix with each other's or with tracebridge's. A venv is reused
while its marker file lists the same pins; changing a pin rebuilds it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROOT = REPO / ".bench-venvs"

PINS: dict[str, tuple[str, ...]] = {
    # humanloop 0.8.38 imports `requests` without declaring it (fails in a clean venv), so it is pinned beside it.
    "hl5": ("humanloop==0.8.38", "requests==2.34.2"),
    "hl4": ("humanloop==0.7.35",),
    "galileo": ("galileo==2.7.0",),
    "dlt": ("dlt[duckdb]==1.31.0",),
    # scripts/bench_send.py: the official OpenTelemetry SDK and its OTLP/HTTP exporter, re-emitting spans.
    "otel": ("opentelemetry-sdk==1.45.2", "opentelemetry-exporter-otlp-proto-http==1.45.2"),
}
MARKER = ".bench-pins"


def python_of(name: str) -> Path:
    return ROOT / name / "bin" / "python"


def is_ready(name: str) -> bool:
    marker = ROOT / name / MARKER
    return marker.is_file() and marker.read_text() == "\n".join(PINS[name])


def ensure(name: str, *, log: Path) -> Path:
    """The venv's python, creating the venv and installing its pins first if needed (output goes to ``log``)."""
    python = python_of(name)
    if is_ready(name):
        return python
    venv = ROOT / name
    ROOT.mkdir(exist_ok=True)
    with log.open("a") as out:
        if not python.exists():
            subprocess.run(
                [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, stdout=out, stderr=out
            )
        # uv (a test dependency) rather than the venv's pip: a third of the time (tests/destinations/phoenix_server.py).
        install = [sys.executable, "-m", "uv", "pip", "install", "--python", str(python), "--compile-bytecode", "-q"]
        subprocess.run(
            [*install, *PINS[name]],
            check=True,
            stdout=out,
            stderr=out,
        )
    (venv / MARKER).write_text("\n".join(PINS[name]))
    return python
