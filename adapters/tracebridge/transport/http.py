"""One vendor's HTTP session: base URL, key header, timeouts and retries, shared by every endpoint.

The generated clients build each request (method, path, query, body) from the specs; this layer only sends it. That
keeps the specs the one source of URLs and parameters while retries, timeouts and streaming live here, once.

``timeout`` is a wall-clock deadline per attempt, not only httpx's per-read one: a server that drips a byte every few
seconds never trips a per-read timeout, and held a 5-second export for minutes (#17). The rule for streamed bodies,
which may rightly take hours, is in ``tracebridge.transport.settings``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import httpx

from tracebridge._version import __version__
from tracebridge.acyclic import acyclic_allocations
from tracebridge.errors import ApiError
from tracebridge.json_codec import loads, split_list
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.transport.retry import RetryPolicy, parse_retry_after

log = logging.getLogger("tracebridge.http")

Sleep = Callable[[float], Awaitable[None]]
MAX_MESSAGE_CHARS = 500
T = TypeVar("T")


class ResponseDeadlineError(httpx.TimeoutException):
    """An attempt's whole answer did not arrive within the transport's ``timeout``; retried like any timeout."""


class HttpTransport:
    """Sends requests built by the generated clients, retrying what a retry can fix.

    Create it inside the event loop that uses it (``async with HttpTransport(...)``): httpx connection pools belong
    to one loop.
    """

    def __init__(
        self,
        *,
        base_url: str,
        api_key: ApiKey | None,
        key_header: str,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        max_connections: int = 16,
        sleep: Sleep = asyncio.sleep,
        secret_headers: Mapping[str, ApiKey] | None = None,
        also_redact: Sequence[ApiKey] = (),
    ) -> None:
        """``api_key`` goes in ``key_header`` (None: a server that needs no key, a local Phoenix); ``secret_headers``
        are further headers whose values are secrets (a Basic ``Authorization``, ``OTEL_EXPORTER_OTLP_HEADERS``):
        every one of them is redacted from the messages this transport builds. ``also_redact``: secrets never sent
        as they are but redacted all the same (each half of a Basic credential, which a server may echo alone)."""
        self.base_url = base_url.rstrip("/")
        self.key_header = key_header
        self._api_key = api_key
        headers = {name: secret.reveal() for name, secret in (secret_headers or {}).items()}
        if api_key is not None:
            headers[key_header] = api_key.reveal()
        self._secrets = tuple(
            secret for secret in (api_key, *(secret_headers or {}).values(), *also_redact) if secret is not None
        )
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        """Seconds an attempt may take on the wall clock: a JSON answer whole, a stream until its headers."""
        self._sleep = sleep
        self.bytes_received = 0
        """Body bytes of the successful JSON responses so far (streams count their own)."""
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers={**headers, "User-Agent": f"tracebridge/{__version__}"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        base_url = redact_url_credentials(self.base_url)
        return f"HttpTransport(base_url={base_url!r}, key_header={self.key_header!r}, api_key={self._api_key!r})"

    async def __aenter__(self) -> HttpTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send_json(
        self, endpoint: str, request: Mapping[str, Any], decode: Callable[[bytes], Any] | None = None
    ) -> Any:
        """Send ``request`` and return its decoded JSON body (decoded by ``decode`` when given: ``decode_json``'s
        kin, raising ``ValueError`` for a body that is not JSON).

        A body that is not valid JSON (a page cut off mid-way by a proxy or a dying server) is retried like a 5xx:
        the server answered, but not with the page.
        """
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            response = await self._send_once(endpoint, request, attempt, started)
            if response is None:
                continue
            content = response.content
            release(response)
            try:
                body = decode_json(content) if decode is None else decode(content)
            except ValueError as exc:
                problem = f"the response body is not valid JSON ({exc})"
                if not self._may_retry(attempt, started):
                    raise ApiError(endpoint, response.status_code, problem, attempts=attempt) from exc
                log.warning("%s: %s; retrying (attempt %d)", endpoint, problem, attempt)
                await self._sleep(self.retry.delay(attempt, None))
                continue
            self.bytes_received += len(content)
            return body

    async def send(self, endpoint: str, request: Mapping[str, Any]) -> httpx.Response:
        """Send ``request`` (any body: a protobuf, a JSON upload) and return the successful response, its body read;
        retried as ``send_json`` is. An error status that is not retried raises ``ApiError`` with it (a 413 tells a
        batching caller to split)."""
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            response = await self._send_once(endpoint, request, attempt, started)
            if response is not None:
                self.bytes_received += len(response.content)
                return response

    @asynccontextmanager
    async def stream(self, endpoint: str, request: Mapping[str, Any]) -> AsyncIterator[httpx.Response]:
        """An open streamed response whose status is a success; retries until then.

        Errors while reading the body are the caller's to handle: a broken stream cannot be resumed, only restarted.
        """
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._within_deadline(
                    self._client.send(self._client.build_request(**request), stream=True)
                )
            except httpx.TransportError as exc:
                if not self._may_retry(attempt, started):
                    raise ApiError(
                        endpoint,
                        None,
                        describe_transport_error(exc),
                        attempts=attempt,
                        timed_out=isinstance(exc, httpx.TimeoutException),
                    ) from exc
                log.warning("%s: %s; retrying (attempt %d)", endpoint, describe_transport_error(exc), attempt)
                await self._sleep(self.retry.delay(attempt, None))
                continue
            if response.status_code < 400:
                log.debug("%s: HTTP %d, streaming", endpoint, response.status_code)
                try:
                    yield response
                finally:
                    await response.aclose()
                return
            try:
                await self._within_deadline(response.aread())
            except httpx.TransportError:
                pass  # the error body is only for the message; its status already decides
            finally:
                await response.aclose()
            retry_after = self._retry_decision(endpoint, response, attempt, started)
            await self._sleep(self.retry.delay(attempt, retry_after))

    async def _send_once(
        self, endpoint: str, request: Mapping[str, Any], attempt: int, started: float
    ) -> httpx.Response | None:
        """One attempt: the successful response, or None after waiting when the attempt should be repeated."""
        try:
            response = await self._within_deadline(self._client.request(**request))
        except httpx.TransportError as exc:
            if not self._may_retry(attempt, started):
                raise ApiError(
                    endpoint,
                    None,
                    describe_transport_error(exc),
                    attempts=attempt,
                    timed_out=isinstance(exc, httpx.TimeoutException),
                ) from exc
            log.warning("%s: %s; retrying (attempt %d)", endpoint, describe_transport_error(exc), attempt)
            await self._sleep(self.retry.delay(attempt, None))
            return None
        log.debug("%s: HTTP %d in %.3fs", endpoint, response.status_code, response.elapsed.total_seconds())
        if response.status_code < 400:
            return response
        retry_after = self._retry_decision(endpoint, response, attempt, started)
        await self._sleep(self.retry.delay(attempt, retry_after))
        return None

    def _retry_decision(self, endpoint: str, response: httpx.Response, attempt: int, started: float) -> float | None:
        """The Retry-After to honour when an error status should be retried; raises ApiError when it should not."""
        status = response.status_code
        if self.retry.is_retryable_status(status) and self._may_retry(attempt, started):
            log.warning("%s: HTTP %d; retrying (attempt %d)", endpoint, status, attempt)
            return parse_retry_after(response.headers.get("Retry-After"))
        raise ApiError(endpoint, status, self.redact(vendor_message(response)), attempts=attempt)

    def redact(self, text: str) -> str:
        """``text`` without any of this transport's secrets, in any form they take in text."""
        for secret in self._secrets:
            text = secret.redact(text)
        return text

    async def _within_deadline(self, step: Awaitable[T]) -> T:
        """``step`` of an attempt, cut off after ``timeout`` seconds on the wall clock (``ResponseDeadlineError``)."""
        try:
            async with asyncio.timeout(self.timeout) as deadline:
                return await step
        except TimeoutError:
            if not deadline.expired():
                raise  # not ours: some other timeout inside the step
            raise ResponseDeadlineError(f"no complete response within {self.timeout:g} s") from None

    def _may_retry(self, attempt: int, started: float) -> bool:
        return attempt < self.retry.max_attempts and time.monotonic() - started < self.retry.max_elapsed


_SPENT = httpx.ByteStream(b"")


def release(response: httpx.Response) -> None:
    """Let a read and closed response (and its body) be freed as soon as it is dropped.

    httpx links a response and its stream both ways, a reference cycle, so a finished response waits for the cycle
    collector; and decoded pages are kept out of the collector's walks (``tracebridge.acyclic``), which promotes
    whatever is young at that moment, in-flight responses included, to where only a full collection looks. Left alone,
    finished responses and their bodies piled up between full collections (nearly double the peak memory of a v4
    export: ``docs/benchmarks.md``). The spent stream is replaced by an empty one, which breaks the cycle; the body
    stays readable (``content`` is cached).
    """
    response.stream = _SPENT


def decode_json(body: bytes) -> Any:
    """The page's JSON, decoded out of the cycle collector's sight (``tracebridge.acyclic`` says why)."""
    with acyclic_allocations():
        return loads(body)


def decode_records_as_text(body: bytes, key: str) -> Any:
    """The page's JSON with its ``key`` list as each record's JSON text (``json_codec.split_list``), or decoded
    whole (``decode_json``) when it cannot be read so: the value, or the error, any page gets."""
    with acyclic_allocations():
        split = split_list(body, key)
    return split if split is not None else decode_json(body)


def vendor_message(response: httpx.Response) -> str:
    """The human part of an error body in any of the vendors' shapes: a ``detail`` list, object or string."""
    try:
        body = response.json()
    except httpx.ResponseNotRead:
        return response.reason_phrase or "no message"
    except ValueError:
        text = response.text.strip()
        return text[:MAX_MESSAGE_CHARS] or response.reason_phrase or "no message"
    detail = body.get("detail", body) if isinstance(body, dict) else body
    if isinstance(detail, list):
        parts = []
        for item in detail:
            if isinstance(item, dict):
                where = ".".join(str(p) for p in item.get("loc") or [])
                parts.append(f"{where}: {item.get('msg', item)}" if where else str(item.get("msg", item)))
            else:
                parts.append(str(item))
        message = "; ".join(parts)
    elif isinstance(detail, dict):
        message = str(detail.get("message") or detail.get("msg") or json.dumps(detail, sort_keys=True))
    else:
        message = str(detail)
    return message[:MAX_MESSAGE_CHARS] or "no message"


def describe_transport_error(exc: httpx.TransportError) -> str:
    if isinstance(exc, ResponseDeadlineError):
        return str(exc)  # already a sentence; the class name would only repeat it
    detail = str(exc).strip()
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
