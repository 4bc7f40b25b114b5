"""A listing page whose ``total`` is missing or not a count: every record still arrives, and the export says it
cannot be shown complete (issue #17). Served by a tiny real HTTP server shaped like the v4 project export."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from tracebridge import HumanloopClient, IncompleteExportError, RetryPolicy
from tracebridge.transport.listing import read_total
from tracebridge.transport.paging import ZERO_BASED, Page, iterate_pages

RECORDS = 40
PAGE_SIZE = 10
MISSING = object()
"""A ``total`` left out of the envelope altogether."""

TotalOf = Callable[[int], Any]
"""The ``total`` a page reports, given its number (``MISSING`` to leave it out)."""


def listing_server(total_of: TotalOf) -> ThreadingHTTPServer:
    class Listing(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = parse_qs(urlparse(self.path).query)
            page, size = int(query["page"][0]), int(query["size"][0])
            numbers = range(page * size, min(RECORDS, (page + 1) * size))
            envelope: dict[str, Any] = {
                "records": [{"id": f"data_{n}", "created_at": "2025-01-01T00:00:00Z"} for n in numbers],
                "page": page,
                "size": size,
            }
            total = total_of(page)
            if total is not MISSING:
                envelope["total"] = total
            body = json.dumps(envelope).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return _QuietServer(("127.0.0.1", 0), Listing)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Pages read ahead past the end are cancelled once a short page arrives: their resets are expected."""


@pytest.fixture
def serve_listing() -> Iterator[Callable[[TotalOf], str]]:
    """Start a v4-shaped listing of 40 records whose pages report ``total_of(page)``; its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(total_of: TotalOf) -> str:
        server = listing_server(total_of)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _client(base_url: str) -> HumanloopClient:
    retry = RetryPolicy(max_attempts=2, initial_delay=0.01)
    return HumanloopClient("hl_sk_test_key_0001", base_url=base_url, page_size=PAGE_SIZE, concurrency=3, retry=retry)


@pytest.mark.parametrize(
    ("total", "shown"),
    [(MISSING, "missing"), (None, "null"), ("40", '"40" (a string)'), (True, "true (a boolean)"), (-1, "-1 (negative)"),
     (40.5, "40.5 (not a whole number)")],
    ids=["missing", "null", "string", "bool", "negative", "fraction"],
)  # fmt: skip
def test_a_listing_without_a_valid_total_delivers_every_record_and_is_incomplete(
    serve_listing: Callable[[TotalOf], str], total: Any, shown: str
) -> None:
    export = _client(serve_listing(lambda _page: total)).export_project("pr_1", allow_partial=True)

    ids = [str(model.id) for model in export.models()]

    assert ids == [f"data_{n}" for n in range(RECORDS)], "paging went on to the short page"
    report = export.report
    assert report.expected is None, "no count was reported, so none is owed"
    assert not report.complete
    (problem,) = report.problems
    assert problem.startswith("humanloop v4 POST /projects/pr_1/export: no valid 'total' on pages 0, 1, 2, 3, 4")
    assert f"(page 0: {shown})" in problem


def test_without_allow_partial_the_missing_total_is_an_error(serve_listing: Callable[[TotalOf], str]) -> None:
    export = _client(serve_listing(lambda _page: MISSING)).export_project("pr_1")
    with pytest.raises(IncompleteExportError, match="no valid 'total' on pages 0"):
        list(export.models())


def test_a_later_page_without_a_total_is_named(serve_listing: Callable[[TotalOf], str]) -> None:
    export = _client(serve_listing(lambda page: MISSING if page == 2 else RECORDS)).export_project(
        "pr_1", allow_partial=True
    )
    assert len(list(export.models())) == RECORDS
    (problem,) = export.report.problems
    assert "no valid 'total' on page 2 (page 2: missing)" in problem
    assert export.report.expected == RECORDS and export.report.missing == 0 and not export.report.complete


def test_a_whole_number_total_is_a_count() -> None:
    assert read_total({"total": 40}, "total") == (40, None)
    assert read_total({"total": 40.0}, "total") == (40, None)
    assert read_total({"total": 0}, "total") == (0, None)
    assert read_total({}, "total") == (None, "missing")
    assert read_total({"total": "x" * 100}, "total")[1] == '"' + "x" * 36 + "... (a string)"
    assert read_total({"total": [40]}, "total")[1] == "[40] (a list)"


def test_paging_without_a_total_reads_until_a_short_page() -> None:
    requested: list[int] = []

    async def fetch(number: int) -> Page:
        requested.append(number)
        records = list(range(number * 10, min(35, (number + 1) * 10)))
        return Page(number=number, records=records, total=None, size=10)

    async def run() -> list[Page]:
        return [page async for page in iterate_pages(fetch, scheme=ZERO_BASED, page_size=10, concurrency=2)]

    pages = asyncio.run(run())
    assert [record for page in pages for record in page.records] == list(range(35))
    assert [page.number for page in pages] == [0, 1, 2, 3]
