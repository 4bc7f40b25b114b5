"""The quickstart (``tracebridge demo``), ``humanloop add-logs``, and the help every command carries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tracebridge.humanloop.client import HumanloopClient
from tracebridge.sinks.layout import TABLES

from tests.cli.conftest import read_output, tracebridge
from tests.sandbox_plugin import SandboxFactory

COMMANDS = [
    [],
    ["demo"],
    ["export"],
    ["export", "humanloop"],
    ["export", "humanloop", "project"],
    ["export", "humanloop", "evaluation"],
    ["export", "galileo"],
    ["import"],
    ["humanloop"],
    ["humanloop", "add-logs"],
    ["sandbox"],
    ["schema"],
    ["sql"],
    ["send"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "tracebridge")
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = tracebridge(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: tracebridge" in result.stdout
    if command:
        assert "example" in result.stdout, f"tracebridge {' '.join(command)} --help shows no example"


def test_demo_needs_no_key_and_writes_both_vendors(tmp_path: Path) -> None:
    result = tracebridge("demo", "--records", "60", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "tracebridge-demo"
    written = read_output(out)
    manifest = json.loads((out / "manifest.json").read_text())
    # The summary, the manifest and the files agree, record type by record type.
    for record_type, table in TABLES.items():
        assert manifest["counts"][record_type] == len(written[f"{table}.jsonl"]), table
    assert manifest["counts"]["experiment"] > 0, "the runs the evaluation logs name"
    assert manifest["counts"]["definition_version"] > 0, "the versions the logs were made with"
    systems = {row["provenance"]["system"] for row in written["spans.jsonl"]}
    assert systems == {"humanloop", "galileo"}
    assert manifest["completeness"]["complete"] is True
    assert "try next" in result.stderr and "spans" in result.stderr


def test_add_logs_prints_the_run_and_the_logs_join_it(sandbox_factory: SandboxFactory) -> None:
    sandbox = sandbox_factory(records=30)
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url)
    run_id = sandbox.run_ids[-1]
    before = {m.log.id for m in client.evaluation_logs(sandbox.evaluation_id, run_ids=[run_id]).models()}
    candidates = [m.log.id for m in client.evaluation_logs(sandbox.evaluation_id).models()]
    new = [log_id for log_id in candidates if log_id not in before][:2]
    assert new, "the sandbox evaluation should have logs outside the last run"

    result = tracebridge("humanloop", "add-logs", sandbox.evaluation_id, run_id, *new, env=env)
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    assert run["id"] == run_id
    after = {m.log.id for m in client.evaluation_logs(sandbox.evaluation_id, run_ids=[run_id]).models()}
    assert set(new) <= after
    assert sandbox.humanloop_api_key not in result.stdout + result.stderr


def test_add_logs_to_an_unknown_run_fails_cleanly(sandbox_factory: SandboxFactory) -> None:
    sandbox = sandbox_factory(records=10)
    env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    result = tracebridge("humanloop", "add-logs", sandbox.evaluation_id, "run_nope", "log_1", env=env)
    assert result.returncode == 1
    assert "HTTP 404" in result.stderr and result.stdout == ""
