"""The collector pause: decoded pages skip the cycle collector, and cyclic garbage is still collected, never leaked."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from tracebridge import acyclic
from tracebridge.acyclic import acyclic_allocations


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector can free it


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    yield
    assert gc.isenabled()
    gc.collect()


def _page() -> list[dict[str, Any]]:
    return [{"id": n, "tags": ["a", "b"]} for n in range(5000)]


def test_a_page_lands_in_the_oldest_generation_unwalked() -> None:
    gc.collect()
    collections_before = sum(stats["collections"] for stats in gc.get_stats())
    with acyclic_allocations():
        page = _page()
    assert gc.get_count()[0] < 700  # nothing young left to trigger a walk
    assert any(obj is page for obj in gc.get_objects(generation=2))
    assert sum(stats["collections"] for stats in gc.get_stats()) == collections_before
    assert gc.isenabled()


def test_cyclic_garbage_around_the_pages_is_still_collected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(acyclic, "FULL_COLLECTION_MIN", 50_000)
    monkeypatch.setattr(acyclic._Ledger, "next_full_collection", 50_000)
    monkeypatch.setattr(acyclic._Ledger, "promoted", 0)
    garbage = Node()
    freed = weakref.ref(garbage)
    del garbage
    for _ in range(40):  # 40 pages of 5,000+ objects alive when promoted: past the (lowered) threshold
        with acyclic_allocations():
            page = _page()
        del page
        if freed() is None:
            break
    assert freed() is None, "a reference cycle promoted with the pages was never collected"


def test_an_application_that_froze_objects_keeps_them_frozen() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with acyclic_allocations():
            _page()
        # Frozen objects can still die by refcount; an unfreeze would have dropped the count to 0.
        assert gc.get_freeze_count() > frozen // 2
    finally:
        gc.unfreeze()


def test_an_application_that_disabled_the_collector_keeps_it_disabled() -> None:
    gc.disable()
    try:
        with acyclic_allocations():
            _page()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_in_the_block_still_restores_the_collector() -> None:
    with pytest.raises(ValueError), acyclic_allocations():
        raise ValueError("bad page")
    assert gc.isenabled()
