"""pytest fixtures that run the sandbox: ``sandbox`` (one per session) and ``sandbox_factory`` (custom configs).

Tests talk HTTP to a real server on a free loopback port rather than to a mocked transport, so what they check is
what crosses the wire. Enable with ``pytest_plugins = ["tests.sandbox_plugin"]`` in a ``conftest.py``.
The session sandbox is shared: tests that change its state (adding logs to a run) should use the factory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import attrs
import pytest
from tracebridge.sandbox import RunningSandbox, SandboxConfig, start

SESSION_CONFIG = SandboxConfig(seed=7, records=200)
"""The shared sandbox: small enough to export whole in a test, large enough for several pages everywhere."""


class SandboxFactory(Protocol):
    def __call__(self, config: SandboxConfig | None = None, /, **changes: Any) -> RunningSandbox:
        """Start a sandbox with ``config`` (default: the session's) updated by ``changes``; stopped after the test."""
        ...


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    """A sandbox shared by the whole test session (seed 7, 200 records per collection, no faults)."""
    running = start(SESSION_CONFIG)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def sandbox_factory() -> Iterator[SandboxFactory]:
    """Start sandboxes with custom configs (faults, sizes, keys); each is stopped when the test ends."""
    started: list[RunningSandbox] = []

    def factory(config: SandboxConfig | None = None, /, **changes: Any) -> RunningSandbox:
        running = start(attrs.evolve(config or SESSION_CONFIG, **changes))
        started.append(running)
        return running

    try:
        yield factory
    finally:
        for running in started:
            running.stop()
