"""One paginated listing end to end: pages -> records parsed one by one -> deduped -> checkpointed.

A record that does not parse goes to the rejects with its raw JSON and the reason, and the rest of its page is
kept. When fewer unique records arrived than the listing reported (records slid between pages while new ones were
being added), the listing is read once more; the deduper makes the second pass deliver only what the first missed.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any, TypeVar

from tracebridge.delivery.export import Delivered, ExportContext
from tracebridge.delivery.rejects import Reject
from tracebridge.errors import TracebridgeError
from tracebridge.transport.paging import Page, PageScheme, iterate_pages

M = TypeVar("M")

MAX_PASSES = 2


class UnexpectedPageError(TracebridgeError):
    """A page body that is JSON but not the documented ``{records, page, size, total}`` envelope."""


def envelope_page(body: Any, number: int, size: int, where: str) -> Page:
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        shape = type(body).__name__ if not isinstance(body, dict) else f"object with keys {sorted(body)[:8]}"
        raise UnexpectedPageError(f"{where}: expected {{records, page, size, total}}, got {shape}")
    total = body.get("total")
    return Page(number=number, records=body["records"], total=total if isinstance(total, int) else None, size=size)


async def read_listing(
    context: ExportContext,
    *,
    listing: str,
    fetch_body: Callable[[int], Coroutine[Any, Any, Any]],
    scheme: PageScheme,
    page_size: int,
    concurrency: int,
    parse: Callable[[dict[str, Any]], M],
    identity: Callable[[dict[str, Any]], str | None],
    normalize: Callable[[M], list[Any]],
    where: str,
) -> AsyncIterator[list[Delivered[M]]]:
    """Every record of one listing, once, as page-sized batches of parsed models."""
    checkpoint = context.checkpoint
    done = set(checkpoint.pages_done.get(listing, [])) if checkpoint else set()
    snapshot: list[int] = [checkpoint.totals[listing]] if checkpoint and listing in checkpoint.totals else []

    def first_page(page: Page) -> None:
        # What the listing held when the export started is what it owes; later arrivals are welcome but not owed.
        if not snapshot:
            snapshot.append(page.total if page.total is not None else 0)
            if checkpoint is not None:
                checkpoint.totals[listing] = snapshot[0]
            context.expect(snapshot[0])

    if snapshot:
        context.expect(snapshot[0])

    async def fetch(number: int) -> Page:
        return envelope_page(await fetch_body(number), number, page_size, f"{where} page {number}")

    for attempt in range(1, MAX_PASSES + 1):
        async for page in iterate_pages(
            fetch,
            scheme=scheme,
            page_size=page_size,
            concurrency=concurrency,
            skip=done if attempt == 1 else (),
            on_first=first_page,
        ):
            batch, new_ids = _accept_page(
                context,
                page=page,
                parse=parse,
                identity=identity,
                normalize=normalize,
                where=f"{where} page {page.number}",
            )
            yield batch
            # The caller has taken the whole page: only now is it safe to record it as done.
            done.add(page.number)
            if checkpoint is not None:
                checkpoint.pages_done[listing] = sorted(done)
                checkpoint.save(new_ids)
        if context.report.missing == 0:
            return
        context.report.restarts += 1


def _accept_page(
    context: ExportContext,
    *,
    page: Page,
    parse: Callable[[dict[str, Any]], M],
    identity: Callable[[dict[str, Any]], str | None],
    normalize: Callable[[M], list[Any]],
    where: str,
) -> tuple[list[Delivered[M]], list[str]]:
    """The page's new records, unparsed (``Delivered`` parses on use); repeats of delivered ids are dropped.

    A record that is not even a JSON object is rejected here; the rest of the page is kept.
    """
    report = context.report
    report.pages += 1
    batch: list[Delivered[M]] = []
    new_ids: list[str] = []
    for index, raw in enumerate(page.records):
        report.fetched += 1
        source_id = identity(raw) if isinstance(raw, dict) else None
        if source_id is not None and not context.deduper.first_time(source_id):
            report.duplicates += 1
            continue
        source = f"{where} record {index}"
        if not isinstance(raw, dict):
            context.reject(
                Reject(
                    source=source,
                    reason=f"does not parse: a record must be a JSON object, not {type(raw).__name__}",
                    raw=json.dumps(raw, ensure_ascii=False),
                )
            )
            continue
        report.unique += 1
        if source_id is not None:
            new_ids.append(source_id)
        batch.append(Delivered(None, normalize, source, raw=raw, parse=parse, source_id=source_id))
    return batch, new_ids
