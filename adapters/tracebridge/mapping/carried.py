"""Records that many source records carry, built only where an export keeps them.

A Humanloop File version is embedded whole in every Log made with it (and in every Evaluator Log, Run...), so an
export of a million logs holds a few versions a million times. Mapping each copy would double the cost of mapping a
log, only for the export to keep the first copy of each. An adapter asked to defer them returns a ``Carried`` in its
place: the record's key and how to build it, built once, by whoever keeps the first copy
(``tracebridge.delivery.once``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from tracebridge.records import Record


@attrs.frozen(slots=True)
class Carried:
    key: str
    """The identity of what it builds, ``record_type:id`` (``definition_version:prv_1``)."""
    build: Callable[[], list[Record]]
    """The records it stands for (the version, and the definition it belongs to)."""


def expand(items: Iterable[Record | Carried]) -> list[Record]:
    """Every record, each ``Carried`` built in its place (no copy dropped): what an adapter returns undeferred."""
    out: list[Record] = []
    for item in items:
        if isinstance(item, Carried):
            out.extend(item.build())
        else:
            out.append(item)
    return out
