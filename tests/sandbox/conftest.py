"""HTTP clients bound to the session sandbox, and small readers of what it answers.

Every sandbox test talks to a real server over loopback (the ``sandbox`` / ``sandbox_factory`` fixtures); these
helpers only save repeating the key header and the Galileo export path.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox


def humanloop_client(sandbox: RunningSandbox, **kwargs: Any) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}, timeout=30, **kwargs
    )


def galileo_client(sandbox: RunningSandbox, **kwargs: Any) -> httpx.Client:
    return httpx.Client(
        base_url=sandbox.base_url, headers={sandbox.galileo_key_header: sandbox.galileo_api_key}, timeout=30, **kwargs
    )


def export_path(sandbox: RunningSandbox) -> str:
    return f"/v2/projects/{sandbox.galileo_project_id}/export_records"


def export_lines(client: httpx.Client, sandbox: RunningSandbox, **body: Any) -> list[dict[str, Any]]:
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
