"""Keys and URL credentials stay out of everything the CLI writes or prints."""

from __future__ import annotations

import json
from pathlib import Path

from tracebridge.sandbox import RunningSandbox

from tests.cli.conftest import tracebridge


def test_a_key_with_a_newline_is_refused_before_any_request(sandbox: RunningSandbox, tmp_path: Path) -> None:
    key = sandbox.humanloop_api_key + "\nX-Injected: 1"
    result = tracebridge(
        "export", "humanloop", "project", sandbox.project_id, "--base-url", sandbox.base_url,
        "--out", str(tmp_path / "out"), env={"HUMANLOOP_API_KEY": key},
    )  # fmt: skip
    assert result.returncode == 2
    assert "HUMANLOOP_API_KEY holds a character no API key has" in result.stderr
    assert sandbox.humanloop_api_key not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_credentials_in_the_base_url_are_never_written_or_printed(sandbox: RunningSandbox, tmp_path: Path) -> None:
    host = sandbox.base_url.removeprefix("http://")
    with_credentials = f"http://ada:pa55word@{host}"
    out = tmp_path / "out"
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key}
    result = tracebridge(
        "export", "humanloop", "project", sandbox.project_id, "--base-url", with_credentials, "--out", str(out), env=env
    )
    assert result.returncode == 0, result.stderr
    manifest = (out / "manifest.json").read_text()
    assert "pa55word" not in manifest and "ada:" not in manifest
    assert json.loads(manifest)["parameters"]["base_url"] == f"http://***@{host}"
    failed = tracebridge(
        "export", "humanloop", "project", "pr_nope", "--base-url", with_credentials, "--out", "-", "-v", env=env
    )
    assert failed.returncode == 1 and "HTTP 404" in failed.stderr
    assert "pa55word" not in failed.stderr + failed.stdout
