"""Bursts of allocations that hold no reference cycles, kept away from the cycle collector.

Why: a decoded page is 10,000 to 50,000 dicts and lists (a v5 page is 1.3 MB of JSON). CPython's cycle collector
counts allocations, and every 700 it walks the young objects; every object that survives is walked again when it is
promoted, and again by each full collection while it lives. Decoded JSON can hold no reference cycles (it is a tree
of new containers), so all of that walking finds nothing, and on a large v5 export it was a fifth of the run
(``docs/benchmarks.md`` has the measurement).

``acyclic_allocations()`` pauses the collector for the burst, then moves what the burst allocated straight to the
oldest generation (``gc.freeze()`` + ``gc.unfreeze()``: two list splices, no walk). Those objects are freed by
reference counting as soon as the adapters are done with them, like any other; the collector simply never visits them.
The cost to the rest of the process: young objects allocated by other code in the same instant are promoted too, and
a reference cycle among them can then only be found by a full collection, which CPython starts by its own count of
promotions, one this move does not add to. So the move keeps that count itself and runs a full collection once the
promoted allocations reach four times the size of the heap at the previous one (at least a million): cyclic garbage
is collected later than usual, never leaked, and a large application heap is walked no more often than CPython would.
The move is skipped when the application froze objects itself (``gc.get_freeze_count()``), since unfreezing would
undo its freeze; then only the pause applies.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_MIN = 1_000_000
"""Promoted allocations between two full collections, at the least (a v5 page is ~50,000)."""


class _Ledger:
    """Allocations promoted since the last full collection, and how many trigger the next one."""

    promoted = 0
    next_full_collection = FULL_COLLECTION_MIN


def _promote_young() -> None:
    _Ledger.promoted += gc.get_count()[0]  # tracked objects allocated (net) since the last collection or move
    gc.freeze()  # every generation onto the permanent list, counts reset: no walk
    gc.unfreeze()  # ... and back, all into the oldest generation


def _collect_when_due() -> None:
    if _Ledger.promoted < _Ledger.next_full_collection:
        return
    gc.collect()
    _Ledger.promoted = 0
    _Ledger.next_full_collection = max(FULL_COLLECTION_MIN, 4 * len(gc.get_objects()))


@contextmanager
def acyclic_allocations() -> Iterator[None]:
    """Run the block with the cycle collector paused, then promote its allocations without walking them."""
    if not gc.isenabled():  # the application manages the collector itself: leave it alone
        yield
        return
    gc.disable()
    promoted = False
    try:
        yield
        if gc.get_freeze_count() == 0:
            _promote_young()
            promoted = True
    finally:
        gc.enable()
    if promoted:
        _collect_when_due()
