"""``tracebridge export ...`` end to end: the real command against the real sandbox, checked against the library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tracebridge.galileo.client import GalileoClient
from tracebridge.humanloop.client import HumanloopClient
from tracebridge.sandbox import RunningSandbox
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.layout import TABLES

from tests.cli.conftest import TABLE_FILES, read_jsonl, read_output, tracebridge
from tests.sandbox_plugin import SandboxFactory


def test_project_export_writes_what_the_library_yields(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = tracebridge("export", "humanloop", "project", sandbox.project_id, "--out", str(out), env=humanloop_env)
    assert result.returncode == 0, result.stderr

    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url)
    expected = [to_json_dict(record) for record in client.export_project(sandbox.project_id).records()]
    written = read_output(out)
    # Same records, same order within each file: the CLI adds nothing and loses nothing.
    for record_type, table in TABLES.items():
        assert written[f"{table}.jsonl"] == [r for r in expected if r["record_type"] == record_type], table
    assert sum(len(rows) for rows in written.values()) == len(expected)

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["completeness"]["complete"] is True
    assert manifest["completeness"]["expected"] == sandbox.config.records
    assert manifest["counts"]["span"] == len(written["spans.jsonl"])
    assert manifest["source"]["system"] == "humanloop"
    assert sandbox.humanloop_api_key not in (out / "manifest.json").read_text()
    assert (out / "rejects.jsonl").read_text() == ""
    assert not (out / ".partial").exists(), "staging directory left behind after a complete run"
    assert f"{len(written['spans.jsonl']):,} spans" in result.stderr


def test_every_record_type_file_is_written_even_when_empty(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = tracebridge("export", "humanloop", "project", sandbox.project_id, "--out", str(out), env=humanloop_env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLE_FILES, "rejects.jsonl", "manifest.json"])
    assert (out / "experiments.jsonl").read_text() == ""


def test_evaluation_logs_v5_for_chosen_runs(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_id = sandbox.run_ids[0]
    result = tracebridge(
        "export", "humanloop", "evaluation", sandbox.evaluation_id, "--run", run_id, "--out", str(out),
        env=humanloop_env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    items = read_jsonl(out / "experiment_items.jsonl")
    assert items, "v5 evaluation logs produce experiment items"
    assert {item["experiment_id"] for item in items} == {run_id}
    evaluations = read_jsonl(out / "evaluations.jsonl")
    assert evaluations and all(e["experiment_id"] == run_id for e in evaluations if e["experiment_id"])


def test_evaluation_datapoints_v4_across_evaluatees(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    evaluatees = [arg for evaluatee in sandbox.evaluatee_ids for arg in ("--evaluatee", evaluatee)]
    result = tracebridge(
        "export", "humanloop", "evaluation", sandbox.evaluation_id, "--v4", *evaluatees, "--out", str(out),
        env=humanloop_env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["completeness"]["expected"] == sandbox.config.records * len(sandbox.evaluatee_ids)
    assert manifest["completeness"]["complete"] is True
    assert read_jsonl(out / "dataset_examples.jsonl")


def test_galileo_export_with_filter_and_sort_matches_the_library(
    sandbox: RunningSandbox, galileo_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = tracebridge(
        "export", "galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id,
        "--root-type", "trace", "--filter", "number:metrics/duration_ns:gt:0", "--sort", "created_at:asc",
        "--out", str(out), env=galileo_env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    client = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)
    expected = Counter(
        record.record_type
        for record in client.export_records(
            sandbox.galileo_project_id,
            log_stream_id=sandbox.log_stream_id,
            filters=[{"type": "number", "column_id": "metrics/duration_ns", "operator": "gt", "value": 0}],
            sort={"column_id": "created_at", "ascending": True, "sort_type": "column"},
        ).records()
    )
    written = read_output(out)
    assert {name: len(rows) for name, rows in written.items() if rows} == {
        f"{TABLES[record_type]}.jsonl": count for record_type, count in expected.items()
    }
    starts = [row["start_time_unix_nano"] for row in written["spans.jsonl"] if row["parent_span_id"] is None]
    assert starts == sorted(starts), "--sort created_at:asc keeps roots in ascending order"


def test_out_dash_writes_jsonl_to_stdout(sandbox: RunningSandbox, humanloop_env: dict[str, str]) -> None:
    result = tracebridge("export", "humanloop", "project", sandbox.project_id, "--out", "-", "-q", env=humanloop_env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert Counter(row["record_type"] for row in rows)["span"] == sandbox.config.records
    assert result.stderr == "", "--quiet prints nothing on stderr"


def test_verbose_logs_requests_without_the_key(sandbox: RunningSandbox, humanloop_env: dict[str, str]) -> None:
    result = tracebridge(
        "export", "humanloop", "project", sandbox.project_id, "--out", "-", "--verbose", env=humanloop_env
    )
    assert result.returncode == 0, result.stderr
    assert "/export" in result.stderr and "HTTP 200" in result.stderr
    assert sandbox.humanloop_api_key not in result.stderr + result.stdout


def test_a_closed_pipe_ends_quietly(sandbox_factory: SandboxFactory) -> None:
    """``tracebridge export ... --out - | head -1``: no traceback when the reader stops early."""
    sandbox = sandbox_factory(records=3000)  # more output than a pipe buffers, so the writer sees the pipe close
    humanloop_env = {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("HUMANLOOP_")}, **humanloop_env}
    command = [sys.executable, "-m", "tracebridge", "export", "humanloop", "project", sandbox.project_id, "-q"]
    process = subprocess.Popen([*command, "--out", "-"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after its line
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert json.loads(first)["record_type"]
    assert stderr == "", "a reader closing the pipe is not an error to report"
