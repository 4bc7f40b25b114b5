"""Concurrent offset pagination: in order, bounded, and never a request past the end."""

from __future__ import annotations

import asyncio

import pytest
from tracebridge.transport.paging import ONE_BASED, ZERO_BASED, Page, PageScheme, iterate_pages


class Listing:
    """A listing of ``total`` records served in pages, recording every page asked for and the peak concurrency."""

    def __init__(self, total: int, size: int, scheme: PageScheme, *, grow_after: int | None = None) -> None:
        self.total, self.size, self.scheme = total, size, scheme
        self.requested: list[int] = []
        self.in_flight = 0
        self.peak = 0
        self.grow_after = grow_after

    async def fetch(self, number: int) -> Page:
        self.requested.append(number)
        if self.grow_after is not None and len(self.requested) == self.grow_after:
            self.total += 5  # new records arrive once, mid-export
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        await asyncio.sleep(0.001 * ((number * 7) % 5))  # out-of-order completion
        self.in_flight -= 1
        index = number - self.scheme.first_page
        start = index * self.size
        records = list(range(start, min(start + self.size, self.total)))
        return Page(number=number, records=records, total=self.total, size=self.size)


def collect(listing: Listing, *, concurrency: int, skip: tuple[int, ...] = ()) -> list[Page]:
    async def run() -> list[Page]:
        return [
            page
            async for page in iterate_pages(
                listing.fetch, scheme=listing.scheme, page_size=listing.size, concurrency=concurrency, skip=skip
            )
        ]

    return asyncio.run(run())


@pytest.mark.parametrize("scheme", [ZERO_BASED, ONE_BASED], ids=["0-based", "1-based"])
def test_pages_arrive_in_order_with_every_record_once(scheme: PageScheme) -> None:
    listing = Listing(total=1001, size=100, scheme=scheme)

    pages = collect(listing, concurrency=4)

    assert [p.number for p in pages] == list(range(scheme.first_page, scheme.first_page + 11))
    assert [r for p in pages for r in p.records] == list(range(1001))
    assert sorted(listing.requested) == [p.number for p in pages], "no request past the last page"


def test_concurrency_is_bounded() -> None:
    listing = Listing(total=5000, size=100, scheme=ONE_BASED)
    collect(listing, concurrency=8)
    assert listing.peak <= 8
    assert listing.peak >= 4, "pages are actually fetched side by side"


def test_an_exact_multiple_of_the_page_size_asks_nothing_past_the_end() -> None:
    listing = Listing(total=300, size=100, scheme=ZERO_BASED)
    pages = collect(listing, concurrency=16)
    assert listing.requested.count(3) == 0
    assert sum(len(p.records) for p in pages) == 300


def test_empty_and_single_short_page_listings() -> None:
    empty = Listing(total=0, size=100, scheme=ONE_BASED)
    assert [len(p.records) for p in collect(empty, concurrency=4)] == [0]
    assert empty.requested == [1]
    short = Listing(total=42, size=100, scheme=ONE_BASED)
    assert [len(p.records) for p in collect(short, concurrency=4)] == [42]
    assert short.requested == [1]


def test_a_total_that_grows_during_the_export_extends_it() -> None:
    listing = Listing(total=1000, size=100, scheme=ZERO_BASED, grow_after=2)
    pages = collect(listing, concurrency=2)
    assert listing.total == 1005
    assert [r for p in pages for r in p.records] == list(range(1005))


def test_pages_done_before_a_resume_are_not_fetched_again() -> None:
    listing = Listing(total=500, size=100, scheme=ONE_BASED)
    pages = collect(listing, concurrency=4, skip=(1, 2, 3))
    assert [p.number for p in pages] == [4, 5]
    assert sorted(listing.requested) == [1, 4, 5], "the first page is re-read only for its total"
