"""Trees as deep as a vendor allows map without recursion; past ``MAX_DEPTH`` the record is refused, not the process."""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest
from tracebridge.galileo import mapping as galileo
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.walk import MAX_DEPTH

from tests.fixture_files import load_lines


def _galileo_chain(depth: int) -> dict[str, Any]:
    """A Galileo trace whose spans nest ``depth`` deep, each the only child of the one before (built iteratively)."""
    (session,) = load_lines("galileo/export-nested.jsonl")
    trace = copy.deepcopy(session["traces"][0])
    template = {k: v for k, v in trace["spans"][0].items() if k != "spans"}
    trace["spans"] = []
    holder = trace
    for level in range(depth):
        span = {**template, "id": f"00000000-0000-4000-8000-{level:012d}", "parent_id": None, "spans": []}
        holder["spans"] = [span]
        holder = span
    return trace


def _humanloop_chain(depth: int) -> dict[str, Any]:
    """A v5 flow Log whose trace_children nest ``depth`` deep."""
    root: dict[str, Any] = {"id": "log_0", "flow": {"id": "fl_1", "path": "deep"}, "trace_children": []}
    holder = root
    for level in range(1, depth + 1):
        child: dict[str, Any] = {"id": f"log_{level}", "tool": {"id": "tl_1", "path": "t"}, "trace_children": []}
        holder["trace_children"] = [child]
        holder = child
    return root


@pytest.mark.parametrize("depth", [1_200, sys.getrecursionlimit() * 3])
def test_a_galileo_tree_deeper_than_the_stack_maps_whole(depth: int) -> None:
    records = galileo.normalize_record(_galileo_chain(depth))
    spans = [r for r in records if r.record_type == "span"]
    assert len(spans) == depth + 1  # the trace and every nested span
    by_id = {span.span_id: span for span in spans}
    leaf = spans[-1]
    hops = 0
    while leaf.parent_span_id is not None:  # every link kept, from the deepest span up to the trace
        leaf = by_id[leaf.parent_span_id]
        hops += 1
    assert hops == depth


def test_a_humanloop_trace_deeper_than_the_stack_maps_whole() -> None:
    depth = MAX_DEPTH - 1
    records = humanloop_v5.normalize_log(_humanloop_chain(depth))
    spans = [r for r in records if r.record_type == "span"]
    assert len(spans) == depth + 1
    assert [span.provenance.source_id for span in spans] == [f"log_{n}" for n in range(depth + 1)]
    assert len({span.trace_id for span in spans}) == 1


def test_a_record_nested_past_the_limit_is_refused_with_the_path() -> None:
    with pytest.raises(MappingError, match=f"nested deeper than {MAX_DEPTH} levels") as refused:
        humanloop_v5.normalize_log(_humanloop_chain(MAX_DEPTH + 5))
    assert refused.value.field_path.startswith("log.trace_children[0].trace_children[0]")
