"""A real OTLP/HTTP (and JSON REST) receiver on loopback for destination tests: it decodes what it is sent.

Requests are kept whole (method, path, headers, body); OTLP trace bodies are decoded with ``opentelemetry-proto``
into their spans. Answers can be scripted per path (a status for bodies over a size, a 429 first, an echo of a
header), so the batching and retry paths run against a server, not a mock.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest


@attrs.define
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def otlp(self) -> ExportTraceServiceRequest:
        raw = gzip.decompress(self.body) if self.headers.get("content-encoding") == "gzip" else self.body
        request = ExportTraceServiceRequest()
        request.ParseFromString(raw)
        return request


Answer = Callable[[Received], tuple[int, dict[str, str], bytes]]
"""A scripted answer: status, headers, body."""


@attrs.define
class Receiver:
    base_url: str = ""
    requests: list[Received] = attrs.field(factory=list)
    answers: dict[str, Answer] = attrs.field(factory=dict)
    """Path prefix -> answer; the longest matching prefix wins. Without one: 200 and an empty JSON object."""
    lock: threading.Lock = attrs.field(factory=threading.Lock)

    def to(self, prefix: str) -> list[Received]:
        return [request for request in self.requests if request.path.startswith(prefix)]

    def spans(self, prefix: str = "/v1/traces") -> list[tuple[dict[str, Any], Any]]:
        """Every span received on ``prefix``: (its resource attributes, the span message)."""
        found = []
        for request in self.to(prefix):
            for resource_spans in request.otlp().resource_spans:
                resource = {kv.key: kv.value for kv in resource_spans.resource.attributes}
                for scope_spans in resource_spans.scope_spans:
                    found.extend((resource, span) for span in scope_spans.spans)
        return found


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            received = Received(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            with receiver.lock:
                receiver.requests.append(received)
                prefixes = sorted((p for p in receiver.answers if self.path.startswith(p)), key=len, reverse=True)
            status, headers, answer = receiver.answers[prefixes[0]](received) if prefixes else (200, {}, b"{}")
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    # Each answer closes its connection (HTTP/1.0), so a client sending concurrently opens connections faster than
    # the default backlog of 5 takes them; a dropped SYN costs a second.
    request_queue_size = 128


@contextmanager
def receiving() -> Iterator[Receiver]:
    receiver = Receiver()
    server = _Server(("127.0.0.1", 0), _handler(receiver))
    receiver.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
