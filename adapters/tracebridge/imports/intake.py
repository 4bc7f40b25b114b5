"""A raw record from a file -> a delivered vendor model, or a reject saying why; duplicates dropped by identity.

The same bookkeeping as a paged API listing (``tracebridge.transport.listing``): every record counted as fetched, a
repeat of an id counted as a duplicate, a record that is not JSON or does not fit its model rejected with its raw
text, ``file:line`` and, when one field is to blame, that field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tracebridge.delivery.export import Delivered, ExportContext
from tracebridge.delivery.raw import RawRecord
from tracebridge.delivery.rejects import Reject
from tracebridge.imports.classify import classify, compatible
from tracebridge.imports.kinds import RecordKind

KindOf = Callable[[Mapping[str, Any]], RecordKind]


class Intake:
    """Accepts the records of one import in order; the first ``replay`` were delivered by an earlier, resumed run.

    A replayed record is counted and deduped exactly as on the first run (so the report describes the whole import
    and a later repeat of it is still dropped) but is neither delivered nor sent to the rejects again.
    """

    def __init__(self, context: ExportContext, *, replay: int = 0) -> None:
        self.context = context
        self.replay = replay
        self.position = 0
        """Records taken so far, replayed ones included: what a checkpoint stores."""

    def accept(self, raw: RawRecord, kind_of: KindOf, file_format: str = "") -> Delivered[Any] | None:
        """``file_format``, when given, is what the file holds: a record plainly of another format is rejected."""
        replaying = self.position < self.replay
        self.position += 1
        report = self.context.report
        report.fetched += 1
        value = raw.value
        if raw.problem is not None or not isinstance(value, dict):
            reason = raw.problem or f"a record must be a JSON object, not {type(value).__name__}"
            self._reject(Reject(source=raw.source, reason=reason, raw=raw.raw_text(), field=raw.field), replaying)
            return None
        found = classify(value) if file_format else None
        if found is not None and not compatible(found, file_format):
            reason = f"a {found} record in a {file_format} file: the file mixes formats"
            self._reject(
                Reject(source=raw.source, reason=reason, raw=raw.raw_text(), source_id=_plain_id(value)), replaying
            )
            return None
        kind = kind_of(value)
        source_id = kind.identity(value)
        if source_id is not None and not self.context.deduper.first_time(source_id):
            report.duplicates += 1
            return None
        if replaying:
            # Delivered by the run that was interrupted; whether it parsed then decides how it was counted.
            if self._parses(kind, value):
                report.unique += 1
            else:
                report.rejected += 1
            return None
        report.unique += 1
        # Parsed only if the adapter cannot map it (``Export._records_of``): the adapters read the JSON, and building
        # the generated models first would cost more than the mapping itself.
        return Delivered(
            None,
            kind.normalize,
            raw.source,
            raw=value,
            parse=kind.parse,
            raw_text=raw.text,
            source_id=_plain_id(value),
            kind_name=kind.name,
        )

    @staticmethod
    def _parses(kind: Any, value: Any) -> bool:
        try:
            kind.parse(value)
        except Exception:  # the generated parsers raise several types; each means "does not fit the spec"
            return False
        return True

    def _reject(self, reject: Reject, replaying: bool) -> None:
        if replaying:
            self.context.report.rejected += 1  # sent to the rejects by the run that delivered it
        else:
            self.context.reject(reject)


def _plain_id(value: Mapping[str, Any]) -> str | None:
    """The vendor's own id of a record (an evaluation log's is its log's)."""
    source_id = value.get("id")
    if source_id is None and isinstance(value.get("log"), dict):
        source_id = value["log"].get("id")
    return source_id if isinstance(source_id, str) else None
