"""Deterministic OTel ids: same source id, same OTel id; valid hex of the right length; never all zero."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from tracebridge.mapping.ids import record_id_for, span_id_for, trace_id_for


@given(st.sampled_from(["humanloop", "galileo"]), st.text(min_size=1, max_size=40))
def test_ids_are_valid_otel_ids_and_stable(system: str, source_id: str) -> None:
    trace_id, span_id = trace_id_for(system, source_id), span_id_for(system, source_id)
    assert re.fullmatch(r"[0-9a-f]{32}", trace_id) and int(trace_id, 16) != 0
    assert re.fullmatch(r"[0-9a-f]{16}", span_id) and int(span_id, 16) != 0
    assert (trace_id, span_id) == (trace_id_for(system, source_id), span_id_for(system, source_id))


def test_galileo_uuid_trace_ids_are_kept_as_hex_so_users_can_search_them() -> None:
    assert trace_id_for("galileo", "7A7A7A7A-0000-4000-8000-000000000002") == "7a7a7a7a000040008000000000000002"


def test_the_all_zero_uuid_is_hashed_not_used() -> None:
    value = trace_id_for("galileo", "00000000-0000-0000-0000-000000000000")
    assert int(value, 16) != 0 and len(value) == 32


def test_vendors_and_roles_never_collide() -> None:
    assert span_id_for("humanloop", "x") != span_id_for("galileo", "x")
    assert trace_id_for("humanloop", "x")[:16] != span_id_for("humanloop", "x")
    assert record_id_for("galileo", "a", "bc") != record_id_for("galileo", "ab", "c")
