"""The Galileo export end to end through the library API: log streams and experiments, root types, formats, filters,
sort and redaction, sync and async, checked against the sandbox's own stream read by a plain loop."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from galileo_client.models import SessionRecord, TraceRecord
from tracebridge import GalileoClient, records
from tracebridge.galileo.kinds import RECORD_MODELS
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
SPAN_MODELS = tuple(model for kind, model in RECORD_MODELS.items() if kind not in ("session", "trace", "stub_trace"))


def client(sandbox: RunningSandbox) -> GalileoClient:
    return GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url, key_header=sandbox.galileo_key_header)


def server_body(sandbox: RunningSandbox, **body: Any) -> dict[str, Any]:
    return {"log_stream_id": sandbox.log_stream_id, **body}


@pytest.mark.parametrize("export_format", ["jsonl", "jsonl_flat", "csv"])
@pytest.mark.parametrize("root_type", ["session", "trace", "span"])
def test_every_root_type_and_format_matches_the_server(
    sandbox: RunningSandbox, root_type: str, export_format: str
) -> None:
    export = client(sandbox).export_records(
        sandbox.galileo_project_id,
        log_stream_id=sandbox.log_stream_id,
        root_type=root_type,  # type: ignore[arg-type]
        export_format=export_format,  # type: ignore[arg-type]
    )
    models = list(export.models())
    expected_ids = plain.galileo_ids(sandbox, server_body(sandbox, root_type=root_type, export_format=export_format))
    assert [str(m.id) for m in models] == expected_ids
    assert len(set(expected_ids)) == len(expected_ids)
    report = export.report
    assert (report.fetched, report.unique, report.duplicates, report.rejected) == (len(models), len(models), 0, 0)
    if export_format != "jsonl_flat":
        root_model = {"session": SessionRecord, "trace": TraceRecord, "span": SPAN_MODELS}[root_type]
        assert all(isinstance(m, root_model) for m in models)  # type: ignore[arg-type]
    if root_type == "trace" and export_format != "jsonl_flat":
        assert len(models) == 200


def test_experiment_export_async_yields_common_records(sandbox: RunningSandbox) -> None:
    export = client(sandbox).export_records(sandbox.galileo_project_id, experiment_id=sandbox.experiment_id)

    async def gather() -> list[Any]:
        return [record async for record in export.arecords()]

    common = asyncio.run(gather())
    traces = plain.galileo_ids(sandbox, {"experiment_id": sandbox.experiment_id, "root_type": "trace"})
    assert export.report.unique == len(traces) == 200
    assert all(isinstance(r, COMMON) for r in common)
    root_ids = {r.provenance.source_id for r in common if isinstance(r, records.Span) and r.parent_span_id is None}
    assert set(traces) <= root_ids
    log_stream_traces = set(plain.galileo_ids(sandbox, server_body(sandbox, root_type="trace")))
    assert not log_stream_traces & set(traces), "an experiment is not the log stream"


def test_async_models(sandbox: RunningSandbox) -> None:
    export = client(sandbox).export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)

    async def gather() -> list[str]:
        return [str(model.id) async for model in export.amodels()]

    assert asyncio.run(gather()) == plain.galileo_ids(sandbox, server_body(sandbox, root_type="trace"))


def test_filters_and_sort_are_sent_to_the_server(sandbox: RunningSandbox) -> None:
    filters = [{"type": "text", "column_id": "name", "operator": "eq", "value": "triage"}]
    sort = {"column_id": "created_at", "ascending": True}
    export = client(sandbox).export_records(
        sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, filters=filters, sort=sort
    )
    got = [str(m.id) for m in export.models()]
    expected = plain.galileo_ids(sandbox, server_body(sandbox, root_type="trace", filters=filters, sort=sort))
    assert got == expected
    assert 0 < len(got) < 200, "the filter selects some traces, not all"
    everything = plain.galileo_ids(sandbox, server_body(sandbox, root_type="trace"))
    assert got != everything[: len(got)]


@pytest.mark.parametrize("redact", [True, False])
def test_redact_is_passed_through(sandbox: RunningSandbox, redact: bool) -> None:
    export = client(sandbox).export_records(
        sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, redact=redact
    )
    raw = list(export.raw())
    served = [
        json.loads(line)
        for line in plain.galileo_text(sandbox, server_body(sandbox, root_type="trace", redact=redact)).splitlines()
    ]
    assert raw == served
    other_body = server_body(sandbox, root_type="trace", redact=not redact)
    other = [json.loads(line) for line in plain.galileo_text(sandbox, other_body).splitlines()]
    assert [r["input"] for r in raw] != [r["input"] for r in other], "redaction changes what is served"


def test_exactly_one_run_must_be_named(sandbox: RunningSandbox) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        client(sandbox).export_records(sandbox.galileo_project_id)
    with pytest.raises(ValueError, match="exactly one"):
        client(sandbox).export_records(
            sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, experiment_id=sandbox.experiment_id
        )


def test_an_experiment_export_names_its_experiment_and_links_every_trace(sandbox: RunningSandbox) -> None:
    client = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)
    export = client.export_records(sandbox.galileo_project_id, experiment_id=sandbox.experiment_id)
    records = list(export.records())
    (experiment,) = [r for r in records if r.record_type == "experiment"]
    assert experiment.experiment_id == sandbox.experiment_id
    traces = [r for r in records if r.record_type == "span" and r.provenance.record_type == "trace"]
    items = [r for r in records if r.record_type == "experiment_item"]
    assert traces and sorted((i.trace_id, i.span_id) for i in items) == sorted((t.trace_id, t.span_id) for t in traces)
    assert all(i.experiment_id == sandbox.experiment_id for i in items)
    log_stream = client.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)
    assert not [r for r in log_stream.records() if r.record_type.startswith("experiment")], "a log stream is no run"
