"""What a single record is, by its keys: the rule detection applies to a file's first record, and intake to every
record, so a file that switches format part way has its foreign records rejected instead of mis-mapped (the
generated models require little, so a Galileo record would otherwise parse as a v4 log)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracebridge.galileo.client import RECORD_MODELS
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.imports import kinds
from tracebridge.imports.formats import ImportFormat

GALILEO_TYPES = frozenset(RECORD_MODELS)
GALILEO_CHILD_KEYS = ("traces", "spans")
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"galileo-jsonl", "galileo-jsonl-flat", "galileo-csv"}),
    frozenset({"humanloop-v5-logs", "humanloop-v5-evaluation-logs", "humanloop-export"}),
)
"""Formats whose records may share a file: a Galileo export's records look nested or flat by their own shape, and
an export tool's ``logs/N.jsonl`` holds bare Logs or evaluation-log envelopes."""


def classify(record: Mapping[str, Any]) -> ImportFormat | None:
    kind = record.get("type")
    # A type this version does not know still marks a Galileo record when it carries the run it belongs to.
    if isinstance(kind, str) and "project_id" in record and (kind in GALILEO_TYPES or "run_id" in record):
        return "galileo-jsonl" if any(key in record for key in GALILEO_CHILD_KEYS) else "galileo-jsonl-flat"
    if kinds.is_evaluation_log(record):
        return "humanloop-v5-evaluation-logs"
    if humanloop_v5.log_kind(record) is not None:
        return "humanloop-v5-logs"
    if "id" in record and any(key in record for key in ("config", "project_id", "config_id", "model_config")):
        return "humanloop-v4-export"
    return None


def compatible(found: str, expected: str) -> bool:
    """True when a record (or file) classified as ``found`` belongs in a file of format ``expected``."""
    return found == expected or any(found in family and expected in family for family in FAMILIES)
