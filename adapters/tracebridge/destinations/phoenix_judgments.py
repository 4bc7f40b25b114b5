"""An ``Evaluation`` record as Phoenix holds a judgment: an annotation of a span, trace or session, or an experiment
evaluation of a run. Pure mapping; the modules that send them decide where each goes.

What Phoenix wants (``notes``: verified against Phoenix 20.26): ``name``, ``annotator_kind`` one of LLM, CODE, HUMAN,
``result`` ``{label, score, explanation}`` (each nullable; a score is a number), free ``metadata``, and an
``identifier``: annotations upsert on (name, target, identifier), so the evaluation's own deterministic id as the
identifier makes a second send replace, never add, and keeps two judgments of one name on one span apart.
"""

from __future__ import annotations

import math
from typing import Any, Final, Literal

from tracebridge.records import Evaluation

AnnotationTarget = Literal["span", "trace", "session"]

LABEL: Final = "gen_ai.evaluation.score.label"
SCORE: Final = "gen_ai.evaluation.score.value"
EXPLANATION: Final = "gen_ai.evaluation.explanation"
KIND: Final = "tracebridge.evaluation.annotator_kind"
_IN_RESULT: Final = frozenset({LABEL, SCORE, EXPLANATION, KIND, "gen_ai.evaluation.name"})
ANNOTATOR_KINDS: Final = frozenset({"LLM", "CODE", "HUMAN"})
RESERVED_NAMES: Final = frozenset({"note"})
"""Annotation names Phoenix refuses (its span, trace and session notes)."""
HUMAN_RECORD_TYPES: Final = frozenset({"feedback", "feedback_rating", "annotation"})
"""Source record types that are people's judgments (Humanloop feedback, Galileo ratings and annotations)."""
EVALUATOR_KINDS: Final = {"human": "HUMAN", "llm": "LLM", "python": "CODE", "external": "CODE"}
"""Humanloop evaluator types (``tracebridge.evaluation.evaluator_type``)."""


def annotator_kind(evaluation: Evaluation) -> str:
    """HUMAN for people's feedback and annotations, LLM for model judges, CODE for the rest (see the constants).

    The mappers already say it (``tracebridge.evaluation.annotator_kind``); the fallbacks cover records written by an
    older tracebridge or a mapper that could not tell."""
    attributes = evaluation.attributes
    given = attributes.get(KIND)
    if isinstance(given, str) and given.upper() in ANNOTATOR_KINDS:
        return given.upper()
    if evaluation.provenance.record_type in HUMAN_RECORD_TYPES or attributes.get(
        "tracebridge.evaluation.feedback_type"
    ):
        return "HUMAN"
    evaluator_type = attributes.get("tracebridge.evaluation.evaluator_type")
    if isinstance(evaluator_type, str) and evaluator_type in EVALUATOR_KINDS:
        return EVALUATOR_KINDS[evaluator_type]
    if attributes.get("tracebridge.evaluation.scorer_type") is not None:
        return "LLM"  # a Galileo scorer (Luna, Plus): a model
    return "CODE"


def _score(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def result(evaluation: Evaluation) -> dict[str, Any] | None:
    """``{label, score, explanation}`` from the GenAI evaluation attributes; None when the judgment has none of them
    (a pending or failed one)."""
    attributes = evaluation.attributes
    label, explanation = attributes.get(LABEL), attributes.get(EXPLANATION)
    found = {
        "label": label if label is None or isinstance(label, str) else str(label),
        "score": _score(attributes.get(SCORE)),
        "explanation": explanation if explanation is None or isinstance(explanation, str) else str(explanation),
    }
    return found if any(value is not None for value in found.values()) else None


def metadata(evaluation: Evaluation) -> dict[str, Any]:
    """Everything the result does not hold: where the judgment came from (source ids) and its other attributes,
    so nothing of the record is lost on the way (a score that is not a number stays here too)."""
    provenance = evaluation.provenance
    found: dict[str, Any] = {
        "tracebridge.evaluation.id": evaluation.evaluation_id,
        "tracebridge.source.system": provenance.system,
        "tracebridge.source.api_version": provenance.api_version,
        "tracebridge.source.record_type": provenance.record_type,
        "tracebridge.source.id": provenance.source_id,
        "tracebridge.evaluation.status": evaluation.status,
        "tracebridge.evaluation.experiment_id": evaluation.experiment_id,
        "tracebridge.evaluation.time_unix_nano": evaluation.time_unix_nano,
    }
    score = evaluation.attributes.get(SCORE)
    if score is not None and _score(score) is None:
        found[SCORE] = score
    found.update((key, value) for key, value in evaluation.attributes.items() if key not in _IN_RESULT)
    if evaluation.extra:
        found["tracebridge.extra"] = evaluation.extra
    return {key: value for key, value in found.items() if value is not None}


def annotation_target(evaluation: Evaluation) -> tuple[AnnotationTarget, str] | None:
    """What Phoenix annotates for this judgment, and its id there; None where Phoenix has no annotation for it (a
    judgment of another judgment, of an experiment as a whole)."""
    if evaluation.target_type == "span" and evaluation.span_id:
        return "span", evaluation.span_id
    if evaluation.target_type == "trace" and evaluation.trace_id:
        return "trace", evaluation.trace_id
    if evaluation.target_type == "session" and evaluation.session_id:
        return "session", evaluation.session_id
    return None


def annotation_name(name: str) -> str:
    """``name`` as an annotation's: Phoenix keeps ``note`` for its own notes (an annotation of that name is a 400), so
    a judgment named so is ``note (judgment)``."""
    return f"{name} (judgment)" if name in RESERVED_NAMES else name


def annotation(evaluation: Evaluation, target: AnnotationTarget, target_id: str) -> dict[str, Any]:
    """The body of one span, trace or session annotation."""
    return {
        f"{target}_id": target_id,
        "name": annotation_name(evaluation.name),
        "annotator_kind": annotator_kind(evaluation),
        "result": result(evaluation),
        "metadata": metadata(evaluation),
        "identifier": evaluation.evaluation_id,
    }


def experiment_evaluation(evaluation: Evaluation, run_id: str, start: str, end: str) -> dict[str, Any]:
    """The body of one experiment evaluation of run ``run_id``; Phoenix needs a result or an error, so a judgment
    with neither carries its status as the error."""
    found: dict[str, Any] = {
        "experiment_run_id": run_id,
        "name": evaluation.name,
        "annotator_kind": annotator_kind(evaluation),
        "start_time": start,
        "end_time": end,
        "metadata": metadata(evaluation),
        "trace_id": None,
    }
    judged = result(evaluation)
    error = evaluation.attributes.get("tracebridge.evaluation.error")
    if judged is not None:
        found["result"] = judged
    else:
        found["error"] = str(error or f"no result (status: {evaluation.status or 'unknown'})")
    return found
