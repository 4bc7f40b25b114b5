"""A server that answers a byte at a time never trips a per-read timeout; ``timeout`` is a deadline per attempt
(issue #17). A JSON answer must arrive whole within it; a stream must start within it, then complete a line within
it of waiting, however long the whole stream takes. Served by a tiny real socket server that drips."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from tracebridge import ApiError, GalileoClient, HumanloopClient, RetryPolicy, StreamBrokenError

FIXTURE_LINES = (Path(__file__).resolve().parents[1] / "fixtures" / "galileo" / "export-flat.jsonl").read_bytes()
GALILEO_LINES = FIXTURE_LINES.splitlines(keepends=True)[:4]
PROJECT = "0d4e3799-3861-4759-875f-9ae14c167b0a"
LOG_STREAM = "74aec44e-ec21-4c9f-a3e2-b2ab2b81b4db"
EMPTY_PAGE = b'{"records": [], "page": 0, "size": 100, "total": 0}'
FAST = RetryPolicy(max_attempts=2, initial_delay=0.01, max_delay=0.01)
DRIP_S = 0.2
"""Between two dripped bytes: far below any per-read timeout used here, so only a deadline can stop a drip."""

Answer = Callable[[socket.socket], None]
"""Writes one response on a connection (its request already read)."""


class Drip:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return  # closed: the test is over
            self.connections += 1
            threading.Thread(target=self._one, args=(connection,), daemon=True).start()

    def _one(self, connection: socket.socket) -> None:
        with connection, suppress(OSError):  # the client giving up mid-drip is the point
            _read_request(connection)
            self.answer(connection)


def _read_request(connection: socket.socket) -> None:
    """Read a whole request (headers and a Content-Length body), so that closing never resets the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.lower().split(b"\r\n") if line.startswith(b"content-length")), 0
    )
    while len(body) < length:
        body += connection.recv(65536)


@contextmanager
def dripping(answer: Answer) -> Iterator[Drip]:
    drip = Drip(answer)
    threading.Thread(target=drip.serve, daemon=True).start()
    try:
        yield drip
    finally:
        drip.listener.close()


def drip_bytes(connection: socket.socket, data: bytes) -> None:
    for byte in data:
        connection.sendall(bytes([byte]))
        time.sleep(DRIP_S)


def json_head(length: int) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % length


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%b\r\n" % (len(data), data)


STREAM_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n"


def dripped_body(connection: socket.socket) -> None:
    """Headers at once, then a valid page a byte every 0.2 s: 30 s in all, each read well within any timeout."""
    body = EMPTY_PAGE + b" " * (150 - len(EMPTY_PAGE))
    connection.sendall(json_head(len(body)))
    drip_bytes(connection, body)


def dripped_headers(connection: socket.socket) -> None:
    drip_bytes(connection, json_head(len(EMPTY_PAGE)) + EMPTY_PAGE)


def humanloop(base_url: str, timeout: float) -> HumanloopClient:
    return HumanloopClient("hl_sk_test_key_0001", base_url=base_url, timeout=timeout, retry=FAST)


def galileo(base_url: str, timeout: float) -> GalileoClient:
    return GalileoClient("galileo_test_key_0001", base_url=base_url, timeout=timeout, retry=FAST)


@pytest.mark.parametrize("answer", [dripped_body, dripped_headers], ids=["body", "headers"])
def test_a_dripped_json_answer_is_cut_off_at_the_deadline_and_retried(answer: Answer) -> None:
    with dripping(answer) as drip:
        started = time.monotonic()
        with pytest.raises(ApiError) as failure:
            list(humanloop(drip.base_url, timeout=1).export_project("pr_1").models())
        elapsed = time.monotonic() - started
    assert "no complete response within 1 s" in str(failure.value)
    assert failure.value.attempts == 2 and "(after 2 attempts)" in str(failure.value)
    assert drip.connections == 2, "the deadline hit was retried like a timeout"
    assert elapsed < 15, f"two 1-second attempts took {elapsed:.1f} s: the drip was waited out"


def test_a_stream_is_held_to_a_deadline_per_line_not_in_total() -> None:
    def steady(connection: socket.socket) -> None:
        # Each line within the timeout, the whole stream well past it: a long export, not a stalled one.
        connection.sendall(STREAM_HEAD)
        for line in GALILEO_LINES:
            time.sleep(0.5)
            connection.sendall(chunk(line))
        connection.sendall(b"0\r\n\r\n")

    def dripped(connection: socket.socket) -> None:
        connection.sendall(STREAM_HEAD)
        for byte in b"".join(GALILEO_LINES):
            connection.sendall(chunk(bytes([byte])))
            time.sleep(DRIP_S)

    def export_ids(base_url: str, *, pause: float = 0.0) -> list[str]:
        async def read() -> list[str]:
            export = galileo(base_url, timeout=1.5).export_records(PROJECT, log_stream_id=LOG_STREAM)
            ids = []
            async for model in export.amodels():
                ids.append(str(model.id))
                await asyncio.sleep(pause)  # the consumer's time is not the stream's
            return ids

        return asyncio.run(read())

    expected = [line.split(b'"')[3].decode() for line in GALILEO_LINES]
    with dripping(steady) as drip:
        assert export_ids(drip.base_url) == expected
        # Longer than the timeout per record: only the time spent waiting for bytes counts against it.
        assert export_ids(drip.base_url, pause=1.7) == expected, "a slow consumer does not break a healthy stream"
    with dripping(dripped) as drip:
        started = time.monotonic()
        with pytest.raises(StreamBrokenError, match=r"no complete line within 1\.5 s .*gave up after 2 attempts"):
            export_ids(drip.base_url)
        elapsed = time.monotonic() - started
    assert drip.connections == 2
    assert elapsed < 15, f"two 1.5-second attempts took {elapsed:.1f} s: the drip was waited out"


def test_a_stream_whose_headers_drip_is_cut_off_at_the_deadline() -> None:
    def dripped_head(connection: socket.socket) -> None:
        drip_bytes(connection, STREAM_HEAD + chunk(GALILEO_LINES[0]) + b"0\r\n\r\n")

    with dripping(dripped_head) as drip, pytest.raises(ApiError, match=r"no complete response within 1 s"):
        list(galileo(drip.base_url, timeout=1).export_records(PROJECT, log_stream_id=LOG_STREAM).models())
    assert drip.connections == 2
