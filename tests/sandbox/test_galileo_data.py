"""The generated Galileo project is realistic: sessions of traces of nested spans of every type, with metrics,
scorer statuses, feedback and annotations, consistently linked by ids."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

from tests.sandbox.conftest import export_lines, walk

SPAN_TYPES = {"llm", "tool", "retriever", "workflow", "agent", "control"}
Record = dict[str, Any]


@pytest.fixture(scope="module")
def sessions(sandbox: RunningSandbox) -> list[Record]:
    with httpx.Client(
        base_url=sandbox.base_url, headers={sandbox.galileo_key_header: sandbox.galileo_api_key}, timeout=30
    ) as client:
        return export_lines(client, sandbox, root_type="session")


def depth(node: Record) -> int:
    return 1 + max((depth(child) for child in node.get("spans") or ()), default=0)


def test_sessions_hold_traces_hold_nested_spans_of_every_type(sessions: list[Record]) -> None:
    traces = [trace for session in sessions for trace in session["traces"]]
    assert {len(session["traces"]) for session in sessions} >= {1, 2, 3}
    assert all(session["num_traces"] == len(session["traces"]) for session in sessions)
    spans = [node for trace in traces for node in walk(trace) if node is not trace]
    assert {span["type"] for span in spans} == SPAN_TYPES
    assert max(depth(trace) for trace in traces) >= 4  # trace > agent > agent > llm
    nested_under = {span["type"] for span in spans if span.get("spans")}
    assert nested_under == {"workflow", "agent"}


def test_ids_link_every_node_to_its_session_trace_and_parent(sessions: list[Record]) -> None:
    for session in sessions:
        for trace in session["traces"]:
            assert trace["session_id"] == session["id"] and trace["trace_id"] == trace["id"]
            stack = [(trace, span) for span in trace["spans"]]
            while stack:
                parent, span = stack.pop()
                assert (span["parent_id"], span["trace_id"], span["session_id"]) == (
                    parent["id"],
                    trace["id"],
                    session["id"],
                )
                stack.extend((span, child) for child in span.get("spans") or ())


def test_every_node_has_metrics_and_llm_spans_count_tokens(sessions: list[Record]) -> None:
    nodes = [node for session in sessions for node in walk(session)]
    assert all(node["metrics"].get("duration_ns", 0) > 0 for node in nodes)
    llm = [node for node in nodes if node["type"] == "llm"]
    assert all(node["metrics"]["num_input_tokens"] > 0 and node["model"] for node in llm)


def test_scorer_metrics_are_keyed_by_uuid_with_every_status(sessions: list[Record]) -> None:
    infos = [
        (key, info)
        for session in sessions
        for node in walk(session)
        for key, info in (node["metric_info"] or {}).items()
    ]
    assert {info["status_type"] for _, info in infos} >= {"success", "roll_up", "failed", "pending"}
    assert all(len(key) == 36 and info.get("metric_key_alias") for key, info in infos)
    assert {info["metric_key_alias"] for _, info in infos} >= {"correctness", "toxicity", "tone"}


def test_feedback_and_annotations_are_present(sessions: list[Record]) -> None:
    nodes = [node for session in sessions for node in walk(session)]
    ratings = [rating for node in nodes for rating in (node["feedback_rating_info"] or {}).values()]
    assert {rating["feedback_type"] for rating in ratings} == {"like_dislike", "star", "tags", "text"}
    annotated = [node for node in nodes if node["annotations"]]
    assert annotated
    for node in annotated:
        [(template, by_annotator)] = node["annotations"].items()
        scores = [rating["value"] for rating in by_annotator.values()]
        aggregate = node["annotation_aggregates"][template]["aggregate"]
        assert aggregate["average"] == sum(scores) / len(scores)
