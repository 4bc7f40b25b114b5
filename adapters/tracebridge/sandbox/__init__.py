"""A local stand-in for the Humanloop and Galileo APIs, with realistic generated data, latency and faults.

Humanloop shut down in 2025 and Galileo needs a tenant, so every test, benchmark and first try of tracebridge talks to
this instead: the five documented endpoints, on loopback, with the documented paths, auth headers, query semantics
and response shapes. Use it from the command line (``tracebridge sandbox``), from Python::

    from tracebridge.sandbox import SandboxConfig, running

    with running(SandboxConfig(records=10_000, faults={"rate_limit": 0.1})) as sandbox:
        print(sandbox.base_url, sandbox.humanloop_api_key, sandbox.project_id)

or from pytest, with the ``sandbox`` and ``sandbox_factory`` fixtures of ``tests.sandbox_plugin``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import attrs

from tracebridge.sandbox.config import Latency, SandboxConfig
from tracebridge.sandbox.faults import FaultKind, FaultRule, FaultSpecError, parse_fault, parse_faults

if TYPE_CHECKING:
    from tracebridge.sandbox.server import SandboxServer


@attrs.frozen
class RunningSandbox:
    """A started sandbox: where it listens, the keys it accepts and the ids it knows."""

    base_url: str
    config: SandboxConfig
    humanloop_api_key: str = attrs.field(repr=False)
    """Keys stay out of reprs (and so out of test reports and logs)."""
    galileo_api_key: str = attrs.field(repr=False)
    galileo_key_header: str
    project_id: str
    """Humanloop project (``pr_``) for ``POST /v4/projects/{id}/export``."""
    evaluation_id: str
    """Humanloop evaluation (``ev_``) for both ``/v4/evaluations/{id}/datapoints`` and ``/v5/evaluations/{id}/logs``."""
    evaluatee_ids: tuple[str, ...]
    run_ids: tuple[str, ...]
    loose_log_ids: tuple[str, ...]
    """Humanloop logs in no run: what ``add-logs`` can add."""
    galileo_project_id: str
    log_stream_id: str
    experiment_id: str
    server: SandboxServer = attrs.field(repr=False, eq=False)

    @property
    def evaluation_ids(self) -> tuple[str, ...]:
        return (self.evaluation_id,)

    @classmethod
    def of(cls, server: SandboxServer) -> RunningSandbox:
        sandbox = server.sandbox
        humanloop, galileo = sandbox.humanloop, sandbox.galileo
        return cls(
            base_url=server.base_url,
            config=sandbox.config,
            humanloop_api_key=sandbox.humanloop_key,
            galileo_api_key=sandbox.galileo_key,
            galileo_key_header=sandbox.config.galileo_key_header,
            project_id=humanloop.project_id,
            evaluation_id=humanloop.evaluation_id,
            evaluatee_ids=humanloop.evaluatee_ids,
            run_ids=humanloop.run_ids,
            loose_log_ids=humanloop.loose_log_ids,
            galileo_project_id=galileo.project_id,
            log_stream_id=galileo.log_stream_id,
            experiment_id=galileo.experiment_id,
            server=server,
        )

    def stop(self) -> None:
        self.server.stop()


def start(config: SandboxConfig | None = None) -> RunningSandbox:
    """Start a sandbox in a background thread; call ``stop()`` on the result (or use ``running``)."""
    # The server (http.server, the data it generates) is imported when one starts: `tracebridge --help` and the
    # parser of `tracebridge sandbox` read only the config and the fault kinds of this package.
    from tracebridge.sandbox.server import SandboxServer  # noqa: PLC0415

    server = SandboxServer(config or SandboxConfig())
    server.start()
    return RunningSandbox.of(server)


@contextmanager
def running(config: SandboxConfig | None = None) -> Iterator[RunningSandbox]:
    """A sandbox serving for the duration of the ``with`` block, stopped cleanly after it."""
    sandbox = start(config)
    try:
        yield sandbox
    finally:
        sandbox.stop()


__all__ = [
    "FaultKind",
    "FaultRule",
    "FaultSpecError",
    "Latency",
    "RunningSandbox",
    "SandboxConfig",
    "parse_fault",
    "parse_faults",
    "running",
    "start",
]
