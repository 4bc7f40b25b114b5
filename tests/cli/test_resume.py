"""Kill ``tracebridge export`` mid-run, run it again with ``--resume``: the output equals an uninterrupted run's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tracebridge.sandbox import Latency

from tests.cli.conftest import TABLE_FILES, kill_once_saved, tracebridge
from tests.sandbox_plugin import SandboxFactory


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    return subprocess.Popen(
        [sys.executable, "-m", "tracebridge", *args],
        env={**base, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in (*TABLE_FILES, "rejects.jsonl")}


def test_killed_project_export_resumes_to_the_same_output(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    sandbox = sandbox_factory(records=400, latency=Latency(fixed_ms=25))
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    common = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "2", "-q"]

    clean = tmp_path / "clean"
    assert tracebridge(*common, "--out", str(clean), env=env).returncode == 0

    out = tmp_path / "resumed"
    process = _start([*common, "--out", str(out)], env)
    kill_once_saved(process, out / ".partial" / "checkpoint.json", "pages_done")
    assert not (out / "manifest.json").exists(), "a killed run must not look finished"
    assert not (out / "spans.jsonl").exists(), "no final-named file before the run completes"

    resumed = tracebridge(*[arg for arg in common if arg != "-q"], "--out", str(out), "--resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert _files(out) == _files(clean)
    assert "400 spans" in resumed.stderr, "the summary counts what the output holds, kept records included"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["completeness"]["complete"] is True
    assert manifest["counts"]["span"] == 400


def test_a_killed_export_to_otlp_json_resumes_to_the_same_file(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    """The OTLP JSON lines file is cut back to the checkpoint like any other output, then continued."""
    sandbox = sandbox_factory(records=400, latency=Latency(fixed_ms=25))
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    common = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "2", "-q"]
    common += ["--format", "otlp-json"]

    clean = tmp_path / "clean"
    assert tracebridge(*common, "--out", str(clean), env=env).returncode == 0

    out = tmp_path / "resumed"
    process = _start([*common, "--out", str(out)], env)
    kill_once_saved(process, out / ".partial" / "checkpoint.json", "pages_done")
    assert not (out / "manifest.json").exists(), "a killed run must not look finished"

    resumed = tracebridge(*common, "--out", str(out), "--resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    for name in ("traces.otlp.jsonl", "rejects.jsonl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert (out / "traces.otlp.jsonl").stat().st_size > 0


def test_killed_galileo_stream_resumes_to_the_same_output(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    sandbox = sandbox_factory(records=3000)
    env = {"GALILEO_API_KEY": sandbox.galileo_api_key, "GALILEO_API_URL": sandbox.base_url}
    common = ["export", "galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id, "-q"]

    clean = tmp_path / "clean"
    assert tracebridge(*common, "--out", str(clean), env=env).returncode == 0

    out = tmp_path / "resumed"
    process = _start([*common, "--out", str(out)], env)
    kill_once_saved(process, out / ".partial" / "checkpoint.json", "streamed")

    resumed = tracebridge(*common, "--out", str(out), "--resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert _files(out) == _files(clean)


def test_a_fresh_run_ignores_an_old_checkpoint(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    """Without --resume, a leftover checkpoint must not make the new run skip pages."""
    sandbox = sandbox_factory(records=200, latency=Latency(fixed_ms=25))
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    common = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "1", "-q"]
    out = tmp_path / "out"
    process = _start([*common, "--out", str(out)], env)
    kill_once_saved(process, out / ".partial" / "checkpoint.json", "pages_done")

    again = tracebridge(*common, "--out", str(out), env=env)
    assert again.returncode == 0, again.stderr
    assert len((out / "spans.jsonl").read_text().splitlines()) == 200


def test_ctrl_c_exits_130_and_says_how_to_resume(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    sandbox = sandbox_factory(records=2000, latency=Latency(fixed_ms=25))  # seconds of work: Ctrl-C lands mid-run
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    common = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "2"]
    out = tmp_path / "out"
    process = _start([*common, "--out", str(out), "-q"], env)
    checkpoint = out / ".partial" / "checkpoint.json"
    deadline = time.monotonic() + 60
    while not (checkpoint.exists() and json.loads(checkpoint.read_text() or "{}").get("pages_done")):
        assert time.monotonic() < deadline and process.poll() is None, "no checkpoint appeared"
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert f"run the same command with --resume to continue (the partial output is in {out}/.partial/)" in (
        stderr.decode()
    )
    assert "Traceback" not in stderr.decode()

    resumed = tracebridge(*common, "--out", str(out), "--resume", env=env)
    assert resumed.returncode == 0, resumed.stderr
    # The whole export is counted, not only what the resumed run fetched.
    assert "2,000 source records -> " in resumed.stderr
    assert "fetched 2,000, unique 2,000, duplicates dropped 0, rejected 0, missing 0" in resumed.stderr


def test_no_command_prints_usage_and_exits_2() -> None:
    result = tracebridge()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("usage: tracebridge") and "tracebridge demo" in result.stderr
