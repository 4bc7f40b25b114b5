"""The Python entry points: ``running()`` serves for a ``with`` block on a free port and stops cleanly; the fixtures
hand out live sandboxes; keys stay out of reprs."""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox, SandboxConfig, running


def refuses_connections(base_url: str) -> bool:
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_running_serves_inside_the_block_and_stops_after_it() -> None:
    with running(SandboxConfig(records=5, seed=1)) as sandbox:
        with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
            assert client.post(f"/v4/projects/{sandbox.project_id}/export").json()["total"] == 5
        assert sandbox.base_url.startswith("http://127.0.0.1:") and not sandbox.base_url.endswith(":0")
    assert refuses_connections(sandbox.base_url)


def test_two_sandboxes_get_different_free_ports() -> None:
    with running() as first, running() as second:
        assert first.base_url != second.base_url


def test_keys_stay_out_of_reprs() -> None:
    config = SandboxConfig(humanloop_api_key="hl_sk_secret_1", galileo_api_key="gal-secret-2")
    with running(config) as sandbox:
        shown = repr(sandbox)
    assert "secret" not in shown and "secret" not in repr(config)
    assert sandbox.humanloop_api_key == "hl_sk_secret_1"


def test_the_session_fixture_is_live(sandbox: RunningSandbox) -> None:
    assert (sandbox.config.seed, sandbox.config.records) == (7, 200)
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
        assert client.get(f"/v5/evaluations/{sandbox.evaluation_id}/logs").status_code == 200


def test_the_factory_applies_changes_to_the_session_config(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    sandbox = sandbox_factory(records=3)
    assert (sandbox.config.seed, sandbox.config.records) == (7, 3)


def test_a_config_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="records"):
        SandboxConfig(records=-1)
    with pytest.raises(ValueError, match="unknown fault kind 'flood'"):
        SandboxConfig(faults={"flood": 0.1})
    with pytest.raises(ValueError, match="rate"):
        SandboxConfig(faults={"rate_limit": 1.5})
