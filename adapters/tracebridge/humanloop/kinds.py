"""Every kind of Humanloop record, declared once: its name, its generated model, its identity and its adapter.

The API client's listings and the file imports use these same kinds, so a record becomes the same common records
whether it was fetched or read from a file. Identities are namespaced by kind (``v4_log:data_1``), so records of
different kinds in one import never collide; one log evaluated in several runs is one record per (run, log).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from humanloop_client.models import (
    V4EvaluationDatapointSnapshotResponse,
    V4LogResponse,
    V5AgentLogResponse,
    V5DatapointResponse,
    V5EvaluationLogResponse,
    V5EvaluationRunResponse,
    V5EvaluatorLogResponse,
    V5FlowLogResponse,
    V5LegacyEvaluationLogResponse,
    V5PromptLogResponse,
    V5ToolLogResponse,
    V5UnknownLogResponse,
)

from tracebridge.delivery.kinds import RecordKind, id_field
from tracebridge.humanloop import v4, v5
from tracebridge.humanloop.formats import is_evaluation_log, log_kind
from tracebridge.records import Record

EvaluationLog = V5EvaluationLogResponse | V5LegacyEvaluationLogResponse
V5Log = (
    V5PromptLogResponse
    | V5ToolLogResponse
    | V5FlowLogResponse
    | V5AgentLogResponse
    | V5EvaluatorLogResponse
    | V5UnknownLogResponse
)
_LOG_MODELS: Mapping[str | None, type[V5Log]] = {
    "prompt": V5PromptLogResponse,
    "tool": V5ToolLogResponse,
    "flow": V5FlowLogResponse,
    "agent": V5AgentLogResponse,
    "evaluator": V5EvaluatorLogResponse,
}


def parse_evaluation_log(raw: Mapping[str, Any]) -> EvaluationLog:
    """Either record shape: the current one (with ``run_id``) or the pre-November-2024 one (``evaluated_version``)."""
    if "run_id" in raw:
        return V5EvaluationLogResponse.from_dict(raw)
    return V5LegacyEvaluationLogResponse.from_dict(raw)


def parse_v5_log(raw: Mapping[str, Any]) -> V5Log:
    """The model of a bare v5 Log, chosen by its kind (the union has no type field); unknown kinds stay lossless."""
    model = _LOG_MODELS.get(log_kind(raw), V5UnknownLogResponse)
    return model.from_dict(raw)


def evaluation_log_identity(raw: Mapping[str, Any]) -> str | None:
    log = raw.get("log")
    log_id = log.get("id") if isinstance(log, dict) else None
    if not isinstance(log_id, str) or not log_id:
        return None
    return f"evaluation_log:{raw.get('run_id') or '-'}/{log_id}"


def v5_log_identity(log_id: str) -> str:
    """The identity of a bare v5 Log with id ``log_id`` (the export tool writes nested Logs again on their own)."""
    return f"v5_log:{log_id}"


V4_LOG = RecordKind("humanloop v4 log", V4LogResponse.from_dict, id_field("v4_log"), v4.normalize_log)
V5_EVALUATION_LOG = RecordKind(
    "humanloop v5 evaluation log", parse_evaluation_log, evaluation_log_identity, v5.normalize_evaluation_log
)
V5_LOG = RecordKind("humanloop v5 log", parse_v5_log, id_field("v5_log"), v5.normalize_log)


def v4_datapoint_snapshot(evaluation_id: str | None, evaluatee_id: str | None) -> RecordKind:
    """A v4 datapoint snapshot of one evaluatee: the endpoint's parameters name its experiment, the record does not."""

    def identity(raw: Mapping[str, Any]) -> str | None:
        datapoint = raw.get("datapoint")
        datapoint_id = datapoint.get("id") if isinstance(datapoint, dict) else None
        if not isinstance(datapoint_id, str) or not datapoint_id:
            return None
        return f"v4_datapoint:{evaluatee_id or 'default'}/{datapoint_id}"

    def normalize(record: Any) -> list[Record]:
        return v4.normalize_datapoint_snapshot(record, evaluation_id=evaluation_id, evaluatee_id=evaluatee_id)

    return RecordKind(
        "humanloop v4 datapoint snapshot", V4EvaluationDatapointSnapshotResponse.from_dict, identity, normalize
    )


def v5_run(evaluation_id: str | None) -> RecordKind:
    """An EvaluationRun of the evaluation ``evaluation_id`` (a run does not name its evaluation)."""
    return RecordKind(
        "humanloop v5 run",
        V5EvaluationRunResponse.from_dict,
        id_field("v5_run"),
        functools.partial(v5.normalize_evaluation_run, evaluation_id=evaluation_id),
    )


def v5_datapoint(dataset_id: str | None, dataset_version_id: str | None) -> RecordKind:
    """A bare Datapoint of one dataset version (the file's folder names the version, the record does not)."""

    def identity(raw: Mapping[str, Any]) -> str | None:
        value = raw.get("id")
        return f"v5_datapoint:{dataset_version_id or '-'}/{value}" if isinstance(value, str) and value else None

    return RecordKind(
        "humanloop v5 datapoint",
        V5DatapointResponse.from_dict,
        identity,
        functools.partial(v5.normalize_datapoint, dataset_id=dataset_id, dataset_version_id=dataset_version_id),
    )


def v5_log_or_evaluation_log(raw: Mapping[str, Any]) -> RecordKind:
    """An export's ``logs/N.jsonl`` may hold envelopes or bare Logs; each record says which."""
    return V5_EVALUATION_LOG if is_evaluation_log(raw) else V5_LOG
