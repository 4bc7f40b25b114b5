"""How long the commands that only describe themselves take to start, against bare Python in the same run.

``tracebridge --help`` is the first thing a new user runs; it must not pay for the generated clients or the sinks.
Each command runs ``--runs`` times as a fresh process (byte-compiled first, as a wheel install is); the median is
printed beside the median of ``python -c pass``, so the ratio says what tracebridge adds on this machine whatever
its speed today.

    .venv/bin/python scripts/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = (
    ["--help"],
    ["sandbox", "--help"],
    ["import", "--help"],
    ["export", "galileo", "--help"],
    ["schema"],
)
TARGET_SECONDS = 0.3
"""The issue's target for ``tracebridge --help`` (median of 5, byte-compiled) on the 2-core CI machine."""


def _median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default: 5)")
    args = parser.parse_args()
    for tree in ("adapters", "generated"):
        compileall.compile_dir(ROOT / tree, quiet=1)
    baseline = _median_seconds([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass: {baseline:.3f} s (median of {args.runs})")
    for arguments in COMMANDS:
        seconds = _median_seconds([sys.executable, "-m", "tracebridge", *arguments], args.runs)
        verdict = f"; target {TARGET_SECONDS} s: {'met' if seconds < TARGET_SECONDS else 'MISSED'}"
        print(
            f"tracebridge {' '.join(arguments)}: {seconds:.3f} s, {seconds / baseline:.1f}x bare python"
            + (verdict if arguments == ["--help"] else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
