"""Judgment values onto ``gen_ai.evaluation.score.value`` / ``score.label`` / ``explanation``.

Every vendor judgment (a Humanloop evaluator's return value, a v4 evaluation result or feedback value, a Galileo
scorer value, feedback rating or annotation) is one of: a boolean, a number, a label, a list of labels, free text, or
something structured. The rules are the issue's: boolean -> 1.0/0.0 and "true"/"false"; number -> value; select ->
label; multi_select -> labels (and the comma-joined label OTel can carry); text -> explanation. Anything structured
is kept whole under ``tracebridge.evaluation.value`` so it is never lost.
"""

from __future__ import annotations

from typing import Any

SCORE = "gen_ai.evaluation.score.value"
LABEL = "gen_ai.evaluation.score.label"
EXPLANATION = "gen_ai.evaluation.explanation"
LABELS = "tracebridge.evaluation.labels"
VALUE = "tracebridge.evaluation.value"
VALUE_TYPE = "tracebridge.evaluation.value_type"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def judgment_attributes(value: Any, return_type: str | None = None) -> dict[str, Any]:
    """The evaluation attributes for one judgment; ``return_type`` (Humanloop's) wins over the value's own type.

    An unknown ``return_type`` falls back to the value's type, so a new evaluator kind still maps sensibly.
    """
    out: dict[str, Any] = {}
    if return_type is not None:
        out[VALUE_TYPE] = return_type
    if value is None:
        return out
    if return_type == "text" and isinstance(value, str):
        out[EXPLANATION] = value
    elif return_type == "multi_select" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        out[LABELS] = value
        out[LABEL] = ", ".join(value)
    elif return_type == "select" and isinstance(value, str):
        out[LABEL] = value
    elif isinstance(value, bool):
        out[SCORE] = 1.0 if value else 0.0
        out[LABEL] = "true" if value else "false"
    elif _is_number(value):
        out[SCORE] = value
    elif isinstance(value, str):
        out[LABEL] = value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        out[LABELS] = value
        out[LABEL] = ", ".join(value)
    else:
        out[VALUE] = value
    return out


def annotator_kind(evaluator_type: str | None) -> str | None:
    """Humanloop ``evaluator_type`` as the annotator kind other tools use (LLM, CODE, HUMAN); unknown kept as given."""
    if evaluator_type is None:
        return None
    return {"llm": "LLM", "python": "CODE", "human": "HUMAN", "external": "CODE"}.get(evaluator_type, evaluator_type)
