"""Offset pagination over ``{records, page, size, total}`` envelopes, fetched concurrently, yielded in order.

The first page says how many records exist; the remaining pages are fetched under a concurrency bound while the
caller consumes earlier ones, so at most ``concurrency`` pages are held at once. Fetching stops at the page count
implied by ``total``, at a short page or at an empty page: never a request past the end (the official SDK asks one
page too many on every export). A first page without a usable ``total`` bounds nothing: the pages are then read
until a short or empty one, so every record that exists still arrives (the caller decides what the missing total
means for completeness).
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Callable, Collection, Coroutine
from typing import Any

import attrs


@attrs.frozen
class PageScheme:
    """How an endpoint numbers its pages; the vendors differ per endpoint, so each endpoint names its scheme."""

    first_page: int


ZERO_BASED = PageScheme(first_page=0)
ONE_BASED = PageScheme(first_page=1)


@attrs.frozen
class Page:
    number: int
    records: list[Any]
    total: int | None
    """The listing's size as this page reports it; None when the envelope has no usable one."""
    size: int
    total_problem: str | None = None
    """Why ``total`` is None, in words for a message (``missing``, ``"40" (a string)``)."""


FetchPage = Callable[[int], Coroutine[Any, Any, Page]]


async def iterate_pages(
    fetch: FetchPage,
    *,
    scheme: PageScheme,
    page_size: int,
    concurrency: int,
    skip: Collection[int] = (),
    on_first: Callable[[Page], None] | None = None,
) -> AsyncIterator[Page]:
    """Every page of a listing, in page order; pages in ``skip`` (done before a resume) are not fetched again.

    The first page is always fetched, since it carries the ``total`` that bounds the rest; ``on_first`` sees it even
    when it is skipped (a resumed listing still learns how many records exist). Without a ``total`` on the first
    page, pages are fetched (still ``concurrency`` at a time) until a short or empty one.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    first = await fetch(scheme.first_page)
    if on_first is not None:
        on_first(first)
    if scheme.first_page not in skip:
        yield first
    if len(first.records) < page_size or first.total == 0:
        return
    # Without a total only a short page ends the listing: stopping after the first page would drop every later one.
    bounded = first.total is not None
    total = first.total or 0
    next_number = scheme.first_page + 1
    in_flight: deque[asyncio.Task[Page]] = deque()

    def within(number: int) -> bool:
        # Recomputed as pages arrive: a total that grows mid-export (new logs) extends the listing.
        return not bounded or number <= scheme.first_page + math.ceil(total / page_size) - 1

    try:
        while True:
            while len(in_flight) < max(1, concurrency) and within(next_number):
                if next_number not in skip:
                    in_flight.append(asyncio.create_task(fetch(next_number)))
                next_number += 1
            if not in_flight:
                return
            page = await in_flight.popleft()
            total = max(total, page.total or 0)
            yield page
            if len(page.records) < page_size:
                return  # a short or empty page is the end, whatever total said
    finally:
        for task in in_flight:
            task.cancel()
        if in_flight:
            await asyncio.gather(*in_flight, return_exceptions=True)
