"""``tracebridge send --to phoenix`` against a real Phoenix (``phoenix_server``: installed on first use, started per
test, over real HTTP), read back through Phoenix's own API.

Phoenix keeps span ids unique across its whole database, and the demo's data is the same on every run, so each test
that sends the demo has servers of its own: a second send of the same spans to a shared server would be silently
dropped, and the test would read that as tracebridge's doing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from tracebridge.destinations.ledger import Ledger, ledger_path
from tracebridge.destinations.phoenix import PhoenixDestination
from tracebridge.destinations.phoenix_verify import Patience

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.phoenix_readback import Phoenix
from tests.destinations.phoenix_server import PhoenixServer, running_phoenix

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def phoenix(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with running_phoenix(tmp_path_factory.mktemp("phoenix")) as server:
        yield server


def _demo(tmp_path: Path, records: int) -> Path:
    assert tracebridge("demo", "--records", str(records), "-q", cwd=tmp_path).returncode == 0
    return tmp_path / "tracebridge-demo"


def _send(out: Path, server: PhoenixServer, project: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return tracebridge(
        "send", str(out), "--to", "phoenix", "--endpoint", server.base_url, "--project", project, *extra, timeout=900
    )


def _micros(iso: str) -> int:
    """Phoenix's ISO time as whole microseconds since the epoch (exact: no float on the way)."""
    return (datetime.fromisoformat(iso) - EPOCH) // timedelta(microseconds=1)


def _expected(out: Path) -> dict[str, Any]:
    """What the directory says Phoenix should hold."""
    spans = {row["span_id"]: row for row in read_jsonl(out / "spans.jsonl")}
    annotations: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in read_jsonl(out / "evaluations.jsonl"):
        if row["target_type"] == "span" and row["span_id"]:
            annotations["span"][row["evaluation_id"]] = row
        elif row["target_type"] == "trace" and row["trace_id"]:
            annotations["trace"][row["evaluation_id"]] = row
        elif row["target_type"] == "session" and row["session_id"]:
            annotations["session"][row["evaluation_id"]] = row
    datasets: dict[str, set[str]] = defaultdict(set)
    for row in read_jsonl(out / "dataset_examples.jsonl"):
        provenance = row["provenance"]
        key = row["dataset_id"] or f"{provenance['system']}-{provenance['api_version']}-{provenance['record_type']}"
        datasets[key].add(row["example_id"])
    runs: dict[str, set[tuple[str, int, str | None]]] = defaultdict(set)
    for row in read_jsonl(out / "experiment_items.jsonl"):
        ran = row["span_id"] or row["trace_id"] or row["start_time_unix_nano"] or row["end_time_unix_nano"]
        if row["example_id"] and ran:
            runs[row["experiment_id"]].add((row["example_id"], row["repetition"], row["trace_id"]))
    prompt_versions = {
        row["version_id"]: row
        for row in read_jsonl(out / "definition_versions.jsonl")
        if row["definition_type"] == "prompt"
    }
    return {
        "spans": spans,
        "annotations": annotations,
        "datasets": datasets,
        "runs": runs,
        "experiments": {row["experiment_id"] for row in read_jsonl(out / "experiments.jsonl")},
        "prompt_versions": prompt_versions,
    }


def _identifiers(expected: dict[str, Any]) -> dict[str, set[str]]:
    return {target: set(rows) for target, rows in expected["annotations"].items()}


@pytest.mark.xdist_group("phoenix")  # on one test worker, so the module's server starts once
def test_the_demo_arrives_whole_once_and_verify_sees_it(phoenix: PhoenixServer, tmp_path: Path) -> None:
    out = _demo(tmp_path, 40)
    expected = _expected(out)
    project = f"tb-e2e-{uuid.uuid4().hex[:8]}"
    api = Phoenix(phoenix.base_url)

    result = _send(out, phoenix, project)
    assert result.returncode == 0, result.stderr

    # Spans: every one, with its own ids, parent and start time (Phoenix keeps microseconds, through a float: +-1 us).
    assert api.wait_for_spans(project, len(expected["spans"])) == len(expected["spans"])
    stored = {row["context"]["span_id"]: row for row in api.spans(project)}
    assert stored.keys() == expected["spans"].keys()
    for span_id, row in expected["spans"].items():
        span = stored[span_id]
        assert span["context"]["trace_id"] == row["trace_id"]
        assert span["parent_id"] == row["parent_span_id"]
        start = row["start_time_unix_nano"] if row["start_time_unix_nano"] is not None else row["end_time_unix_nano"]
        assert abs(_micros(span["start_time"]) - start // 1000) <= 1, span_id
        assert span["span_kind"] in {"LLM", "CHAIN", "TOOL", "AGENT", "RETRIEVER", "EMBEDDING", "GUARDRAIL"}
        if "gen_ai.request.model" in row["attributes"]:
            assert span["attributes"]["gen_ai.request.model"] == row["attributes"]["gen_ai.request.model"]
            assert span["attributes"].get("llm.model_name"), "the OpenInference names beside the gen_ai ones"

    # Judgments: one annotation per evaluation, the evaluation's id as identifier, on what it judges.
    for target, rows in expected["annotations"].items():
        found = api.wait_for_annotations(project, target, set(rows))
        by_identifier = {row["identifier"]: row for row in found}
        assert by_identifier.keys() == rows.keys(), target
        assert len(found) == len(rows), f"one {target} annotation per evaluation"
        for identifier, row in rows.items():
            annotation = by_identifier[identifier]
            assert annotation["name"] == row["name"]
            assert annotation[f"{target}_id"] == row[f"{target}_id"]
            score = row["attributes"].get("gen_ai.evaluation.score.value")
            if isinstance(score, int | float) and not isinstance(score, bool):
                assert annotation["result"]["score"] == pytest.approx(score)
            kind = row["attributes"].get("tracebridge.evaluation.annotator_kind")
            assert annotation["annotator_kind"] == kind
    human = [row for row in expected["annotations"]["span"].values() if row["provenance"]["record_type"] == "feedback"]
    assert human and all(row["attributes"]["tracebridge.evaluation.annotator_kind"] == "HUMAN" for row in human)

    # Datasets: one per source dataset, holding its examples under their own ids.
    datasets = {name: d for name, d in api.datasets().items() if "[tracebridge " in (d["description"] or "")}
    held = {name: {example["id"] for example in api.examples(d["id"])} for name, d in datasets.items()}
    assert sorted(map(sorted, held.values())) == sorted(map(sorted, expected["datasets"].values()))

    # Experiments: one per source experiment, its runs on the right examples, repetitions and traces.
    experiments: dict[str, list[dict[str, Any]]] = defaultdict(list)
    outputs = 0
    for d in datasets.values():
        node_ids = {example["node_id"]: example["id"] for example in api.examples(d["id"])}
        for experiment in api.experiments(d["id"]):
            runs = api.runs(experiment["id"])
            outputs += sum(run["output"] is not None for run in runs)
            experiments[experiment["metadata"]["tracebridge.experiment_id"]].append(
                {(node_ids[run["dataset_example_id"]], run["repetition_number"], run["trace_id"]) for run in runs}
            )
    assert experiments.keys() == expected["runs"].keys() == expected["experiments"]
    for experiment_id, runs in expected["runs"].items():
        assert experiments[experiment_id] == [runs], f"one experiment {experiment_id}, every run once"
    assert outputs > 0, "runs carry their span's output"

    # Prompts: every prompt version, findable by its source version id; deployments as tags.
    versions = {
        version["metadata"]["tracebridge.source_version_id"]: (name, version)
        for name in api.prompts()
        for version in api.versions(name)
    }
    assert versions.keys() == expected["prompt_versions"].keys()
    assert len({name for name, _ in versions.values()}) == len(
        {row["definition_id"] for row in expected["prompt_versions"].values()}
    ), "two source prompts with one path stay two prompts"
    for version_id, row in expected["prompt_versions"].items():
        name, version = versions[version_id]
        assert version["template_type"] == "CHAT"
        if any(d["environment_name"] == "production" for d in row["deployments"]):
            tagged = api.get(f"/v1/prompts/{name}/tags/production")["data"]
            assert tagged["id"] == version["id"]

    # A second send sends nothing, and Phoenix holds exactly what it held.
    before = api.state(project, _identifiers(expected))
    again = _send(out, phoenix, project)
    assert again.returncode == 0, again.stderr
    assert "sent nothing" in again.stderr
    assert api.state(project, _identifiers(expected)) == before

    # --verify reads it all back.
    verified = _send(out, phoenix, project, "--verify")
    assert verified.returncode == 0, verified.stderr + verified.stdout
    assert "everything sent is there" in verified.stdout
    assert f"{len(expected['spans']):>9,} sent {len(expected['spans']):>9,} there" in verified.stdout

    # ... and names what went missing since.
    gone = next(iter(expected["spans"]))
    assert api.client.delete(f"/v1/spans/{gone}").status_code < 300
    destination = PhoenixDestination(phoenix.base_url, project=project, patience=Patience(poll_s=0.2, stable_s=2))
    verification = asyncio.run(destination.verify(out, Ledger(ledger_path(out, destination.target))))
    assert not verification.ok
    spans_check = verification.checks[0]
    assert spans_check.missing == [gone] and spans_check.sent == len(expected["spans"])
    api.close()


def _wait_for_ledger(path: Path, prefix: str, lines: int, process: subprocess.Popen[bytes]) -> None:
    """Until the ledger holds ``lines`` lines whose key starts with ``prefix``; fails if the send ends first."""
    deadline = time.monotonic() + 300
    needle = f'{{"key": "{prefix}'.encode()
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(needle) >= lines:
            return
        if process.poll() is not None:
            pytest.fail(f"the send ended (exit {process.returncode}) before the ledger held {lines} {prefix} lines")
        time.sleep(0.01)
    pytest.fail(f"no {lines} {prefix} lines in the ledger after 300 s")


def _kill_when(out: Path, server: PhoenixServer, project: str, prefix: str, lines: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "tracebridge", "send", str(out), "--to", "phoenix", "--endpoint", server.base_url,
         "--project", project, "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    target = f"phoenix {server.base_url} project {project}"
    try:
        _wait_for_ledger(ledger_path(out, target), prefix, lines, process)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "killed mid-send"


def test_a_send_killed_twice_resumes_to_what_an_uninterrupted_send_leaves(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data = _demo(tmp_path, 20)  # 3 prompt versions, 2 datasets, 7 experiments, 89 runs: each kill lands mid-way
    expected = _expected(data)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    for copy in (whole, resumed):
        copy.mkdir()
        for path in data.iterdir():
            if path.is_file():
                (copy / path.name).write_bytes(path.read_bytes())
    project = "tb-resume"
    with ExitStack() as stack:
        first = stack.enter_context(running_phoenix(tmp_path_factory.mktemp("phoenix-whole")))
        second = stack.enter_context(running_phoenix(tmp_path_factory.mktemp("phoenix-resumed")))

        result = _send(whole, first, project, "--verify")
        assert result.returncode == 0, result.stderr + result.stdout

        _kill_when(resumed, second, project, "definition_version:", 1)  # in the middle of the prompts
        _kill_when(resumed, second, project, "dataset:", 1)  # in the middle of the datasets
        _kill_when(resumed, second, project, "annotation:", 1)  # spans sent, judgments on their way
        _kill_when(resumed, second, project, "experiment:", 1)  # in the middle of the experiments
        _kill_when(resumed, second, project, "experiment_run:", 40)  # in the middle of the runs
        target = f"phoenix {second.base_url} project {project}"
        sent_before = len(Ledger(ledger_path(resumed, target)))
        result = _send(resumed, second, project, "--verify")
        assert result.returncode == 0, result.stderr + result.stdout
        assert "already there" in result.stderr and sent_before > 0
        assert "everything sent is there" in result.stdout

        states = []
        for server in (first, second):
            api = Phoenix(server.base_url)
            assert api.wait_for_spans(project, len(expected["spans"])) == len(expected["spans"])
            states.append(api.state(project, _identifiers(expected)))
            api.close()
    whole_state, resumed_state = states
    assert resumed_state.spans.keys() == expected["spans"].keys()
    assert resumed_state.experiment_count == len(expected["runs"]), "no experiment made twice"
    assert resumed_state == whole_state


def test_verify_is_refused_where_the_target_cannot_read_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = tracebridge("send", str(out), "--to", "otlp", "--endpoint", "http://127.0.0.1:9/v1/traces", "--verify")
    assert result.returncode == 2
    assert "--verify is not supported for --to otlp" in result.stderr


@pytest.mark.xdist_group("phoenix")
def test_an_import_sent_as_it_is_read_arrives_whole_once(phoenix: PhoenixServer, tmp_path: Path) -> None:
    """``import --send-to phoenix`` with no directory: the spans and the annotations of their judgments, as a
    ``send`` of the same import's output directory leaves them; a second run sends nothing."""
    export_dir = Path(__file__).parents[1] / "fixtures" / "imports" / "humanloop-export" / "exports" / "20250905-093000"
    out = tmp_path / "expected"
    assert tracebridge("import", str(export_dir), "--out", str(out), "-q").returncode == 0
    expected = _expected(out)
    project = f"tb-live-{uuid.uuid4().hex[:8]}"
    api = Phoenix(phoenix.base_url)
    command = (
        "import", str(export_dir), "--send-to", "phoenix", "--endpoint", phoenix.base_url, "--project", project,
        "--state-dir", str(tmp_path / "state"),
    )  # fmt: skip
    result = tracebridge(*command, cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr
    assert api.wait_for_spans(project, len(expected["spans"])) == len(expected["spans"])
    assert {row["context"]["span_id"] for row in api.spans(project)} == expected["spans"].keys()
    rows = expected["annotations"]["span"]
    assert rows, "the import judges spans"
    found = api.wait_for_annotations(project, "span", set(rows))
    assert {row["identifier"] for row in found} == rows.keys() and len(found) == len(rows)
    again = tracebridge(*command, cwd=tmp_path, timeout=900)
    assert again.returncode == 0, again.stderr
    assert "sent nothing" in again.stderr, again.stderr
    assert api.span_count(project) == len(expected["spans"])
