"""Splitting a streamed body into lines: correct at every chunk boundary, and linear in the bytes (issue #17: a
40 MB line took 86 s from a stream, re-copied per chunk, and 2 s from a file)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import suppress

import httpx
import pytest
from tracebridge.transport.lines import LineSplitter, LineTooLongError, stream_lines

SAMPLE = b'{"a": 1}\r\n\n{"b": "x\\r"}\n\r\n{"c": [1, 2]}\r\n{"d": 4}'
"""CRLF and LF endings, empty lines (bare and CRLF), and a final line without a newline."""
EXPECTED = [b'{"a": 1}', b"", b'{"b": "x\\r"}', b"", b'{"c": [1, 2]}']


def split(chunks: list[bytes]) -> tuple[list[bytes], bytes]:
    splitter = LineSplitter()
    lines = [line for chunk in chunks for line in splitter.feed(chunk)]
    return lines, splitter.finish()


def test_every_single_cut_gives_the_same_lines() -> None:
    for cut in range(len(SAMPLE) + 1):
        assert split([SAMPLE[:cut], SAMPLE[cut:]]) == (EXPECTED, b'{"d": 4}'), cut


def test_byte_by_byte_and_crlf_split_across_chunks() -> None:
    assert split([bytes([byte]) for byte in SAMPLE]) == (EXPECTED, b'{"d": 4}')
    assert split([b'{"a": 1}\r', b'\n{"b": 2}\r', b"\n"]) == ([b'{"a": 1}', b'{"b": 2}'], b"")


def test_empty_chunks_and_a_body_of_newlines() -> None:
    assert split([b"", b"\n", b"", b"\r\n\n"]) == ([b"", b"", b""], b"")
    assert split([]) == ([], b"")


def test_a_line_past_the_limit_is_refused_before_it_is_held_whole() -> None:
    splitter = LineSplitter(max_line=10)
    splitter.feed(b"12345")
    with pytest.raises(LineTooLongError, match="longer than 10 bytes"):
        splitter.feed(b"678901")


def test_a_huge_line_in_small_chunks_is_split_in_linear_time() -> None:
    """24 MiB in 4 KiB chunks: 6,144 chunks. Re-copying the line per chunk moves about 75 GB (minutes); keeping
    the chunks and joining once moves it a few times (well under a second)."""
    line = b"x" * (24 * 1024 * 1024)
    body = line + b"\nend\n"
    splitter = LineSplitter()
    lines: list[bytes] = []
    for start in range(0, len(body), 4096):
        lines += splitter.feed(body[start : start + 4096])
    assert [len(item) for item in lines] == [len(line), 3]
    assert lines[0] == line and splitter.finish() == b""


@pytest.fixture
def long_line_server() -> Iterator[tuple[str, bytes]]:
    """Streams one 32 MiB JSONL record in 4 KiB HTTP chunks, as a slow network or a TLS proxy hands them over."""
    record = json.dumps({"id": "big", "input": "a" * (32 * 1024 * 1024)}).encode()
    body = record + b"\n" + b'{"id": "last"}'
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with suppress(OSError):  # the test closed the listener early
            connection, _ = listener.accept()
            with connection:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += connection.recv(65536)
                head = b"HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n"
                connection.sendall(head)
                for start in range(0, len(body), 4096):
                    piece = body[start : start + 4096]
                    connection.sendall(b"%x\r\n%b\r\n" % (len(piece), piece))
                connection.sendall(b"0\r\n\r\n")

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", record
    finally:
        listener.close()


@pytest.mark.timeout(60)
def test_a_32_mib_line_streamed_in_4_kib_chunks_arrives_whole(long_line_server: tuple[str, bytes]) -> None:
    """Not a timing assertion: linear splitting takes about a second here, the old quadratic one over two minutes
    (8,192 chunks, 128 GB copied), which the timeout turns into a failure."""
    url, record = long_line_server

    async def read() -> list[bytes]:
        async with httpx.AsyncClient(timeout=30) as client, client.stream("GET", url) as response:
            return [line async for lines in stream_lines(response, "test stream") for line in lines]

    lines = asyncio.run(read())
    assert lines == [record, b'{"id": "last"}'], "the final line without a newline is kept: it is whole JSON"
