"""What a user sees when things go wrong: one clear line, a hint, the documented exit code, never the key."""

from __future__ import annotations

import errno
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tracebridge.cli.failures import describe
from tracebridge.sandbox import RunningSandbox

from tests.cli.conftest import read_jsonl, tracebridge


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("tracebridge ")]


def test_wrong_key_fails_with_a_hint_and_without_the_key(sandbox: RunningSandbox, tmp_path: Path) -> None:
    wrong = "hl_sk_this_is_not_the_right_key_0123456789"
    result = tracebridge(
        "export", "humanloop", "project", sandbox.project_id, "--base-url", sandbox.base_url,
        "--out", str(tmp_path / "out"), env={"HUMANLOOP_API_KEY": wrong},
    )  # fmt: skip
    assert result.returncode == 1
    (line,) = _error_lines(result.stderr)
    assert "HTTP 401" in line and "/export" in line
    assert "hint: check the API key (HUMANLOOP_API_KEY)" in result.stderr
    assert wrong not in result.stderr + result.stdout
    assert not (tmp_path / "out" / "manifest.json").exists(), "a failed run must not look finished"


def test_missing_key_is_a_usage_error(sandbox: RunningSandbox, tmp_path: Path) -> None:
    result = tracebridge("export", "humanloop", "project", sandbox.project_id, "--base-url", sandbox.base_url)
    assert result.returncode == 2
    assert "set HUMANLOOP_API_KEY" in result.stderr


def test_unknown_project_is_a_404_with_a_hint(sandbox: RunningSandbox, humanloop_env: dict[str, str]) -> None:
    result = tracebridge("export", "humanloop", "project", "pr_does_not_exist", "--out", "-", env=humanloop_env)
    assert result.returncode == 1
    assert "HTTP 404" in result.stderr and "hint: check the id" in result.stderr


def test_unreachable_server_names_it(tmp_path: Path) -> None:
    result = tracebridge(
        "export", "humanloop", "project", "pr_1", "--base-url", "http://127.0.0.1:9", "--max-attempts", "2",
        "--out", str(tmp_path / "out"), env={"HUMANLOOP_API_KEY": "hl_sk_x"},
    )  # fmt: skip
    assert result.returncode == 1
    assert "no response" in result.stderr and "http://127.0.0.1:9" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--filter", "number:x"], "expected TYPE:COLUMN:OPERATOR:VALUE"),
        (["--filter", "weird:a:eq:1"], "type 'weird' is not one of"),
        (["--export-format", "jsonl", "--column", "input"], "--column applies to --export-format csv"),
    ],
)
def test_bad_galileo_options_are_usage_errors(
    sandbox: RunningSandbox, galileo_env: dict[str, str], args: list[str], message: str
) -> None:
    result = tracebridge(
        "export", "galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id, *args, env=galileo_env
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_galileo_project_must_be_a_uuid(galileo_env: dict[str, str]) -> None:
    result = tracebridge("export", "galileo", "not-a-uuid", "--log-stream", "x", env=galileo_env)
    assert result.returncode == 2
    assert "PROJECT_ID must be a UUID" in result.stderr


def test_stdout_takes_only_jsonl(sandbox: RunningSandbox, humanloop_env: dict[str, str]) -> None:
    result = tracebridge(
        "export", "humanloop", "project", sandbox.project_id, "--out", "-", "--format", "csv", env=humanloop_env
    )
    assert result.returncode == 2
    assert "--out -" in result.stderr


class _ShortListing(BaseHTTPRequestHandler):
    """A v4 export that claims 5 records and serves 3: what a server losing records mid-export looks like."""

    def do_POST(self) -> None:
        records = [{"id": f"data_{n}", "created_at": "2025-01-01T00:00:00Z"} for n in range(3)]
        body = json.dumps({"records": records, "page": 0, "size": 100, "total": 5}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def short_listing_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ShortListing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_incomplete_export_exits_3_and_keeps_what_arrived(short_listing_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("export", "humanloop", "project", "pr_1", "--base-url", short_listing_url, "--out", str(out))
    result = tracebridge(*args, env={"HUMANLOOP_API_KEY": "hl_sk_test"})
    assert result.returncode == 3, result.stderr
    assert "missing 2" in result.stderr
    assert len(read_jsonl(out / "spans.jsonl")) == 3
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["completeness"]["complete"] is False and manifest["completeness"]["missing"] == 2

    accepted = tracebridge(*args, "--allow-partial", env={"HUMANLOOP_API_KEY": "hl_sk_test"})
    assert accepted.returncode == 0, accepted.stderr
    assert "hl_sk_test" not in (out / "manifest.json").read_text()


@pytest.mark.parametrize(
    ("out", "reason"), [("/proc/tracebridge-out", "No such file or directory"), ("/etc/hostname/x", "Not a directory")]
)
def test_an_output_that_cannot_be_made_names_the_path_and_the_reason(out: str, reason: str) -> None:
    galileo = Path(__file__).resolve().parents[1] / "fixtures" / "galileo" / "export-flat.jsonl"
    result = tracebridge("import", str(galileo), "--out", out)
    assert result.returncode == 2
    expected = f"tracebridge import: --out {out}: cannot write there ({reason}); choose another directory\n"
    assert result.stderr == expected


@pytest.mark.parametrize(
    ("error", "message", "hint"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/data/out/.partial/spans.jsonl"),
         "/data/out/.partial/spans.jsonl: No space left on device", "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied", "/data/out"), "/data/out: Permission denied",
         "no permission there"),
        (OSError(errno.EIO, "Input/output error"), "Input/output error", "I/O error"),
    ],
)  # fmt: skip
def test_os_errors_say_where_what_and_what_to_do(error: OSError, message: str, hint: str) -> None:
    failure = describe(error)
    assert failure.message == message and hint in (failure.hint or "")
    assert "OSError" not in failure.message and "PermissionError" not in failure.message
