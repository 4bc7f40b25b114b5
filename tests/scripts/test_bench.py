"""scripts/bench.py end to end on tiny data: the harness runs contenders against real sandboxes and tells who lost
records. Only contenders that need no extra venv, so CI installs nothing for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bench(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--quick", "--work-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
        cwd=REPO,
    )


def _row(output: str, label: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return line[len(label) :].split()


def test_under_heavy_faults_the_table_shows_tracebridge_complete_and_the_naive_loop_not(tmp_path):
    markdown = tmp_path / "results.md"
    done = _bench(
        tmp_path,
        "--scenario",
        "v4-faults",
        "--contender",
        "tracebridge",
        "--contender",
        "httpx",
        "--humanloop-records",
        "200",
        "--fault-rate",
        "0.6",
        "--markdown",
        str(markdown),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    tracebridge = _row(done.stdout, "tracebridge (library)")
    assert tracebridge[4:9] == ["200", "/", "200", "/", "200"]  # expected / written / unique
    assert tracebridge[9] == "yes"
    naive = _row(done.stdout, "plain sequential httpx loop")
    assert "NO" in naive
    assert "| tracebridge (library) |" in markdown.read_text()
    # Keys reach contenders only through their environment, never the table.
    assert "hl_sk_" not in done.stdout and "hl_sk_" not in done.stderr


def test_a_paged_scenario_prints_the_physical_floor_and_ratios(tmp_path):
    done = _bench(tmp_path, "--scenario", "v4", "--contender", "httpx", "--contender", "tracebridge")
    assert done.returncode == 0, done.stderr[-2000:]
    floor = _row(done.stdout, "physical floor: 6 pages x 5 ms / 8")
    assert floor[0] == "0.00"  # 6 pages x 5 ms / 8 = 3.75 ms
    assert "1.00x" in _row(done.stdout, "tracebridge (library)")
    assert list(tmp_path.glob("*/v4-*")) == []  # contenders' outputs are removed once counted


def test_the_sinks_scenario_prints_peak_memory_of_every_format_at_two_sizes_and_the_ratio(tmp_path):
    markdown = tmp_path / "results.md"
    args = ("--scenario", "sinks", "--sink-small-records", "100", "--sink-records", "300", "--markdown", str(markdown))
    done = _bench(tmp_path, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "peak RSS MB, 100 records" in done.stdout and "300 / 100" in done.stdout
    for output_format in ("jsonl", "csv", "parquet", "duckdb"):
        small, large, ratio, met, *_ = _row(done.stdout, output_format)
        assert float(small) > 0 and float(large) > 0, done.stdout
        assert ratio.endswith("x") and float(ratio[:-1]) > 0
        assert met in ("yes", "NO")
    assert "| parquet |" in markdown.read_text()
    assert list(tmp_path.glob("*/sinks-*")) == []  # every import's output is removed once measured
