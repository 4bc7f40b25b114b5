"""Exactly-once delivery and the report that proves it.

Offset pages over a live, newest-first listing shift while new records arrive: a record can show up on two pages,
and another can slide past the page that would have held it. The deduper drops the repeats by source id; the report
compares what arrived with what the source said exists, so a skip is seen, not silently accepted.
"""

from __future__ import annotations

import attrs


@attrs.define
class CompletenessReport:
    expected: int | None = None
    """What the source reported when the export started (each listing's first ``total``, summed); None when it
    reports nothing (streams). Records that arrive during the export may be delivered too, but are not owed."""
    fetched: int = 0
    """Records received, repeats included."""
    unique: int = 0
    duplicates: int = 0
    rejected: int = 0
    """Records that could not be parsed or mapped (they went to the rejects channel, with their raw text)."""
    parts_rejected: int = 0
    """Parts of delivered records (a nested child with no id) rejected alone, while the rest of the record was kept."""
    pages: int = 0
    bytes_received: int = 0
    """Response body bytes read (as decoded by the HTTP client), for progress and throughput."""
    restarts: int = 0
    """Times a broken stream was restarted, or a listing re-read to find records that slid between pages."""
    problems: list[str] = attrs.field(factory=list)
    """What the source itself says went wrong beyond counts (an export tool's folder it did not finish, an error it
    logged): any makes the export incomplete."""

    @property
    def missing(self) -> int:
        if self.expected is None:
            return 0
        return max(0, self.expected - self.unique - self.rejected)

    @property
    def complete(self) -> bool:
        return self.missing == 0 and not self.problems

    def describe(self) -> str:
        expected = "an unknown number of" if self.expected is None else f"{self.expected:,}"
        counts = (
            f"source reported {expected} records; fetched {self.fetched:,}, unique {self.unique:,}, "
            f"duplicates dropped {self.duplicates:,}, rejected {self.rejected:,}, missing {self.missing:,}"
        )
        if self.parts_rejected:
            counts += f", parts of records rejected {self.parts_rejected:,}"
        if not self.problems:
            return counts
        return f"{counts}; {len(self.problems)} problem(s): " + "; ".join(self.problems)

    def to_dict(self) -> dict[str, object]:
        return {**attrs.asdict(self), "missing": self.missing, "complete": self.complete}
