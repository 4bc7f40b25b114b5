"""``tracebridge sandbox`` as users run it: a process that prints where it listens and its keys, serves, and stops."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from tests.sandbox.conftest import export_lines, galileo_client, humanloop_client, sandbox_process, tracebridge_command


def test_prints_coordinates_that_work_and_stops_cleanly_on_sigterm() -> None:
    with sandbox_process("--records", "25", "--seed", "3") as (process, coordinates):
        assert coordinates.base_url.startswith("http://127.0.0.1:")
        assert coordinates.humanloop_api_key.startswith("hl_sk_")
        assert coordinates.galileo_key_header == "Galileo-API-Key"
        assert len(coordinates.evaluatee_ids) > 1 and len(coordinates.run_ids) > 1
        with humanloop_client(coordinates) as client:
            page = client.post(f"/v4/projects/{coordinates.project_id}/export", params={"size": 5}).json()
            assert page["total"] == 25 and len(page["records"]) == 5
            logs = client.get(f"/v5/evaluations/{coordinates.evaluation_id}/logs").json()
            assert logs["total"] == 25
        with galileo_client(coordinates) as client:
            traces = export_lines(client, coordinates, root_type="trace")
            assert len(traces) == 25
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=5)
        assert process.returncode == 0
        assert "Traceback" not in err


def test_ctrl_c_stops_it_with_exit_status_0() -> None:
    with sandbox_process() as (process, coordinates):
        with humanloop_client(coordinates) as client:
            assert client.post(f"/v4/projects/{coordinates.project_id}/export").status_code == 200
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=5)
        assert process.returncode == 0
        assert "Traceback" not in err


def test_starts_without_importing_the_exporters() -> None:
    """Startup must stay well under a second: the command imports only the sandbox, not the generated clients."""
    probe = (
        "import sys\n"
        "from tracebridge.cli import main\n"
        "try:\n"
        "    main(['sandbox', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('humanloop_client', 'galileo_client', 'tracebridge.humanloop.client', 'tracebridge.galileo.client')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_starts_quickly() -> None:
    with sandbox_process() as (_, coordinates):
        # The budget is one second; the bound leaves room for a loaded shared machine (scripts/bench_sandbox.py
        # prints the measured figure).
        assert coordinates.startup_s < 2.0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--fault", "flood=0.1"], "unknown fault kind 'flood'"),
        (["--fault", "rate_limit=2"], "outside 0..1"),
        (["--fault", "429=0.1", "--fault", "rate_limit=0.2"], "given twice"),
        (["--latency-ms", "fast"], "bad latency 'fast'"),
        (["--records", "-1"], "--records must be >= 0"),
    ],
)
def test_bad_arguments_exit_2_with_a_clear_message(arguments: list[str], message: str) -> None:
    result = subprocess.run(
        [*tracebridge_command(), "sandbox", "--port", "0", *arguments],
        check=False,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
