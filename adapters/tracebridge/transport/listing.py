"""Paged listing endpoints declared as data, and the one routine that reads any of them end to end.

A vendor wing declares each endpoint once (``PagedEndpoint``: method, path, how pages are numbered, the envelope,
the kind of record it lists); a client method names the parameters (``Listing``) and hands it to ``read_listing``,
which fetches pages concurrently, passes every record through the intake, and checkpoints each page once its
consumer has taken it. When fewer unique records arrived than the listing reported (records slid between pages
while new ones were being added), the listing is read once more; the deduper makes the second pass deliver only
what the first missed.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import attrs

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.intake import Intake
from tracebridge.delivery.kinds import RecordKind, always
from tracebridge.delivery.raw import RawRecord
from tracebridge.errors import TracebridgeError
from tracebridge.json_codec import loads_measured, probe
from tracebridge.transport.endpoint import Endpoint
from tracebridge.transport.http import HttpTransport, decode_records_as_text
from tracebridge.transport.paging import Page, PageScheme, iterate_pages

MAX_PASSES = 2


class UnexpectedPageError(TracebridgeError):
    """A page body that is JSON but not the endpoint's documented envelope."""


@attrs.frozen
class Envelope:
    """Where a page body keeps its records and the listing's total."""

    records: str = "records"
    total: str = "total"

    def page(self, body: Any, number: int, size: int, where: str) -> Page:
        if not isinstance(body, dict) or not isinstance(body.get(self.records), list):
            shape = type(body).__name__ if not isinstance(body, dict) else f"object with keys {sorted(body)[:8]}"
            raise UnexpectedPageError(f"{where}: expected {{{self.records}, page, size, {self.total}}}, got {shape}")
        total, problem = read_total(body, self.total)
        return Page(number=number, records=body[self.records], total=total, size=size, total_problem=problem)


def read_total(body: dict[str, Any], field: str) -> tuple[int | None, str | None]:
    """The count of records a page envelope reports, or None and what was there instead.

    Only a non-negative whole number is a count: ``true`` (an ``int`` to Python), ``"40"``, ``-1`` or ``40.5``
    would bound the paging by a number the server never said, so they count as no total at all.
    """
    if field not in body:
        return None, "missing"
    value = body[field]
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value), None  # ``40.0`` is still forty records
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, None
    if value is None:
        return None, "null"
    shown = json.dumps(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None, f"{shown} ({'negative' if value < 0 else 'not a whole number'})"
    return None, f"{shown} (a {JSON_KINDS.get(type(value), type(value).__name__)})"


JSON_KINDS = {bool: "boolean", str: "string", list: "list", dict: "object"}


RECORDS_ENVELOPE = Envelope()
"""``{records, page, size, total}``: every Humanloop listing."""


@attrs.frozen
class PagedEndpoint:
    """One paged listing endpoint, as its vendor documents it."""

    endpoint: Endpoint
    pages: PageScheme
    kind: Callable[[Mapping[str, Any]], RecordKind]
    """The kind of record listed, given the listing's parameters (some kinds need them to map, e.g. the evaluatee)."""
    envelope: Envelope = RECORDS_ENVELOPE
    page_param: str = "page"
    size_param: str = "size"

    def request(self, path_params: Mapping[str, str], query: Mapping[str, Any], page: int, size: int) -> dict[str, Any]:
        return self.endpoint.request(path_params, params={self.page_param: page, self.size_param: size, **query})


@attrs.frozen
class Listing:
    """One listing to read: an endpoint with its parameters, and the key its finished pages are checkpointed under."""

    key: str
    endpoint: PagedEndpoint
    path_params: Mapping[str, str]
    query: Mapping[str, Any] = attrs.field(factory=dict)
    label: str = ""
    """Added to the endpoint in messages, e.g. ``evaluatee evv_1`` when one endpoint is read per evaluatee."""

    @property
    def where(self) -> str:
        where = self.endpoint.endpoint.where(self.path_params)
        return f"{where} {self.label}" if self.label else where

    @property
    def kind(self) -> RecordKind:
        return self.endpoint.kind({**self.path_params, **self.query})


async def read_listing(
    context: ExportContext, http: HttpTransport, listing: Listing, *, page_size: int, concurrency: int
) -> AsyncIterator[list[Delivered]]:
    """Every record of one listing, once, a page at a time; each page is checkpointed once its consumer took it."""
    endpoint, checkpoint, where = listing.endpoint, context.checkpoint, listing.where
    done = set(checkpoint.pages_done.get(listing.key, [])) if checkpoint else set()
    snapshot: list[int] = [checkpoint.totals[listing.key]] if checkpoint and listing.key in checkpoint.totals else []
    intake = Intake(context)
    kind = listing.kind
    kind_of = always(kind)
    context.carry_counts()  # finished pages are skipped, not re-read: their counts come from the checkpoint
    lacking: dict[int, str] = {}
    """Pages whose envelope had no valid total, and what it had instead."""
    decided = bool(snapshot)

    def note_total(page: Page) -> None:
        if page.total is None:
            lacking.setdefault(page.number, page.total_problem or "missing")

    def first_page(page: Page) -> None:
        nonlocal decided
        note_total(page)  # seen here even when a resumed listing skips the page itself
        if decided:
            return
        decided = True
        if page.total is None:
            # Nothing to owe: reading 0 would call any count of records complete. The problem added below makes
            # the export incomplete instead, and paging reads on to a short page so every record still arrives.
            return
        # What the listing held when the export started is what it owes; later arrivals are welcome but not owed.
        snapshot.append(page.total)
        if checkpoint is not None:
            checkpoint.totals[listing.key] = snapshot[0]
        context.expect(snapshot[0])

    if snapshot:
        context.expect(snapshot[0])

    def as_text(body: bytes) -> Any:
        return decode_records_as_text(body, endpoint.envelope.records)

    async def fetch(number: int) -> Page:
        request = endpoint.request(listing.path_params, listing.query, number, page_size)
        # Workers decode the records: this process reads each only as far as the intake needs (``_taken``).
        textual = context.records_as_text and kind.probe is not None
        body = await http.send_json(where, request, as_text if textual else None)
        context.report.bytes_received = http.bytes_received
        return endpoint.envelope.page(body, number, page_size, f"{where} page {number}")

    for attempt in range(1, MAX_PASSES + 1):
        async for page in iterate_pages(
            fetch,
            scheme=endpoint.pages,
            page_size=page_size,
            concurrency=concurrency,
            skip=done if attempt == 1 else (),
            on_first=first_page,
        ):
            context.report.pages += 1
            note_total(page)
            located = f"{where} page {page.number} record"
            taken = (_taken(f"{located} {i}", record, kind) for i, record in enumerate(page.records))
            accepted = (intake.accept(raw, kind_of) for raw in taken)
            units = [item for item in accepted if item is not None]
            yield units
            # The caller has taken the whole page: only now is it safe to record it as done.
            done.add(page.number)
            if checkpoint is not None:
                checkpoint.pages_done[listing.key] = sorted(done)
            context.save([item.identity for item in units if item.identity is not None])
        if context.report.missing == 0:
            break
        context.report.restarts += 1
    if lacking:
        context.report.problems.append(lacking_total(where, endpoint.envelope.total, lacking))


def _taken(source: str, record: Any, kind: RecordKind) -> RawRecord:
    """A page's record for the intake: decoded, or (``decode_records_as_text``) its JSON text, decoded only as far
    as the kind's probe when it has that shape (in full otherwise, as it would have been)."""
    if not isinstance(record, bytes):
        return RawRecord(source, record)
    probed = probe(record, kind.probe, whole_checked=True)  # split_list checked the page
    if probed is None:
        return RawRecord(source, loads_measured(record))
    return RawRecord(source, probed, probed=True, encoded=record)


def lacking_total(where: str, field: str, lacking: Mapping[int, str]) -> str:
    """The problem a listing without a usable total reports: which pages, and what the first of them held."""
    numbers = sorted(lacking)
    shown = ", ".join(str(number) for number in numbers[:5])
    if len(numbers) > 5:
        shown += f" and {len(numbers) - 5} more"
    pages = f"page {shown}" if len(numbers) == 1 else f"pages {shown}"
    return (
        f"{where}: no valid {field!r} on {pages} (page {numbers[0]}: {lacking[numbers[0]]}); the pages were read "
        "up to a short one, but without the count the server reports, missing records cannot be ruled out"
    )
