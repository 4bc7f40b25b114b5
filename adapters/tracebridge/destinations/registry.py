"""The destinations ``--to`` names, and what each needs to be made: one entry per platform, imported when chosen."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Final

import attrs

from tracebridge.destinations.base import Destination
from tracebridge.transport.retry import RetryPolicy


@attrs.frozen
class SendOptions:
    """What the command line says about the target; each destination takes what applies to it."""

    endpoint: str | None = None
    """The target's base URL (``--endpoint``); each destination has an environment variable and a default."""
    project: str | None = None
    """Phoenix's project for the spans (default ``tracebridge``)."""
    max_request_bytes: int | None = None
    """None: the destination's own default (Langfuse Cloud takes 5 MB a request)."""
    timeout: float = 60.0
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)
    verify_wait: float | None = None
    """``--verify``: seconds to wait, once nothing more arrives, for what is still missing (None: the destination's
    default). A target that stores after it answers needs some; a script that knows the target is settled, less."""


DESTINATIONS: Final[dict[str, str]] = {
    "langfuse": "tracebridge.destinations.langfuse:from_options",
    "otlp": "tracebridge.destinations.otlp:from_options",
    "phoenix": "tracebridge.destinations.phoenix:from_options",
}
"""``--to`` value -> ``module:factory`` (a ``Callable[[SendOptions], Destination]``), imported only when chosen."""


def make_destination(name: str, options: SendOptions) -> Destination:
    """The destination ``name`` for ``options``; ValueError for an unknown name or settings that cannot work."""
    if name not in DESTINATIONS:
        raise ValueError(f"unknown destination {name!r}: choose from {', '.join(sorted(DESTINATIONS))}")
    module, _, factory = DESTINATIONS[name].partition(":")
    make: Callable[[SendOptions], Destination] = getattr(importlib.import_module(module), factory)
    return make(options)
