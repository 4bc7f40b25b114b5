"""Judgments of spans, traces and sessions as Phoenix annotations, each once.

Sent with ``sync=false``: Phoenix then queues an annotation whose span it has not stored yet (ingestion runs after the
200 of ``/v1/traces``) and attaches it when the span arrives (it retries every 10 s for about 10 minutes), where
``sync=true`` would refuse the whole batch with a 404. The spans of a batch are sent before its judgments, so the
wait is short. The identifier is the evaluation's id: Phoenix upserts on (name, target, identifier), so a batch sent
again after a kill replaces what it wrote, never adds. A batch Phoenix refuses as invalid is split until the
annotation to blame is alone; that one goes to the rejects with Phoenix's message, the others are sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_judgments import AnnotationTarget, annotation, annotation_target
from tracebridge.destinations.phoenix_rest import PhoenixApi
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps_text
from tracebridge.records import Evaluation
from tracebridge.serialization import to_json_dict

PATHS: Final[dict[AnnotationTarget, str]] = {
    "span": "/v1/span_annotations",
    "trace": "/v1/trace_annotations",
    "session": "/v1/session_annotations",
}
BATCH: Final = 500
"""Annotations per request: a few hundred KB with explanations and metadata."""
REFUSALS: Final = frozenset({400, 404, 413, 422})
"""Answers that blame the request's content, not the moment: split to find the annotation at fault."""


def annotation_key(evaluation: Evaluation) -> str:
    return f"annotation:{evaluation.evaluation_id}"


@attrs.frozen
class _Pending:
    evaluation: Evaluation
    target: AnnotationTarget
    target_id: str
    body: dict[str, Any]


def reject_evaluation(evaluation: Evaluation, reason: str, report: SendReport) -> None:
    report.reject(
        "evaluation",
        Reject(
            source=f"evaluation {evaluation.evaluation_id}",
            reason=reason,
            raw=dumps_text(to_json_dict(evaluation)),
            source_id=evaluation.provenance.source_id,
        ),
    )


@attrs.define
class Annotations:
    api: PhoenixApi

    async def send(self, evaluations: Sequence[Evaluation], ledger: Ledger, report: SendReport) -> None:
        """Each evaluation as the annotation of what it judges; judgments of anything else are counted as having no
        place in Phoenix (``ignored``)."""
        by_target: dict[AnnotationTarget, dict[str, _Pending]] = {}
        for evaluation in evaluations:
            key = annotation_key(evaluation)
            if key in ledger:
                report.skipped["evaluation"] += 1
                continue
            found = annotation_target(evaluation)
            if found is None:
                report.ignored["evaluation"] += 1
                continue
            if not evaluation.name.strip():
                reject_evaluation(evaluation, "Phoenix annotations need a name, and this judgment has none", report)
                continue
            target, target_id = found
            pending = by_target.setdefault(target, {})
            if key in pending:
                report.skipped["evaluation"] += 1  # the same judgment twice in the directory: one annotation
                continue
            pending[key] = _Pending(evaluation, target, target_id, annotation(evaluation, target, target_id))
        for target, pending in by_target.items():
            items = list(pending.values())
            for start in range(0, len(items), BATCH):
                await self._post(target, items[start : start + BATCH], ledger, report)

    async def _post(self, target: AnnotationTarget, batch: list[_Pending], ledger: Ledger, report: SendReport) -> None:
        try:
            await self.api.post(PATHS[target], {"data": [item.body for item in batch]}, {"sync": False})
        except ApiError as exc:
            if exc.status not in REFUSALS:
                raise
            if len(batch) == 1:
                reason = f"Phoenix refused the {target} annotation (HTTP {exc.status}: {exc.message})"
                reject_evaluation(batch[0].evaluation, reason, report)
                return
            middle = len(batch) // 2
            await self._post(target, batch[:middle], ledger, report)
            await self._post(target, batch[middle:], ledger, report)
            return
        report.sent["evaluation"] += len(batch)
        ledger.record({annotation_key(item.evaluation): [item.target, item.target_id] for item in batch})
