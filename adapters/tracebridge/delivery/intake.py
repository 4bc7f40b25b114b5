"""The one door every source record goes through: counted, checked, deduped, then accepted or rejected.

A paged API listing, a streamed export and a file hold records in different containers and resume in different
ways (finished pages and committed ids; a position in the stream; a position in the files), but each record is
accounted for here, the same way: fetched once, a repeat of an identity dropped as a duplicate, a record that is not
a JSON object (or not of the file's format) rejected with its raw text and where it was, every other one unique.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import UNDECODED, Delivered
from tracebridge.delivery.kinds import KindOf, RecordKind
from tracebridge.delivery.raw import RawRecord
from tracebridge.delivery.rejects import Reject

Misfit = Callable[[Mapping[str, Any]], "str | None"]
"""Why a record plainly belongs to another format than its file's (a reject reason), or None when it fits."""


class Intake:
    """Accepts one export's records in order; the first ``replay`` were delivered by an earlier, interrupted run.

    A replayed record (a resumed file import re-reads what the killed run delivered) is counted and deduped exactly
    as on the first run, so the report describes the whole export and a later repeat of it is still dropped, but it
    is neither delivered nor sent to the rejects again.
    """

    def __init__(self, context: ExportContext, *, replay: int = 0) -> None:
        self.context = context
        self.replay = replay
        self.position = 0
        """Records taken so far, replayed ones included: what a position-resumed source checkpoints."""

    def accept(self, raw: RawRecord, kind_of: KindOf, misfit: Misfit | None = None) -> Delivered | None:
        """The record, accepted as the kind ``kind_of`` says; None when it was a duplicate or a reject (counted)."""
        replaying = self.position < self.replay
        self.position += 1
        report = self.context.report
        report.fetched += 1
        value = raw.value
        if raw.problem is not None or not isinstance(value, dict):
            reason = raw.problem or f"a record must be a JSON object, not {type(value).__name__}"
            self._reject(Reject(source=raw.source, reason=reason, raw=raw.raw_text(), field=raw.field), replaying)
            return None
        if misfit is not None:
            foreign = misfit(value)
            if foreign is not None:
                self._reject(
                    Reject(source=raw.source, reason=foreign, raw=raw.raw_text(), source_id=vendor_id(value)), replaying
                )
                return None
        kind = kind_of(value)
        identity = kind.identity(value)
        if identity is not None and not self.context.deduper.first_time(identity):
            report.duplicates += 1
            return None
        if replaying:
            # Delivered by the run that was interrupted; whether it parsed then decides how it was counted.
            if _parses(kind, raw.whole()):
                report.unique += 1
            else:
                report.rejected += 1
            return None
        report.unique += 1
        return Delivered(
            kind,
            raw.source,
            UNDECODED if raw.probed else value,
            raw_text=raw.text,
            source_id=vendor_id(value),
            identity=identity,
            json_text=raw.json_text,
            encoded=raw.encoded,
        )

    def _reject(self, reject: Reject, replaying: bool) -> None:
        if replaying:
            self.context.report.rejected += 1  # sent to the rejects by the run that delivered it
        else:
            self.context.reject(reject)


def vendor_id(value: Mapping[str, Any]) -> str | None:
    """The vendor's own id of a record, for a reject (an evaluation log's is its log's)."""
    source_id = value.get("id")
    if source_id is None and isinstance(value.get("log"), dict):
        source_id = value["log"].get("id")
    return source_id if isinstance(source_id, str) else None


def _parses(kind: RecordKind, value: Mapping[str, Any]) -> bool:
    try:
        kind.parse(value)
    except Exception:  # the generated parsers raise several types; each means "does not fit the spec"
        return False
    return True
