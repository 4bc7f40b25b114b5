"""Galileo's export formats by name, and how to tell its records apart by their JSON alone.

Light on purpose (no generated models, no mapping): command-line help lists the formats, and detection reads a
file's records with these rules before anything is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

JSONL: Final = "galileo-jsonl"
JSONL_FLAT: Final = "galileo-jsonl-flat"
CSV: Final = "galileo-csv"

DESCRIPTIONS: Final[dict[str, str]] = {
    JSONL: "Galileo export_records jsonl (one root per line, children nested)",
    JSONL_FLAT: "Galileo export_records jsonl_flat (one node per line)",
    CSV: "Galileo export_records csv (header row; nested values as JSON text)",
}
"""What each format is, in the order ``--help`` lists them."""

FAMILY: Final = frozenset({JSONL, JSONL_FLAT, CSV})
"""Formats whose records may share a file: an export's records look nested or flat by their own shape."""

RECORD_TYPES: Final = frozenset(
    {"session", "trace", "llm", "tool", "retriever", "workflow", "agent", "control", "stub_trace"}
)
CHILD_KEYS: Final = ("traces", "spans")
"""Where a nested export keeps a node's children: sessions hold traces, traces and agent/workflow spans hold spans."""


FIELDS: Final = frozenset(
    {
        "id", "type", "name", "input", "output", "redacted_input", "redacted_output", "created_at", "updated_at",
        "user_metadata", "tags", "status_code", "metrics", "metric_info", "external_id", "dataset_input",
        "dataset_output", "dataset_metadata", "session_id", "trace_id", "parent_id", "project_id", "run_id",
        "has_children", "metrics_batch_id", "session_batch_id", "feedback_rating_info", "annotations", "file_ids",
        "file_modalities", "annotation_aggregates", "annotation_agreement", "overall_annotation_agreement",
        "annotation_queue_ids", "fully_annotated", "progress_message", "error_message", "files",
        "previous_session_id", "num_traces", "step_number", "model", "temperature", "tools", "events",
        "finish_reason", "tool_call_id", "agent_type", "traces", "spans",
    }
)  # fmt: skip
"""Every field of a Galileo export record (``Extended*Record``): a CSV's columns are a choice of these."""

_ONLY_GALILEO: Final = frozenset(
    {
        "user_metadata", "metric_info", "dataset_input", "dataset_output", "dataset_metadata", "redacted_input",
        "redacted_output", "external_id", "has_children", "metrics_batch_id", "session_batch_id",
        "feedback_rating_info", "annotations", "file_ids", "file_modalities", "step_number", "previous_session_id",
        "num_traces", "input",
    }
)  # fmt: skip
"""Fields no Humanloop record has (Humanloop's is ``inputs``; Galileo's ``input``)."""

_UUID: Final = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

Trait = tuple[str, str, int]
"""``(format, what was seen, weight)``: one piece of evidence that a record belongs to a format."""


def evidence(record: Mapping[str, Any]) -> list[Trait]:
    """What in ``record`` says it is a Galileo export record; none of it is required (``type`` has a default,
    exports of the vendor's own SDK tests carry ``{id, input, output}`` only, ids need not be UUIDs)."""
    traits: list[tuple[str, int]] = []
    kind = record.get("type")
    if isinstance(kind, str) and kind in RECORD_TYPES:
        traits.append((f"type {kind!r}", 4))
    ids = [
        key
        for key in ("id", "session_id", "trace_id", "parent_id", "project_id", "run_id")
        if _is_uuid(record.get(key))
    ]
    if ids:
        traits.append((f"UUID {', '.join(ids)}", min(len(ids), 3)))
    if isinstance(record.get("metrics"), dict):
        traits.append(("a metrics map", 2))
    only = sorted(key for key in _ONLY_GALILEO if key in record)
    if only:
        traits.append((f"Galileo fields {', '.join(only[:4])}", min(len(only), 3)))
    if not traits:
        return []
    nested = any(isinstance(record.get(key), list) for key in CHILD_KEYS)
    return [(JSONL if nested else JSONL_FLAT, seen, weight) for seen, weight in traits]


def csv_evidence(header: Sequence[str]) -> list[Trait]:
    """What in a CSV header says it is a Galileo export (any choice of ``column_ids``)."""
    known = [column for column in header if column in FIELDS or column.startswith("metrics/")]
    return [(CSV, f"Galileo columns {', '.join(known[:4])}", len(known))] if known else []


def _is_uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None
