"""Kill and resume: an export stopped mid-way and resumed from its checkpoint ends with exactly the records of an
uninterrupted run, in the same order: the committed prefix of the killed run plus everything the resumed run yields."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tracebridge import GalileoClient, HumanloopClient
from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.export import Export
from tracebridge.sandbox import RunningSandbox

ROOT = Path(__file__).resolve().parents[2]


def humanloop(sandbox: RunningSandbox) -> HumanloopClient:
    return HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, page_size=20, concurrency=4)


def galileo(sandbox: RunningSandbox) -> GalileoClient:
    return GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)


def committed(export: Export[Any], path: Path) -> Checkpoint:
    return Checkpoint.load_or_new(path, export.job)


def test_paged_export_broken_off_and_resumed_matches_a_clean_run(sandbox: RunningSandbox, tmp_path: Path) -> None:
    clean = [str(m.id) for m in humanloop(sandbox).export_project(sandbox.project_id).models()]
    path = tmp_path / "project.checkpoint"

    first = humanloop(sandbox).export_project(sandbox.project_id, checkpoint=path)
    before: list[str] = []
    for model in first.models():
        before.append(str(model.id))
        if len(before) == 70:  # mid-way through the fourth page of 20
            break
    state = committed(first, path)
    assert state.seen_count == 60, "three whole pages were taken; the fourth was not finished"
    assert state.pages_done == {"project": [0, 1, 2]}

    resumed = humanloop(sandbox).export_project(sandbox.project_id, checkpoint=path)
    after = [str(m.id) for m in resumed.models()]
    assert before[: state.seen_count] + after == clean
    report = resumed.report
    assert report.pages == 7, "the three finished pages were not fetched again"
    assert (report.expected, report.unique, report.missing) == (200, 200, 0)
    # The counts describe the whole export, as if it had never been interrupted.
    assert (report.fetched, report.duplicates, report.rejected) == (200, 0, 0)
    assert not path.exists(), "a finished export removes its checkpoint"


def test_evaluation_datapoints_resume_across_evaluatees(sandbox: RunningSandbox, tmp_path: Path) -> None:
    def export(checkpoint: Path | None = None) -> Export[Any]:
        return humanloop(sandbox).evaluation_datapoints(
            sandbox.evaluation_id, evaluatee_ids=sandbox.evaluatee_ids, checkpoint=checkpoint
        )

    def key(model: Any) -> str:
        return f"{model.evaluated_version_id if hasattr(model, 'evaluated_version_id') else ''}{model.datapoint.id}"

    clean = [key(m) for m in export().models()]
    path = tmp_path / "datapoints.checkpoint"
    first = export(path)
    before = []
    for model in first.models():
        before.append(key(model))
        if len(before) == 290:  # in the second evaluatee's listing
            break
    state = committed(first, path)
    assert state.seen_count == 280
    after = [key(m) for m in export(path).models()]
    assert before[: state.seen_count] + after == clean


CHILD = """
import sys
from tracebridge import HumanloopClient
client = HumanloopClient(sys.argv[1], base_url=sys.argv[2], page_size=20, concurrency=4)
for model in client.export_project(sys.argv[3], checkpoint=sys.argv[4]).models():
    print(model.id, flush=True)
"""


def test_a_killed_process_resumes_where_its_checkpoint_says(sandbox: RunningSandbox, tmp_path: Path) -> None:
    clean = [str(m.id) for m in humanloop(sandbox).export_project(sandbox.project_id).models()]
    path = tmp_path / "killed.checkpoint"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "adapters"), str(ROOT / "generated")])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, sandbox.humanloop_api_key, sandbox.base_url, sandbox.project_id, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    before = [child.stdout.readline().strip() for _ in range(110)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    export = humanloop(sandbox).export_project(sandbox.project_id, checkpoint=path)
    state = committed(export, path)
    assert 0 < state.seen_count <= 110 and state.seen_count % 20 == 0
    after = [str(m.id) for m in export.models()]
    assert before[: state.seen_count] + after == clean


def test_galileo_stream_broken_off_and_resumed_matches_a_clean_run(sandbox: RunningSandbox, tmp_path: Path) -> None:
    def export(checkpoint: Path | None = None) -> Export[Any]:
        return galileo(sandbox).export_records(
            sandbox.galileo_project_id,
            log_stream_id=sandbox.log_stream_id,
            export_format="jsonl_flat",
            checkpoint=checkpoint,
        )

    clean = [str(m.id) for m in export().models()]
    assert len(clean) > 700
    path = tmp_path / "stream.checkpoint"
    first = export(path)
    before = []
    for model in first.models():
        before.append(str(model.id))
        if len(before) == 700:
            break
    state = committed(first, path)
    assert 0 < state.streamed <= 700 and state.snapshot_at, "the stream saved its position and its snapshot"
    resumed = export(path)
    after = [str(m.id) for m in resumed.models()]
    assert before[: state.streamed] + after == clean
    assert len(after) == len(clean) - state.streamed


def test_a_checkpoint_of_another_export_is_refused(sandbox: RunningSandbox, tmp_path: Path) -> None:
    path = tmp_path / "other.checkpoint"
    first = humanloop(sandbox).export_project(sandbox.project_id, checkpoint=path)
    for index, _ in enumerate(first.models()):
        if index == 50:
            break
    assert json.loads(path.read_text())["job"]["endpoint"] == "v4.export_project"
    with pytest.raises(ValueError, match="another export"):
        list(humanloop(sandbox).evaluation_logs(sandbox.evaluation_id, checkpoint=path).models())
