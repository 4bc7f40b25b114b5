"""Every fault kind, switched on from Python (``SandboxConfig``) and from the command line (``--fault``,
``--latency-ms``), observed on the wire; decisions are deterministic for a seed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import FaultKind, Latency, RunningSandbox, SandboxConfig, running
from tracebridge.sandbox.drift import UNKNOWN_VALUES
from tracebridge.sandbox.faults import request_identity

from tests.sandbox.conftest import (
    Target,
    dechunk,
    export_path,
    galileo_client,
    humanloop_client,
    raw_request,
    sandbox_process,
)

RECORDS = 60
SEED = 11
SLOW_MS = 400


def page(target: Target, **params: Any) -> httpx.Response:
    with humanloop_client(target) as client:
        return client.post(f"/v4/projects/{target.project_id}/export", params={"size": 30, **params})


def clean_body(**params: Any) -> bytes:
    """The same page from a sandbox without faults (same seed and size), for comparison."""
    with running(SandboxConfig(seed=SEED, records=RECORDS)) as clean:
        return page(clean, **params).content


def observe_latency(target: Target) -> None:
    for number in range(3):
        started = time.perf_counter()
        assert page(target, page=number).status_code == 200
        assert 0.2 <= time.perf_counter() - started < 3.0


def observe_rate_limit(target: Target) -> None:
    response = page(target)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"
    assert "detail" in response.json()


def observe_500(target: Target) -> None:
    response = page(target)
    assert response.status_code == 500 and "detail" in response.json()


def observe_502(target: Target) -> None:
    response = page(target)
    assert response.status_code == 502
    assert response.headers["content-type"] == "text/html" and b"Bad Gateway" in response.content


def observe_503(target: Target) -> None:
    response = page(target)
    assert response.status_code == 503 and response.headers["retry-after"] == "1"


def observe_reset(target: Target) -> None:
    path = f"/v4/projects/{target.project_id}/export"
    with pytest.raises(ConnectionResetError):
        raw_request(target.base_url, "POST", path, {"X-API-KEY": target.humanloop_api_key})
    with pytest.raises(httpx.TransportError):
        page(target, page=1)


def observe_truncate(target: Target) -> None:
    response = page(target)
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == len(response.content)
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    full = clean_body()
    assert full.startswith(response.content) and len(response.content) < len(full)


def observe_stream_cut(target: Target) -> None:
    body = json.dumps({"root_type": "trace"}).encode()
    headers = {target.galileo_key_header: target.galileo_api_key, "Content-Type": "application/json"}
    raw = raw_request(target.base_url, "POST", export_path(target), headers, body)
    head, _, payload = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    chunks, complete = dechunk(payload)
    assert not complete
    lines = b"".join(chunks).split(b"\n")
    assert all(json.loads(line)["type"] == "trace" for line in lines[:-1])
    assert lines[-1]  # a line cut mid-way
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[-1])
    with galileo_client(target) as client, pytest.raises(httpx.RemoteProtocolError):
        client.post(export_path(target), json={"root_type": "trace"})


def observe_slow_first_byte(target: Target) -> None:
    with humanloop_client(target) as client:
        started = time.perf_counter()
        with client.stream("POST", f"/v4/projects/{target.project_id}/export") as response:
            headers_after = time.perf_counter() - started
            body = response.read()
        body_after = time.perf_counter() - started
    assert headers_after < SLOW_MS / 1000 * 0.75
    assert body_after >= SLOW_MS / 1000
    assert json.loads(body)["total"] == RECORDS


def _values(value: Any, name: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _values(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item, name)


def observe_drift(target: Target) -> None:
    drifted = page(target).json()["records"]
    clean = json.loads(clean_body())["records"]
    assert [r["id"] for r in drifted] == [r["id"] for r in clean]  # required fields kept
    assert all("x_sandbox_drift" in record for record in drifted)  # unknown fields
    pairs = {(key, value) for record in drifted for key, value in _values(record) if isinstance(value, str)}
    unknown = pairs & set(UNKNOWN_VALUES.items())
    assert unknown  # unknown enum values
    nulls = sum(1 for record in drifted for _, value in _values(record) if value is None)
    assert nulls > sum(1 for record in clean for _, value in _values(record) if value is None)
    with galileo_client(target) as client:
        lines = client.post(export_path(target), json={"root_type": "trace"}).text.splitlines()
    assert lines and all("x_sandbox_drift" in json.loads(line) for line in lines)


def observe_repeat(target: Target) -> None:
    first = page(target, page=0).json()
    second = page(target, page=1).json()
    repeated = [record["id"] for record in second["records"][:10]]
    assert repeated == [record["id"] for record in first["records"][-10:]]
    assert second["total"] == RECORDS + 10  # the new records that pushed the page down


OBSERVERS: dict[FaultKind, Callable[[Target], None]] = {
    FaultKind.LATENCY: observe_latency,
    FaultKind.RATE_LIMIT: observe_rate_limit,
    FaultKind.ERROR_500: observe_500,
    FaultKind.ERROR_502: observe_502,
    FaultKind.ERROR_503: observe_503,
    FaultKind.RESET: observe_reset,
    FaultKind.TRUNCATE: observe_truncate,
    FaultKind.STREAM_CUT: observe_stream_cut,
    FaultKind.SLOW_FIRST_BYTE: observe_slow_first_byte,
    FaultKind.DRIFT: observe_drift,
    FaultKind.REPEAT: observe_repeat,
}


def test_every_fault_kind_has_an_observer() -> None:
    assert set(OBSERVERS) == set(FaultKind)


@pytest.mark.parametrize("kind", list(FaultKind))
def test_fault_from_python(kind: FaultKind, sandbox_factory: Callable[..., RunningSandbox]) -> None:
    if kind is FaultKind.LATENCY:
        target = sandbox_factory(seed=SEED, records=RECORDS, latency=Latency(200, 100))
    else:
        target = sandbox_factory(seed=SEED, records=RECORDS, faults={kind: 1.0}, slow_first_byte_ms=SLOW_MS)
    OBSERVERS[kind](target)


@contextmanager
def cli_target(kind: FaultKind) -> Iterator[Target]:
    common = ("--seed", str(SEED), "--records", str(RECORDS), "--slow-first-byte-ms", str(SLOW_MS))
    fault = ("--latency-ms", "200+100") if kind is FaultKind.LATENCY else ("--fault", f"{kind.value}=1")
    with sandbox_process(*common, *fault) as (_, coordinates):
        yield coordinates


@pytest.mark.parametrize("kind", list(FaultKind))
def test_fault_from_the_command_line(kind: FaultKind) -> None:
    with cli_target(kind) as target:
        OBSERVERS[kind](target)


# ------------------------------------------------------------------------------------------------- determinism


def statuses(target: Target) -> list[int]:
    """Thirty distinct requests, then the first one retried until it passes."""
    answers = [page(target, page=number % 3, size=number).status_code for number in range(30)]
    retries = 0
    while page(target, page=0, size=0).status_code != 200:
        retries += 1
        assert retries < 30
    return [*answers, retries]


MIXED = {"rate_limit": 0.2, "error_500": 0.1, "error_503": 0.1, "error_502": 0.1}


def test_fault_decisions_are_deterministic_for_a_seed(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    first = statuses(sandbox_factory(seed=SEED, records=RECORDS, faults=MIXED))
    again = statuses(sandbox_factory(seed=SEED, records=RECORDS, faults=MIXED))
    other = statuses(sandbox_factory(seed=SEED + 1, records=RECORDS, faults=MIXED))
    assert first == again
    assert first != other
    assert {200, 429, 500, 502, 503} <= set(first[:-1])


def test_a_rate_below_1_lets_retries_through(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    target = sandbox_factory(seed=SEED, records=RECORDS, faults={"error_503": 0.7})
    answers = [page(target).status_code for _ in range(20)]
    assert 503 in answers and 200 in answers


def test_latency_has_jitter(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    target = sandbox_factory(seed=SEED, records=RECORDS, latency=Latency(100, 400))
    delays = []
    for number in range(6):
        started = time.perf_counter()
        page(target, page=number)
        delays.append(time.perf_counter() - started)
    assert min(delays) >= 0.1
    assert max(delays) - min(delays) >= 0.1


def test_latency_rate_applies_to_a_share_of_requests(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    target = sandbox_factory(seed=SEED, records=RECORDS, latency=Latency(150), faults={"latency": 0.5})
    slow = 0
    for number in range(12):
        started = time.perf_counter()
        page(target, page=number)
        slow += time.perf_counter() - started >= 0.15
    assert 0 < slow < 12


def test_a_galileo_export_is_the_same_request_whatever_time_it_pins_its_snapshot_to() -> None:
    """The client pins an export to ``created_at <= its start``; a run at another time must meet the same faults."""

    def body(cutoff: str, model: str = "gpt-4o") -> bytes:
        filters = [
            {"type": "text", "column_id": "model", "operator": "eq", "value": model},
            {"type": "date", "column_id": "created_at", "operator": "lte", "value": cutoff},
        ]
        return json.dumps({"log_stream_id": "ls_1", "filters": filters}).encode()

    path = "/v2/projects/p/export_records"
    first = request_identity("POST", path, body("2026-12-01T05:00:00+00:00"))
    assert request_identity("POST", path, body("2026-12-02T09:30:00+00:00")) == first
    assert request_identity("POST", path, body("2026-12-01T05:00:00+00:00", model="other")) != first
    assert request_identity("GET", "/v5/evaluations/ev_1/logs?page=1", b"") != first
