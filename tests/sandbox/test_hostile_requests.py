"""Hostile requests to the sandbox (issue #17): a body over the 1 MiB cap is answered 413 without being read, a
malformed request 400, both with the vendors' ``{"detail": ...}`` body and never a traceback; memory stays flat."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from tracebridge.sandbox import RunningSandbox
from tracebridge.sandbox.server import MAX_REQUEST_BODY

from tests.sandbox.conftest import export_path, sandbox_process

HOST = "127.0.0.1"


def _port(base_url: str) -> int:
    return int(base_url.rsplit(":", 1)[1])


def exchange(base_url: str, request: bytes, *, half_close: bool = False) -> bytes:
    """Send raw bytes, read everything the server answers until it closes (or 10 s pass)."""
    with socket.create_connection((HOST, _port(base_url)), timeout=10) as connection:
        connection.sendall(request)
        if half_close:
            connection.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def status_and_detail(answer: bytes) -> tuple[int, str, Any]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers.get("Content-Type", ""), json.loads(body)["detail"]


def post_head(path: str, key_header: str, key: str, *extra: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", f"Host: {HOST}", f"{key_header}: {key}", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_malformed_requests_get_400_with_a_detail_and_no_traceback() -> None:
    with sandbox_process("--records", "5") as (process, sandbox):
        head = post_head(export_path(sandbox), sandbox.galileo_key_header, sandbox.galileo_api_key)[:-2]
        cases = {
            "binary request line": (b"\x16\x03\x01\x02\x00garbage\r\n\r\n", "Bad request syntax"),
            "request line of one word": (b"GET\r\n\r\n", "Bad request syntax"),
            "Content-Length not a number": (head + b"Content-Length: abc\r\n\r\n{}", "Content-Length must be"),
            "negative Content-Length": (head + b"Content-Length: -5\r\n\r\n{}", "Content-Length must be"),
            "conflicting Content-Length": (
                head + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "Conflicting Content-Length",
            ),
            "chunk size not hexadecimal": (
                head + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "Chunk size must be hexadecimal, got 'zz'",
            ),
            "chunk not followed by CRLF": (
                head + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx0\r\n\r\n",
                "not followed by CRLF",
            ),
        }
        for name, (request, detail) in cases.items():
            status, content_type, got = status_and_detail(exchange(sandbox.base_url, request))
            assert (status, content_type) == (400, "application/json"), name
            assert detail in got, name
        short = head + b"Content-Length: 100\r\n\r\n{}"
        status, _, got = status_and_detail(exchange(sandbox.base_url, short, half_close=True))
        assert (status, got) == (400, "The request body ended after 2 of its 100 bytes")
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "Traceback" not in err and "Exception" not in err, err


def test_a_declared_body_over_the_cap_is_refused_without_reading_it(sandbox_factory: Any) -> None:
    sandbox: RunningSandbox = sandbox_factory(records=5)
    head = post_head(export_path(sandbox), sandbox.galileo_key_header, sandbox.galileo_api_key)[:-2]
    started = time.monotonic()
    answer = exchange(sandbox.base_url, head + b"Content-Length: 300000000\r\n\r\n{}", half_close=True)
    status, _, detail = status_and_detail(answer)
    assert time.monotonic() - started < 5
    assert (status, detail) == (
        413,
        f"Request body too large: 300000000 bytes; the sandbox accepts at most {2**20} bytes",
    )
    assert b"Connection: close" in answer

    expect = head + b"Content-Length: 300000000\r\nExpect: 100-continue\r\n\r\n"
    answer = exchange(sandbox.base_url, expect, half_close=True)
    assert answer.startswith(b"HTTP/1.1 413 "), "refused before the client sends the body, not after a 100 Continue"
    assert sandbox.server.body_bytes_read == 0


def test_a_chunked_body_is_read_only_up_to_the_cap(sandbox_factory: Any) -> None:
    sandbox: RunningSandbox = sandbox_factory(records=5)
    head = post_head(export_path(sandbox), sandbox.galileo_key_header, sandbox.galileo_api_key)[:-2]
    answer = _stream_chunked(sandbox.base_url, head + b"Transfer-Encoding: chunked\r\n\r\n", 16 * MAX_REQUEST_BODY)
    status, _, detail = status_and_detail(answer)
    assert status == 413 and detail.startswith("Request body too large")
    assert MAX_REQUEST_BODY - 65536 < sandbox.server.body_bytes_read <= MAX_REQUEST_BODY


def _stream_chunked(base_url: str, head: bytes, size: int) -> bytes:
    """Stream ``size`` bytes as a chunked body from one thread while this one reads the answer as it comes."""
    connection = socket.create_connection((HOST, _port(base_url)), timeout=20)

    def send() -> None:
        piece = b"%x\r\n%b\r\n" % (65536, b"a" * 65536)
        try:
            connection.sendall(head)
            for _ in range(size // 65536):
                connection.sendall(piece)
            connection.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server refused and closed: what the test expects of it

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    finally:
        sender.join(timeout=30)
        connection.close()
    return received


def _peak_rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads peak memory from /proc")
def test_a_large_upload_leaves_the_sandbox_s_memory_flat() -> None:
    with sandbox_process("--records", "5") as (process, sandbox):
        head = post_head(export_path(sandbox), sandbox.galileo_key_header, sandbox.galileo_api_key)[:-2]
        exchange(sandbox.base_url, head + b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")  # warm up
        before = _peak_rss_kib(process.pid)

        answer = _stream_chunked(sandbox.base_url, head + b"Transfer-Encoding: chunked\r\n\r\n", 64 * 2**20)
        assert answer.startswith(b"HTTP/1.1 413 ")
        answer = _stream_chunked(sandbox.base_url, head + b"Content-Length: 300000000\r\n\r\n", 64 * 2**20)
        assert answer.startswith(b"HTTP/1.1 413 ")

        grown_mib = (_peak_rss_kib(process.pid) - before) / 1024
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert grown_mib < 24, f"peak memory grew {grown_mib:.0f} MiB for 128 MiB sent"
    assert "Traceback" not in err, err
