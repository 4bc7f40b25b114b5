"""scripts/bench_send.py --quick for real: two fresh Phoenix servers, the official OpenTelemetry SDK in its own venv,
and the discarding receiver; tracebridge's spans all arrive and both tables print spans/s and the ratio.

Slow (two Phoenix start-ups, and Phoenix stores ~50-200 spans/s), and the first run installs Phoenix
(``.test-venvs/phoenix``) and the SDK (``.bench-venvs/otel``) from PyPI, as the Phoenix destination tests do."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]

ROW = r"\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d,]+\s+[\d,]+\s+([\d,]+) / ([\d,]+)\s+(yes|NO)$"


def test_quick_mode_sends_every_span_to_phoenix_and_the_receiver_and_prints_the_ratios(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_send.py"), "--quick", "--work-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=2300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    out = result.stdout
    assert re.search(r"^input: 1,000 spans .*, 100 evaluations \(one span in 10 judged\)", out, re.MULTILINE), out
    assert "Phoenix 20.26.1 on loopback" in out and "OTLP receiver that decodes, counts and discards" in out
    for target in ("phoenix", "otlp"):
        row = re.search(rf"^tracebridge send --to {target}{ROW}", out, re.MULTILINE)
        assert row and row.groups() == ("1,000", "1,000", "yes"), out
    sdk_rows = re.findall(rf"^official SDK: opentelemetry-sdk 1\.45\.2 .*?{ROW}", out, re.MULTILINE)
    assert len(sdk_rows) == 2 and all(expected == "1,000" for _, expected, _ in sdk_rows), out
    ratios = re.findall(r"^tracebridge / official SDK: [\d.]+x the spans/s \(target: .*: (met|NOT met)\)$", out, re.M)
    assert len(ratios) == 2, out
    assert not list(tmp_path.iterdir()), "the work directory is removed afterwards"
