"""scripts/bench_normalize.py on tiny data: it runs, maps every source record, and prints records/s and the ratio."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_prints_throughput_and_ratio_against_the_json_baseline() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_normalize.py"), "--count", "200"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # one Galileo llm span -> span + 2 scorer evaluations; one v5 log -> span, 2 evaluations, example, item, and once
    # per export the run it names and the definition and version of each File it was made with (a handful)
    assert "galileo llm spans: 200 source records" in out and "-> 600 common records" in out
    shared = re.search(r"humanloop v5 logs: 200 source records .* -> 1(\d{3}) common records", out)
    assert shared and 1 <= int(shared.group(1)) <= 20, out
    assert len(re.findall(r"json\.loads\+json\.dumps \(same bytes\)\s+[\d.]+s\s+[\d,]+ records/s", out)) == 2
    assert (
        len(re.findall(r"normalize \(adapter \+ to_json_dict\)\s+[\d.]+s\s+[\d,]+ records/s\s+-> ratio [\d.]+x", out))
        == 2
    )
    assert re.search(r"^worst ratio [\d.]+x \((within|OVER) the 4x target\)$", out, re.MULTILINE)
    # --workers: 1 worker (in-process) against a pool of 2, the cores' count beside them
    assert len(re.findall(r"^  2 workers .* -> speed-up [\d.]+x \(from CPU times: [\d.]+x\)$", out, re.MULTILINE)) == 2
    assert re.search(r"^least 2-worker speed-up [\d.]+x \((meets|UNDER) the 1.7x target; \d+ cores\)$", out, re.M)


def test_import_prints_the_cli_with_one_and_two_workers() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench_normalize.py"),
            "--count",
            "100",
            "--workers-only",
            "--import",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "galileo llm spans, tracebridge import: 100 lines" in out
    assert "humanloop v5 logs, tracebridge import: 100 lines" in out
    assert len(re.findall(r"^  --workers 2 +[\d.]+s +[\d,]+ records/s  -> speed-up [\d.]+x$", out, re.M)) == 2
    assert re.search(
        r"^tracebridge import: least 2-worker speed-up [\d.]+x \((meets|UNDER) the 1.7x target\)$", out, re.M
    )
