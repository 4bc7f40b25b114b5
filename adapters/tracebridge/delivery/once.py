"""Records that several source records carry, kept once per export.

A prompt version is embedded in every log made with it; the run an evaluation log belongs to is named by each of its
logs; a Humanloop export writes a File's default version both as ``file.json`` and under ``versions/``. Each copy maps
to the same common record, so the first is kept and the others are dropped, by the record's own id. The ids kept so
far travel with the checkpoint, so a resumed export does not write one twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, TypeAlias

from tracebridge.mapping.carried import Carried
from tracebridge.records import Record

KEYS: Final[dict[str, str]] = {
    "definition": "definition_id",
    "definition_version": "version_id",
    "experiment": "experiment_id",
}
"""The record types kept once, and the field that identifies one."""

Entry: TypeAlias = "str | tuple[str, list[Entry] | None, BaseException | None] | None"
"""How a worker process describes each record it mapped (``tracebridge.delivery.workers``), in order: None for a record
of a type no export keeps once, its key (``definition_version:prv_1``) for one that is, and for a ``Carried`` a tuple
of its key, the entries of the records it built (None when that worker built the same key before, so the export keeps
it already) and the error building it raised, if any."""


def key_of(record: Record) -> str | None:
    """The key a record of a type kept once is kept by (``experiment:run_1``); None for every other type."""
    field = KEYS.get(record.record_type)
    return None if field is None else f"{record.record_type}:{getattr(record, field)}"


class KeptOnce:
    """The ids of the shared records written so far."""

    def __init__(self, kept: Iterable[str] = ()) -> None:
        self.kept = set(kept)

    def first_copies(self, records: Sequence[Record | Carried]) -> list[Record]:
        """``records`` without the shared ones already written (and without repeats within them); a ``Carried`` is
        built only when what it stands for is not written yet."""
        out: list[Record] = []
        for item in records:
            if isinstance(item, Carried):
                if item.key not in self.kept:
                    out.extend(self.first_copies(item.build()))
                continue
            field = KEYS.get(item.record_type)
            if field is not None:
                key = f"{item.record_type}:{getattr(item, field)}"
                if key in self.kept:
                    continue
                self.kept.add(key)
            out.append(item)
        return out

    def keep_mask(self, entries: Sequence[Entry]) -> list[bool] | None:
        """``first_copies`` over records a worker mapped and built, given as ``entries``: which to write, one flag per
        record in the order the worker encoded them; None when all are (no entry names a shared record)."""
        if not any(entries):
            return None
        mask: list[bool] = []
        self._mask(entries, mask, active=True)
        return mask

    def _mask(self, entries: Sequence[Entry], mask: list[bool], *, active: bool) -> None:
        kept = self.kept
        for entry in entries:
            if entry is None:
                mask.append(active)
            elif isinstance(entry, str):
                fresh = active and entry not in kept
                if fresh:
                    kept.add(entry)
                mask.append(fresh)
            else:
                key, built, error = entry
                needed = active and key not in kept
                if needed and error is not None:
                    raise error  # as ``first_copies`` would have, building it here
                if needed and built is None:
                    raise RuntimeError(f"{key}: a worker left out a shared record that was not written yet")
                if built is not None:
                    self._mask(built, mask, active=needed)
