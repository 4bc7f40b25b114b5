"""Galileo's export formats by name, and how to tell its records apart by their JSON alone.

Light on purpose (no generated models, no mapping): command-line help lists the formats, and detection reads a
file's records with these rules before anything is parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def classify(record: Mapping[str, Any]) -> str | None:
    """The Galileo format a record belongs to, by its keys; None when it is not a Galileo record."""
    kind = record.get("type")
    # A type this version does not know still marks a Galileo record when it carries the run it belongs to.
    if isinstance(kind, str) and "project_id" in record and (kind in RECORD_TYPES or "run_id" in record):
        return JSONL if any(key in record for key in CHILD_KEYS) else JSONL_FLAT
    return None
