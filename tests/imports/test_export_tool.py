"""The humanloop-export directory read whole, as most users hold it (the tool's default writes no logs): prompts,
versions, deployments, evaluations, runs, stats and datapoints all reach the output, and what the directory says of
its own completeness (`.done` per File, errors in `export.log`, counts in `stats.json`) decides the verdict."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from tracebridge.imports import open_import
from tracebridge.sandbox import RunningSandbox

from tests.cli.conftest import tracebridge
from tests.imports.export_layout import Layout, lay_out
from tests.imports.vendor_data import humanloop_pages, run_body
from tests.mapping.fidelity import leaves, missing_leaves


@pytest.fixture
def default_export(tmp_path: Path, sandbox: RunningSandbox) -> Layout:
    """What the tool writes with EXPORT_LOGS unset: no logs anywhere, everything else."""
    envelopes = [envelope for page in humanloop_pages(sandbox, "v5") for envelope in page["records"]]
    runs = [run_body(sandbox, run_id) for run_id in sandbox.run_ids]
    return lay_out(
        tmp_path / "export",
        roots=[],
        envelopes=envelopes,
        runs=runs,
        evaluation_id=sandbox.evaluation_id,
        export_logs=False,
        seed=2,
    )


def _documents(root: Path) -> list[Any]:
    """Every JSON document and JSONL record the export holds (not `.done` and `export.log`, which are text)."""
    out: list[Any] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name not in (".done", "export.log")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines() if path.suffix == ".jsonl" else [text]
        out.extend(json.loads(line) for line in lines)
    return out


def test_a_default_export_reaches_the_output_whole(default_export: Layout) -> None:
    assert not list(default_export.root.rglob("logs")), "the tool's default writes no logs"
    export = open_import([default_export.root])
    records = list(export.records())
    documents = _documents(default_export.root)
    strings = [leaf for document in documents for _, leaf in leaves(document) if isinstance(leaf, str) and leaf]
    assert len(strings) > 1000
    assert missing_leaves(documents, records) == [], "every string of every file, in some record"
    kinds = {r.record_type for r in records}
    assert {"definition", "definition_version", "experiment", "dataset_example"} <= kinds
    evaluation = next(r for r in records if r.record_type == "definition" and r.type == "evaluation")
    assert evaluation.name == "Support answers" and evaluation.attributes["tracebridge.evaluation.evaluators"]
    assert all(
        r.attributes["tracebridge.evaluation.name"] == "Support answers"
        for r in records
        if r.record_type == "experiment"
    )
    deployed = [r for r in records if r.record_type == "definition_version" and r.deployments]
    assert deployed, "the versions' environments, and deployments.json"
    assert export.report.complete and not export.rejects


def test_a_folder_the_tool_did_not_finish_makes_the_import_incomplete(default_export: Layout, tmp_path: Path) -> None:
    crashed = next(d for d in default_export.file_dirs if (d / "datapoints").is_dir())
    (crashed / ".done").unlink()
    (crashed / "deployments.json").unlink()
    with (default_export.export_dir / "export.log").open("a", encoding="utf-8") as log:
        log.write(
            "2025-09-05 09:30:05.001 | ERROR    | concurrent.futures.thread:run:58 - An error has been caught in "
            "function 'run', process 'MainProcess' (1), thread 'ThreadPoolExecutor-0_6' (2):\n"
            "Traceback (most recent call last):\nKeyError: 'environments'\n"
            f"2025-09-05 09:30:05.010 | ERROR    | __main__:main:138 - File {crashed.name} generated an exception: "
            "'environments'\n"
        )
    result = tracebridge("import", str(default_export.root), "--out", str(tmp_path / "out"))
    assert result.returncode == 3, result.stderr
    assert f"{crashed}: no .done" in result.stderr
    assert f"File {crashed.name} generated an exception" in result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["completeness"]["complete"] is False and len(manifest["completeness"]["problems"]) == 3
    assert json.loads((tmp_path / "out" / "definitions.jsonl").read_text().splitlines()[0]), "what arrived is kept"


def test_logs_fewer_than_stats_json_counts_are_missing(sandbox: RunningSandbox, tmp_path: Path) -> None:
    envelopes = humanloop_pages(sandbox, "v5", size=20)[0]["records"]
    runs = [run_body(sandbox, run_id) for run_id in sandbox.run_ids]
    layout = lay_out(tmp_path / "export", roots=[], envelopes=envelopes, runs=runs, evaluation_id=sandbox.evaluation_id)
    (logs,) = layout.export_dir.glob("files/*/evaluations/*/logs/1.jsonl")
    kept = logs.read_text().splitlines()[:-2]  # a page that failed five times: the tool skipped it silently
    logs.write_text("\n".join(kept) + "\n")
    export = open_import([layout.root], allow_partial=True)
    list(export.records())
    assert export.report.missing == 2
    assert any(problem.startswith("logs of evaluation") and problem.endswith(f"{len(kept)} of {len(envelopes)}")
               for problem in export.report.problems)  # fmt: skip


def test_an_export_not_written_by_the_tool_is_not_judged(default_export: Layout) -> None:
    for done in default_export.root.rglob(".done"):
        done.unlink()
    (default_export.export_dir / "export.log").unlink()
    shutil.rmtree(default_export.export_dir / "files" / default_export.file_dirs[0].name / "versions")
    export = open_import([default_export.root])
    list(export.records())
    assert export.report.complete, "no .done and no export.log anywhere: nothing says what is missing"
