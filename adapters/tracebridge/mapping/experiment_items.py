"""The experiment item: which span a run produced for which example, with that span's timing and status copied.

Both Humanloop shapes that link a run to a datapoint (the v4 datapoint snapshot and the v5 evaluation log) build it
the same way, so it is built here once: a table of items can then be read without joining back to the spans.
"""

from __future__ import annotations

from typing import Any

from tracebridge.records import ExperimentItem, Provenance, Span


def experiment_item(
    *,
    experiment_id: str,
    example_id: str | None,
    span: Span | None,
    attributes: dict[str, Any],
    provenance: Provenance,
    extra: dict[str, Any],
) -> ExperimentItem:
    """The item for ``span`` (None when the run has no log for the example: the item still records the link)."""
    return ExperimentItem(
        experiment_id=experiment_id,
        example_id=example_id,
        trace_id=span.trace_id if span else None,
        span_id=span.span_id if span else None,
        start_time_unix_nano=span.start_time_unix_nano if span else None,
        end_time_unix_nano=span.end_time_unix_nano if span else None,
        status_code=span.status_code if span else "UNSET",
        status_message=span.status_message if span else None,
        attributes=attributes,
        provenance=provenance,
        extra=extra,
    )
