"""Spans to an OTLP/HTTP traces endpoint, in requests that fit the target: what every destination sends spans with.

Batches are cut by size, not count: a request holds spans until the next would take it past ``max_request_bytes``
(counted before gzip, so a batch never surprises a proxy that limits the compressed body either). A single span larger
than the cap is still tried alone if its compressed body fits; one that cannot fit is rejected with its size and the
cap, never truncated. A target that answers 413 all the same (a proxy's lower limit) gets the batch again in halves,
down to single spans. Retries, backoff and ``Retry-After`` are the transport's (``transport.http``).

Exactly once: spans the ledger lists are not sent again; a batch's spans enter the ledger once the target took it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport, SpanGroup
from tracebridge.destinations.ledger import Ledger, span_entry
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps_text
from tracebridge.otlp.encoding import (
    SpanEncodingError,
    default_resource,
    encode,
    export_request,
    proto_span,
    source_attributes,
)
from tracebridge.records import Span
from tracebridge.serialization import to_json_dict
from tracebridge.transport.http import HttpTransport

Dialect = Callable[[Span], Mapping[str, Any]]
"""The attributes a target reads a span by, added to the record's own (OpenInference, ``langfuse.*``)."""
ResourceOf = Callable[[Span], Mapping[str, Any]]

PROTOBUF_HEADERS = {"Content-Type": "application/x-protobuf", "Content-Encoding": "gzip"}


def span_key(span: Span) -> str:
    return span_entry(span.span_id)


@attrs.define
class _Encoded:
    group: SpanGroup
    message: Any
    size: int


@attrs.define
class OtlpTraces:
    """Sends span groups to ``path`` on ``transport`` (see the module)."""

    transport: HttpTransport
    path: str
    max_request_bytes: int
    dialect: Dialect | None = None
    resource_of: ResourceOf = default_resource
    extra_headers: Mapping[str, str] = attrs.field(factory=dict)

    def attributes(self, span: Span) -> dict[str, Any]:
        found: dict[str, Any] = dict(span.attributes)
        if self.dialect is not None:
            found.update(self.dialect(span))
        found.update(source_attributes(span))
        return found

    async def send(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        batch: list[_Encoded] = []
        size = 0
        for group in groups:
            if span_key(group.span) in ledger:
                report.skipped["span"] += 1
                continue
            try:
                message = proto_span(group.span, self.attributes(group.span), group.evaluations)
            except SpanEncodingError as exc:
                self._reject(group, str(exc), report)
                continue
            encoded = _Encoded(group, message, message.ByteSize())
            if batch and size + encoded.size > self.max_request_bytes:
                await self._post(batch, ledger, report)
                batch, size = [], 0
            batch.append(encoded)
            size += encoded.size
        if batch:
            await self._post(batch, ledger, report)

    async def _post(self, batch: list[_Encoded], ledger: Ledger, report: SendReport) -> None:
        body = encode(self._request(batch))
        if len(body) > self.max_request_bytes and len(batch) > 1:
            middle = len(batch) // 2
            await self._post(batch[:middle], ledger, report)
            await self._post(batch[middle:], ledger, report)
            return
        if len(body) > self.max_request_bytes:
            self._reject(
                batch[0].group,
                f"the span is {len(body):,} bytes compressed, more than one request may carry "
                f"({self.max_request_bytes:,}: --max-request-bytes)",
                report,
            )
            return
        try:
            await self.transport.send(
                "POST " + self.path,
                {
                    "method": "POST",
                    "url": self.path,
                    "content": body,
                    "headers": {**PROTOBUF_HEADERS, **self.extra_headers},
                },
            )
        except ApiError as exc:
            if exc.status != 413:
                raise
            if len(batch) == 1:
                self._reject(
                    batch[0].group, f"the target refused the span as too large (HTTP 413: {exc.message})", report
                )
                return
            middle = len(batch) // 2
            await self._post(batch[:middle], ledger, report)
            await self._post(batch[middle:], ledger, report)
            return
        report.requests += 1
        report.bytes_sent += len(body)
        report.sent["span"] += len(batch)
        report.sent["evaluation"] += sum(len(item.group.evaluations) for item in batch)
        ledger.record({span_key(item.group.span): True for item in batch})

    def _request(self, batch: list[_Encoded]) -> Any:
        by_resource: dict[str, tuple[Mapping[str, Any], list[Any]]] = {}
        for item in batch:
            resource = self.resource_of(item.group.span)
            key = dumps_text(dict(resource))
            by_resource.setdefault(key, (resource, []))[1].append(item.message)
        return export_request(by_resource.values())

    @staticmethod
    def _reject(group: SpanGroup, reason: str, report: SendReport) -> None:
        span = group.span
        report.reject(
            "span",
            Reject(
                source=f"span {span.span_id}",
                reason=reason,
                raw=dumps_text(to_json_dict(span)),
                source_id=span.provenance.source_id,
            ),
        )
