"""A streamed Galileo export line that is not UTF-8 is rejected alone, its bytes shown; its neighbours arrive."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from tracebridge.galileo.client import GalileoClient

from tests.fixture_files import load_lines

PROJECT = "0d4e3799-3861-4759-875f-9ae14c167b0a"


def _body() -> bytes:
    lines = [json.dumps(record).encode() for record in load_lines("galileo/export-flat.jsonl")]
    broken = lines[1].replace(b'"name": "', b'"name": "\xff', 1)
    return b"\n".join([lines[0], broken, *lines[2:]]) + b"\n"


class _Export(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = _body()
        self.send_response(200)
        self.send_header("Content-Type", "application/jsonl")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Export)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def test_a_line_that_is_not_utf8_is_one_reject(server: str) -> None:
    export = GalileoClient("gal-key-0001", base_url=server).export_records(PROJECT, log_stream_id=PROJECT)
    records = list(export.records())
    total = len(load_lines("galileo/export-flat.jsonl"))
    assert export.report.fetched == total and export.report.unique == total - 1
    (reject,) = export.rejects
    assert reject.reason.startswith("not UTF-8 text: byte 0xff at byte")
    assert '"name": "\\xff' in reject.raw, "the bytes are shown, not replaced"
    assert records and "\ufffd" not in json.dumps([getattr(r, "name", "") for r in records])
