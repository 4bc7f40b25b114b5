"""The sandbox speaks the specs: the generated clients read every endpoint, and a spec-driven fuzzer finds nothing.

Two directions. The generated clients (built from ``specs/``) call each endpoint and must parse every record into
its model, with no field landing in ``additional_properties`` of a model that declares its fields (which would mean
the sandbox serves a field the spec does not know). Then schemathesis generates requests from the same specs and
checks every answer's status code, content type and body against them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import schemathesis
from galileo_client import AuthenticatedClient as GalileoClient
from galileo_client.api.export import export_records
from galileo_client.models import (
    AgentSpanRecord,
    ControlSpanRecord,
    ExportRecordsRequest,
    LlmSpanRecord,
    RetrieverSpanRecord,
    SessionRecord,
    ToolSpanRecord,
    TraceRecord,
    UnknownRecord,
    WorkflowSpanRecord,
)
from humanloop_client import AuthenticatedClient as HumanloopClient
from humanloop_client.api.v4 import export_project_logs, list_evaluation_datapoints
from humanloop_client.api.v5 import add_logs_to_run, get_evaluation_logs
from humanloop_client.models import (
    V4PaginatedEvaluationDatapoints,
    V4PaginatedLogs,
    V5AddLogsToRunRequest,
    V5EvaluationRunResponse,
    V5PaginatedEvaluationLogs,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from tracebridge.sandbox import RunningSandbox

from tests.sandbox import hypothesis_jsonschema_compat
from tests.sandbox.conftest import walk

SPECS = Path(__file__).resolve().parents[2] / "specs"
RECORD_MODELS: dict[str, Any] = {
    "session": SessionRecord,
    "trace": TraceRecord,
    "llm": LlmSpanRecord,
    "tool": ToolSpanRecord,
    "retriever": RetrieverSpanRecord,
    "workflow": WorkflowSpanRecord,
    "agent": AgentSpanRecord,
    "control": ControlSpanRecord,
}


OPEN_MODELS = frozenset({"Metrics", "LlmEvent"})
"""Models the spec declares open (``additionalProperties: true`` beside named fields): scorer metrics keyed by UUID,
event fields that vary by event type."""


def unknown_fields(value: Any, path: str = "$") -> Iterator[str]:
    """Paths of fields the spec does not declare, in models that declare theirs (open maps hold anything)."""
    if attrs.has(type(value)):
        declared = [field.name for field in attrs.fields(type(value)) if field.name != "additional_properties"]
        extra = getattr(value, "additional_properties", {})
        if declared and type(value).__name__ not in OPEN_MODELS:
            yield from (f"{path}.{key}" for key in extra)
        for field in declared:
            yield from unknown_fields(getattr(value, field), f"{path}.{field}")
        for key, item in extra.items():
            yield from unknown_fields(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unknown_fields(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from unknown_fields(item, f"{path}.{key}")


def humanloop(sandbox: RunningSandbox) -> HumanloopClient:
    return HumanloopClient(
        base_url=sandbox.base_url, token=sandbox.humanloop_api_key, prefix="", auth_header_name="X-API-KEY"
    )


def galileo(sandbox: RunningSandbox) -> GalileoClient:
    return GalileoClient(
        base_url=sandbox.base_url,
        token=sandbox.galileo_api_key,
        prefix="",
        auth_header_name=sandbox.galileo_key_header,
    )


def all_pages(fetch: Callable[[int], Any], first: int) -> list[Any]:
    """Records of every page of a listing (pages of 37, so the last one is partial), checking ``total``."""
    records: list[Any] = []
    page = first
    while True:
        parsed = fetch(page)
        assert parsed.page == page and parsed.size == 37
        records.extend(parsed.records)
        if len(parsed.records) < 37:
            assert parsed.total == len(records)
            return records
        page += 1


@pytest.mark.parametrize("small", [False, True], ids=["realistic", "small"])
def test_generated_humanloop_client_reads_every_endpoint(
    sandbox_factory: Callable[..., RunningSandbox], small: bool
) -> None:
    sandbox = sandbox_factory(records=120, small_records=small)
    client = humanloop(sandbox)

    def export(page: int) -> V4PaginatedLogs:
        response = export_project_logs.sync_detailed(sandbox.project_id, client=client, page=page, size=37)
        assert response.status_code == 200 and isinstance(response.parsed, V4PaginatedLogs)
        return response.parsed

    logs = all_pages(export, first=0)
    assert len({log.id for log in logs}) == 120
    assert not [path for path in unknown_fields(logs)]

    for evaluatee_id in sandbox.evaluatee_ids:

        def datapoints(page: int, evaluatee_id: str = evaluatee_id) -> V4PaginatedEvaluationDatapoints:
            response = list_evaluation_datapoints.sync_detailed(
                sandbox.evaluation_id, client=client, page=page, size=37, evaluatee_id=evaluatee_id
            )
            assert response.status_code == 200 and isinstance(response.parsed, V4PaginatedEvaluationDatapoints)
            return response.parsed

        snapshots = all_pages(datapoints, first=1)
        assert len(snapshots) == 120
        assert not [path for path in unknown_fields(snapshots)]

    added = add_logs_to_run.sync_detailed(
        sandbox.evaluation_id,
        sandbox.run_ids[1],
        client=client,
        body=V5AddLogsToRunRequest(log_ids=list(sandbox.loose_log_ids[:2])),
    )
    assert added.status_code == 200 and isinstance(added.parsed, V5EvaluationRunResponse)
    assert added.parsed.id == sandbox.run_ids[1]
    assert not [path for path in unknown_fields(added.parsed)]

    def evaluation_logs(page: int) -> V5PaginatedEvaluationLogs:
        response = get_evaluation_logs.sync_detailed(sandbox.evaluation_id, client=client, page=page, size=37)
        assert response.status_code == 200 and isinstance(response.parsed, V5PaginatedEvaluationLogs)
        return response.parsed

    evaluation = all_pages(evaluation_logs, first=1)
    assert len(evaluation) == 122
    assert not [path for path in unknown_fields(evaluation)]
    assert set(sandbox.loose_log_ids[:2]) <= {record.log.id for record in evaluation if record.log}


@pytest.mark.parametrize("root_type", ["session", "trace", "span"])
def test_generated_galileo_client_reads_every_export_record(sandbox: RunningSandbox, root_type: str) -> None:
    body = ExportRecordsRequest.from_dict(
        {"root_type": root_type, "log_stream_id": sandbox.log_stream_id, "export_format": "jsonl"}
    )
    response = export_records.sync_detailed(uuid.UUID(sandbox.galileo_project_id), client=galileo(sandbox), body=body)
    assert response.status_code == 200
    assert isinstance(response.parsed, str)
    nodes = [node for line in response.parsed.splitlines() for node in walk(json.loads(line))]
    types = {node["type"] for node in nodes}
    expected = {"session", "trace"} if root_type == "session" else {"trace"} if root_type == "trace" else set()
    assert expected | {"llm", "tool", "retriever", "workflow", "agent", "control"} == types
    for node in nodes:
        model = RECORD_MODELS[node["type"]]
        flat = {key: value for key, value in node.items() if key not in ("traces", "spans")}
        record = model.from_dict(flat)
        assert not isinstance(record, UnknownRecord)
        assert not [path for path in unknown_fields(record)], node["type"]


def test_drifted_records_still_parse_in_the_generated_clients(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    """Drift simulates what the specs promise to tolerate (unknown enum values and fields, nulls): no record is lost."""
    sandbox = sandbox_factory(records=90, faults={"drift": 1.0})
    client = humanloop(sandbox)
    export = export_project_logs.sync_detailed(sandbox.project_id, client=client, size=90)
    snapshots = list_evaluation_datapoints.sync_detailed(sandbox.evaluation_id, client=client, size=90)
    logs = get_evaluation_logs.sync_detailed(sandbox.evaluation_id, client=client, size=90)
    for response in (export, snapshots, logs):
        assert response.status_code == 200
        assert len(response.parsed.records) == 90
        assert all("x_sandbox_drift" in record.additional_properties for record in response.parsed.records)
    body = ExportRecordsRequest.from_dict({"root_type": "session", "log_stream_id": sandbox.log_stream_id})
    stream = export_records.sync_detailed(uuid.UUID(sandbox.galileo_project_id), client=galileo(sandbox), body=body)
    assert stream.status_code == 200 and isinstance(stream.parsed, str)
    nodes = [node for line in stream.parsed.splitlines() for node in walk(json.loads(line))]
    parsed = [
        RECORD_MODELS.get(node["type"], UnknownRecord).from_dict(
            {key: value for key, value in node.items() if key not in ("traces", "spans")}
        )
        for node in nodes
    ]
    assert any(isinstance(record, UnknownRecord) for record in parsed)  # a span type this spec does not know
    assert {node["type"] for node in nodes} >= {"session", "trace", "llm"}


# ---------------------------------------------------------------------------------------------------- schemathesis

schemathesis.experimental.OPEN_API_3_1.enable()  # the specs are OpenAPI 3.1; schemathesis 3.x gates it
hypothesis_jsonschema_compat.install()
CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance)
STREAM_CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance)
"""The Galileo 200 body is a JSON Lines or CSV stream, declared as a string with a non-JSON media type: it is not a
JSON document a schema could check, so only that answer skips ``response_schema_conformance`` (the records in it are
checked against their models by ``test_generated_galileo_client_reads_every_export_record``)."""
EXAMPLES = 40


def known_ids(sandbox: RunningSandbox, operation_id: str) -> dict[str, str]:
    """Path parameters that exist in the sandbox, so generated requests reach the 200 answers, not only 404s."""
    if operation_id == "export_project_logs":
        return {"id": sandbox.project_id}
    if operation_id == "add_logs_to_run":
        return {"id": sandbox.evaluation_id, "run_id": sandbox.run_ids[0]}
    if operation_id == "export_records":
        return {"project_id": sandbox.galileo_project_id}
    return {"id": sandbox.evaluation_id}


def fuzz(operation: Any, sandbox: RunningSandbox, auth: dict[str, str]) -> set[int]:
    """Run ``EXAMPLES`` generated requests of one operation (half with ids the sandbox knows); the statuses seen."""
    operation_id = operation.definition.raw["operationId"]
    seen: set[int] = set()

    @given(case=operation.as_strategy(), use_known_ids=st.booleans())
    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case: Any, use_known_ids: bool) -> None:
        if use_known_ids:
            case.path_parameters = {**(case.path_parameters or {}), **known_ids(sandbox, operation_id)}
            if operation_id == "export_records" and isinstance(case.body, dict):
                for name, value in (("log_stream_id", sandbox.log_stream_id), ("experiment_id", sandbox.experiment_id)):
                    if case.body.get(name) is not None:
                        case.body[name] = value
            if operation_id == "add_logs_to_run" and isinstance(case.body, dict):
                case.body["log_ids"] = list(sandbox.loose_log_ids)
        case.headers = {**(case.headers or {}), **auth}
        response = case.call(timeout=30)
        seen.add(response.status_code)
        stream = operation_id == "export_records" and response.status_code == 200
        case.validate_response(response, checks=STREAM_CHECKS if stream else CHECKS)

    check()
    return seen


@pytest.mark.parametrize("spec_name", ["humanloop", "galileo"])
def test_schemathesis_finds_no_failure(sandbox_factory: Callable[..., RunningSandbox], spec_name: str) -> None:
    sandbox = sandbox_factory()  # its own: generated requests add logs to runs
    schema = schemathesis.from_path(str(SPECS / f"{spec_name}.yaml"), base_url=sandbox.base_url)
    auth = (
        {"X-API-KEY": sandbox.humanloop_api_key}
        if spec_name == "humanloop"
        else {sandbox.galileo_key_header: sandbox.galileo_api_key}
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == (4 if spec_name == "humanloop" else 1)
    for operation in operations:
        seen = fuzz(operation, sandbox, auth)
        assert 200 in seen, f"{operation.verbose_name}: no generated request succeeded ({sorted(seen)})"
        assert seen & {404, 422}, f"{operation.verbose_name}: no generated request was refused ({sorted(seen)})"
