"""Splitting a streamed body into complete lines, and telling a clean end from a cut one.

A Galileo export is one long response. A connection that drops mid-body, or a body that ends in the middle of a line,
must surface as an error (the export is then restarted), never be mistaken for the end of the data.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx

from tracebridge.delivery.raw import MAX_LINE_BYTES
from tracebridge.errors import StreamBrokenError


async def stream_lines(response: httpx.Response, where: str) -> AsyncIterator[list[bytes]]:
    """Batches of complete lines (without their newline), one batch per chunk received.

    A final fragment without a newline is accepted only when it is a whole JSON value (some servers omit the last
    newline); anything else means the body was cut.
    """
    pending = b""
    try:
        async for chunk in response.aiter_bytes():
            if not chunk:
                continue
            data = pending + chunk
            cut = data.rfind(b"\n")
            if cut < 0:
                pending = data
                if len(pending) > MAX_LINE_BYTES:
                    raise StreamBrokenError(f"{where}: a line longer than {MAX_LINE_BYTES} bytes; is this an export?")
                continue
            pending = data[cut + 1 :]
            yield [line.rstrip(b"\r") for line in data[:cut].split(b"\n")]
    except httpx.TransportError as exc:
        raise StreamBrokenError(f"{where}: the stream broke off: {type(exc).__name__}: {exc}") from exc
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
