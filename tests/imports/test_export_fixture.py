"""The committed ``humanloop-export`` fixture: extension-less run and version files, children nested and repeated
(read before their parents), evaluation logs, runs and datapoints, all in one directory tree."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from humanloop_client.models import V5EvaluationLogResponse, V5EvaluationRunResponse
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.humanloop.kinds import parse_evaluation_log
from tracebridge.humanloop.v5 import normalize_evaluation_log
from tracebridge.imports import open_import

from tests.imports.export_layout import nested_logs
from tests.imports.vendor_data import own_rows, shared_ids

ROOT = Path(__file__).parents[1] / "fixtures" / "imports" / "humanloop-export"
FILES = ROOT / "exports" / "20250905-093000" / "files"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_the_fixture_is_laid_out_as_the_tool_wrote_it() -> None:
    runs = list(FILES.glob("*/evaluations/*/runs/*"))
    versions = list(FILES.glob("*/versions/*"))
    assert runs and versions
    assert all(path.suffix == "" for path in [*runs, *versions])


def test_every_record_once_and_as_the_api_path_maps_it() -> None:
    (evaluation,) = FILES.glob("*/evaluations/*")
    envelopes = _jsonl(evaluation / "logs" / "1.jsonl")
    (run_file,) = (evaluation / "runs").iterdir()
    run = json.loads(run_file.read_text())
    dataset = run["dataset"]
    datapoints = _jsonl(FILES / dataset["id"] / "datapoints" / dataset["version_id"] / "1.jsonl")
    bare = [log for path in sorted(FILES.glob("*/logs/*.jsonl")) for log in _jsonl(path)]
    held = {e["log"]["id"] for e in envelopes}
    held |= {child["id"] for e in envelopes for child in [*nested_logs(e["log"]), *e["evaluator_logs"]]}
    held |= {child["id"] for log in bare for child in nested_logs(log)}
    kept_roots = [log for log in bare if log["id"] not in held]

    export = open_import([ROOT])
    records = list(export.records())

    # The API path maps each record from its JSON (the models are checked to parse, not round-tripped).
    for envelope in envelopes:
        parse_evaluation_log(envelope)
    V5EvaluationRunResponse.from_dict(run)
    for log in kept_roots:
        V5EvaluationLogResponse.from_dict({"run_id": "-", "log": log, "evaluator_logs": []})
    name = json.loads((evaluation / "evaluation.json").read_text())["name"]
    expected = [
        *(r for log in kept_roots for r in humanloop_v5.normalize_log(log)),
        *humanloop_v5.normalize_evaluation_run(run, evaluation_id=evaluation.name, evaluation_name=name),
        *(r for e in envelopes for r in normalize_evaluation_log(e, evaluation_id=evaluation.name)),
    ]
    example_rows = Counter(json.dumps(dp["id"]) for dp in datapoints)
    got_examples = [r for r in records if r.record_type == "dataset_example" and r.dataset_id == dataset["id"]]
    assert Counter(json.dumps(r.example_id) for r in got_examples) == example_rows
    assert {r.dataset_version_id for r in got_examples} == {dataset["version_id"]}
    others = [r for r in records if not (r.record_type == "dataset_example" and r.dataset_id == dataset["id"])]
    assert own_rows(others) == own_rows(expected)
    # What several records carry (a version embedded in every log of it) is kept once; the File and version files
    # come first, so the versions are the ones written for them, with their deployments.
    shared = shared_ids(records)
    assert set(shared) >= set(shared_ids(expected)) and set(shared.values()) == {1}
    versions = {r.version_id: r for r in records if r.record_type == "definition_version"}
    assert {r.provenance.parent_id for r in versions.values()} == {None}, "from the version files, not a log"

    assert len(kept_roots) == 1  # one bare flow log that no evaluation holds; every other bare line is a repeat
    assert export.report.duplicates == len(bare) - 1
    folders = [d for d in FILES.iterdir() if d.is_dir()]
    file_objects = len(folders) + len(list(FILES.glob("*/versions/*")))
    assert export.report.unique == len(envelopes) + 1 + len(datapoints) + 1 + 1 + file_objects
    assert export.report.complete
    assert [r.experiment_id for r in records if r.record_type == "experiment"] == [run["id"]]
    assert next(r for r in records if r.record_type == "experiment").status == run["status"], "the run's own record"
    assert not export.rejects
