"""Every Humanloop endpoint end to end through the library API, against the sandbox, sync and async."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from humanloop_client.models import (
    V4EvaluationDatapointSnapshotResponse,
    V4LogResponse,
    V5EvaluationLogResponse,
    V5EvaluationRunResponse,
)
from tracebridge import HumanloopClient, records
from tracebridge.delivery.export import Export
from tracebridge.sandbox import RunningSandbox

from tests import plain

COMMON = (
    records.Span,
    records.Evaluation,
    records.Session,
    records.DatasetExample,
    records.Experiment,
    records.ExperimentItem,
)


def client(sandbox: RunningSandbox, **options: Any) -> HumanloopClient:
    return HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, **options)


async def collect(export: Export[Any]) -> list[Any]:
    return [model async for model in export.amodels()]


def log_id(model: V4LogResponse) -> str:
    return str(model.id)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_project_export_yields_every_log_once_in_server_order(sandbox: RunningSandbox, mode: str) -> None:
    export = client(sandbox, concurrency=4).export_project(sandbox.project_id)
    models = list(export.models()) if mode == "sync" else asyncio.run(collect(export))
    assert all(isinstance(model, V4LogResponse) for model in models)
    assert [log_id(m) for m in models] == plain.project_log_ids(sandbox)
    report = export.report
    assert (report.expected, report.unique, report.duplicates, report.rejected, report.missing) == (200, 200, 0, 0, 0)
    assert report.pages == 2 and report.complete


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_project_export_records_are_common_records(sandbox: RunningSandbox, mode: str) -> None:
    export = client(sandbox).export_project(sandbox.project_id)
    if mode == "sync":
        common = list(export.records())
    else:

        async def gather() -> list[Any]:
            return [record async for record in export.arecords()]

        common = asyncio.run(gather())
    assert common and all(isinstance(record, COMMON) for record in common)
    spans = [record for record in common if isinstance(record, records.Span)]
    source_ids = {span.provenance.source_id for span in spans}
    assert set(plain.project_log_ids(sandbox)) <= source_ids
    assert len({span.span_id for span in spans}) == len(spans), "span ids are unique"


def test_raw_yields_the_vendor_json_as_served(sandbox: RunningSandbox) -> None:
    raw = list(client(sandbox).export_project(sandbox.project_id).raw())
    served = plain.humanloop_pages(sandbox, "POST", f"/v4/projects/{sandbox.project_id}/export", first_page=0)
    assert raw == served


def test_datapoints_of_every_evaluatee(sandbox: RunningSandbox) -> None:
    export = client(sandbox).evaluation_datapoints(sandbox.evaluation_id, evaluatee_ids=sandbox.evaluatee_ids)
    models = list(export.models())
    assert all(isinstance(model, V4EvaluationDatapointSnapshotResponse) for model in models)
    expected = [key for evaluatee in sandbox.evaluatee_ids for key in plain.datapoint_ids(sandbox, evaluatee)]
    got = [f"{e}/{m.datapoint.id}" for e, m in zip(_evaluatee_of_each(sandbox), models, strict=True)]
    assert got == expected
    assert export.report.expected == len(expected) == export.report.unique
    assert len(sandbox.evaluatee_ids) == 3 and export.report.complete


def _evaluatee_of_each(sandbox: RunningSandbox) -> list[str]:
    return [e for e in sandbox.evaluatee_ids for _ in plain.datapoint_ids(sandbox, e)]


def test_datapoints_async_records_carry_their_evaluatee(sandbox: RunningSandbox) -> None:
    export = client(sandbox).evaluation_datapoints(sandbox.evaluation_id, evaluatee_ids=sandbox.evaluatee_ids)

    async def gather() -> list[Any]:
        return [record async for record in export.arecords()]

    common = asyncio.run(gather())
    assert all(isinstance(record, COMMON) for record in common)
    items = [record for record in common if isinstance(record, records.ExperimentItem)]
    assert len(items) == export.report.unique == 600


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_evaluation_logs_of_all_runs(sandbox: RunningSandbox, mode: str) -> None:
    export = client(sandbox).evaluation_logs(sandbox.evaluation_id)
    models = list(export.models()) if mode == "sync" else asyncio.run(collect(export))
    assert all(isinstance(model, V5EvaluationLogResponse) for model in models)
    assert [f"{m.run_id}/{m.log.id}" for m in models] == plain.evaluation_log_ids(sandbox)
    assert export.report.unique == export.report.expected == 200


def test_evaluation_logs_of_some_runs(sandbox: RunningSandbox) -> None:
    runs = list(sandbox.run_ids[:2])
    export = client(sandbox).evaluation_logs(sandbox.evaluation_id, run_ids=runs)
    models = list(export.models())
    assert {str(m.run_id) for m in models} == set(runs)
    assert [f"{m.run_id}/{m.log.id}" for m in models] == plain.evaluation_log_ids(sandbox, runs)
    assert 0 < export.report.unique < 200 and export.report.complete


def test_added_logs_show_up_in_the_run(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory()
    hl = client(sandbox)
    run = sandbox.run_ids[1]
    before = {str(m.log.id) for m in hl.evaluation_logs(sandbox.evaluation_id, run_ids=[run]).models()}
    new_ids = list(sandbox.loose_log_ids)
    result = hl.add_logs_to_run(sandbox.evaluation_id, run, new_ids)
    assert isinstance(result, V5EvaluationRunResponse) and str(result.id) == run
    after_export = hl.evaluation_logs(sandbox.evaluation_id, run_ids=[run])
    after = {str(m.log.id) for m in after_export.models()}
    assert after == before | set(new_ids)
    assert after_export.report.unique == len(before) + 3


def test_add_logs_async(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory()
    result = asyncio.run(
        client(sandbox).aadd_logs_to_run(sandbox.evaluation_id, sandbox.run_ids[0], [sandbox.loose_log_ids[0]])
    )
    assert str(result.id) == sandbox.run_ids[0]
    logs = client(sandbox).evaluation_logs(sandbox.evaluation_id, run_ids=[sandbox.run_ids[0]]).models()
    assert sandbox.loose_log_ids[0] in {str(m.log.id) for m in logs}


def test_an_export_runs_once(sandbox: RunningSandbox) -> None:
    export = client(sandbox).export_project(sandbox.project_id)
    list(export.models())
    with pytest.raises(RuntimeError, match="iterated once"):
        list(export.models())
