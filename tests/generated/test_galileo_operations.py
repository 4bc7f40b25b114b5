"""The Galileo export operation builds the documented request, and its record components parse the stream's lines."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from galileo_client import AuthenticatedClient
from galileo_client.api.export import export_records
from galileo_client.models import (
    AgentSpanRecord,
    ControlSpanRecord,
    FileContentPart,
    HTTPValidationError,
    LlmSpanRecord,
    ExportRecordsRequest,
    MetricFailed,
    MetricPending,
    MetricSuccess,
    MetricUnknownStatus,
    RetrieverSpanRecord,
    SessionRecord,
    StubTraceRecord,
    ToolSpanRecord,
    TraceRecord,
    UnknownContentPart,
    UnknownRecord,
    WorkflowSpanRecord,
)

from tests.generated.conftest import RecordingServer, doc_example

API_KEY = "gal_test_key_0123456789"
PROJECT = uuid.UUID("6c0e3ad6-3c4f-4b0e-9d49-1a5e0b7a3b11")
LOG_STREAM = "0b0c3f4e-4a57-4b2e-8f52-5a6f7e8d9c10"


def client_for(server: RecordingServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token=API_KEY, prefix="", auth_header_name="Galileo-API-Key")


def documented_request() -> dict[str, Any]:
    """The documentation's example body, its ``<string>`` placeholders for uuids replaced by real ones."""
    body = doc_example("galileo-v2-export-records.request.json")
    for key in ("log_stream_id", "experiment_id", "metrics_testing_id"):
        body[key] = str(uuid.uuid5(uuid.NAMESPACE_URL, key))
    return body


def test_export_records_sends_the_documented_request(recording_server: RecordingServer) -> None:
    recording_server.answer_raw(b'{"type": "session", "id": "x"}\n', "application/x-ndjson")
    body = ExportRecordsRequest.from_dict(documented_request())

    response = export_records.sync_detailed(PROJECT, client=client_for(recording_server), body=body)

    seen = recording_server.last
    assert (seen.method, seen.path) == ("POST", f"/v2/projects/{PROJECT}/export_records")
    assert seen.headers["galileo-api-key"] == API_KEY
    assert seen.headers["content-type"] == "application/json"
    sent = seen.json()
    expected = documented_request()
    assert {key: sent[key] for key in expected} == expected, "every documented field goes over the wire as given"
    assert response.status_code == 200
    assert response.parsed == '{"type": "session", "id": "x"}\n', "the 200 body is a stream, read as text"


def test_unset_fields_are_left_to_the_server_defaults_and_set_ones_are_sent(recording_server: RecordingServer) -> None:
    recording_server.answer_raw(b"", "application/x-ndjson")
    minimal = ExportRecordsRequest.from_dict({"root_type": "trace", "log_stream_id": LOG_STREAM})
    export_records.sync_detailed(PROJECT, client=client_for(recording_server), body=minimal)
    assert recording_server.last.json() == {"root_type": "trace", "log_stream_id": LOG_STREAM}

    explicit = ExportRecordsRequest.from_dict(
        {"root_type": "trace", "log_stream_id": LOG_STREAM, "export_format": "csv", "redact": False}
    )
    export_records.sync_detailed(PROJECT, client=client_for(recording_server), body=explicit)
    sent = recording_server.last.json()
    assert (sent["export_format"], sent["redact"]) == ("csv", False)


@pytest.mark.parametrize(
    "filter_",
    [
        {"type": "id", "column_id": "id", "operator": "one_of", "value": [LOG_STREAM]},
        {"type": "date", "column_id": "created_at", "operator": "gte", "value": "2026-01-01T00:00:00+00:00"},
        {"type": "number", "column_id": "metrics/duration_ns", "operator": "between", "value": [1.0, 9.0]},
        {"type": "boolean", "column_id": "has_children", "operator": "eq", "value": False},
        {"type": "collection", "column_id": "tags", "operator": "contains", "value": "prod", "case_sensitive": False},
        {"type": "text", "column_id": "name", "operator": "not_in", "value": ["a", "b"], "case_sensitive": True},
    ],
    ids=lambda f: f["type"],
)
def test_every_filter_kind_round_trips_into_the_body(
    recording_server: RecordingServer, filter_: dict[str, Any]
) -> None:
    recording_server.answer_raw(b"", "application/x-ndjson")
    body = ExportRecordsRequest.from_dict({"root_type": "span", "log_stream_id": LOG_STREAM, "filters": [filter_]})

    export_records.sync_detailed(PROJECT, client=client_for(recording_server), body=body)

    assert recording_server.last.json()["filters"] == [filter_]


def test_a_filter_with_an_unknown_operator_is_refused_before_sending() -> None:
    with pytest.raises(ValueError, match="approximately"):
        ExportRecordsRequest.from_dict(
            {
                "root_type": "span",
                "filters": [{"type": "text", "column_id": "name", "operator": "approximately", "value": "x"}],
            }
        )


def test_validation_errors_parse_as_list_and_as_string(recording_server: RecordingServer) -> None:
    body = ExportRecordsRequest.from_dict({"root_type": "trace", "log_stream_id": LOG_STREAM})
    for detail in (doc_example("galileo-v2-export-records.422.json")["detail"], "log stream not found"):
        recording_server.answer({"detail": detail}, status=422)
        response = export_records.sync_detailed(PROJECT, client=client_for(recording_server), body=body)
        assert isinstance(response.parsed, HTTPValidationError)
        assert response.parsed.to_dict() == {"detail": detail}


U = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


def span(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "id": str(uuid.uuid4()), "project_id": U, "run_id": U, "session_id": U, **fields}


LLM = span(
    "llm",
    input=[{"role": "user", "content": [{"type": "text", "text": "hi"}, {"type": "file", "file_id": U}]}],
    output={
        "role": "assistant",
        "content": "yo",
        "tool_calls": [{"id": "c1", "function": {"name": "f", "arguments": "{}"}}],
    },
    metrics={"duration_ns": 5, "num_input_tokens": 3, "num_output_tokens": 1, U: 0.5},
    metric_info={
        U: {"status_type": "success", "value": 0.5, "metric_key_alias": "correctness"},
        "toxicity": {"status_type": "pending"},
        "pii": {"status_type": "failed", "message": "Metric failed to compute."},
        "later": {"status_type": "queued_forever"},
    },
    model="gpt-4o",
    temperature=0.2,
)
NESTED_SESSION = span(
    "session",
    traces=[
        span(
            "trace",
            spans=[
                span(
                    "workflow",
                    spans=[
                        LLM,
                        span("retriever", output=[{"content": "doc", "metadata": {"score": 0.9}}]),
                        span("tool", input="q", output="a", tool_call_id="c1"),
                        span(
                            "agent",
                            agent_type="router",
                            spans=[span("control", output={"action": "deny", "matched": True})],
                        ),
                        span("brand_new_kind", whatever=[1, 2]),
                    ],
                )
            ],
        )
    ],
)


def test_a_nested_session_parses_every_record_type_and_round_trips() -> None:
    session = SessionRecord.from_dict(NESTED_SESSION)

    assert session.traces is not None
    trace = session.traces[0]
    assert isinstance(trace, TraceRecord) and trace.spans is not None
    workflow = trace.spans[0]
    assert isinstance(workflow, WorkflowSpanRecord) and workflow.spans is not None
    kinds = [type(child) for child in workflow.spans]
    assert kinds == [LlmSpanRecord, RetrieverSpanRecord, ToolSpanRecord, AgentSpanRecord, UnknownRecord]
    agent = workflow.spans[3]
    assert isinstance(agent, AgentSpanRecord) and agent.spans is not None
    assert isinstance(agent.spans[0], ControlSpanRecord)
    assert json.loads(json.dumps(session.to_dict())) == NESTED_SESSION, "nothing lost, unknown kinds included"


def test_llm_span_parts_metrics_and_metric_statuses() -> None:
    llm = LlmSpanRecord.from_dict(LLM)

    assert isinstance(llm.input_, list)
    parts = llm.input_[0].content
    assert isinstance(parts, list) and isinstance(parts[1], FileContentPart)
    assert llm.metrics is not None and llm.metrics.num_input_tokens == 3
    assert llm.metrics.additional_properties == {U: 0.5}, "scorer metrics keyed by UUID are kept, not dropped"
    assert llm.metric_info is not None
    statuses = {key: type(value) for key, value in llm.metric_info.additional_properties.items()}
    assert statuses == {U: MetricSuccess, "toxicity": MetricPending, "pii": MetricFailed, "later": MetricUnknownStatus}


def test_unknown_content_parts_and_stub_traces_parse() -> None:
    record = LlmSpanRecord.from_dict(span("llm", input=[{"role": "user", "content": [{"type": "audio", "data": "x"}]}]))
    assert isinstance(record.input_, list) and isinstance(record.input_[0].content, list)
    assert isinstance(record.input_[0].content[0], UnknownContentPart)

    stub = StubTraceRecord.from_dict({"type": "stub_trace", "id": U, "spans": [LLM]})
    assert stub.spans is not None and isinstance(stub.spans[0], LlmSpanRecord)
