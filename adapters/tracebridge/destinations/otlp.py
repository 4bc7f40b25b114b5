"""Any OpenTelemetry backend: spans, with their judgments as ``gen_ai.evaluation.result`` events, over OTLP/HTTP.

The endpoint and headers come from the standard variables, as every OTLP exporter reads them:
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` (used as it is), else ``OTEL_EXPORTER_OTLP_ENDPOINT`` plus ``/v1/traces``,
else ``http://localhost:4318/v1/traces``; ``OTEL_EXPORTER_OTLP_TRACES_HEADERS`` or ``OTEL_EXPORTER_OTLP_HEADERS``
(``key=value`` pairs, comma-separated, values percent-encoded), whose values are treated as secrets. ``--endpoint``
overrides the variables. Records that are not spans have no place in OTLP traces and are counted as skipped.
"""

from __future__ import annotations

import os
import urllib.parse
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Final

from tracebridge.destinations.base import SendReport, SpanGroup
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.otlp_traces import OtlpTraces
from tracebridge.destinations.registry import SendOptions
from tracebridge.records import Record
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.transport.http import HttpTransport
from tracebridge.transport.retry import RetryPolicy

DEFAULT_ENDPOINT: Final = "http://localhost:4318/v1/traces"
MAX_REQUEST_BYTES: Final = 4 << 20
"""Below every common receiver's limit (the OpenTelemetry Collector's default is 20 MiB; the spec asks servers to take
32 MiB at least); ``--max-request-bytes`` raises it."""


def traces_endpoint(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    if explicit:
        return explicit
    traces = environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip()
    if traces:
        return traces
    base = environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip()
    return f"{base.rstrip('/')}/v1/traces" if base else DEFAULT_ENDPOINT


def otlp_headers(environ: Mapping[str, str] = os.environ) -> dict[str, ApiKey]:
    """The headers the standard variables name, each value a secret (it is usually a token)."""
    text = environ.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS") or environ.get("OTEL_EXPORTER_OTLP_HEADERS") or ""
    headers: dict[str, ApiKey] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise ValueError("OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs separated by commas")
        headers[name.strip()] = ApiKey(
            urllib.parse.unquote(value.strip()), source=f"the header {name.strip()}", header=True
        )
    return headers


def split_url(url: str) -> tuple[str, str]:
    """``(base, path)`` of an endpoint URL, for a transport on the base."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {redact_url_credentials(url)}")
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return f"{parts.scheme}://{parts.netloc}", path


class OtlpDestination:
    """Spans to any OTLP/HTTP receiver (see the module)."""

    name = "otlp"

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        max_request_bytes: int = MAX_REQUEST_BYTES,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.endpoint = traces_endpoint(endpoint, environ)
        self._base, self._path = split_url(self.endpoint)
        self._headers = otlp_headers(environ)  # read now: a bad variable is an error before anything is sent
        self._max_request_bytes = max_request_bytes
        self._timeout = timeout
        self._retry = retry
        self._transport: HttpTransport | None = None
        self._traces: OtlpTraces | None = None

    @property
    def target(self) -> str:
        return f"otlp {redact_url_credentials(self.endpoint)}"

    async def open(self) -> None:
        # Made here, inside the event loop that uses it: an httpx pool belongs to one loop.
        self._transport = HttpTransport(
            base_url=self._base,
            api_key=None,
            key_header="",
            timeout=self._timeout,
            retry=self._retry,
            secret_headers=self._headers,
        )
        self._traces = OtlpTraces(self._transport, self._path, self._max_request_bytes)

    async def send_records(self, records: Sequence[Record], ledger: Ledger, report: SendReport) -> None:
        report.ignored.update(Counter(record.record_type for record in records))

    async def send_spans(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        assert self._traces is not None, "open() first"
        await self._traces.send(groups, ledger, report)

    async def close(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()


def from_options(options: SendOptions) -> OtlpDestination:
    return OtlpDestination(
        options.endpoint,
        max_request_bytes=options.max_request_bytes or MAX_REQUEST_BYTES,
        timeout=options.timeout,
        retry=options.retry,
    )
