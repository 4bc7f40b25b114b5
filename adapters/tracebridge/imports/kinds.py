"""What each kind of vendor record in a file is: how to parse it, its identity for dedupe, and its adapter.

These are the API sources' own parsers and adapters (``tracebridge.export`` and ``tracebridge.normalize``), so a
record read from a file becomes exactly the common records it becomes when fetched.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from humanloop_client.models import V4LogResponse, V5EvaluationRunResponse

from tracebridge.galileo import mapping as normalize_galileo
from tracebridge.galileo.client import parse_record as parse_galileo_record
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.humanloop.bare_records import (
    normalize_v5_datapoint,
    normalize_v5_log,
    parse_v5_datapoint,
    parse_v5_log,
)
from tracebridge.humanloop.client import normalize_evaluation_log, parse_evaluation_log


@attrs.frozen
class RecordKind:
    name: str
    parse: Callable[[dict[str, Any]], Any]
    identity: Callable[[Mapping[str, Any]], str | None]
    """The key that makes a repeat a duplicate (namespaced by kind); None when the record has no id."""
    normalize: Callable[[Any], list[Any]]


def _id(prefix: str) -> Callable[[Mapping[str, Any]], str | None]:
    def identity(raw: Mapping[str, Any]) -> str | None:
        value = raw.get("id")
        return f"{prefix}:{value}" if isinstance(value, str) and value else None

    return identity


def evaluation_log_identity(raw: Mapping[str, Any]) -> str | None:
    """One log can be evaluated in several runs: each (run, log) pair is its own record, as in the API source."""
    log = raw.get("log")
    log_id = log.get("id") if isinstance(log, dict) else None
    if not isinstance(log_id, str) or not log_id:
        return None
    return f"evaluation_log:{raw.get('run_id') or '-'}/{log_id}"


def v5_log_identity(log_id: str) -> str:
    return f"v5_log:{log_id}"


V4_LOG = RecordKind("humanloop v4 log", V4LogResponse.from_dict, _id("v4_log"), humanloop_v4.normalize_log)
V5_EVALUATION_LOG = RecordKind(
    "humanloop v5 evaluation log", parse_evaluation_log, evaluation_log_identity, normalize_evaluation_log
)
V5_LOG = RecordKind("humanloop v5 log", parse_v5_log, _id("v5_log"), normalize_v5_log)
GALILEO_RECORD = RecordKind("galileo record", parse_galileo_record, _id("galileo"), normalize_galileo.normalize_record)


def v5_run(evaluation_id: str | None) -> RecordKind:
    return RecordKind(
        "humanloop v5 run",
        V5EvaluationRunResponse.from_dict,
        _id("v5_run"),
        functools.partial(humanloop_v5.normalize_evaluation_run, evaluation_id=evaluation_id),
    )


def v5_datapoint(dataset_id: str | None, dataset_version_id: str | None) -> RecordKind:
    def identity(raw: Mapping[str, Any]) -> str | None:
        value = raw.get("id")
        return f"v5_datapoint:{dataset_version_id or '-'}/{value}" if isinstance(value, str) and value else None

    return RecordKind(
        "humanloop v5 datapoint",
        parse_v5_datapoint,
        identity,
        functools.partial(normalize_v5_datapoint, dataset_id=dataset_id, dataset_version_id=dataset_version_id),
    )


def is_evaluation_log(raw: Mapping[str, Any]) -> bool:
    """An evaluation-log envelope (``{run_id, log, ...}``, or legacy ``{evaluated_version, log, ...}``), not a Log."""
    return isinstance(raw.get("log"), dict) and humanloop_v5.log_kind(raw) is None and "id" not in raw


def v5_log_or_evaluation_log(raw: Mapping[str, Any]) -> RecordKind:
    """An export's ``evaluations/<id>/logs/N.jsonl`` may hold envelopes or bare Logs; each line says which."""
    return V5_EVALUATION_LOG if is_evaluation_log(raw) else V5_LOG


def always(kind: RecordKind) -> Callable[[Mapping[str, Any]], RecordKind]:
    """A file that holds one kind of record only."""

    def kind_of(_raw: Mapping[str, Any]) -> RecordKind:
        return kind

    return kind_of
