"""The generated Humanloop workspace is realistic: every kind of log and evaluator, chats with tool calls and images,
feedback, sessions with parent/child logs, several evaluatees and runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

RETURN_TYPES = {"boolean", "number", "select", "multi_select", "text"}
Record = dict[str, Any]


def nested(value: Any) -> Iterator[Record]:
    """Every object inside a JSON value."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nested(item)
    elif isinstance(value, list):
        for item in value:
            yield from nested(item)


@pytest.fixture(scope="module")
def v4_logs(sandbox: RunningSandbox) -> list[Record]:
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
        return client.post(f"/v4/projects/{sandbox.project_id}/export", params={"size": 1000}).json()["records"]


@pytest.fixture(scope="module")
def v5_logs(sandbox: RunningSandbox) -> list[Record]:
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
        return client.get(f"/v5/evaluations/{sandbox.evaluation_id}/logs", params={"size": 1000}).json()["records"]


def test_v4_logs_come_from_every_kind_of_config(v4_logs: list[Record]) -> None:
    kinds = {log["config"]["type"] for log in v4_logs if log["config"]}
    assert kinds == {"model", "tool", "evaluator", "agent", "generic"}


def test_chats_have_several_turns_tool_calls_and_images(v4_logs: list[Record]) -> None:
    messages = [message for log in v4_logs for message in log["messages"] or ()]
    assert max(len(log["messages"] or ()) for log in v4_logs) >= 5
    assert {"system", "user", "assistant", "tool"} <= {message["role"] for message in messages}
    calls = [call for message in messages for call in message.get("tool_calls") or ()]
    assert calls and all(call["function"]["name"] and call["function"]["arguments"] for call in calls)
    parts = [part for message in messages if isinstance(message["content"], list) for part in message["content"]]
    images = [part["image_url"]["url"] for part in parts if part["type"] == "image_url"]
    assert any(url.startswith("data:image/") for url in images) and any(url.startswith("https://") for url in images)


def test_logs_carry_feedback_and_judgments(v4_logs: list[Record]) -> None:
    assert sum(1 for log in v4_logs if log["feedback"]) > len(v4_logs) // 4
    assert {type(log["judgment"]) for log in v4_logs} >= {bool, str, type(None)}


def test_sessions_hold_parent_and_child_logs(v4_logs: list[Record]) -> None:
    ids = {log["id"] for log in v4_logs}
    children = [log for log in v4_logs if log["parent_id"]]
    assert children and all(log["session_id"] for log in children)
    assert all(log["parent_id"] in ids for log in children)
    by_id = {log["id"]: log for log in v4_logs}
    assert all(by_id[log["parent_id"]]["session_id"] == log["session_id"] for log in children)
    assert any(log["session_id"] is None for log in v4_logs)  # and logs outside sessions


def test_evaluation_results_have_every_return_type(sandbox: RunningSandbox) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
        snapshots = client.get(f"/v4/evaluations/{sandbox.evaluation_id}/datapoints", params={"size": 1000}).json()[
            "records"
        ]
    results = [result for snapshot in snapshots for result in snapshot["evaluation_results"] or ()]
    assert {result["version"]["return_type"] for result in results} == RETURN_TYPES
    assert all(snapshot["log"] is not None for snapshot in snapshots)  # the first evaluatee ran every datapoint


def test_v5_logs_are_of_every_file_kind_with_every_evaluator_return_type(
    sandbox: RunningSandbox, v5_logs: list[Record]
) -> None:
    kinds = {next(key for key in ("prompt", "tool", "flow", "agent", "evaluator") if key in r["log"]) for r in v5_logs}
    assert kinds == {"prompt", "tool", "flow", "agent", "evaluator"}
    evaluators = [obj for obj in nested(v5_logs) if "evaluator" in obj and "judgment" in obj]
    return_types = {log["evaluator"]["spec"]["return_type"] for log in evaluators}
    assert return_types == RETURN_TYPES
    judgments = {type(log["judgment"]).__name__ for log in evaluators if log["judgment"] is not None}
    assert {"bool", "float", "str", "list"} <= judgments
    assert any(record["log"]["trace_children"] for record in v5_logs)  # flows and agents with child logs
    assert {record["run_id"] for record in v5_logs} == set(sandbox.run_ids)
