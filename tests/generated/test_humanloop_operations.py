"""Each Humanloop operation builds the documented request and parses its documentation page's example.

The generated client talks to a real loopback server, so what is asserted is what goes over the wire.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from humanloop_client import AuthenticatedClient
from humanloop_client.api.v4 import export_project_logs, list_evaluation_datapoints
from humanloop_client.api.v5 import add_logs_to_run, get_evaluation_logs
from humanloop_client.models import (
    HTTPValidationError,
    V4ModelConfigResponse,
    V4PaginatedEvaluationDatapoints,
    V4PaginatedLogs,
    V5AddLogsToRunRequest,
    V5DatasetResponse,
    V5EvaluationLogResponse,
    V5EvaluationRunResponse,
    V5EvaluatorLogResponse,
    V5LlmEvaluatorSpec,
    V5PaginatedEvaluationLogs,
    V5PromptLogResponse,
    V5PromptResponse,
    V5UnknownLogResponse,
)

from tests.generated.conftest import RecordingServer, doc_example

API_KEY = "hl_sk_test_0123456789"


def client_for(server: RecordingServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token=API_KEY, prefix="", auth_header_name="X-API-KEY")


def test_v4_project_export_sends_documented_request_and_parses_example(recording_server: RecordingServer) -> None:
    recording_server.answer(doc_example("humanloop-v4-projects-export.response.json"))

    response = export_project_logs.sync_detailed("pr_123", client=client_for(recording_server))

    seen = recording_server.last
    assert (seen.method, seen.path) == ("POST", "/v4/projects/pr_123/export")
    assert seen.query == {"page": ["0"], "size": ["10"]}, "page is 0-based and defaults to 0; size defaults to 10"
    assert seen.headers["x-api-key"] == API_KEY
    assert seen.body == b"", "the export takes no request body"
    page = response.parsed
    assert isinstance(page, V4PaginatedLogs)
    assert (page.page, page.size, page.total) == (1, 1, 1)
    log = page.records[0]
    assert isinstance(log.config, V4ModelConfigResponse)
    assert log.config.model == "model"
    assert log.tool_choice == "none"
    assert log.prompt_tokens == 1 and log.output_cost == 1.1
    assert log.tools is not None and log.tools[0].signature == "signature"
    assert log.batch_ids == ["batch_ids"]


def test_v4_project_export_passes_explicit_paging(recording_server: RecordingServer) -> None:
    recording_server.answer({"records": [], "page": 3, "size": 100, "total": 0})

    export_project_logs.sync("pr_123", client=client_for(recording_server), page=3, size=100)

    assert recording_server.last.query == {"page": ["3"], "size": ["100"]}


def test_v4_evaluation_datapoints_sends_documented_request_and_parses_example(
    recording_server: RecordingServer,
) -> None:
    recording_server.answer(doc_example("humanloop-v4-evaluations-datapoints.response.json"))

    page = list_evaluation_datapoints.sync("ev_1", client=client_for(recording_server), evaluatee_id="evv_9")

    seen = recording_server.last
    assert (seen.method, seen.path) == ("GET", "/v4/evaluations/ev_1/datapoints")
    assert seen.query == {"page": ["1"], "size": ["10"], "evaluatee_id": ["evv_9"]}, "page is 1-based here"
    assert seen.headers["x-api-key"] == API_KEY
    assert isinstance(page, V4PaginatedEvaluationDatapoints)
    record = page.records[0]
    assert record.datapoint.id == "id"
    assert record.log is not None and isinstance(record.log.config, V4ModelConfigResponse)
    assert record.evaluation_results is not None and record.evaluation_results[0].evaluator_id == "evaluator_id"


def test_v5_evaluation_logs_sends_repeated_run_ids_and_parses_the_log_union(recording_server: RecordingServer) -> None:
    recording_server.answer(doc_example("humanloop-v5-evaluations-logs.response.json"))

    page = get_evaluation_logs.sync("ev_1", client=client_for(recording_server), run_id=["run_a", "run_b"])

    seen = recording_server.last
    assert (seen.method, seen.path) == ("GET", "/v5/evaluations/ev_1/logs")
    assert seen.query == {"page": ["1"], "size": ["10"], "run_id": ["run_a", "run_b"]}
    assert isinstance(page, V5PaginatedEvaluationLogs)
    record = page.records[0]
    assert isinstance(record, V5EvaluationLogResponse)
    assert record.run_id == "run_id"
    assert isinstance(record.log, V5PromptLogResponse), "the kind is whichever key is present: here `prompt`"
    assert record.log.prompt.model == "model"
    nested = record.log.evaluator_logs
    assert nested is not None and isinstance(nested[0], V5EvaluatorLogResponse)
    assert isinstance(nested[0].evaluator.spec, V5LlmEvaluatorSpec)
    assert nested[0].evaluator_logs == [], "evaluator logs nest evaluator logs"


@pytest.mark.parametrize(
    ("kind_key", "version"),
    [
        ("tool", {"id": "tl_1", "path": "t", "name": "t", "function": {"name": "search", "description": "d"}}),
        ("flow", {"id": "fl_1", "path": "f", "name": "f", "attributes": {"team": "a"}}),
        ("agent", {"id": "ag_1", "path": "a", "name": "a", "model": "gpt-4o", "tools": [{"type": "inline"}]}),
        ("evaluator", {"id": "ev_1", "path": "e", "name": "e", "spec": {"evaluator_type": "python", "code": "x"}}),
    ],
)
def test_v5_every_log_kind_parses(recording_server: RecordingServer, kind_key: str, version: dict[str, Any]) -> None:
    log = {"id": "log_1", kind_key: version, "evaluator_logs": []}
    recording_server.answer({"records": [{"run_id": "run_1", "log": log, "evaluator_logs": []}], "page": 1})

    page = get_evaluation_logs.sync("ev_1", client=client_for(recording_server))

    assert isinstance(page, V5PaginatedEvaluationLogs)
    parsed = page.records[0].log
    assert type(parsed).__name__ == f"V5{kind_key.capitalize()}LogResponse"
    assert getattr(parsed, kind_key).id == version["id"]


def test_v5_log_of_unknown_kind_is_kept_not_rejected(recording_server: RecordingServer) -> None:
    log = {"id": "log_1", "workflow": {"id": "wf_1"}, "output": "hi"}
    recording_server.answer({"records": [{"run_id": "run_1", "log": log}], "page": 1, "size": 1, "total": 1})

    page = get_evaluation_logs.sync("ev_1", client=client_for(recording_server))

    assert isinstance(page, V5PaginatedEvaluationLogs)
    parsed = page.records[0].log
    assert isinstance(parsed, V5UnknownLogResponse)
    assert parsed.to_dict() == log


def test_v5_add_logs_to_run_sends_the_log_ids_and_parses_the_run(recording_server: RecordingServer) -> None:
    recording_server.answer(doc_example("humanloop-v5-evaluations-add-logs.response.json"))
    body = V5AddLogsToRunRequest.from_dict(doc_example("humanloop-v5-evaluations-add-logs.request.json"))

    run = add_logs_to_run.sync("ev_1", "run_7", client=client_for(recording_server), body=body)

    seen = recording_server.last
    assert (seen.method, seen.path) == ("POST", "/v5/evaluations/ev_1/runs/run_7/logs")
    assert seen.headers["content-type"] == "application/json"
    assert seen.json() == {"log_ids": ["log_ids"]}
    assert isinstance(run, V5EvaluationRunResponse)
    assert isinstance(run.dataset, V5DatasetResponse) and run.dataset.datapoints_count == 1
    assert isinstance(run.version, V5PromptResponse) and run.version.provider == "anthropic"
    assert (run.status, run.orchestrated, run.control) == ("pending", True, True)


def test_path_ids_are_escaped(recording_server: RecordingServer) -> None:
    recording_server.answer({"records": [], "page": 0, "size": 10, "total": 0})

    export_project_logs.sync("pr/../x", client=client_for(recording_server))

    assert recording_server.last.path == "/v4/projects/pr%2F..%2Fx/export"


def test_validation_error_bodies_parse_in_every_vendor_shape(recording_server: RecordingServer) -> None:
    shapes: list[Any] = [
        [{"loc": ["query", "size"], "msg": "must be >= 0", "type": "value_error"}],
        {"type": "provider_error", "message": "rate limited upstream", "code": "429", "origin": "OpenAI"},
        "Evaluation not ready",
    ]
    for detail in shapes:
        recording_server.answer({"detail": detail}, status=422)
        response = get_evaluation_logs.sync_detailed("ev_1", client=client_for(recording_server))
        assert response.status_code == 422
        assert isinstance(response.parsed, HTTPValidationError)
        assert response.parsed.to_dict() == {"detail": detail}


def test_async_variant_sends_the_same_request(recording_server: RecordingServer) -> None:
    recording_server.answer(doc_example("humanloop-v5-evaluations-logs.response.json"))

    page = asyncio.run(get_evaluation_logs.asyncio("ev_1", client=client_for(recording_server), page=2, size=0))

    assert recording_server.last.query == {"page": ["2"], "size": ["0"]}
    assert isinstance(page, V5PaginatedEvaluationLogs)
