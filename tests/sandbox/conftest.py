"""HTTP clients bound to the session sandbox, and small readers of what it answers.

Every sandbox test talks to a real server over loopback (the ``sandbox`` / ``sandbox_factory`` fixtures); these
helpers only save repeating the key header and the Galileo export path.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

Target = Any
"""A ``RunningSandbox`` or the ``Coordinates`` a ``tracebridge sandbox`` process printed."""


def humanloop_client(sandbox: Target, **kwargs: Any) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}, timeout=30, **kwargs
    )


def galileo_client(sandbox: Target, **kwargs: Any) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url, headers={sandbox.galileo_key_header: sandbox.galileo_api_key}, timeout=30, **kwargs
    )


def export_path(sandbox: Target) -> str:
    return f"/v2/projects/{sandbox.galileo_project_id}/export_records"


def export_lines(client: httpx.Client, sandbox: Target, **body: Any) -> list[dict[str, Any]]:
    """A whole Galileo JSONL export (log stream unless the body names another run), parsed line by line."""
    body.setdefault("log_stream_id", sandbox.log_stream_id)
    response = client.post(export_path(sandbox), json=body)
    assert response.status_code == 200, response.text
    assert response.text.endswith("\n")
    return [json.loads(line) for line in response.text.splitlines()]


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A Galileo record and every record nested in it (traces of sessions, spans of traces and spans)."""
    yield node
    for key in ("traces", "spans"):
        for child in node.get(key) or ():
            yield from walk(child)


@pytest.fixture
def hl(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with humanloop_client(sandbox) as client:
        yield client


@pytest.fixture
def gal(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with galileo_client(sandbox) as client:
        yield client


@dataclass(frozen=True)
class Coordinates:
    """What ``tracebridge sandbox`` prints, under the attribute names of ``RunningSandbox`` (tests take either)."""

    base_url: str
    humanloop_api_key: str
    galileo_api_key: str
    galileo_key_header: str
    project_id: str
    evaluation_id: str
    evaluatee_ids: tuple[str, ...]
    run_ids: tuple[str, ...]
    loose_log_ids: tuple[str, ...]
    galileo_project_id: str
    log_stream_id: str
    experiment_id: str
    startup_s: float

    @classmethod
    def parse(cls, lines: dict[str, str], startup_s: float) -> Coordinates:
        return cls(
            base_url=lines["base url"],
            humanloop_api_key=lines["humanloop api key"],
            galileo_api_key=lines["galileo api key"],
            galileo_key_header=lines["galileo key header"],
            project_id=lines["humanloop project"],
            evaluation_id=lines["humanloop evaluation"],
            evaluatee_ids=tuple(lines["humanloop evaluatees"].split()),
            run_ids=tuple(lines["humanloop runs"].split()),
            loose_log_ids=tuple(lines["humanloop logs in no run"].split()),
            galileo_project_id=lines["galileo project"],
            log_stream_id=lines["galileo log stream"],
            experiment_id=lines["galileo experiment"],
            startup_s=startup_s,
        )


def tracebridge_command() -> list[str]:
    """The installed console script when there is one (what users run), else the module."""
    script = Path(sys.executable).with_name("tracebridge")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracebridge"]


@contextmanager
def sandbox_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], Coordinates]]:
    """``tracebridge sandbox --port 0 ARGS``, its printed coordinates read; terminated (if still running) after."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*tracebridge_command(), "sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines: dict[str, str] = {}
    try:
        while "faults" not in lines:
            line = process.stdout.readline()
            if not line:
                raise AssertionError(f"the sandbox exited early: {process.communicate(timeout=10)}")
            name, _, value = line.rstrip("\n").partition(": ")
            lines[name] = value
        yield process, Coordinates.parse(lines, time.perf_counter() - started)
    finally:
        if process.poll() is None:
            process.terminate()
        process.communicate(timeout=10)


def raw_request(base_url: str, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    """Send one HTTP/1.1 request over a plain socket and return every byte the server sent until it closed.

    For checks httpx hides: chunk framing, a body cut short, a connection reset.
    """
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall("\r\n".join(lines).encode() + b"\r\n\r\n" + body)
        received = bytearray()
        while chunk := connection.recv(65536):
            received += chunk
    return bytes(received)


def dechunk(payload: bytes) -> tuple[list[bytes], bool]:
    """The chunks of a chunked body, and whether the terminating zero-size chunk arrived."""
    chunks: list[bytes] = []
    while payload:
        size_line, _, rest = payload.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            return chunks, True
        chunks.append(rest[:size])
        payload = rest[size + 2 :]
    return chunks, False
