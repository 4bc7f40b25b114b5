"""Every kind of Humanloop record, declared once: its name, its generated model, its identity and its adapter.

The API client's listings and the file imports use these same kinds, so a record becomes the same common records
whether it was fetched or read from a file. Identities are namespaced by kind (``v4_log:data_1``), so records of
different kinds in one import never collide; one log evaluated in several runs is one record per (run, log).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from humanloop_client.models import (
    V4EvaluationDatapointSnapshotResponse,
    V4LogResponse,
    V5AgentLogResponse,
    V5AgentResponse,
    V5DatapointResponse,
    V5DatasetResponse,
    V5EvaluationLogResponse,
    V5EvaluationResponse,
    V5EvaluationRunResponse,
    V5EvaluatorLogResponse,
    V5EvaluatorResponse,
    V5FlowLogResponse,
    V5FlowResponse,
    V5LegacyEvaluationLogResponse,
    V5PromptLogResponse,
    V5PromptResponse,
    V5ToolLogResponse,
    V5ToolResponse,
    V5UnknownFileVersion,
    V5UnknownLogResponse,
)

from tracebridge.delivery.kinds import IntakeProbe, KindOf, RecordKind, id_field
from tracebridge.humanloop import definitions, v4, v5
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


_FILE_MODELS: Mapping[str, type[Any]] = {
    "prompt": V5PromptResponse,
    "tool": V5ToolResponse,
    "flow": V5FlowResponse,
    "agent": V5AgentResponse,
    "evaluator": V5EvaluatorResponse,
    "dataset": V5DatasetResponse,
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


class EvaluationLogProbe(IntakeProbe, total=False):
    """What ``evaluation_log_identity`` reads."""

    run_id: Any


def v5_log_identity(log_id: str) -> str:
    """The identity of a bare v5 Log with id ``log_id`` (the export tool writes nested Logs again on their own)."""
    return f"v5_log:{log_id}"


V4_LOG = RecordKind(
    "humanloop v4 log", V4LogResponse.from_dict, id_field("v4_log"), v4.normalize_log, probe=IntakeProbe
)
V5_LOG = RecordKind(
    "humanloop v5 log",
    parse_v5_log,
    id_field("v5_log"),
    functools.partial(v5.normalize_log, defer_versions=True),
    probe=IntakeProbe,
)


def v5_evaluation_log(evaluation_id: str | None) -> RecordKind:
    """An evaluation log of the evaluation ``evaluation_id`` (the record names its run, not its evaluation)."""
    return RecordKind(
        "humanloop v5 evaluation log",
        parse_evaluation_log,
        evaluation_log_identity,
        functools.partial(v5.normalize_evaluation_log, evaluation_id=evaluation_id, defer_versions=True),
        probe=EvaluationLogProbe,
    )


V5_EVALUATION_LOG = v5_evaluation_log(None)
"""An evaluation log found where nothing names its evaluation (a JSONL dump of the endpoint's records)."""


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
        "humanloop v4 datapoint snapshot",
        V4EvaluationDatapointSnapshotResponse.from_dict,
        identity,
        normalize,
    )


def v5_run(
    evaluation_id: str | None,
    evaluation_name: str | None = None,
    stats_by_run: Mapping[str, Mapping[str, Any]] | None = None,
) -> RecordKind:
    """An EvaluationRun of the evaluation ``evaluation_id`` (a run does not name its evaluation); an export's
    ``evaluation.json`` and ``stats.json`` add the evaluation's name and each run's statistics."""

    def normalize(record: Any) -> list[Record]:
        run_id = record.get("id") if isinstance(record, Mapping) else None
        stats = (stats_by_run or {}).get(run_id) if isinstance(run_id, str) else None
        return v5.normalize_evaluation_run(
            record, evaluation_id=evaluation_id, evaluation_name=evaluation_name, stats=stats
        )

    return RecordKind("humanloop v5 run", V5EvaluationRunResponse.from_dict, id_field("v5_run"), normalize)


def v5_file(namespace: str, deployments: Sequence[Mapping[str, Any]] = (), kind: str | None = None) -> RecordKind:
    """A File object on its own (an export's ``file.json`` or ``versions/<id>``): its definition and version.

    ``deployments`` are the export's ``deployments.json`` entries of the File; ``kind`` the File's type when the
    object lacks ``type``. ``namespace`` keeps ``file.json`` apart from the version file that repeats it, so neither
    counts as the other's duplicate (the export keeps their common records once anyway).
    """

    def identity(raw: Mapping[str, Any]) -> str | None:
        value = raw.get("version_id")
        return f"{namespace}:{value}" if isinstance(value, str) and value else None

    def normalize(record: Any) -> list[Record]:
        return definitions.file_records(record, kind=kind, deployments=deployments)

    return RecordKind("humanloop v5 file version", _parse_file, identity, normalize)


def v5_evaluation(stats: Mapping[str, Any] | None = None) -> RecordKind:
    """An Evaluation on its own (an export's ``evaluation.json``), with its ``stats.json`` when there is one."""
    return RecordKind(
        "humanloop v5 evaluation",
        V5EvaluationResponse.from_dict,
        id_field("v5_evaluation"),
        functools.partial(definitions.evaluation_records, stats=stats),
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


def v5_log_or_evaluation_log(evaluation_id: str | None = None) -> KindOf:
    """An export's ``logs/N.jsonl`` may hold envelopes or bare Logs; each record says which. Under
    ``evaluations/<id>/`` the folder names the envelopes' evaluation."""
    envelope = v5_evaluation_log(evaluation_id)

    def kind_of(raw: Mapping[str, Any]) -> RecordKind:
        return envelope if is_evaluation_log(raw) else V5_LOG

    return kind_of


def _parse_file(raw: Mapping[str, Any]) -> Any:
    """The File's model, by its ``type`` (or its version id's prefix): every File type shares one shape of id."""
    kind = raw.get("type")
    model = _FILE_MODELS.get(kind if isinstance(kind, str) else "", V5UnknownFileVersion)
    return model.from_dict(raw)
