"""Export filters of all six kinds, every operator, checked against the unfiltered export evaluated here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

from tests.sandbox.conftest import export_lines, export_path

Record = dict[str, Any]


@pytest.fixture(scope="module")
def traces(sandbox: RunningSandbox) -> list[Record]:
    """Every trace of the log stream, newest first, unredacted (filters see the stored values)."""
    with httpx.Client(
        base_url=sandbox.base_url, headers={sandbox.galileo_key_header: sandbox.galileo_api_key}, timeout=30
    ) as client:
        return export_lines(client, sandbox, root_type="trace", redact=False)


def cases(traces: list[Record]) -> list[tuple[dict[str, Any], Callable[[Record], bool]]]:
    """(filter, the same condition in Python) pairs; values are taken from the data so every case selects some."""
    ids = [t["id"] for t in traces]
    stamps = sorted(t["created_at"] for t in traces)
    middle = stamps[len(stamps) // 2]
    costs = sorted(t["metrics"]["cost"] for t in traces)
    low, high = costs[len(costs) // 4], costs[3 * len(costs) // 4]
    spans = sorted(t["num_spans"] for t in traces)[len(traces) // 2]
    return [
        ({"type": "id", "column_id": "id", "operator": "eq", "value": ids[3]}, lambda t: t["id"] == ids[3]),
        ({"type": "id", "column_id": "id", "value": ids[3]}, lambda t: t["id"] == ids[3]),  # operator defaults to eq
        ({"type": "id", "column_id": "id", "operator": "ne", "value": ids[3]}, lambda t: t["id"] != ids[3]),
        ({"type": "id", "column_id": "id", "operator": "one_of", "value": ids[:5]}, lambda t: t["id"] in ids[:5]),
        ({"type": "id", "column_id": "id", "operator": "not_in", "value": ids[:5]}, lambda t: t["id"] not in ids[:5]),
        ({"type": "id", "column_id": "id", "operator": "contains", "value": "a"}, lambda t: "a" in t["id"]),
        (
            {"type": "id", "column_id": "session_id", "operator": "eq", "value": traces[0]["session_id"]},
            lambda t: t["session_id"] == traces[0]["session_id"],
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "eq", "value": middle},
            lambda t: t["created_at"] == middle,
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "ne", "value": middle},
            lambda t: t["created_at"] != middle,
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "gt", "value": middle},
            lambda t: t["created_at"] > middle,
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "gte", "value": middle},
            lambda t: t["created_at"] >= middle,
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "lt", "value": middle},
            lambda t: t["created_at"] < middle,
        ),
        (
            {"type": "date", "column_id": "created_at", "operator": "lte", "value": middle},
            lambda t: t["created_at"] <= middle,
        ),
        (
            {"type": "number", "column_id": "status_code", "operator": "eq", "value": 500},
            lambda t: t["status_code"] == 500,
        ),
        (
            {"type": "number", "column_id": "status_code", "operator": "ne", "value": 500},
            lambda t: t["status_code"] != 500,
        ),
        (
            {"type": "number", "column_id": "num_spans", "operator": "gt", "value": spans},
            lambda t: t["num_spans"] > spans,
        ),
        (
            {"type": "number", "column_id": "num_spans", "operator": "gte", "value": spans},
            lambda t: t["num_spans"] >= spans,
        ),
        (
            {"type": "number", "column_id": "num_spans", "operator": "lt", "value": spans},
            lambda t: t["num_spans"] < spans,
        ),
        (
            {"type": "number", "column_id": "num_spans", "operator": "lte", "value": spans},
            lambda t: t["num_spans"] <= spans,
        ),
        (
            {"type": "number", "column_id": "metrics/cost", "operator": "between", "value": [low, high]},
            lambda t: low <= t["metrics"]["cost"] <= high,
        ),
        (
            {"type": "boolean", "column_id": "is_complete", "operator": "eq", "value": False},
            lambda t: t["is_complete"] is False,
        ),
        (
            {"type": "boolean", "column_id": "is_complete", "operator": "ne", "value": False},
            lambda t: t["is_complete"] is not False,
        ),
        ({"type": "boolean", "column_id": "is_complete", "value": True}, lambda t: t["is_complete"] is True),
        (
            {"type": "collection", "column_id": "tags", "operator": "eq", "value": ["prod"]},
            lambda t: t["tags"] == ["prod"],
        ),
        (
            {"type": "collection", "column_id": "tags", "operator": "contains", "value": "vip"},
            lambda t: "vip" in t["tags"],
        ),
        (
            {
                "type": "collection",
                "column_id": "tags",
                "operator": "contains",
                "value": "VIP",
                "case_sensitive": False,
            },
            lambda t: "vip" in t["tags"],
        ),
        (
            {"type": "collection", "column_id": "tags", "operator": "one_of", "value": ["beta", "canary"]},
            lambda t: bool({"beta", "canary"} & set(t["tags"])),
        ),
        (
            {"type": "collection", "column_id": "tags", "operator": "not_in", "value": ["vip"]},
            lambda t: "vip" not in t["tags"],
        ),
        (
            {"type": "text", "column_id": "name", "operator": "eq", "value": "rag-query"},
            lambda t: t["name"] == "rag-query",
        ),
        (
            {"type": "text", "column_id": "name", "operator": "ne", "value": "rag-query"},
            lambda t: t["name"] != "rag-query",
        ),
        ({"type": "text", "column_id": "name", "operator": "contains", "value": "-r"}, lambda t: "-r" in t["name"]),
        (
            {"type": "text", "column_id": "name", "operator": "one_of", "value": ["triage", "chat-turn"]},
            lambda t: t["name"] in ("triage", "chat-turn"),
        ),
        (
            {"type": "text", "column_id": "name", "operator": "not_in", "value": ["triage", "chat-turn"]},
            lambda t: t["name"] not in ("triage", "chat-turn"),
        ),
        (
            {"type": "text", "column_id": "name", "operator": "eq", "value": "RAG-QUERY", "case_sensitive": False},
            lambda t: t["name"] == "rag-query",
        ),
        (
            {"type": "text", "column_id": "input", "operator": "contains", "value": "@example"},
            lambda t: "@example" in t["input"],
        ),
        (
            {"type": "text", "column_id": "user_metadata/env", "operator": "eq", "value": "staging"},
            lambda t: t["user_metadata"]["env"] == "staging",
        ),
    ]


CASES = 36


def test_every_kind_and_operator_is_covered(traces: list[Record]) -> None:
    covered = {(f["type"], f.get("operator", "eq")) for f, _ in cases(traces)}
    operators = {
        "id": {"eq", "ne", "one_of", "not_in", "contains"},
        "date": {"eq", "ne", "gt", "gte", "lt", "lte"},
        "number": {"eq", "ne", "gt", "gte", "lt", "lte", "between"},
        "boolean": {"eq", "ne"},
        "collection": {"eq", "contains", "one_of", "not_in"},
        "text": {"eq", "ne", "contains", "one_of", "not_in"},
    }
    assert covered == {(kind, op) for kind, ops in operators.items() for op in ops}
    assert len(cases(traces)) == CASES


@pytest.mark.parametrize("case", range(CASES))
def test_a_filter_selects_exactly_the_matching_roots(
    gal: httpx.Client, sandbox: RunningSandbox, traces: list[Record], case: int
) -> None:
    wanted, condition = cases(traces)[case]
    expected = [t["id"] for t in traces if condition(t)]
    assert 0 < len(expected) < len(traces) or wanted.get("operator") in ("ne", "not_in")
    served = export_lines(gal, sandbox, root_type="trace", redact=False, filters=[wanted])
    assert [t["id"] for t in served] == expected


def test_filters_combine_with_and(gal: httpx.Client, sandbox: RunningSandbox, traces: list[Record]) -> None:
    filters = [
        {"type": "text", "column_id": "name", "operator": "ne", "value": "triage"},
        {"type": "collection", "column_id": "tags", "operator": "contains", "value": "vip"},
    ]
    served = export_lines(gal, sandbox, root_type="trace", filters=filters)
    assert [t["id"] for t in served] == [t["id"] for t in traces if t["name"] != "triage" and "vip" in t["tags"]]


def test_session_and_span_roots_are_filtered_too(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    llm = export_lines(
        gal,
        sandbox,
        root_type="span",
        filters=[{"type": "text", "column_id": "type", "operator": "eq", "value": "llm"}],
    )
    assert llm and {span["type"] for span in llm} == {"llm"}
    pro = export_lines(
        gal,
        sandbox,
        root_type="session",
        filters=[{"type": "text", "column_id": "user_metadata/customer_tier", "operator": "eq", "value": "pro"}],
    )
    assert pro and {session["user_metadata"]["customer_tier"] for session in pro} == {"pro"}


@pytest.mark.parametrize(
    ("item", "loc"),
    [
        ({"type": "number", "column_id": "name", "operator": "eq", "value": 1}, ["column_id"]),
        ({"type": "text", "column_id": "colour", "operator": "eq", "value": "red"}, ["column_id"]),
        ({"type": "boolean", "column_id": "is_complete", "operator": "gt", "value": True}, ["operator"]),
        ({"type": "date", "column_id": "created_at", "operator": "gt", "value": "yesterday"}, ["value"]),
        ({"type": "number", "column_id": "num_spans", "operator": "between", "value": [1]}, ["value"]),
        ({"type": "date", "column_id": "created_at", "value": "2025-01-01T00:00:00Z"}, ["operator"]),
    ],
)
def test_a_bad_filter_gets_422_naming_the_field(
    gal: httpx.Client, sandbox: RunningSandbox, item: dict[str, Any], loc: list[str]
) -> None:
    response = gal.post(export_path(sandbox), json={"root_type": "trace", "filters": [item]})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "filters", 0, item["type"], *loc]
