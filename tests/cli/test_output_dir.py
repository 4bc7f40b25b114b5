"""One output directory, one run: another run's output is refused with a message, replaced only on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tracebridge.sandbox import RunningSandbox
from tracebridge.sinks.ownership import OutputInUseError, RunIdentity, claim

from tests.cli.conftest import tracebridge

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HUMANLOOP_LOG = FIXTURES / "humanloop" / "v4-log-rich.json"
GALILEO_LINES = FIXTURES / "galileo" / "export-nested.jsonl"


def _names(out: Path) -> set[str]:
    return {path.name for path in out.iterdir()}


def test_the_issue_s_mix_up_is_refused_and_overwrite_replaces_the_run(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], galileo_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = tracebridge("export", "humanloop", "project", sandbox.project_id, "--out", str(out), env=humanloop_env)
    assert first.returncode == 0, first.stderr
    before = {name: (out / name).read_bytes() for name in _names(out)}

    galileo = ["export", "galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id]
    refused = tracebridge(*galileo, "--format", "duckdb", "--out", str(out), env=galileo_env)
    assert refused.returncode == 2, refused.stderr
    message = refused.stderr.splitlines()[0]
    assert f"--out {out} holds the output of another run, humanloop v4 POST /projects/{{id}}/export" in message
    assert f"project_id={sandbox.project_id}" in message and "--overwrite" in message
    assert "--resume" not in refused.stderr
    assert {name: (out / name).read_bytes() for name in _names(out)} == before, "nothing was touched"

    (out / "notes.txt").write_text("mine")
    replaced = tracebridge(*galileo, "--format", "duckdb", "--out", str(out), "--overwrite", env=galileo_env)
    assert replaced.returncode == 0, replaced.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["source"]["system"] == "galileo" and manifest["formats"] == ["duckdb"]
    assert _names(out) == {"tracebridge.duckdb", "rejects.jsonl", "manifest.json", "notes.txt"}, "no Humanloop file"


def test_the_same_run_again_replaces_its_files_and_leaves_no_other_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert tracebridge("import", str(GALILEO_LINES), "--out", str(out), "--format", "csv").returncode == 0
    assert "spans.csv" in _names(out)
    again = tracebridge("import", str(GALILEO_LINES), "--out", str(out), "--format", "jsonl")
    assert again.returncode == 0, again.stderr
    names = _names(out)
    assert "spans.jsonl" in names and not any(name.endswith(".csv") for name in names), names
    assert json.loads((out / "manifest.json").read_text())["formats"] == ["jsonl"]


def test_settings_do_not_make_another_run(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    command = ["export", "humanloop", "project", sandbox.project_id, "--out", str(out)]
    assert tracebridge(*command, env=humanloop_env).returncode == 0
    faster = tracebridge(*command, "--page-size", "7", "--concurrency", "2", env=humanloop_env)
    assert faster.returncode == 0, faster.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["settings"] == {"page_size": 7, "concurrency": 2}
    assert "page_size" not in manifest["parameters"]


def test_record_files_without_a_manifest_are_not_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "spans.jsonl").write_text('{"mine": true}\n')
    refused = tracebridge("import", str(GALILEO_LINES), "--out", str(out))
    assert refused.returncode == 2
    assert "holds spans.jsonl but no manifest.json" in refused.stderr and "--overwrite" in refused.stderr
    assert (out / "spans.jsonl").read_text() == '{"mine": true}\n'


def test_a_failed_run_that_left_nothing_to_resume_does_not_hold_the_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    failed = tracebridge("import", str(FIXTURES / "imports" / "not-an-export.json"), "--out", str(out))
    assert failed.returncode != 0
    assert "--resume" not in failed.stderr
    other = tracebridge("import", str(GALILEO_LINES), "--out", str(out))
    assert other.returncode == 0, other.stderr


def test_an_unfinished_run_is_named_with_its_partial_directory(tmp_path: Path) -> None:
    out = tmp_path / "out"
    killed = RunIdentity.of({"system": "galileo", "api": "v2"}, {"project_id": "p1"})
    claim(out, killed)  # what a killed run leaves: its identity in .partial/run.json
    with pytest.raises(OutputInUseError) as refused:
        claim(out, RunIdentity.of({"system": "humanloop"}, {"project_id": "pr_1"}))
    assert f"holds an unfinished run of galileo v2 (project_id=p1) in {out / '.partial'}/" in str(refused.value)
    assert "--resume" in str(refused.value) and "--overwrite" in str(refused.value)
    with pytest.raises(OutputInUseError):
        claim(out, RunIdentity.of({"system": "humanloop"}, {"project_id": "pr_1"}), resume=True)
    claim(out, killed, resume=True)  # its own command may continue it
    claim(out, RunIdentity.of({"system": "humanloop"}, {"project_id": "pr_1"}), overwrite=True)
    assert not (out / ".partial" / "run.json").read_text().count("galileo")


def test_secrets_are_not_part_of_a_run_s_name(tmp_path: Path) -> None:
    identity = RunIdentity.of({"system": "x"}, {"api_key": "hl_sk_secret", "project_id": "p"})
    claim(tmp_path / "out", identity)
    assert "hl_sk_secret" not in (tmp_path / "out" / ".partial" / "run.json").read_text()
    assert identity == RunIdentity.of({"system": "x"}, {"api_key": "another", "project_id": "p"})
