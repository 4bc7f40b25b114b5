"""Offset pagination over lazily generated, newest-first listings, with records arriving mid-export.

A listing is described by how many records it holds and how to render generation index ``g`` (0 = oldest); nothing is
materialised, so a page of a million-record listing costs the same as the first. Served newest first, position ``j``
holds generation index ``count - 1 - j``. When the ``repeat`` fault says ``shift`` records arrived before a page was
served, those are generation indices ``count .. count + shift - 1`` (newer, so they sort first) and every older record
moves down by ``shift``: the page repeats the tail of the page before it, exactly as real offset pagination over a
live, created_at-descending list does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import attrs

Render = Callable[[int], bytes]


@attrs.frozen
class Listing:
    count: int
    """Generated records (before any arrivals)."""
    render: Render
    """Bytes of the record with generation index ``g``; defined for every ``g >= 0`` (indices past ``count`` are
    records that arrive later)."""
    prepended: Sequence[bytes] = ()
    """Records added through the API, newest first; they sort before the generated ones."""

    def total(self, shift: int = 0) -> int:
        return self.count + len(self.prepended) + shift

    def window(self, start: int, size: int, shift: int = 0) -> list[bytes]:
        """The records at positions ``start .. start + size - 1`` (fewer at the end) after ``shift`` arrivals."""
        total = self.total(shift)
        added = len(self.prepended)
        out = []
        for position in range(max(0, start), min(start + size, total)):
            if position < shift:
                out.append(self.render(self.count + shift - 1 - position))
            elif position < shift + added:
                out.append(self.prepended[position - shift])
            else:
                out.append(self.render(self.count - 1 - (position - shift - added)))
        return out


@attrs.frozen
class RoundRobin:
    """Records ``i = 0, 1, 2...`` assigned to ``groups`` groups round-robin (group ``i % groups``), seen through a
    selection of groups: maps the selection's own index ``g`` to the global index without scanning."""

    size: int
    groups: int
    selected: tuple[int, ...]
    """Sorted, distinct group numbers."""

    def count(self) -> int:
        return sum(math.ceil((self.size - group) / self.groups) for group in self.selected if group < self.size)

    def index(self, g: int) -> int:
        rounds, offset = divmod(g, len(self.selected))
        return rounds * self.groups + self.selected[offset]


def envelope(records: Sequence[bytes], *, page: int, size: int, total: int) -> bytes:
    """The ``{records, page, size, total}`` JSON body both Humanloop listings answer with."""
    return b'{"records":[%b],"page":%d,"size":%d,"total":%d}' % (b",".join(records), page, size, total)
