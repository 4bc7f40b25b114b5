"""Contender for ``scripts/bench_send.py``: the official OpenTelemetry Python SDK re-emitting spans over OTLP/HTTP.

``opentelemetry-sdk`` with a ``BatchSpanProcessor`` in front of ``opentelemetry-exporter-otlp-proto-http``'s
``OTLPSpanExporter``, the exporter at its defaults (protobuf, no compression, 10 s timeout, its own retries of
429/502/503/504). Each input line is one span, prepared by the harness with the attributes tracebridge sends for it
(``bench_send.prepare_sdk_input``); the SDK re-emits it through the public API: the same name, kind, attributes,
start and end times, status, trace id and parent (a remote parent context), and the span's judgments as
``gen_ai.evaluation.result`` events. What the API cannot keep is the span id: the SDK draws a new one.

The processor's queue holds every span (``max_queue_size`` = the span count): at its default (2,048) a loop that
re-emits history faster than the exporter drains drops spans before they are ever sent, which would measure the
configuration, not the exporter. Spans the exporter gives up on (a batch answered with an error after its retries)
are counted by a wrapper around ``export`` that changes nothing else.

Runs in its own venv (``.bench-venvs/otel``): standard library and the two OpenTelemetry packages only. Prints one
``BENCH-RESULT {...}`` line: spans emitted, spans whose export failed, seconds from reading the input to
``force_flush`` returning.

    python otel_sdk_send.py '{"input": "sdk-spans.jsonl", "endpoint": "http://127.0.0.1:6006/v1/traces",
                             "resource": {...}, "count": 100000}'
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from opentelemetry import trace  # type: ignore[import-not-found,unused-ignore]
from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[import-not-found,unused-ignore]
    OTLPSpanExporter,
)
from opentelemetry.sdk.resources import Resource  # type: ignore[import-not-found,unused-ignore]
from opentelemetry.sdk.trace import TracerProvider  # type: ignore[import-not-found,unused-ignore]
from opentelemetry.sdk.trace.export import (  # type: ignore[import-not-found,unused-ignore]
    BatchSpanProcessor,
    SpanExportResult,
)
from opentelemetry.trace import (  # type: ignore[import-not-found,unused-ignore]
    NonRecordingSpan,
    SpanContext,
    SpanKind,
    Status,
    StatusCode,
    TraceFlags,
)

RESULT_PREFIX = "BENCH-RESULT "
KINDS = {"CLIENT": SpanKind.CLIENT, "SERVER": SpanKind.SERVER, "INTERNAL": SpanKind.INTERNAL}
STATUS = {"OK": StatusCode.OK, "ERROR": StatusCode.ERROR, "UNSET": StatusCode.UNSET}


class CountingExporter(OTLPSpanExporter):  # type: ignore[misc,unused-ignore]
    """The exporter, unchanged, counting the spans of batches it reports as failed."""

    failed = 0

    def export(self, spans: Sequence[Any]) -> Any:
        result = super().export(spans)
        if result != SpanExportResult.SUCCESS:
            CountingExporter.failed += len(spans)
        return result


def _parent(trace_id: str, parent_span_id: str | None) -> Any:
    if not parent_span_id:
        return None
    context = SpanContext(
        trace_id=int(trace_id, 16),
        span_id=int(parent_span_id, 16),
        is_remote=True,
        trace_flags=TraceFlags(TraceFlags.SAMPLED),
    )
    return trace.set_span_in_context(NonRecordingSpan(context))


def emit(tracer: Any, line: dict[str, Any]) -> None:
    span = tracer.start_span(
        line["name"],
        context=_parent(line["trace_id"], line.get("parent_span_id")),
        kind=KINDS.get(line["kind"], SpanKind.INTERNAL),
        attributes=line["attributes"],
        start_time=line["start"],
    )
    for event in line["events"]:
        span.add_event(event["name"], attributes=event["attributes"], timestamp=event["time"])
    code = STATUS[line["status_code"]]
    if code is not StatusCode.UNSET:
        span.set_status(Status(code, line.get("status_message") if code is StatusCode.ERROR else None))
    span.end(end_time=line["end"])


def main() -> None:
    spec = json.loads(sys.argv[1])
    start = time.perf_counter()
    provider = TracerProvider(resource=Resource.create(spec["resource"]))
    exporter = CountingExporter(endpoint=spec["endpoint"])
    provider.add_span_processor(BatchSpanProcessor(exporter, max_queue_size=max(2048, int(spec["count"]))))
    tracer = provider.get_tracer("tracebridge-bench")
    emitted = 0
    with open(spec["input"], "rb") as handle:
        for raw in handle:
            emit(tracer, json.loads(raw))
            emitted += 1
    flushed = provider.force_flush(timeout_millis=3_600_000)
    elapsed = time.perf_counter() - start
    provider.shutdown()
    result = {"emitted": emitted, "failed": CountingExporter.failed, "flushed": flushed, "export_s": elapsed}
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
