"""The sandbox's HTTP server: routing, authentication and fault injection around the endpoint functions.

Built on the standard library's ``ThreadingHTTPServer`` (one thread per connection), speaking HTTP/1.1 with
keep-alive so a client reuses its connections as it would with the vendors. Each answer is written with one
``sendall`` (status line, headers and body together) and Nagle's algorithm is off: a benchmark measures the client,
not the sandbox's write pattern. Streams use chunked transfer encoding, one chunk per batch of whole lines.

Faults are applied here, uniformly for every endpoint: latency first, then an answer-replacing fault (reset, 429,
500, 502, 503), then authentication, validation and the endpoint itself, whose answer may be truncated, cut or
delayed at the first byte.

Requests are read defensively, since the sandbox also serves whatever a user points at it: a body larger than
``MAX_REQUEST_BODY`` (1 MiB) is answered 413 without being read (``Content-Length`` is checked first; a chunked body
is read up to the cap), and a malformed request (request line, ``Content-Length``, chunk framing) gets 400; both in
the vendors' ``{"detail": ...}`` shape, never a traceback. Bodies that are not the JSON an endpoint expects get the
vendors' 422, from the endpoint.
"""

from __future__ import annotations

import contextlib
import functools
import re
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

from tracebridge.sandbox import galileo_sdk_compat
from tracebridge.sandbox.config import ALTERNATE_GALILEO_KEY_HEADERS, SandboxConfig
from tracebridge.sandbox.drift import drift_record
from tracebridge.sandbox.faults import CLEAN, FaultDecision, FaultInjector, FaultKind, request_identity
from tracebridge.sandbox.galileo_data import GalileoData
from tracebridge.sandbox.galileo_export import ExportRequest, export_response, parse_request
from tracebridge.sandbox.humanloop_api import HumanloopApi
from tracebridge.sandbox.humanloop_data import HumanloopData
from tracebridge.sandbox.responses import JSON, Response, error, unauthorized

HUMANLOOP_KEY_HEADER = "X-API-KEY"
BAD_GATEWAY_HTML = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

Handler = Callable[["Sandbox", Sequence[str], Mapping[str, list[str]], bytes, FaultDecision], Response]

MAX_REQUEST_BODY = 1024 * 1024
"""The largest request body the sandbox reads, in bytes. The documented requests are small (an export's filters, a
few log ids); a server that reads whatever it is sent holds it all in memory (300 MB sent cost 300 MB)."""
MAX_CHUNK_LINE = 4096
"""The longest chunk-size line (with extensions) or trailer line of a chunked body."""
LINGER_SECONDS = 1.0
LINGER_BYTES = 4 * MAX_REQUEST_BODY
"""After refusing a request, what the sandbox still reads and discards before closing: closing a socket with unread
bytes makes the kernel reset the connection, and a reset can destroy the answer before the client reads it."""


class Sandbox:
    """The sandbox's state and request handling, independent of the socket server that feeds it."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.humanloop = HumanloopData(config.seed, config.records, small=config.small_records)
        self.galileo = GalileoData(config.seed, config.records)
        self.faults = FaultInjector(
            config.seed,
            config.faults,
            latency_fixed_ms=config.latency.fixed_ms,
            latency_jitter_ms=config.latency.jitter_ms,
        )
        self.humanloop_key = config.resolved_humanloop_key()
        self.galileo_key = config.resolved_galileo_key()
        self.galileo_key_headers = (config.galileo_key_header, *ALTERNATE_GALILEO_KEY_HEADERS)
        drifting = self.faults.rate(FaultKind.DRIFT) > 0
        self.humanloop_api = HumanloopApi(self.humanloop, config, self.faults, self._drift if drifting else None)
        self.galileo_drift = self._galileo_drift if drifting else None

    def _drift(self, record: dict[str, Any], key: int) -> dict[str, Any]:
        return drift_record(record, key) if self.faults.drifts(key) else record

    def _galileo_drift(self, record: dict[str, Any], key: int) -> dict[str, Any]:
        return drift_record(record, key, galileo=True) if self.faults.drifts(key) else record

    # --- routing ------------------------------------------------------------------------------------------------

    def handle(
        self,
        method: str,
        path: str,
        query: Mapping[str, list[str]],
        headers: Mapping[str, str],
        body: bytes,
        decision: FaultDecision,
    ) -> Response:
        compat = galileo_sdk_compat.intercept(
            method, path, headers, body, galileo_key=self.galileo_key, key_header=self.config.galileo_key_header
        )
        if isinstance(compat, Response):
            return compat
        path, headers = compat or (path, headers)
        for route_method, pattern, vendor, handler in ROUTES:
            match = pattern.match(path)
            if match is None:
                continue
            if method != route_method:
                return Response(405, b'{"detail":"Method Not Allowed"}', headers=(("Allow", route_method),))
            denied = self._authenticate(vendor, headers)
            if denied is not None:
                return denied
            return handler(self, [unquote(group) for group in match.groups()], query, body, decision)
        return error(404, "Not Found")

    def _authenticate(self, vendor: str, headers: Mapping[str, str]) -> Response | None:
        if vendor == "humanloop":
            names: Sequence[str] = (HUMANLOOP_KEY_HEADER,)
            expected = self.humanloop_key
        else:
            names = self.galileo_key_headers
            expected = self.galileo_key
        given = [headers[name.lower()] for name in names if name.lower() in headers]
        if any(value == expected for value in given):
            return None
        return unauthorized(names[0], present=bool(given))


def _export_project(
    sandbox: Sandbox, ids: Sequence[str], query: Mapping[str, list[str]], body: bytes, _: FaultDecision
) -> Response:
    return sandbox.humanloop_api.export_project(ids[0], query)


def _datapoints(
    sandbox: Sandbox, ids: Sequence[str], query: Mapping[str, list[str]], body: bytes, _: FaultDecision
) -> Response:
    return sandbox.humanloop_api.evaluation_datapoints(ids[0], query)


def _evaluation_logs(
    sandbox: Sandbox, ids: Sequence[str], query: Mapping[str, list[str]], body: bytes, _: FaultDecision
) -> Response:
    return sandbox.humanloop_api.evaluation_logs(ids[0], query)


def _add_logs(
    sandbox: Sandbox, ids: Sequence[str], query: Mapping[str, list[str]], body: bytes, _: FaultDecision
) -> Response:
    return sandbox.humanloop_api.add_logs_to_run(ids[0], ids[1], body)


def _export_records(
    sandbox: Sandbox, ids: Sequence[str], query: Mapping[str, list[str]], body: bytes, decision: FaultDecision
) -> Response:
    parsed = parse_request(sandbox.galileo, ids[0], body)
    if not isinstance(parsed, ExportRequest):
        return parsed
    cut_after = 1 + decision.token % 8 if decision.stream_cut else None
    return export_response(sandbox.galileo, parsed, drift=sandbox.galileo_drift, cut_after=cut_after)


ROUTES: tuple[tuple[str, re.Pattern[str], str, Handler], ...] = (
    ("POST", re.compile(r"^/v4/projects/([^/]+)/export/?$"), "humanloop", _export_project),
    ("GET", re.compile(r"^/v4/evaluations/([^/]+)/datapoints/?$"), "humanloop", _datapoints),
    ("GET", re.compile(r"^/v5/evaluations/([^/]+)/logs/?$"), "humanloop", _evaluation_logs),
    ("POST", re.compile(r"^/v5/evaluations/([^/]+)/runs/([^/]+)/logs/?$"), "humanloop", _add_logs),
    ("POST", re.compile(r"^/v2/projects/([^/]+)/export_records/?$"), "galileo", _export_records),
)


def fault_answer(kind: FaultKind, config: SandboxConfig) -> Response:
    """The answer that replaces the real one for an answer-replacing fault."""
    retry_after = (("Retry-After", str(config.retry_after_s)),)
    if kind is FaultKind.RATE_LIMIT:
        return error(429, "Rate limit exceeded; retry later.", headers=retry_after)
    if kind is FaultKind.ERROR_502:
        return Response(502, BAD_GATEWAY_HTML, content_type="text/html")
    if kind is FaultKind.ERROR_503:
        return error(503, "Service temporarily unavailable", headers=retry_after)
    return error(500, "Internal Server Error")


# ---------------------------------------------------------------------------------------------------------- HTTP


class _Refused(Exception):
    """A request the sandbox will not read on: answered with ``status`` and ``detail``, then the connection ends."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _too_large(length: str) -> _Refused:
    return _Refused(
        413, f"Request body too large: {length} bytes; the sandbox accepts at most {MAX_REQUEST_BODY} bytes"
    )


_DIGITS = re.compile(r"[0-9]{1,20}")
_HEX_DIGITS = re.compile(rb"[0-9A-Fa-f]{1,16}")


@functools.lru_cache(maxsize=2)
def _http_date_at(second: int) -> bytes:
    """The Date header for one second; cached because formatting it per response costs more than the response."""
    return formatdate(second, usegmt=True).encode()


def _http_date() -> bytes:
    return _http_date_at(int(time.time()))


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tracebridge-sandbox"
    disable_nagle_algorithm = True
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a benchmark serves thousands of requests a second."""

    def _chunked(self) -> bool:
        return "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()

    def _declared_length(self) -> int:
        """The ``Content-Length`` of a body that is not chunked (0 without one); ``_Refused`` when bad or too large."""
        values = {value.strip() for value in self.headers.get_all("Content-Length") or []}
        if not values:
            return 0
        if len(values) > 1:
            raise _Refused(400, f"Conflicting Content-Length headers: {', '.join(sorted(values))}")
        (value,) = values
        if value.isascii() and value.isdigit() and len(value) > 20:
            raise _too_large(f"{value[:20]}...")
        if not _DIGITS.fullmatch(value):
            raise _Refused(400, f"Content-Length must be a whole number of bytes, got {value[:40]!r}")
        if int(value) > MAX_REQUEST_BODY:
            raise _too_large(value)
        return int(value)

    def _read_body(self) -> bytes:
        """The request body, never more than ``MAX_REQUEST_BODY`` bytes of it; ``_Refused`` for a bad or large one."""
        if self._chunked():
            return self._read_chunked()
        length = self._declared_length()
        body = self.rfile.read(length) if length else b""
        self.server.count_body_bytes(len(body))
        if len(body) < length:
            raise _Refused(400, f"The request body ended after {len(body)} of its {length} bytes")
        return body

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        received = 0
        while True:
            line = self.rfile.readline(MAX_CHUNK_LINE + 1)
            if not line.endswith(b"\n"):
                raise _Refused(400, "A chunk-size line is cut off or longer than the sandbox reads")
            field = line.split(b";")[0].strip()
            if not _HEX_DIGITS.fullmatch(field):
                raise _Refused(400, f"Chunk size must be hexadecimal, got {field[:40].decode('latin-1')!r}")
            size = int(field, 16)
            if size == 0:
                break
            if received + size > MAX_REQUEST_BODY:
                raise _too_large(f"more than {received + size}")
            data = self.rfile.read(size)
            self.server.count_body_bytes(len(data))
            if len(data) < size or self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise _Refused(400, "A chunk of the request body is cut off or not followed by CRLF")
            parts.append(data)
            received += size
        while True:  # trailer fields, up to the empty line that ends the body
            trailer = self.rfile.readline(MAX_CHUNK_LINE + 1)
            if trailer in (b"\r\n", b"\n"):
                return b"".join(parts)
            if not trailer.endswith(b"\n"):
                raise _Refused(400, "The chunked request body does not end with an empty line")

    def handle_expect_100(self) -> bool:
        """Refuse a body that is too large before the client sends it: what ``Expect: 100-continue`` asks for."""
        try:
            if not self._chunked():
                self._declared_length()
        except _Refused as refused:
            self._refuse(refused.status, refused.detail)
            return False
        return super().handle_expect_100()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a bad request line, headers too long, an unknown method) in the vendors'
        JSON shape rather than its HTML page."""
        phrase = HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else "Error"
        self._refuse(code, message or phrase)

    def _refuse(self, status: int, detail: str) -> None:
        """Answer a request the sandbox will not read on, and end the connection: its unread rest would otherwise be
        taken for the next request."""
        self.close_connection = True
        with contextlib.suppress(OSError):  # the client may be gone already
            self._send(error(status, detail), CLEAN)
            self._linger()

    def _linger(self) -> None:
        """Read and drop what the client still sends, for a moment, so closing does not reset the connection."""
        self.connection.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + LINGER_SECONDS
        discarded = 0
        while discarded < LINGER_BYTES and (left := deadline - time.monotonic()) > 0:
            self.connection.settimeout(left)
            data = self.rfile.read1(65536)
            if not data:
                return
            discarded += len(data)

    def _handle(self) -> None:
        sandbox = self.server.sandbox
        try:
            body = self._read_body()
        except _Refused as refused:
            self._refuse(refused.status, refused.detail)
            return
        path, _, query_string = self.path.partition("?")
        decision = sandbox.faults.decide(request_identity(self.command, self.path, body))
        if decision.latency_s:
            time.sleep(decision.latency_s)
        if decision.answer is FaultKind.RESET:
            self._reset()
            return
        try:
            if decision.answer is not None:
                response = fault_answer(decision.answer, sandbox.config)
            else:
                query = parse_qs(query_string, keep_blank_values=True)
                headers = {name.lower(): value for name, value in self.headers.items()}
                response = sandbox.handle(self.command, path, query, headers, body, decision)
        except Exception:  # a sandbox bug: answer like a server would, and say why on stderr
            traceback.print_exc(file=sys.stderr)
            response = error(500, "Internal Server Error")
        try:
            self._send(response, decision)
        except (BrokenPipeError, ConnectionResetError):  # the client went away mid-answer
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def _reset(self) -> None:
        """Abort the connection with a TCP RST (SO_LINGER 0), as a crashed proxy does."""
        self.close_connection = True
        with contextlib.suppress(OSError):  # a platform without SO_LINGER still closes the connection
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()

    def _head(self, response: Response, extra: Sequence[tuple[str, str]]) -> bytes:
        reason = HTTPStatus(response.status).phrase if response.status in HTTPStatus._value2member_map_ else "Unknown"
        lines = [
            b"HTTP/1.1 %d %b" % (response.status, reason.encode()),
            b"Server: tracebridge-sandbox",
            b"Date: " + _http_date(),
            b"Content-Type: " + response.content_type.encode(),
        ]
        lines.extend(f"{name}: {value}".encode() for name, value in (*response.headers, *extra))
        if self.close_connection:
            lines.append(b"Connection: close")
        return b"\r\n".join(lines) + b"\r\n\r\n"

    def _send(self, response: Response, decision: FaultDecision) -> None:
        slow = decision.slow_first_byte
        delay = self.server.sandbox.config.slow_first_byte_ms / 1000.0
        write = self.wfile.write
        if response.stream is None:
            body = response.body
            if decision.truncate and response.page and len(body) > 2:
                cut = max(1, int(len(body) * (0.3 + 0.4 * ((decision.token >> 8) % 1000) / 1000)))
                body = body[:cut]
            head = self._head(response, (("Content-Length", str(len(body))),))
            if slow:
                write(head)
                time.sleep(delay)
                write(body)
            else:
                write(head + body)
            return
        write(self._head(response, (("Transfer-Encoding", "chunked"),)))
        if slow:
            time.sleep(delay)
        try:
            for chunk in response.stream:
                if chunk:
                    write(b"%x\r\n%b\r\n" % (len(chunk), chunk))
        finally:
            close = getattr(response.stream, "close", None)
            if close is not None:
                close()
        if response.cut:
            self.close_connection = True  # end without the terminating chunk: the client sees a broken stream
            return
        write(b"0\r\n\r\n")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.body_bytes_read = 0
        """Request body bytes read so far, every connection together (what ``MAX_REQUEST_BODY`` bounds per request)."""
        self._count_lock = threading.Lock()
        super().__init__(address, _RequestHandler)

    def count_body_bytes(self, count: int) -> None:
        with self._count_lock:
            self.body_bytes_read += count

    def server_bind(self) -> None:
        """Bind without ``HTTPServer``'s reverse DNS lookup of the host, which can take seconds on some networks."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections dropped by clients (resets, timeouts) are normal here; other errors are printed."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class SandboxServer:
    """A ``Sandbox`` served over HTTP on ``config.host:config.port`` (0 picks a free port) from a background thread."""

    def __init__(self, config: SandboxConfig) -> None:
        self.sandbox = Sandbox(config)
        self._httpd = _HTTPServer((config.host, config.port), self.sandbox)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def body_bytes_read(self) -> int:
        """Request body bytes the server has read: what a test checks the body cap against."""
        return self._httpd.body_bytes_read

    @property
    def base_url(self) -> str:
        host = self.sandbox.config.host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, name="tracebridge-sandbox", daemon=True)
        self._thread.start()

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        """Stop accepting, finish the request loop, close the listening socket."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()


__all__ = ["JSON", "Sandbox", "SandboxServer", "fault_answer"]
