"""Page decoding: same result as ``json.loads``, the cycle collector left as it was found, bad bodies still fail."""

from __future__ import annotations

import gc
import json

import pytest
from tracebridge.transport.http import decode_json

PAGE = json.dumps({"records": [{"id": f"log_{n}", "tags": ["a", {"b": None}]} for n in range(50)], "total": 50})


def test_decodes_like_json_loads_and_restores_the_collector() -> None:
    assert gc.isenabled()
    assert decode_json(PAGE.encode()) == json.loads(PAGE)
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        decode_json(b"[1]")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_truncated_page_raises_and_restores_the_collector() -> None:
    with pytest.raises(ValueError):
        decode_json(PAGE.encode()[: len(PAGE) // 2])
    assert gc.isenabled()
