"""Humanloop's file formats by name, and how to tell its records apart by their JSON alone.

Light on purpose (no generated models, no mapping): command-line help lists the formats, and detection reads a
file's records with these rules before anything is parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

EXPORT_DIRECTORY: Final = "humanloop-export"
V4_EXPORT: Final = "humanloop-v4-export"
V5_EVALUATION_LOGS: Final = "humanloop-v5-evaluation-logs"
V5_LOGS: Final = "humanloop-v5-logs"

DESCRIPTIONS: Final[dict[str, str]] = {
    EXPORT_DIRECTORY: "a directory written by the humanloop-export tool (exports/<ts>/files/<file_id>/...)",
    V4_EXPORT: "v4 POST /projects/{id}/export dumps: JSON pages {records, page, size, total} or JSONL logs",
    V5_EVALUATION_LOGS: "v5 GET /evaluations/{id}/logs dumps (now or pre-Nov-2024 shape), pages or JSONL",
    V5_LOGS: "bare v5 logs (prompt, tool, flow, agent, evaluator) as JSONL, like an export's logs/N.jsonl",
}
"""What each format is, in the order ``--help`` lists them."""

FAMILY: Final = frozenset({V5_LOGS, V5_EVALUATION_LOGS, EXPORT_DIRECTORY})
"""Formats whose records may share a file: an export tool's ``logs/N.jsonl`` holds bare Logs or envelopes."""

LOG_KINDS: Final = ("prompt", "tool", "flow", "agent", "evaluator")
"""The keys that tell a v5 Log's kind, in the order the spec's union tries them."""

_V4_KEYS: Final = ("config", "project_id", "config_id", "model_config")


def log_kind(log: Mapping[str, Any]) -> str | None:
    """The kind of a v5 Log: the first of prompt/tool/flow/agent/evaluator present as an object (the union has no
    type field)."""
    for kind in LOG_KINDS:
        if isinstance(log.get(kind), dict):
            return kind
    return None


def is_evaluation_log(record: Mapping[str, Any]) -> bool:
    """An evaluation-log envelope (``{run_id, log, ...}``, or legacy ``{evaluated_version, log, ...}``), not a Log."""
    return isinstance(record.get("log"), dict) and log_kind(record) is None and "id" not in record


def classify(record: Mapping[str, Any]) -> str | None:
    """The Humanloop format a record belongs to, by its keys; None when it looks like none of them."""
    if is_evaluation_log(record):
        return V5_EVALUATION_LOGS
    if log_kind(record) is not None:
        return V5_LOGS
    if "id" in record and any(key in record for key in _V4_KEYS):
        return V4_EXPORT
    return None
