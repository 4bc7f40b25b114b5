"""An evaluation as a Langfuse score: the body of ``POST /api/public/scores``.

One evaluation makes one score, never two. Langfuse keeps a score's value in one data type and charts scores by name,
so a judgment split into a number and a label would show as two series of one name; the ledger also counts what a
target took per record. Which type:

- ``BOOLEAN`` (1 or 0) for a boolean judgment: the source says so (``tracebridge.evaluation.value_type``), the value is
  a bool, or it is 0/1 with the label ``true``/``false`` (Galileo's like/dislike, Humanloop's boolean evaluators);
- ``NUMERIC`` for any other number; a label beside it stays in the metadata (``label``);
- ``CATEGORICAL`` for a label alone (a select; a multi-select as its labels joined, the list in the metadata);
- ``TEXT`` for a judgment that is only words (a reviewer's notes): the first 500 characters (Langfuse's limit) as the
  value, the whole text as the comment;
- nothing for a judgment with no result yet (pending, failed, not computed): Langfuse has no score without a value,
  so ``send`` counts it as having no place there.

Where it attaches: Langfuse takes exactly one of a trace (with the observation, for a span), a session or a dataset run.
The id is a UUID derived from the evaluation id, so a second send (or a resumed one) updates the same score; the score's
time is the server's (the public API takes none), so the judgment's own time is in the metadata.
"""

from __future__ import annotations

import math
import re
import uuid
from typing import Any, Final

from tracebridge.records import Evaluation

SCORE_NAMESPACE: Final = uuid.UUID("6f1e2a4c-7b3d-5e8f-9a0b-1c2d3e4f5a6b")
"""Names tracebridge's score ids (``uuid5``): fixed forever, or a second send would make new scores."""

TEXT_MAX: Final = 500
"""Langfuse's longest TEXT score value (``TEXT_SCORE_MAX_LENGTH``)."""

_IN_BODY: Final = frozenset(
    {
        "gen_ai.evaluation.name",
        "gen_ai.evaluation.score.value",
        "gen_ai.evaluation.score.label",
        "gen_ai.evaluation.explanation",
    }
)
_UUID: Final = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_BOOLEAN_LABELS: Final = {"true": 1, "false": 0}


class UnattachableScoreError(ValueError):
    """A judgment Langfuse cannot take (nothing to attach it to, a value JSON cannot carry); rejected with this
    reason."""


def score_key(evaluation: Evaluation) -> str:
    return f"score:{evaluation.evaluation_id}"


def score_id(evaluation: Evaluation) -> str:
    return str(uuid.uuid5(SCORE_NAMESPACE, evaluation.evaluation_id))


def score_name(evaluation: Evaluation) -> str:
    """A name a person reads: a name that is only a UUID (Galileo's feedback templates) becomes its kind and the
    UUID's first 8 digits (``like_dislike b7658ebe``), as the ``scores`` view names its columns."""
    name = " ".join(evaluation.name.split())
    if _UUID.match(name):
        kind = evaluation.attributes.get("tracebridge.evaluation.feedback_type") or evaluation.attributes.get(
            "tracebridge.evaluation.annotation_type"
        )
        return f"{kind or 'feedback'} {name[:8]}"
    return name or evaluation.evaluation_id


def _value(evaluation: Evaluation) -> tuple[str, Any, str | None] | None:
    """(dataType, value, label left over) or None when the judgment has no result."""
    attributes = evaluation.attributes
    value = attributes.get("gen_ai.evaluation.score.value")
    label = attributes.get("gen_ai.evaluation.score.label")
    label = label if isinstance(label, str) else None
    boolean = attributes.get("tracebridge.evaluation.value_type") == "boolean"
    if isinstance(value, bool):
        return "BOOLEAN", int(value), None
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise UnattachableScoreError(f"the score value {value} is not a finite number (JSON has no {value})")
        if (boolean or (label or "").lower() in _BOOLEAN_LABELS) and value in (0, 1):
            return "BOOLEAN", int(value), None
        return "NUMERIC", value, label
    if label is not None and boolean and label.lower() in _BOOLEAN_LABELS:
        return "BOOLEAN", _BOOLEAN_LABELS[label.lower()], None
    if label is not None and (label or attributes.get("tracebridge.evaluation.value_type") == "multi_select"):
        return "CATEGORICAL", label, None  # an empty multi-select is a choice too: none of the options
    explanation = attributes.get("gen_ai.evaluation.explanation")
    if isinstance(explanation, str) and explanation.strip():
        return "TEXT", explanation[:TEXT_MAX], None
    return None


def _target(evaluation: Evaluation, trace_id: str | None) -> dict[str, Any]:
    """Exactly one of trace (+ observation), session: what Langfuse's score schema accepts."""
    trace = evaluation.trace_id or trace_id
    if evaluation.target_type == "session" or trace is None:
        if evaluation.session_id:
            return {"sessionId": evaluation.session_id}
        raise UnattachableScoreError(
            f"the judgment of a {evaluation.target_type} names no trace and no session: a Langfuse score needs one"
        )
    target: dict[str, Any] = {"traceId": trace}
    if evaluation.target_type == "span" and evaluation.span_id:
        target["observationId"] = evaluation.span_id
    return target


def _metadata(evaluation: Evaluation, label: str | None) -> dict[str, Any]:
    provenance = evaluation.provenance
    metadata: dict[str, Any] = {
        key: value for key, value in evaluation.attributes.items() if key not in _IN_BODY and value is not None
    }
    metadata.update(
        {
            "tracebridge.evaluation_id": evaluation.evaluation_id,
            "tracebridge.source.system": provenance.system,
            "tracebridge.source.record_type": provenance.record_type,
            "tracebridge.source.id": provenance.source_id,
            "tracebridge.evaluation.target_type": evaluation.target_type,
            "tracebridge.evaluation.status": evaluation.status,
            "tracebridge.evaluation.experiment_id": evaluation.experiment_id,
            "tracebridge.evaluation.time_unix_nano": evaluation.time_unix_nano,
            "label": label,
        }
    )
    if evaluation.extra:
        metadata["tracebridge.extra"] = evaluation.extra
    return {key: value for key, value in metadata.items() if value is not None}


def score_body(
    evaluation: Evaluation, *, trace_id: str | None = None, environment: str | None = None
) -> dict[str, Any] | None:
    """The score of ``evaluation`` (see the module), or None when it has no result; ``trace_id``: the judged span's,
    for a judgment that does not name it; ``environment``: the judged span's, so score and trace share one."""
    found = _value(evaluation)
    if found is None:
        return None
    data_type, value, label = found
    explanation = evaluation.attributes.get("gen_ai.evaluation.explanation")
    body: dict[str, Any] = {
        "id": score_id(evaluation),
        **_target(evaluation, trace_id),
        "name": score_name(evaluation),
        "value": value,
        "dataType": data_type,
        "comment": explanation if isinstance(explanation, str) and explanation else None,
        "metadata": _metadata(evaluation, label),
        "environment": environment,
    }
    return {key: item for key, item in body.items() if item is not None}
