"""Humanloop's file formats by name, and how to tell its records apart by their JSON alone.

Light on purpose (no generated models, no mapping): command-line help lists the formats, and detection reads a
file's records with these rules before anything is parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

EXPORT_DIRECTORY: Final = "humanloop-export"
V4_EXPORT: Final = "humanloop-v4-export"
V4_DATAPOINTS: Final = "humanloop-v4-datapoints"
V5_EVALUATION_LOGS: Final = "humanloop-v5-evaluation-logs"
V5_LOGS: Final = "humanloop-v5-logs"
V5_RUNS: Final = "humanloop-v5-runs"
V5_FILES: Final = "humanloop-v5-files"
V5_DATAPOINTS: Final = "humanloop-v5-datapoints"
V5_EVALUATIONS: Final = "humanloop-v5-evaluations"

DESCRIPTIONS: Final[dict[str, str]] = {
    EXPORT_DIRECTORY: "a directory written by the humanloop-export tool (exports/<ts>/files/<file_id>/...)",
    V4_EXPORT: "v4 POST /projects/{id}/export dumps: JSON pages {records, page, size, total} or JSONL logs",
    V4_DATAPOINTS: "v4 GET /evaluations/{id}/datapoints dumps: snapshots {datapoint, log, evaluation_results}",
    V5_EVALUATION_LOGS: "v5 GET /evaluations/{id}/logs dumps (now or pre-Nov-2024 shape), pages or JSONL",
    V5_LOGS: "bare v5 logs (prompt, tool, flow, agent, evaluator) as JSONL, like an export's logs/N.jsonl",
    V5_RUNS: "v5 EvaluationRun objects: one run, a {runs: [...]} listing, or JSONL (like an export's runs/<id>)",
    V5_FILES: "v5 Files and versions (prompt, tool, flow, agent, evaluator, dataset), like file.json or versions/<id>",
    V5_DATAPOINTS: "v5 datapoints {id, inputs, messages, target}: pages or JSONL, like datapoints/<dsv>/N.jsonl",
    V5_EVALUATIONS: "v5 Evaluations (with runs, or the older evaluatees shape), like evaluations/<id>/evaluation.json",
}
"""What each format is, in the order ``--help`` lists them."""

FAMILY: Final = frozenset(
    {V5_LOGS, V5_EVALUATION_LOGS, V5_RUNS, V5_FILES, V5_DATAPOINTS, V5_EVALUATIONS, EXPORT_DIRECTORY}
)
FILE_KINDS: Final = ("prompt", "tool", "flow", "agent", "evaluator", "dataset")
"""Formats whose records may share a file: the export tool writes bare Logs, envelopes, runs and versions together."""

LOG_KINDS: Final = ("prompt", "tool", "flow", "agent", "evaluator")
"""The keys that tell a v5 Log's kind, in the order the spec's union tries them."""

_V4_KEYS: Final = ("config", "project_id", "config_id", "model_config")
_EVALUATION_KEYS: Final = ("runs_count", "evaluatees", "file_id")
_DATAPOINT_KEYS: Final = frozenset({"id", "inputs", "messages", "target"})


def log_kind(log: Mapping[str, Any]) -> str | None:
    """The kind of a v5 Log: the first of prompt/tool/flow/agent/evaluator present as an object (the union has no
    type field)."""
    for kind in LOG_KINDS:
        if isinstance(log.get(kind), dict):
            return kind
    return None


_VERSION_PREFIXES: Final = {
    "prv_": "prompt",
    "pv_": "prompt",
    "tlv_": "tool",
    "tv_": "tool",
    "flv_": "flow",
    "agv_": "agent",
    "evv_": "evaluator",
    "dsv_": "dataset",
}
"""Version id prefixes by File type (the vendor's examples write tool versions both ``tlv_`` and ``tv_``)."""
_KIND_FIELDS: Final = (
    ("spec", "evaluator"),
    ("datapoints_count", "dataset"),
    ("function", "tool"),
    ("source_code", "tool"),
)


def file_kind(file: Mapping[str, Any]) -> str | None:
    """The type of a File object that does not say it (``type`` is optional): by its version id's prefix, else by a
    field only one type has."""
    version_id = file.get("version_id")
    if isinstance(version_id, str):
        prefix = version_id.partition("_")[0] + "_"
        if prefix in _VERSION_PREFIXES:
            return _VERSION_PREFIXES[prefix]
    return next((kind for key, kind in _KIND_FIELDS if key in file), None)


def is_datapoint_snapshot(record: Mapping[str, Any]) -> bool:
    """A v4 evaluation datapoint snapshot (``{datapoint, log, evaluation_results}``; ``log`` is optional)."""
    return (
        isinstance(record.get("datapoint"), dict)
        and "id" not in record
        and not any(key in record for key in ("run_id", "evaluated_version", "evaluator_logs"))
        and (log_kind(record) is None)
    )


def is_evaluation_log(record: Mapping[str, Any]) -> bool:
    """An evaluation-log envelope (``{run_id, log, ...}``, or legacy ``{evaluated_version, log, ...}``), not a Log."""
    return (
        isinstance(record.get("log"), dict)
        and log_kind(record) is None
        and "id" not in record
        and not is_datapoint_snapshot(record)
    )


Trait = tuple[str, str, int]
"""``(format, what was seen, weight)``: one piece of evidence that a record belongs to a format."""


def evidence(record: Mapping[str, Any]) -> list[Trait]:
    """What in ``record`` says which Humanloop shape it is: envelopes, the kind keys of the v5 unions, id prefixes."""
    record_id = record.get("id")
    prefix = record_id.partition("_")[0] + "_" if isinstance(record_id, str) and "_" in record_id else ""
    if is_datapoint_snapshot(record):
        return [(V4_DATAPOINTS, "a {datapoint, log, evaluation_results} snapshot", 5)]
    if is_evaluation_log(record):
        return [(V5_EVALUATION_LOGS, "an evaluation-log envelope {log, run_id or evaluated_version}", 5)]
    kind = log_kind(record)
    if kind is not None:
        traits = [(V5_LOGS, f"a v5 {kind} Log", 4)]
        if prefix == "log_":
            traits.append((V5_LOGS, "a log_ id", 2))
        return traits
    if prefix == "run_" or (isinstance(record.get("dataset"), dict) and isinstance(record.get("version"), dict)):
        return [(V5_RUNS, "an EvaluationRun {id, dataset, version}", 5)]
    if isinstance(record.get("version_id"), str) and (record.get("type") in FILE_KINDS or "path" in record):
        return [(V5_FILES, f"a File version ({record.get('type') or 'untyped'})", 4)]
    if isinstance(record.get("evaluators"), list) and any(key in record for key in _EVALUATION_KEYS):
        return [(V5_EVALUATIONS, "an Evaluation {id, evaluators, ...}", 4)]
    if prefix == "dp_" or (record_id is not None and set(record) <= _DATAPOINT_KEYS and len(record) > 1):
        return [(V5_DATAPOINTS, "a datapoint {id, inputs, messages, target}", 3 if prefix == "dp_" else 2)]
    traits = []
    if prefix == "data_":
        traits.append((V4_EXPORT, "a data_ id", 3))
    v4 = [key for key in _V4_KEYS if key in record and key != "project_id"]
    project = record.get("project_id")
    if isinstance(project, str) and project.startswith("pr_"):
        v4.append("project_id pr_")
    if v4 and record_id is not None:
        traits.append((V4_EXPORT, f"v4 log fields {', '.join(v4)}", 2))
    return traits
