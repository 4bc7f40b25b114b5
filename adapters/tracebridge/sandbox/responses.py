"""What a sandbox endpoint answers: status, headers, and a body that is either bytes or a stream of chunks.

Endpoints return these values and the server writes them, applying faults on the way; keeping the two apart lets each
endpoint be tested as a function and each fault apply to every endpoint the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from tracebridge.sandbox.templates import encode
from tracebridge.sandbox.validation import Problem

JSON = "application/json"


@attrs.frozen
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON
    headers: tuple[tuple[str, str], ...] = ()
    stream: Iterator[bytes] | None = None
    """Chunks of a streamed body (sent with chunked transfer encoding); each chunk ends at a line boundary."""
    cut: bool = False
    """The stream's last chunk stops mid-line and the stream must end without its terminating chunk."""
    page: bool = False
    """A JSON page body, which the ``truncate`` fault may cut."""


def json_response(value: Any, status: int = 200, *, page: bool = False) -> Response:
    return Response(status, encode(value), page=page)


def error(status: int, detail: Any, *, headers: Sequence[tuple[str, str]] = ()) -> Response:
    """The vendors' error body, ``{"detail": ...}``, with a message or a list of problems."""
    return Response(status, encode({"detail": detail}), headers=tuple(headers))


def unprocessable(problems: Sequence[Problem]) -> Response:
    return error(422, [problem.as_json() for problem in problems])


def not_found(what: str) -> Response:
    return error(404, f"{what} not found")


def unauthorized(header: str, present: bool) -> Response:
    message = (
        f"Invalid API key in the {header} header" if present else f"Missing API key: send it in the {header} header"
    )
    return error(401, message, headers=(("WWW-Authenticate", "APIKey"),))
