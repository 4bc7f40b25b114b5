"""Splitting a streamed body into complete lines, and telling a clean end from a cut or stalled one.

A Galileo export is one long response. A connection that drops mid-body, or a body that ends in the middle of a line,
must surface as an error (the export is then restarted), never be mistaken for the end of the data. So must a body
that stops making progress: httpx's timeout bounds each read, and a server that drips a byte every few seconds never
trips it, so the stream also has to complete a line within ``line_timeout`` seconds of waiting.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx

from tracebridge.delivery.raw import MAX_LINE_BYTES
from tracebridge.errors import StreamBrokenError


class LineTooLongError(ValueError):
    """More than the limit of bytes arrived without a newline."""


class LineSplitter:
    """Complete lines (without their newline or a CR before it) out of chunks, in time linear in the bytes fed.

    The bytes of an unfinished line wait as a list of chunks and are joined once, when its newline arrives; only the
    new chunk is searched for newlines, since the held ones have none. Appending each chunk to one growing ``bytes``
    instead copies the whole line so far per chunk: a 40 MB line took over a minute to arrive that way (#17).
    """

    def __init__(self, max_line: int = MAX_LINE_BYTES) -> None:
        self.max_line = max_line
        self._held: list[bytes] = []
        self._held_bytes = 0

    def feed(self, chunk: bytes) -> list[bytes]:
        """The lines ``chunk`` completes (none when it holds no newline)."""
        cut = chunk.rfind(b"\n")
        if cut < 0:
            if chunk:
                self._held.append(chunk)
                self._held_bytes += len(chunk)
                if self._held_bytes > self.max_line:
                    raise LineTooLongError(f"a line longer than {self.max_line} bytes")
            return []
        if self._held:
            self._held.append(chunk[:cut])
            complete = b"".join(self._held)
        else:
            complete = chunk[:cut]
        rest = chunk[cut + 1 :]
        self._held = [rest] if rest else []
        self._held_bytes = len(rest)
        return [line.rstrip(b"\r") for line in complete.split(b"\n")]

    def finish(self) -> bytes:
        """What followed the last newline: a final line without one, or a cut-off fragment (empty when neither)."""
        rest = b"".join(self._held)
        self._held, self._held_bytes = [], 0
        return rest


async def stream_lines(
    response: httpx.Response, where: str, *, line_timeout: float | None = None
) -> AsyncIterator[list[bytes]]:
    """Batches of complete lines (without their newline), one batch per chunk that completes any.

    A final fragment without a newline is accepted only when it is a whole JSON value (some servers omit the last
    newline); anything else means the body was cut. With ``line_timeout``, the body must complete a non-empty line
    (the first one included) within that many seconds spent waiting for it; time the caller spends between batches
    does not count, so a slow consumer never breaks a healthy stream.
    """
    splitter = LineSplitter()
    loop = asyncio.get_running_loop()
    waited = 0.0
    """Seconds spent waiting for bytes since the last complete line."""
    try:
        chunks = response.aiter_bytes()
        while True:
            budget = None if line_timeout is None else max(0.0, line_timeout - waited)
            started = loop.time()
            try:
                async with asyncio.timeout(budget) as deadline:
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                break
            except TimeoutError:
                if not deadline.expired():
                    raise
                raise StreamBrokenError(
                    f"{where}: no complete line within {line_timeout:g} s (the stream stalled or crawls)"
                ) from None
            waited += loop.time() - started
            try:
                lines = splitter.feed(chunk)
            except LineTooLongError as exc:
                raise StreamBrokenError(f"{where}: {exc}; is this an export?") from None
            if any(lines):  # a drip of bare newlines is no progress
                waited = 0.0
            if lines:
                yield lines
    except httpx.TransportError as exc:
        raise StreamBrokenError(f"{where}: the stream broke off: {type(exc).__name__}: {exc}") from exc
    pending = splitter.finish()
    if pending.strip():
        if not _is_complete_json(pending):
            raise StreamBrokenError(f"{where}: the stream ended in the middle of a record ({len(pending)} bytes)")
        yield [pending]


def _is_complete_json(fragment: bytes) -> bool:
    try:
        json.loads(fragment)
    except ValueError:
        return False
    return True
