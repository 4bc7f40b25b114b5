"""Adapter entry points for the v5 objects a ``humanloop-export`` directory holds on their own, line by line.

The API only serves v5 Logs inside evaluation-log envelopes and Datapoints inside them or inside a Run; the export
tool also writes bare Logs (``logs/N.jsonl``) and bare Datapoints (``datapoints/<dsv_id>/N.jsonl``). These wrap the
existing v5 parsing and mapping so a bare object becomes exactly the records it becomes inside an envelope.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from humanloop_client.models import (
    V5AgentLogResponse,
    V5DatapointResponse,
    V5EvaluatorLogResponse,
    V5FlowLogResponse,
    V5PromptLogResponse,
    V5ToolLogResponse,
    V5UnknownLogResponse,
)

from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.lossless import as_mapping
from tracebridge.records import Record

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


def parse_v5_log(raw: Mapping[str, Any]) -> V5Log:
    """The model of a bare v5 Log, chosen by its kind (the union has no type field); unknown kinds stay lossless."""
    model = _LOG_MODELS.get(humanloop_v5.log_kind(raw), V5UnknownLogResponse)
    return model.from_dict(raw)


def normalize_v5_log(record: Any) -> list[Record]:
    return humanloop_v5.normalize_log(record)


def parse_v5_datapoint(raw: Mapping[str, Any]) -> V5DatapointResponse:
    return V5DatapointResponse.from_dict(raw)


def normalize_v5_datapoint(
    record: Any, *, dataset_id: str | None = None, dataset_version_id: str | None = None
) -> list[Record]:
    """A bare Datapoint of a dataset version as a dataset example, mapped as a Run's embedded datapoints are."""
    dataset = {"id": dataset_id, "version_id": dataset_version_id}
    # The v5 adapter's own datapoint mapping: the same one evaluation logs and runs use (no second mapping here).
    return [humanloop_v5._datapoint_record(as_mapping(record), humanloop_v5._Context(), "datapoint", dataset)]
