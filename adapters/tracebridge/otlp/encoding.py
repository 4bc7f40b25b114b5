"""Common records as OTLP spans, built as raw protobuf messages: the ids, times and parents they already have.

Why raw messages and not an OpenTelemetry SDK tracer: a tracer starts spans now, with ids it draws, so re-emitting
history through one loses what a migration must keep (the original trace and span ids, the parents, timestamps from
last year). ``opentelemetry-proto`` gives the wire types; everything else is a copy.

What goes on the wire for a ``Span`` record:

- trace, span and parent ids as their bytes; kind and status from the record; start and end times (a record missing
  one takes the other: OTLP needs both, and a zero would read as 1970);
- its ``attributes`` as OTLP attributes (a target's dialect may add its own: ``destinations.openinference``...);
  strings, booleans, numbers and lists of scalars as themselves, anything structured (message lists, objects) as JSON
  text, which is how the GenAI conventions allow structured values to be recorded and what every backend reads;
- where it came from (``tracebridge.source.*``: vendor, record type, source ids) and, when the record has fields
  nothing else names, ``tracebridge.extra`` as JSON: nothing the record holds is dropped on the way;
- each evaluation that judges it as a ``gen_ai.evaluation.result`` event (the OTel GenAI convention), at the
  judgment's time (the span's end when the source has none).
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from google.protobuf import json_format  # type: ignore[import-untyped]  # no stubs in the send extra
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
)
from opentelemetry.proto.common.v1.common_pb2 import (
    AnyValue,
    ArrayValue,
    InstrumentationScope,
    KeyValue,
)
from opentelemetry.proto.resource.v1.resource_pb2 import Resource
from opentelemetry.proto.trace.v1.trace_pb2 import (
    ResourceSpans,
    ScopeSpans,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span as ProtoSpan
from opentelemetry.proto.trace.v1.trace_pb2 import Status as ProtoStatus

from tracebridge._version import __version__
from tracebridge.json_codec import dumps_line, dumps_text
from tracebridge.records import Evaluation, Span

SCOPE_NAME: Final = "tracebridge"
"""A neutral scope: Langfuse special-cases SDK scope names (``langfuse-sdk``, ``ai``...) and must not here."""

EVALUATION_EVENT: Final = "gen_ai.evaluation.result"

_KINDS: Final = {"INTERNAL": ProtoSpan.SPAN_KIND_INTERNAL, "CLIENT": ProtoSpan.SPAN_KIND_CLIENT}
_STATUS: Final = {
    "UNSET": ProtoStatus.STATUS_CODE_UNSET,
    "OK": ProtoStatus.STATUS_CODE_OK,
    "ERROR": ProtoStatus.STATUS_CODE_ERROR,
}
_INT64: Final = (-(1 << 63), (1 << 63) - 1)


class SpanEncodingError(ValueError):
    """A span record that cannot be an OTLP span (no time at all); it goes to the rejects, its reason said."""


def any_value(value: Any) -> AnyValue:
    """One attribute value on the wire (see the module for the rules)."""
    if isinstance(value, bool):
        return AnyValue(bool_value=value)
    if isinstance(value, int):
        if _INT64[0] <= value <= _INT64[1]:
            return AnyValue(int_value=value)
        return AnyValue(string_value=str(value))  # beyond int64: exact as text, never wrapped around
    if isinstance(value, float):
        return AnyValue(double_value=value)
    if isinstance(value, str):
        return AnyValue(string_value=value)
    if isinstance(value, list | tuple) and all(isinstance(item, str | bool | int | float) for item in value):
        return AnyValue(array_value=ArrayValue(values=[any_value(item) for item in value]))
    return AnyValue(string_value=dumps_text(value))


def key_values(attributes: Mapping[str, Any]) -> list[KeyValue]:
    """Attributes as OTLP key-values; null values are left out (OTLP has no null attribute)."""
    return [KeyValue(key=key, value=any_value(value)) for key, value in attributes.items() if value is not None]


def source_attributes(span: Span) -> dict[str, Any]:
    """Where a span came from, and what of the source no other field holds."""
    provenance = span.provenance
    found: dict[str, Any] = {
        "tracebridge.source.system": provenance.system,
        "tracebridge.source.api_version": provenance.api_version,
        "tracebridge.source.record_type": provenance.record_type,
        "tracebridge.source.id": provenance.source_id,
        "tracebridge.source.parent_id": provenance.parent_id,
        "tracebridge.source.trace_id": provenance.trace_id,
        "tracebridge.source.session_id": provenance.session_id,
    }
    if span.timing_derived:
        found["tracebridge.timing_derived"] = True
    if span.extra:
        found["tracebridge.extra"] = dumps_text(span.extra)
    return found


def default_resource(span: Span) -> dict[str, Any]:
    """The resource of a span's ``ResourceSpans`` when the target asks for no other: the system it came from."""
    return {"service.name": "tracebridge", "tracebridge.source.system": span.provenance.system}


def evaluation_attributes(evaluation: Evaluation) -> dict[str, Any]:
    """A ``gen_ai.evaluation.result`` event's attributes: the convention's names, then what else the record holds."""
    attributes: dict[str, Any] = {"gen_ai.evaluation.name": evaluation.name}
    attributes.update(evaluation.attributes)
    attributes["tracebridge.evaluation.id"] = evaluation.evaluation_id
    attributes["tracebridge.evaluation.status"] = evaluation.status
    attributes["tracebridge.evaluation.experiment_id"] = evaluation.experiment_id
    attributes["tracebridge.source.system"] = evaluation.provenance.system
    attributes["tracebridge.source.record_type"] = evaluation.provenance.record_type
    if evaluation.extra:
        attributes["tracebridge.extra"] = dumps_text(evaluation.extra)
    return attributes


def span_times(span: Span) -> tuple[int, int]:
    start = span.start_time_unix_nano if span.start_time_unix_nano is not None else span.end_time_unix_nano
    end = span.end_time_unix_nano if span.end_time_unix_nano is not None else start
    if start is None or end is None:
        raise SpanEncodingError("the span has no start or end time, and an OTLP span needs one")
    return start, end


def proto_span(span: Span, attributes: Mapping[str, Any], evaluations: Sequence[Evaluation] = ()) -> ProtoSpan:
    """The OTLP span of a ``Span`` record, with ``attributes`` (the record's, in the target's dialect)."""
    start, end = span_times(span)
    message = ProtoSpan(
        trace_id=bytes.fromhex(span.trace_id),
        span_id=bytes.fromhex(span.span_id),
        parent_span_id=bytes.fromhex(span.parent_span_id) if span.parent_span_id else b"",
        name=span.name,
        kind=_KINDS.get(span.kind, ProtoSpan.SPAN_KIND_INTERNAL),
        start_time_unix_nano=start,
        end_time_unix_nano=end,
        attributes=key_values(attributes),
        status=ProtoStatus(code=_STATUS[span.status_code], message=span.status_message or ""),
    )
    for evaluation in evaluations:
        event = message.events.add()
        event.name = EVALUATION_EVENT
        event.time_unix_nano = evaluation.time_unix_nano if evaluation.time_unix_nano is not None else end
        event.attributes.extend(key_values(evaluation_attributes(evaluation)))
    return message


def export_request(
    spans_by_resource: Iterable[tuple[Mapping[str, Any], Sequence[ProtoSpan]]],
) -> ExportTraceServiceRequest:
    """One request: a ``ResourceSpans`` per resource (its attributes), all under the ``tracebridge`` scope."""
    request = ExportTraceServiceRequest()
    for resource_attributes, spans in spans_by_resource:
        request.resource_spans.append(
            ResourceSpans(
                resource=Resource(attributes=key_values(resource_attributes)),
                scope_spans=[
                    ScopeSpans(scope=InstrumentationScope(name=SCOPE_NAME, version=__version__), spans=list(spans))
                ],
            )
        )
    return request


def encode(request: ExportTraceServiceRequest) -> bytes:
    """The request as sent: protobuf, gzipped (level 6: most of the size for a fraction of level 9's time)."""
    return gzip.compress(request.SerializeToString(), compresslevel=6)


_ID_FIELDS: Final = ("traceId", "spanId", "parentSpanId")


def span_document(message: ProtoSpan) -> dict[str, Any]:
    """One span as OTLP JSON (the OTLP/JSON spec's protobuf JSON): camelCase names, enums as integers, 64-bit
    integers as decimal strings, and trace and span ids as hex, not protobuf JSON's base64."""
    document: dict[str, Any] = json_format.MessageToDict(message, use_integers_for_enums=True)
    for field in _ID_FIELDS:
        if field in document:
            document[field] = base64.b64decode(document[field]).hex()
    return document


def request_line(spans_by_resource: Iterable[tuple[Mapping[str, Any], Sequence[dict[str, Any]]]]) -> bytes:
    """One ``ExportTraceServiceRequest`` as a line of OTLP JSON, from spans already made ``span_document``s: what the
    OpenTelemetry Collector's file exporter writes and its ``otlpjsonfilereceiver`` reads."""
    scope = json_format.MessageToDict(InstrumentationScope(name=SCOPE_NAME, version=__version__))
    document = {
        "resourceSpans": [
            {
                "resource": json_format.MessageToDict(Resource(attributes=key_values(resource))),
                "scopeSpans": [{"scope": scope, "spans": list(spans)}],
            }
            for resource, spans in spans_by_resource
        ]
    }
    return dumps_line(document)
