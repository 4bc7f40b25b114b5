"""``tracebridge export|import --workers N`` against the real sandbox: the same files as ``--workers 1``, and a run
killed while its workers map resumes to the same files as an uninterrupted one."""

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
from tracebridge.cli import main
from tracebridge.delivery import workers
from tracebridge.sandbox import Latency, RunningSandbox

from tests.cli.conftest import kill_once_saved
from tests.delivery.test_workers import evaluation_logs, format_args, output_files, write_lines
from tests.proxy import rewriting_proxy
from tests.sandbox_plugin import SandboxFactory

POOL_AT_ONCE = (
    "import sys; import tracebridge.delivery.workers as w; w.START_AFTER = 0; "
    "from tracebridge.cli import main; sys.exit(main(sys.argv[1:]))"
)
"""``python -c`` running the CLI with the pool started for the first record (by default: after 2,000)."""


@pytest.fixture(autouse=True)
def pool_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "START_AFTER", 0)


def _repeated(option: str, values: tuple[str, ...]) -> list[str]:
    return [arg for value in values for arg in (option, value)]


def _exports(sandbox: RunningSandbox) -> dict[str, list[str]]:
    evaluation = ["humanloop", "evaluation", sandbox.evaluation_id]
    return {
        "humanloop project (v4 pages)": ["humanloop", "project", sandbox.project_id, "--page-size", "17"],
        "humanloop evaluation (v5 logs)": [*evaluation, *_repeated("--run", sandbox.run_ids), "--page-size", "13"],
        "humanloop evaluation (v4 datapoints)": [*evaluation, "--v4", *_repeated("--evaluatee", sandbox.evaluatee_ids)],
        "galileo log stream": ["galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id],
    }


@pytest.mark.parametrize(
    "which",
    [
        "humanloop project (v4 pages)",
        "humanloop evaluation (v5 logs)",
        "humanloop evaluation (v4 datapoints)",
        "galileo log stream",
    ],
)
def test_export_with_workers_writes_the_same_files(
    which: str, sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", sandbox.humanloop_api_key)
    monkeypatch.setenv("HUMANLOOP_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("GALILEO_API_KEY", sandbox.galileo_api_key)
    monkeypatch.setenv("GALILEO_API_URL", sandbox.base_url)
    command = ["export", *_exports(sandbox)[which], *format_args(), "-q"]
    one, two = tmp_path / "one", tmp_path / "two"
    assert main([*command, "--out", str(one), "--workers", "1"]) == 0
    assert main([*command, "--out", str(two), "--workers", "2"]) == 0
    assert output_files(two) == output_files(one)


def _start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    return subprocess.Popen(
        [sys.executable, "-c", POOL_AT_ONCE, *args],
        env={**base, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    process = _start(args, env)
    _, stderr = process.communicate(timeout=240)
    return subprocess.CompletedProcess(args, process.returncode, b"", stderr)


def resumed_files(out: Path) -> dict[str, Any]:
    """``output_files`` without what describes one run's work (pages fetched, bytes, restarts): a resumed run
    counts only its own, as in-process."""
    files = output_files(out)
    for name in ("pages", "bytes_received", "restarts"):
        files["manifest.json"]["completeness"].pop(name)
    return files


def test_a_killed_import_with_workers_resumes_to_the_same_files(tmp_path: Path) -> None:
    # Ten units of 1,000 lines (imports/source.py): the kill at the first checkpoint leaves most in flight or unread.
    source = write_lines(tmp_path / "logs.jsonl", evaluation_logs(10_000), bad_every=4999)
    command = ["import", str(source), *format_args(), "--workers", "2", "-q"]
    clean = tmp_path / "clean"
    done = _run([*command, "--out", str(clean), "--workers", "1"])
    assert done.returncode == 0, done.stderr

    out = tmp_path / "resumed"
    kill_once_saved(
        _start([*command, "--out", str(out)]), out / ".partial" / "checkpoint.json", "streamed", timeout_s=120
    )
    assert not (out / "manifest.json").exists()
    resumed = _run([*command, "--out", str(out), "--resume"])
    assert resumed.returncode == 0, resumed.stderr
    assert resumed_files(out) == resumed_files(clean)


def test_a_killed_export_with_workers_resumes_to_the_same_files(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    sandbox = sandbox_factory(records=400, latency=Latency(fixed_ms=25))
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    command = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "10", "--concurrency", "2"]
    command += [*format_args(), "--workers", "2", "-q"]
    clean = tmp_path / "clean"
    done = _run([*command, "--out", str(clean), "--workers", "1"], env)
    assert done.returncode == 0, done.stderr

    out = tmp_path / "resumed"
    kill_once_saved(
        _start([*command, "--out", str(out)], env), out / ".partial" / "checkpoint.json", "pages_done", timeout_s=120
    )
    resumed = _run([*command, "--out", str(out), "--resume"], env)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed_files(out) == resumed_files(clean)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_the_workers(tmp_path: Path, stop: signal.Signals) -> None:
    """Ctrl-C or SIGTERM mid-run: exit 130 with no traceback, and no worker process left behind."""
    process, children = _running_with_workers(tmp_path)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr.decode()
    time.sleep(0.5)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists() and not _zombie(pid)], "orphan workers"


def test_workers_of_a_killed_run_exit_on_their_own(tmp_path: Path) -> None:
    """SIGKILL gives the run no chance to stop its pool: each worker notices its export is gone and exits."""
    process, children = _running_with_workers(tmp_path)
    pool = [pid for pid in children if _parent(pid) not in (process.pid, None)]  # the forkserver's children
    assert pool, children
    process.kill()
    process.wait(timeout=60)  # not communicate(): the forkserver keeps the stderr pipe open
    deadline = time.monotonic() + 30
    while alive := [pid for pid in pool if Path(f"/proc/{pid}").exists() and not _zombie(pid)]:
        assert time.monotonic() < deadline, f"workers still running after the export was killed: {alive}"
        time.sleep(0.2)


def _running_with_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    source = write_lines(tmp_path / "logs.jsonl", evaluation_logs(30_000))
    out = tmp_path / "out"
    process = _start(["import", str(source), "--out", str(out), "--workers", "2", "-q"])
    checkpoint = out / ".partial" / "checkpoint.json"
    deadline = time.monotonic() + 120
    while not (checkpoint.exists() and json.loads(checkpoint.read_text() or "{}").get("streamed")):
        assert time.monotonic() < deadline and process.poll() is None, "no checkpoint appeared"
        time.sleep(0.01)
    # The pool starts once enough records have gone by, and its processes take a moment to fork (longer on a busy
    # machine): wait for the forkserver's children rather than look once.
    while True:
        children = _children(process.pid)
        if any(_parent(pid) not in (process.pid, None) for pid in children):
            return process, children
        assert time.monotonic() < deadline and process.poll() is None, f"no worker process appeared: {children}"
        time.sleep(0.05)


def _parent(pid: int) -> int | None:
    try:
        return int((Path(f"/proc/{pid}") / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (the forkserver and its workers), from /proc."""
    found: list[int] = []
    parents = {pid}
    for _ in range(3):
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) in found:
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent in parents:
                found.append(int(entry.name))
        parents |= set(found)
    return found


def _zombie(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}") / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_a_worker_killed_from_outside_is_not_called_a_bug(tmp_path: Path) -> None:
    """The OOM killer or a `kill -9` taking one worker: exit 1 saying so, with how to continue, and no traceback."""
    process, children = _running_with_workers(tmp_path)
    pool = [pid for pid in children if _parent(pid) not in (process.pid, None)]
    assert pool, children
    os.kill(pool[0], signal.SIGKILL)
    process.wait(timeout=60)
    stderr = process.stderr.read().decode() if process.stderr is not None else ""
    assert process.returncode == 1, stderr
    assert "a worker process died" in stderr and "--resume" in stderr, stderr
    assert "bug in tracebridge" not in stderr and "Traceback" not in stderr, stderr


def _spoil_pages(path: str, body: bytes) -> bytes:
    """Pages the workers' text path must read as the in-process path does: on page 1 a record that is not an object,
    one without its id and with a date no parser takes, one whose id is a number; page 2 holds a NaN (msgspec will
    not split it: decoded whole) and page 3 a lone surrogate (the same)."""
    page_number = next((part[5:] for part in path.split("?", 1)[-1].split("&") if part.startswith("page=")), None)
    if page_number not in {"1", "2", "3"}:
        return body
    page = json.loads(body)
    records = page["records"]
    target = records[1]["log"] if "log" in records[1] else records[1]
    if page_number == "1":
        records[0] = "this is not a log"
        del target["id"]
        target["created_at"] = "the fourteenth of never"
        records[2]["id"] = 5
    elif page_number == "2":
        target["x_score"] = float("nan")
    else:
        target["x_cut"] = "\ud83d"
    return json.dumps(page).encode()


@pytest.mark.parametrize("which", ["humanloop project (v4 pages)", "humanloop evaluation (v5 logs)"])
def test_pages_read_as_text_for_the_workers_give_the_same_files_rejects_included(
    which: str, sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", sandbox.humanloop_api_key)
    with rewriting_proxy(sandbox.base_url, _spoil_pages) as url:
        monkeypatch.setenv("HUMANLOOP_BASE_URL", url)
        command = ["export", *_exports(sandbox)[which], *format_args(), "-q", "--allow-partial"]
        one, two = tmp_path / "one", tmp_path / "two"
        assert main([*command, "--out", str(one), "--workers", "1"]) in (0, 3)
        assert main([*command, "--out", str(two), "--workers", "2"]) in (0, 3)
    files = output_files(one)
    assert len(files["rejects.jsonl"].splitlines()) >= 2, "the spoiled records were rejected"
    assert output_files(two) == files


def _spoil_stream(path: str, body: bytes) -> bytes:
    """A Galileo stream whose third line holds an integer longer than Python converts: msgspec skips it unread,
    a whole decode refuses it, so the line must be rejected with either worker count."""
    if "export_records" not in path:
        return body
    lines = body.split(b"\n")
    lines[2] = lines[2].rstrip().removesuffix(b"}") + b', "x_big": ' + b"7" * (sys.get_int_max_str_digits() + 1) + b"}"
    return b"\n".join(lines)


def test_a_stream_line_only_a_skipping_decoder_reads_is_rejected_with_workers_too(
    sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GALILEO_API_KEY", sandbox.galileo_api_key)
    with rewriting_proxy(sandbox.base_url, _spoil_stream) as url:
        monkeypatch.setenv("GALILEO_API_URL", url)
        command = ["export", *_exports(sandbox)["galileo log stream"], *format_args(), "-q", "--allow-partial"]
        one, two = tmp_path / "one", tmp_path / "two"
        assert main([*command, "--out", str(one), "--workers", "1"]) in (0, 3)
        assert main([*command, "--out", str(two), "--workers", "2"]) in (0, 3)
    files = output_files(one)
    assert b"Exceeds the limit" in files["rejects.jsonl"], "the line was rejected"
    assert output_files(two) == files
