"""Records that several source records carry, kept once per export.

A prompt version is embedded in every log made with it; the run an evaluation log belongs to is named by each of its
logs; a Humanloop export writes a File's default version both as ``file.json`` and under ``versions/``. Each copy maps
to the same common record, so the first is kept and the others are dropped, by the record's own id. The ids kept so
far travel with the checkpoint, so a resumed export does not write one twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from tracebridge.mapping.carried import Carried
from tracebridge.records import Record

KEYS: Final[dict[str, str]] = {
    "definition": "definition_id",
    "definition_version": "version_id",
    "experiment": "experiment_id",
}
"""The record types kept once, and the field that identifies one."""


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
