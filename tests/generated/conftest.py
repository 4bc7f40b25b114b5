"""A real loopback HTTP server that records each request and answers with a canned body.

The generated clients are tested against it rather than a mocked transport, so what is checked is what goes over the
wire: method, path, query string, headers and body.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

DOCS_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docs"


def doc_example(name: str) -> Any:
    return json.loads((DOCS_FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class SeenRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordingServer:
    base_url: str
    requests: list[SeenRequest] = field(default_factory=list)
    status: int = 200
    reply: Any = None
    raw: bytes | None = None
    content_type: str = "application/json"

    def answer(self, reply: Any, status: int = 200) -> None:
        self.reply, self.status, self.raw, self.content_type = reply, status, None, "application/json"

    def answer_raw(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.raw, self.content_type, self.status = body, content_type, status

    @property
    def last(self) -> SeenRequest:
        return self.requests[-1]


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    state = RecordingServer(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            parts = urlsplit(self.path)
            state.requests.append(
                SeenRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
            )
            payload = state.raw if state.raw is not None else json.dumps(state.reply).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", state.content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _handle

        def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
