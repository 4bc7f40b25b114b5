"""A ``humanloop-export`` directory yields the records the API path yields for the same logs, runs and datapoints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
from humanloop_client.models import V5EvaluationLogResponse, V5EvaluationRunResponse
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.humanloop.client import HumanloopClient
from tracebridge.humanloop.formats import log_kind
from tracebridge.imports import open_import
from tracebridge.records import DatasetExample, Record
from tracebridge.sandbox import RunningSandbox

from tests.imports.export_layout import FIRST_FILE_LINES, lay_out, nested_logs
from tests.imports.vendor_data import humanloop_pages, own_rows, run_body, shared_ids, write_jsonl
from tests.sandbox_plugin import SandboxFactory


def api_log_records(envelope: dict[str, Any]) -> list[Record]:
    """A Log's records as the API source maps it: from its JSON, once it is known to parse (the v5 Log union)."""
    V5EvaluationLogResponse.from_dict(envelope)
    return humanloop_v5.normalize_log(envelope["log"])


def test_bare_logs_with_children_nested_and_repeated(tmp_path: Path, sandbox_factory: SandboxFactory) -> None:
    sandbox = sandbox_factory(records=1100)
    envelopes = [envelope for page in humanloop_pages(sandbox, "v5") for envelope in page["records"]]
    roots = [envelope["log"] for envelope in envelopes]
    layout = lay_out(tmp_path / "humanloop-export", roots=roots, seed=3)
    first_files = [path for path in layout.log_files if path.name == "1.jsonl"]
    assert max(sum(1 for _ in path.open()) for path in first_files) == FIRST_FILE_LINES
    assert any(path.name == "2.jsonl" for path in layout.log_files)

    export = open_import([tmp_path / "humanloop-export"])
    records = list(export.records())

    expected = [record for envelope in envelopes for record in api_log_records(envelope)]
    assert own_rows(records) == own_rows(expected)
    shared = shared_ids(records)
    assert set(shared) == set(shared_ids(expected)), "every File and version the logs were made with"
    assert set(shared.values()) == {1}, "each once"
    assert export.job["formats"] == {str(tmp_path / "humanloop-export"): ["humanloop-export"]}
    report = export.report
    assert layout.standalone_copies > 300  # flows and agents have children; every child is written twice
    assert report.duplicates == layout.standalone_copies
    files = 2 * len(layout.file_dirs) + sum(len(list((d / "versions").iterdir())) - 1 for d in layout.file_dirs)
    assert report.unique == len(roots) + files, "every log once, and every file.json and version file"
    assert report.fetched == report.unique + layout.standalone_copies
    assert report.complete and not export.rejects


def test_evaluations_runs_and_datapoints(tmp_path: Path, sandbox: RunningSandbox) -> None:
    envelopes = [envelope for page in humanloop_pages(sandbox, "v5") for envelope in page["records"]]
    runs = [run_body(sandbox, run_id) for run_id in sandbox.run_ids]
    layout = lay_out(
        tmp_path / "export", roots=[], envelopes=envelopes, runs=runs, evaluation_id=sandbox.evaluation_id, seed=5
    )
    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url)
    api_records = list(client.evaluation_logs(sandbox.evaluation_id).records())
    dataset = runs[0]["dataset"]
    # The datapoints directory names its dataset and version; inside an evaluation log the API path has neither.
    examples = {
        record.example_id: attrs.evolve(record, dataset_id=dataset["id"], dataset_version_id=dataset["version_id"])
        for record in api_records
        if isinstance(record, DatasetExample)
    }
    # As the sources map a run: from its JSON, once it is known to parse as the generated model.
    for run in runs:
        V5EvaluationRunResponse.from_dict(run)
    evaluation_id = sandbox.evaluation_id
    run_records = [
        r
        for run in runs
        for r in humanloop_v5.normalize_evaluation_run(
            run, evaluation_id=evaluation_id, evaluation_name="Support answers"
        )
    ]

    export = open_import([tmp_path / "export" / "exports"])  # the export root, or any level of it, works
    records = list(export.records())

    assert own_rows(records) == own_rows([*api_records, *run_records, *examples.values()])
    shared = shared_ids(records)
    assert set(shared) >= set(shared_ids([*api_records, *run_records])) and set(shared.values()) == {1}
    experiments = {r.experiment_id: r for r in records if r.record_type == "experiment"}
    assert {r.status for r in experiments.values()} == {run["status"] for run in runs}, "the runs' own records"
    assert all(r.attributes["tracebridge.experiment.stats"]["num_logs"] > 0 for r in experiments.values())
    evaluation = next(r for r in records if r.record_type == "definition" and r.type == "evaluation")
    assert evaluation.name == "Support answers" and evaluation.definition_id == evaluation_id
    assert export.report.duplicates == layout.standalone_copies
    assert export.report.complete and not export.rejects


def test_runs_become_experiments_of_their_evaluation(tmp_path: Path, sandbox: RunningSandbox) -> None:
    envelopes = humanloop_pages(sandbox, "v5", size=10)[0]["records"]
    runs = [run_body(sandbox, run_id) for run_id in sandbox.run_ids]
    lay_out(tmp_path, roots=[], envelopes=envelopes, runs=runs, evaluation_id=sandbox.evaluation_id)
    experiments = [record for record in open_import([tmp_path]).records() if record.record_type == "experiment"]
    assert sorted(e.experiment_id for e in experiments) == sorted(sandbox.run_ids)
    assert {e.evaluation_id for e in experiments} == {sandbox.evaluation_id}


def test_a_child_read_before_its_parent_is_still_dropped(tmp_path: Path, sandbox: RunningSandbox) -> None:
    envelope = next(
        envelope for envelope in humanloop_pages(sandbox, "v5")[0]["records"] if log_kind(envelope["log"]) == "flow"
    )
    flow = envelope["log"]
    children = list(nested_logs(flow))
    logs = tmp_path / "exports" / "t" / "files" / "fl_1" / "logs"
    logs.mkdir(parents=True)
    # Completion order: children finish first, so they come before their parent, even in an earlier file.
    write_jsonl(logs / "0.jsonl", children)
    write_jsonl(logs / "1.jsonl", [flow, children[0]])
    export = open_import([tmp_path])
    records = list(export.records())
    assert own_rows(records) == own_rows(api_log_records(envelope))
    assert set(shared_ids(records).values()) == {1}
    assert export.report.duplicates == len(children) + 1
