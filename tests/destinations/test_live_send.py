"""``--send-to`` on ``import`` and ``export``: records reach a real OTLP receiver as they are read, every span once
with its judgments as events, with no directory in between; a second run sends nothing; with ``--out`` the ledger is
the one ``tracebridge send`` keeps."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tracebridge.destinations.live import LiveSend
from tracebridge.destinations.otlp import OtlpDestination
from tracebridge.sandbox import Latency, RunningSandbox
from tracebridge.serialization import from_json_dict

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.receiver import Receiver, receiving
from tests.sandbox_plugin import SandboxFactory

EXPORT_DIR = Path(__file__).parents[1] / "fixtures" / "imports" / "humanloop-export" / "exports" / "20250905-093000"


def _judged(out: Path) -> dict[str, int]:
    spans = {row["span_id"] for row in read_jsonl(out / "spans.jsonl")}
    judged: dict[str, int] = {}
    for row in read_jsonl(out / "evaluations.jsonl"):
        if row["target_type"] == "span" and row["span_id"] in spans:
            judged[row["span_id"]] = judged.get(row["span_id"], 0) + 1
    return judged


def _check_received(receiver: Receiver, out: Path) -> None:
    """Every span of ``out`` arrived once, as it was, with one evaluation event per judgment."""
    rows = {row["span_id"]: row for row in read_jsonl(out / "spans.jsonl")}
    received = [span for _, span in receiver.spans()]
    by_id = {span.span_id.hex(): span for span in received}
    assert len(received) == len(by_id) == len(rows), "every span, once"
    judged = _judged(out)
    assert judged, "the input judges some spans"
    for span_id, row in rows.items():
        span = by_id[span_id]
        assert span.trace_id.hex() == row["trace_id"]
        assert (span.parent_span_id.hex() or None) == row["parent_span_id"]
        start = row["start_time_unix_nano"] if row["start_time_unix_nano"] is not None else row["end_time_unix_nano"]
        assert span.start_time_unix_nano == start
        events = [event for event in span.events if event.name == "gen_ai.evaluation.result"]
        assert len(events) == judged.get(span_id, 0), span_id


@pytest.fixture
def humanloop_env(sandbox: RunningSandbox) -> dict[str, str]:
    return {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}


@pytest.fixture
def state(tmp_path: Path) -> dict[str, str]:
    """A state directory of the test's own (never the user's ~/.local/state)."""
    return {"XDG_STATE_HOME": str(tmp_path / "state")}


def test_import_sends_every_span_once_with_its_judgments_and_writes_no_directory(
    tmp_path: Path, state: dict[str, str]
) -> None:
    expected = tmp_path / "expected"
    assert tracebridge("import", str(EXPORT_DIR), "--out", str(expected), "-q").returncode == 0
    work = tmp_path / "cwd"
    work.mkdir()
    with receiving() as receiver:
        endpoint = f"{receiver.base_url}/v1/traces"
        result = tracebridge(
            "import", str(EXPORT_DIR), "--send-to", "otlp", "--endpoint", endpoint, env=state, cwd=work
        )
        assert result.returncode == 0, result.stderr
        _check_received(receiver, expected)
        assert list(work.iterdir()) == [], "sending alone writes no output directory"
        ledgers = list((tmp_path / "state" / "tracebridge" / "sent").glob("otlp_*.jsonl"))
        assert len(ledgers) == 1 and str(ledgers[0]) in result.stderr, "the ledger is in the state directory, named"
        sent = len(receiver.to("/v1/traces"))

        again = tracebridge("import", str(EXPORT_DIR), "--send-to", "otlp", "--endpoint", endpoint, env=state, cwd=work)
        assert again.returncode == 0, again.stderr
        assert len(receiver.to("/v1/traces")) == sent, "a second run sends nothing"
        assert "sent nothing" in again.stderr

        elsewhere = tmp_path / "other-state"
        other = tracebridge(
            "import", str(EXPORT_DIR), "--send-to", "otlp", "--endpoint", endpoint, "--state-dir", str(elsewhere),
            env=state, cwd=work,
        )  # fmt: skip
        assert other.returncode == 0 and len(receiver.to("/v1/traces")) > sent, "another ledger: sent again"
        assert list(elsewhere.glob("otlp_*.jsonl"))


def test_export_with_out_sends_as_it_writes_and_send_afterwards_sends_nothing(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with receiving() as receiver:
        endpoint = f"{receiver.base_url}/v1/traces"
        export = (
            "export", "humanloop", "evaluation", sandbox.evaluation_id, "--out", str(out),
            "--send-to", "otlp", "--endpoint", endpoint, "--send-max-attempts", "2",
        )  # fmt: skip
        result = tracebridge(*export, env=humanloop_env)
        assert result.returncode == 0, result.stderr
        _check_received(receiver, out)
        assert list((out / ".sent").glob("otlp_*.jsonl")), "with --out, the ledger is the one send keeps"
        assert not (out / ".partial").exists()
        sent = len(receiver.to("/v1/traces"))

        again = tracebridge("send", str(out), "--to", "otlp", "--endpoint", endpoint)
        assert again.returncode == 0 and "sent nothing" in again.stderr, again.stderr
        rerun = tracebridge(*export, env=humanloop_env)
        assert rerun.returncode == 0, rerun.stderr
        assert len(receiver.to("/v1/traces")) == sent, "neither send nor a second export sends anything new"


def test_export_sends_alone(sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path) -> None:
    expected = tmp_path / "expected"
    args = ("export", "humanloop", "project", sandbox.project_id)
    assert tracebridge(*args, "--out", str(expected), "-q", env=humanloop_env).returncode == 0
    env = {**humanloop_env, "XDG_STATE_HOME": str(tmp_path / "state")}
    with receiving() as receiver:
        result = tracebridge(
            *args, "--send-to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces", env=env, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        _check_received(receiver, expected)
    assert not (tmp_path / "tracebridge-out").exists()


def test_judgments_before_their_span_wait_for_it_and_late_ones_are_counted(tmp_path: Path) -> None:
    """The streaming order through the library, with small batches: judgments first, spans after, then judgments of
    spans already sent (OTLP has no place for those and says so)."""
    out = tmp_path / "expected"
    assert tracebridge("import", str(EXPORT_DIR), "--out", str(out), "-q").returncode == 0
    spans = [from_json_dict(row) for row in read_jsonl(out / "spans.jsonl")]
    evaluations = [from_json_dict(row) for row in read_jsonl(out / "evaluations.jsonl")]
    with receiving() as receiver:
        live = LiveSend(OtlpDestination(f"{receiver.base_url}/v1/traces"), tmp_path / "ledger.jsonl", batch=2)
        live.write(evaluations)
        for span in spans:
            live.write([span])
        live.close()
        _check_received(receiver, out)
        assert live.result.late == 0
        assert len(receiver.to("/v1/traces")) >= len(spans) // 2, "spans went in batches as they came"

    with receiving() as receiver:
        late = LiveSend(OtlpDestination(f"{receiver.base_url}/v1/traces"), tmp_path / "other.jsonl", batch=2)
        late.write(spans)
        late.write(evaluations)
        late.close()
        judged = sum(_judged(out).values())
        assert late.result.late == judged
        assert late.result.report.ignored["evaluation"] == len(evaluations)
        assert sum(len(span.events) for _, span in receiver.spans()) == 0


def _rejects(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_span_the_target_refuses_goes_to_the_rejects_named_in_the_summary(tmp_path: Path) -> None:
    with receiving() as receiver:
        receiver.answers["/v1/traces"] = lambda request: (413, {}, b'{"detail":"too large"}')
        result = tracebridge(
            "import", str(EXPORT_DIR), "--send-to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces",
            "--state-dir", str(tmp_path / "state"), cwd=tmp_path,
        )  # fmt: skip
    assert result.returncode == 3, result.stderr
    rejects = list((tmp_path / "state").glob("*.rejects.jsonl"))
    assert len(rejects) == 1 and str(rejects[0]) in result.stderr
    assert all("HTTP 413" in reject["reason"] for reject in _rejects(rejects[0]))


def test_a_rerun_of_the_same_send_does_not_repeat_its_rejects(tmp_path: Path) -> None:
    """Without --out the rejects file sits beside the ledger and outlives the run: a re-run that meets the same
    records gets the same refusals, which the file already holds."""
    galileo = Path(__file__).parents[1] / "fixtures" / "galileo" / "export-flat.jsonl"
    command = (
        "import", str(galileo), "--from", "galileo-jsonl-flat", "--send-to", "otlp",
        "--state-dir", str(tmp_path / "state"),
    )  # fmt: skip
    runs = []
    with receiving() as receiver:
        for _ in range(2):
            done = tracebridge(*command, "--endpoint", f"{receiver.base_url}/v1/traces", cwd=tmp_path)
            assert done.returncode == 3, done.stderr
            (rejects,) = (tmp_path / "state").glob("*.rejects.jsonl")
            runs.append(rejects.read_bytes())
    first = runs[0].splitlines()
    assert first and len(set(first)) == len(first)
    assert runs[1] == runs[0], "the second run appended nothing"


def test_an_unreachable_target_says_it_took_nothing_and_names_no_missing_ledger(tmp_path: Path) -> None:
    result = tracebridge(
        "import", str(EXPORT_DIR), "--send-to", "otlp", "--endpoint", "http://127.0.0.1:9/v1/traces",
        "--send-max-attempts", "1", "--state-dir", str(tmp_path / "state"), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "the target took nothing yet" in result.stderr and "Traceback" not in result.stderr, result.stderr
    ledgers = [path for path in (tmp_path / "state").glob("*.jsonl") if not path.name.endswith(".rejects.jsonl")]
    assert not ledgers, "no ledger was written, and none is named"


def test_send_options_need_send_to_and_resume_needs_out(tmp_path: Path) -> None:
    result = tracebridge("import", str(EXPORT_DIR), "--endpoint", "http://127.0.0.1:9/v1/traces", cwd=tmp_path)
    assert result.returncode == 2 and "--endpoint applies to --send-to" in result.stderr
    resume = tracebridge("import", str(EXPORT_DIR), "--send-to", "otlp", "--resume", cwd=tmp_path)
    assert resume.returncode == 2 and "--resume needs --out" in resume.stderr
    timeout = tracebridge("import", str(EXPORT_DIR), "--send-to", "otlp", "--send-timeout", "0", cwd=tmp_path)
    assert timeout.returncode == 2 and "--send-timeout must be" in timeout.stderr


def test_a_killed_export_with_out_resumes_and_every_span_arrives_with_its_judgments(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    """SIGKILL after a checkpoint, then ``--resume``: what waited in the spool at the checkpoint is not read again,
    and still goes; nothing is lost and a span is sent at most twice (a batch the kill cut before its ledger line)."""
    sandbox = sandbox_factory(records=300, latency=Latency(fixed_ms=25))
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    common = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "2", "-q"]
    clean = tmp_path / "clean"
    assert tracebridge(*common, "--out", str(clean), env=env).returncode == 0
    out = tmp_path / "resumed"
    with receiving() as receiver:
        sending = [*common, "--out", str(out), "--send-to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces"]
        base = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
        process = subprocess.Popen(
            [sys.executable, "-m", "tracebridge", *sending],
            env={**base, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        checkpoint = out / ".partial" / "checkpoint.json"
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError, ValueError):
                if json.loads(checkpoint.read_text()).get("pages_done"):
                    process.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.01)
        process.wait()
        assert process.returncode == -signal.SIGKILL, "killed mid-run"
        resumed = tracebridge(*sending, "--resume", env=env)
        assert resumed.returncode == 0, resumed.stderr
        received = [span for _, span in receiver.spans()]
    rows = {row["span_id"] for row in read_jsonl(clean / "spans.jsonl")}
    assert {span.span_id.hex() for span in received} == rows, "every span arrived"
    judged = _judged(clean)
    events: dict[str, int] = {}
    for span in received:
        count = sum(event.name == "gen_ai.evaluation.result" for event in span.events)
        events[span.span_id.hex()] = max(events.get(span.span_id.hex(), 0), count)
    assert events == {span_id: judged.get(span_id, 0) for span_id in rows}, "every judgment on its span"
    assert not (out / ".partial").exists()
