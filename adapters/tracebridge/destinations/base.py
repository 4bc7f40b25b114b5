"""What every destination is to ``send``: a target that takes record batches, and the report of what it took.

A destination owns how its platform is spoken to (OTLP, REST, which attributes); ``send`` owns the order records come
in and the ledger. Records arrive grouped by what depends on what: the definitions and their versions (prompts) first,
then dataset examples, experiments, spans with the evaluations that judge them, and the experiment items linking them,
so a target that must refer to an earlier record (an experiment run to its example, a span to its prompt version) finds
it in the ledger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Final, Protocol, runtime_checkable

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.ledger import Ledger
from tracebridge.records import Evaluation, Record, Span

BEFORE_SPANS: Final = ("definition", "definition_version", "dataset_example", "experiment", "session")
"""What spans and the records after them refer to, sent first, in this order."""
AFTER_SPANS: Final = ("experiment_item",)
"""What links runs, examples and spans: sent after the spans (evaluations of anything but a span come last)."""


@attrs.define
class SendReport:
    """Per record type: sent now, skipped (the ledger says the target has it), not sent because the target has no
    place for the kind (``ignored``), rejected (with a reason, to the rejects)."""

    sent: Counter[str] = attrs.field(factory=Counter)
    skipped: Counter[str] = attrs.field(factory=Counter)
    ignored: Counter[str] = attrs.field(factory=Counter)
    rejected: Counter[str] = attrs.field(factory=Counter)
    rejects: list[Reject] = attrs.field(factory=list)
    requests: int = 0
    bytes_sent: int = 0

    def reject(self, record_type: str, reject: Reject) -> None:
        self.rejected[record_type] += 1
        self.rejects.append(reject)

    def describe(self) -> str:
        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{n:,} {kind}" for kind, n in sorted(counter.items()) if n) or "nothing"

        ignored = f"; no place for {counts(self.ignored)}" if self.ignored else ""
        return (
            f"sent {counts(self.sent)}; already there {counts(self.skipped)}{ignored}; "
            f"rejected {counts(self.rejected)} ({self.requests:,} requests, {self.bytes_sent:,} bytes)"
        )


@attrs.frozen
class SpanGroup:
    """A span and the evaluations that judge it: sent together, so the judgments can ride on the span."""

    span: Span
    evaluations: Sequence[Evaluation] = ()


class Destination(Protocol):
    """A platform that takes records. One instance serves one ``send``; ``open`` before, ``close`` after."""

    name: str
    """``phoenix``, ``langfuse``, ``otlp``."""

    @property
    def target(self) -> str:
        """Who receives (kind, endpoint, project): names the ledger, so two targets never share one."""
        ...

    async def open(self) -> None:
        """Connect, check the target answers (a clear error now beats one per batch)."""
        ...

    async def send_records(self, records: Sequence[Record], ledger: Ledger, report: SendReport) -> None:
        """Records that are not spans (definitions, versions, examples, experiments, items, sessions, evaluations
        of anything but a span), in dependency order; the destination skips the kinds it has no place for."""
        ...

    async def send_spans(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        """Spans with the evaluations of each, a batch at a time."""
        ...

    async def close(self) -> None: ...


RecordReader = Callable[[str], Iterable[Record]]
"""Every record of one type in the directory being sent (``"experiment_item"``...), read afresh on each call."""


@runtime_checkable
class Prepares(Protocol):
    """A destination that must look at some records before anything is sent (optional: ``send`` calls ``prepare``
    when a destination has it). Langfuse needs it: an experiment item is not a record there but attributes on every
    span of the item's trace, and ``send`` hands the items over only after the spans (Phoenix needs them there)."""

    def prepare(self, read: RecordReader) -> None: ...
