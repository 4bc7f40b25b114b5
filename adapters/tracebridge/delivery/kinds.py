"""What one kind of vendor record is, declared once by its vendor's wing and used by every source that reads it.

A record kind names the four things the intake and the Export need of a vendor record: what to call it in a reject,
how to parse it into its generated model, the identity that makes a repeat a duplicate, and the adapter that maps it.
An API listing, a stream and a file of the same records use the same kind, so the same JSON becomes the same common
records whichever way it arrived.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import attrs

from tracebridge.mapping.carried import Carried
from tracebridge.mapping.errors import RejectedPart
from tracebridge.records import Record

Identity = Callable[[Mapping[str, Any]], "str | None"]
KindOf = Callable[[Mapping[str, Any]], "RecordKind"]
"""The kind of a record given its JSON: most sources hold one kind (``always``), some several (a file of bare
v5 Logs beside evaluation-log envelopes)."""


@attrs.frozen
class RecordKind:
    name: str
    """How a reject names it: ``humanloop v4 log``, ``galileo record``."""
    parse: Callable[[Mapping[str, Any]], Any]
    """The generated model of the record; raises for a record that does not fit the vendor's spec."""
    identity: Identity
    """The key that makes a repeat a duplicate, namespaced by kind (``v4_log:data_1``); None when it has no id."""
    normalize: Callable[[Any], Sequence[Record | Carried | RejectedPart]]
    """The adapter: the record (its JSON, or its model) as common records, those many records carry deferred
    (``Carried``); raises ``MappingError`` when it cannot."""
    probe: Any = None
    """What ``identity`` and the intake read of a record, as a ``TypedDict`` (``IntakeProbe`` or one extending it):
    when workers map the export, its process decodes a record that far only and sends the workers its text
    (``json_codec.probe``). None: the record is decoded in full (so for a kind whose adapter is a closure, which
    never goes to a worker: ``delivery.workers``)."""


class IdOnly(TypedDict, total=False):
    """A nested object's ``id`` alone."""

    id: Any


class IntakeProbe(TypedDict, total=False):
    """What the intake reads of every record: its vendor id (``delivery.intake.vendor_id``: ``id``, or an
    evaluation log's ``log.id``)."""

    id: Any
    log: IdOnly | None


def id_field(namespace: str, key: str = "id") -> Identity:
    """The identity of a record whose own ``key`` is its id, within ``namespace``."""

    def identity(raw: Mapping[str, Any]) -> str | None:
        value = raw.get(key)
        return f"{namespace}:{value}" if isinstance(value, str) and value else None

    return identity


def always(kind: RecordKind) -> KindOf:
    """``KindOf`` for a source that holds one kind of record only."""

    def kind_of(_record: Mapping[str, Any]) -> RecordKind:
        return kind

    return kind_of
