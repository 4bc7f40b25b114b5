"""An OTLP/HTTP traces receiver that counts spans and keeps nothing, for the client-side rates of ``bench_send.py``.

Runs in its own process (the clients' CPU is what is measured; this one takes the other core). Every POST body is
un-gzipped when it says so, decoded with ``opentelemetry-proto`` to count its spans (so "every span accepted" is
checked here too), then dropped; the answer is 200 with an empty ``ExportTraceServiceResponse``. HTTP/1.1 with
keep-alive, as a collector serves. ``GET /count`` answers ``{"spans": n, "requests": n, "bytes": n}``. Any other POST
(a REST call) is answered ``{}``. Prints ``PORT <n>`` once it listens.

    .venv/bin/python scripts/benchmarks/discard_receiver.py
"""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

EMPTY = ExportTraceServiceResponse().SerializeToString()


class Counts:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.spans = 0
        self.requests = 0
        self.bytes = 0


COUNTS = Counts()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not self.path.startswith("/v1/traces"):
            self._answer(200, "application/json", b"{}")
            return
        raw = gzip.decompress(body) if self.headers.get("Content-Encoding") == "gzip" else body
        request = ExportTraceServiceRequest()
        request.ParseFromString(raw)
        spans = sum(len(scope.spans) for resource in request.resource_spans for scope in resource.scope_spans)
        with COUNTS.lock:
            COUNTS.spans += spans
            COUNTS.requests += 1
            COUNTS.bytes += len(body)
        self._answer(200, "application/x-protobuf", EMPTY)

    def do_GET(self) -> None:
        if self.path.startswith("/count"):
            with COUNTS.lock:
                counts = {"spans": COUNTS.spans, "requests": COUNTS.requests, "bytes": COUNTS.bytes}
            self._answer(200, "application/json", json.dumps(counts).encode())
            return
        self._answer(200, "application/json", b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


def main() -> None:
    server = Server(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
