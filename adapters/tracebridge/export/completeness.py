"""Exactly-once delivery and the report that proves it.

Offset pages over a live, newest-first listing shift while new records arrive: a record can show up on two pages,
and another can slide past the page that would have held it. The deduper drops the repeats by source id; the report
compares what arrived with what the source said exists, so a skip is seen, not silently accepted.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.define
class CompletenessReport:
    expected: int | None = None
    """What the source reported (the largest ``total`` seen); None when it reports nothing (streams)."""
    fetched: int = 0
    """Records received, repeats included."""
    unique: int = 0
    duplicates: int = 0
    rejected: int = 0
    """Records that could not be parsed or mapped (they went to the rejects channel, with their raw text)."""
    pages: int = 0
    restarts: int = 0
    """Times a broken stream was restarted, or a listing re-read to find records that slid between pages."""

    @property
    def missing(self) -> int:
        if self.expected is None:
            return 0
        return max(0, self.expected - self.unique - self.rejected)

    @property
    def complete(self) -> bool:
        return self.missing == 0

    def describe(self) -> str:
        expected = "unknown" if self.expected is None else str(self.expected)
        return (
            f"expected {expected}, fetched {self.fetched}, unique {self.unique}, "
            f"duplicates dropped {self.duplicates}, rejected {self.rejected}, missing {self.missing}"
        )

    def to_dict(self) -> dict[str, object]:
        return {**attrs.asdict(self), "missing": self.missing, "complete": self.complete}


class Deduper:
    """Remembers the source ids delivered so far; ``first_time`` is True once per id."""

    def __init__(self, seen: Iterable[str] = ()) -> None:
        self._seen: set[str] = set(seen)

    def first_time(self, source_id: str) -> bool:
        if source_id in self._seen:
            return False
        self._seen.add(source_id)
        return True

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def ids(self) -> list[str]:
        return sorted(self._seen)
