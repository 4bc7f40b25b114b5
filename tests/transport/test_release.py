"""Finished responses are freed by reference counting, not left for the cycle collector with their bodies."""

from __future__ import annotations

import gc

import httpx
from tracebridge import HumanloopClient
from tracebridge.sandbox import RunningSandbox


def test_an_export_leaves_no_response_for_the_cycle_collector(sandbox: RunningSandbox) -> None:
    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, page_size=20)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the collector finds, so it can be inspected
    try:
        logs = list(client.export_project(sandbox.project_id).raw())
        gc.collect()
        stranded = [obj for obj in gc.garbage if isinstance(obj, httpx.Response)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert len(logs) == 200  # 10 pages
    assert stranded == []  # each would have held its page's body until a full collection
