"""Deterministic OpenTelemetry ids from vendor ids.

Why derived rather than random: re-running an export must give the same ids, so sinks can dedupe and a span exported
twice stays one span; and ids derived from the source ids let a child find its parent's span id without a lookup.
The hash input names the vendor and the id's role, so a Humanloop log and a Galileo span with equal ids never
collide, and neither do a trace and a span built from the same source id.
"""

from __future__ import annotations

import functools
import hashlib
import uuid

_ZERO_TRACE = "0" * 32
_ZERO_SPAN = "0" * 16


def _digest(system: str, role: str, source_id: str) -> str:
    # surrogatepass: an id with a lone surrogate still gets its own stable id (strict UTF-8 would raise)
    return hashlib.sha256(f"{system}:{role}:{source_id}".encode("utf-8", "surrogatepass")).hexdigest()


# Both cached: the records of one source record ask for the same few ids again and again (each span of a Galileo trace
# its trace's id, each Evaluator Log the span id of the Log it judges), and a hit is cheaper than hashing again.
@functools.lru_cache(maxsize=4096)
def trace_id_for(system: str, source_trace_id: str) -> str:
    """The 32-hex OTel trace id for a source trace (or root) id.

    A Galileo trace id is already a UUID, so its hex form is used as-is: users can then search their backend with the id
    Galileo shows. Anything else is hashed.
    """
    if system == "galileo":
        try:
            value = uuid.UUID(source_trace_id).hex
        except ValueError:
            value = ""
        if value and value != _ZERO_TRACE:
            return value
    value = _digest(system, "trace", source_trace_id)[:32]
    return value if value != _ZERO_TRACE else _digest(system, "trace!", source_trace_id)[:32]


@functools.lru_cache(maxsize=4096)
def span_id_for(system: str, source_id: str) -> str:
    """The 16-hex OTel span id for a source log, trace or span id."""
    value = _digest(system, "span", source_id)[:16]
    return value if value != _ZERO_SPAN else _digest(system, "span!", source_id)[:16]


def record_id_for(system: str, *parts: str) -> str:
    """A stable id for a record with no id of its own (a metric on a span, an annotation by one annotator...)."""
    return _digest(system, "record", "\x1f".join(parts))[:32]
