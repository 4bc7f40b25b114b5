"""Records that drift from the spec, the way real vendor data drifts: new enum values, new fields, nulls.

Vendors add enum members (``ChatRole`` gained ``developer``, providers gained ``deepseek``) and fields without notice,
and send ``null`` where a value used to be; a strict client loses whole pages to that. A drifted record keeps its
required fields and union markers (``id``, ``type`` of Humanloop records), so a tolerant client can still read it, and
changes everything else a spec may not promise: which exact change a record gets is a pure function of its key.
"""

from __future__ import annotations

from typing import Any

from tracebridge.sandbox.determinism import mix64

UNKNOWN_VALUES: dict[str, Any] = {
    "observability_status": "archived",
    "log_status": "partial",
    "role": "critic",
    "provider": "mistral",
    "tag": "canary",
    "status": "paused",
    "endpoint": "responses",
    "template_language": "mustache",
    "finish_reason": "guardrail_intervened",
    "return_type": "likert_7",
    "evaluator_type": "ensemble",
    "feedback_type": "emoji_reaction",
    "status_type": "queued",
    "agent_type": "swarm",
    "scorer_type": "Luna-2",
    "check_stage": "during",
    "tool_type": "mcp",
    "source": "otel-collector",
}
"""Fields whose values are open enums, and a value no spec version knows."""

NULLABLE = frozenset(
    {
        "metadata",
        "inputs",
        "feedback",
        "tools",
        "user",
        "environment",
        "batch_ids",
        "batches",
        "tags",
        "user_metadata",
        "dataset_metadata",
        "output",
        "metrics",
        "metric_info",
        "feedback_rating_info",
        "annotations",
        "evaluator_logs",
        "trace_children",
        "provider_request",
        "provider_response",
        "name",
        "description",
        "readme",
        "explanation",
    }
)
"""Optional fields a drifted record may send as ``null``."""

GALILEO_UNKNOWN_TYPE = "guardrail"
"""A record type Galileo may add; only leaf spans get it, so no children are orphaned."""


def _chance(key: int, salt: int, percent: int) -> bool:
    return mix64(key ^ (salt * 0x9E3779B97F4A7C15)) % 100 < percent


def _walk(value: Any, key: int, counter: list[int], *, nested_types: bool) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, key, counter, nested_types=nested_types)
        return
    if not isinstance(value, dict):
        return
    for name in list(value):
        counter[0] += 1
        salt = counter[0]
        field = value[name]
        if name in UNKNOWN_VALUES and isinstance(field, str) and _chance(key, salt, 60):
            value[name] = UNKNOWN_VALUES[name]
        elif name in NULLABLE and field is not None and _chance(key, salt, 25):
            value[name] = None
        else:
            _walk(field, key, counter, nested_types=nested_types)
    if (
        nested_types
        and value.get("type") in {"tool", "retriever", "control", "llm"}
        and not value.get("spans")
        and _chance(key, counter[0], 10)
    ):
        value["type"] = GALILEO_UNKNOWN_TYPE
    if _chance(key, counter[0] + 1, 20):
        value[f"x_drift_{mix64(key ^ counter[0]) % 1000:03d}"] = {"since": "2026-05", "values": [1, "two", None]}


def drift_record(record: dict[str, Any], key: int, *, galileo: bool = False) -> dict[str, Any]:
    """Drift ``record`` in place (and return it): unknown enum values, unknown fields, nulls; for Galileo also an
    unknown span type. The top level always gains an unknown field, so every drifted record is detectably drifted."""
    _walk(record, key, [0], nested_types=galileo)
    record["x_sandbox_drift"] = {"reason": "a field this spec version does not know", "key": key % 100_000}
    return record
