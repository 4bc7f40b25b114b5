"""Archetypes of Humanloop records: rich JSON shapes with slots where per-record values go.

Each archetype is one realistic kind of record (a multi-turn chat with a tool call and an image, a tool log, a flow
trace with nested children, an evaluator log...). A collection cycles through a few dozen archetypes per seed, and
ids, timestamps, token counts and costs come from the record's own slots, so records differ where real ones do while
staying cheap to render (see ``templates``).
"""

from __future__ import annotations

import json
from typing import Any

from tracebridge.sandbox.content import CONVERSATIONS, ENVIRONMENTS, FINISH_REASONS, MODELS, TOOLS, USERS, Conversation
from tracebridge.sandbox.humanloop_catalog import EVALUATOR_KINDS, EvaluatorKind, HumanloopCatalog, hl_id
from tracebridge.sandbox.templates import inline, slot

DATA_ID = "data_" + inline("h")
V5_IDS: dict[str, str] = {
    "log_id": "log_" + inline("h"),
    **{f"c{j}": "log_" + inline(f"h{j + 1}") for j in range(3)},
    **{f"e{j}": "log_" + inline("g") + f"{j:x}" for j in range(8)},
}
"""Where the ids of a v5 record's logs come from: the log, its trace children (``c``), its evaluator logs (``e``)."""

V4_KINDS = ("model", "model", "model", "tool", "evaluator", "model", "agent", "generic")
V5_KINDS = ("prompt", "flow", "agent", "tool", "evaluator", "prompt")
FEEDBACK = (
    ("rating", "good"),
    ("rating", "bad"),
    ("action", "copied"),
    ("issue", "wrong order number"),
    ("correction", "Your order ships tomorrow."),
    ("comment", "Customer was happy."),
    ("csat", 4),
)


def judgment(kind: EvaluatorKind, k: int) -> Any:
    """A plausible judgment of the evaluator's return type, varying with ``k``."""
    if kind.return_type == "boolean":
        return k % 3 != 0
    if kind.return_type == "number":
        return round(((k * 37) % 101) / 100, 2)
    if kind.return_type == "select":
        return kind.options[k % len(kind.options)]
    if kind.return_type == "multi_select":
        return list(kind.options[: k % len(kind.options)])
    return ("Clear and polite.", "Missed the second question.", "Good use of the tool result.")[k % 3]


def chat(conversation: Conversation, k: int, *, call_prefix: str) -> tuple[list[dict[str, Any]], str]:
    """A multi-turn chat (system, user turns with an image, an assistant tool call and its result) and the reply."""
    tool = conversation.tool
    messages: list[dict[str, Any]] = [{"role": "system", "content": conversation.system}]
    reply = ""
    for turn, (user, assistant) in enumerate(conversation.turns):
        content: Any = user
        if turn == 0:
            text = f"{user} (you can reach me at {conversation.customer_email} or {conversation.customer_phone})"
            content = text
            if conversation.image_url and k % 2 == 0:
                detail = ("auto", "high", "low")[k % 3]
                content = [
                    {"type": "text", "text": text},
                    {"type": "image_url", "image_url": {"url": conversation.image_url, "detail": detail}},
                ]
        messages.append({"role": "user", "content": content})
        if turn == 0 and k % 3 != 2:
            call_id = f"{call_prefix}_{k}"
            messages.append(
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": call_id,
                            "type": "function",
                            "function": {"name": tool.name, "arguments": tool.arguments},
                        }
                    ],
                }
            )
            messages.append({"role": "tool", "content": tool.result, "tool_call_id": call_id, "name": tool.name})
        if turn < len(conversation.turns) - 1:
            messages.append({"role": "assistant", "content": assistant})
        reply = assistant
    return messages, reply


# ---------------------------------------------------------------------------------------------------------- v4


def _v4_model_config(seed: int, k: int, conversation: Conversation) -> dict[str, Any]:
    provider, model = MODELS[k % len(MODELS)]
    tool = conversation.tool
    return {
        "type": "model",
        "id": hl_id("config_", seed, "model", k % 6),
        "name": f"{conversation.topic}-assistant",
        "description": None,
        "provider": provider,
        "model": model,
        "max_tokens": (-1, 256, 1024)[k % 3],
        "temperature": round((k % 10) / 10, 1),
        "top_p": 1,
        "stop": None if k % 2 else ["\n\nUser:"],
        "presence_penalty": 0,
        "frequency_penalty": 0,
        "seed": None,
        "response_format": None,
        "prompt_template": None,
        "chat_template": [{"role": "system", "content": conversation.system}],
        "endpoint": "chat",
        "tools": [
            {
                "id": hl_id("oc_", seed, tool.name),
                "name": tool.name,
                "description": tool.description,
                "parameters": tool.parameters,
                "source": "organization",
            }
        ],
        "tool_configs": None,
        "other": {},
        "created_by": {"id": hl_id("usr_", seed, k % 4), "email_address": USERS[k % 4], "full_name": None},
        "status": "committed",
    }


def _v4_config(seed: int, kind: str, k: int, conversation: Conversation) -> dict[str, Any]:
    tool = conversation.tool
    if kind == "tool":
        return {
            "type": "tool",
            "id": hl_id("config_", seed, "tool", tool.name),
            "name": tool.name,
            "description": tool.description,
            "source": "organization",
            "source_code": None,
            "parameters": tool.parameters,
            "signature": f"{tool.name}(**kwargs)",
            "is_preset": False,
            "preset_name": None,
            "setup_schema": None,
            "other": {},
        }
    if kind == "evaluator":
        evaluator = EVALUATOR_KINDS[k % len(EVALUATOR_KINDS)]
        return {
            "type": "evaluator",
            "id": hl_id("config_", seed, "evaluator", evaluator.name),
            "name": evaluator.name,
            "evaluator_type": evaluator.evaluator_type,
            "arguments_type": evaluator.arguments_type,
            "return_type": evaluator.return_type,
            "code": "def evaluate(log):\n    return True\n" if evaluator.evaluator_type == "python" else None,
            "model_config": _v4_model_config(seed, k + 1, conversation) if evaluator.evaluator_type == "llm" else None,
        }
    if kind == "agent":
        model_config = _v4_model_config(seed, k, conversation)
        model_config.pop("id")
        model_config.pop("created_by")
        model_config.pop("status")
        model_config.pop("tool_configs")  # a model config's field; the agent's model config does not have it
        return {
            "type": "agent",
            "id": hl_id("config_", seed, "agent", k % 2),
            "name": "order-helper",
            "agent_class": "ReActAgent",
            "tools": model_config["tools"],
            "model_config": model_config,
            "other": {"max_iterations": 5},
        }
    if kind == "generic":
        return {
            "type": "generic",
            "id": hl_id("config_", seed, "generic"),
            "name": "custom-pipeline",
            "other": {"steps": 3},
        }
    return _v4_model_config(seed, k, conversation)


def _v4_evaluation_results(k: int, evaluation_id: str | None, evaluator_ids: list[tuple[str, str]]) -> list[Any]:
    results = []
    count = 1 + k % 3
    for j in range(count):
        kind = EVALUATOR_KINDS[(k + j) % len(EVALUATOR_KINDS)]
        evaluator_id, version_id = evaluator_ids[(k + j) % len(evaluator_ids)]
        failed = j == 1 and k % 4 == 1
        results.append(
            {
                "id": "evrl_" + inline(f"h{j + 1}"),
                "evaluator_id": evaluator_id,
                "evaluator_version_id": version_id,
                "evaluation_id": evaluation_id,
                "log_id": DATA_ID,
                "value": None if failed else judgment(kind, k + j),
                "error": "Evaluator timed out after 30s" if failed else None,
                "version": {"name": kind.name, "return_type": kind.return_type, "evaluator_type": kind.evaluator_type},
                "created_at": slot("judged_at"),
                "updated_at": slot("judged_at"),
            }
        )
    return results


def v4_log(
    catalog: HumanloopCatalog,
    k: int,
    *,
    project_name: str,
    project_id: str,
    evaluation_id: str | None,
    kind: str | None = None,
) -> dict[str, Any]:
    """A v4 log archetype (``data_`` id) of the ``k``-th variety."""
    seed = catalog.seed
    kind = kind or V4_KINDS[k % len(V4_KINDS)]
    conversation = CONVERSATIONS[k % len(CONVERSATIONS)]
    tool = conversation.tool
    messages, reply = chat(conversation, k, call_prefix="call")
    evaluator_ids = [(e["id"], e["version_id"]) for e in catalog.evaluators]
    record: dict[str, Any] = {
        "id": DATA_ID,
        "project": project_name,
        "project_id": project_id,
        "session_id": slot("session_id"),
        "session_reference_id": slot("session_ref"),
        "parent_id": slot("parent_id"),
        "parent_reference_id": None,
        "inputs": {"question": conversation.turns[0][0], "customer": conversation.customer_email},
        "source": ("sdk", "api", "playground")[k % 3],
        "metadata": {"region": ("eu-west-1", "us-east-1")[k % 2], "app_version": f"2.{k % 5}.0", "ab_bucket": k % 2},
        "save": True,
        "source_datapoint_id": slot("datapoint_id"),
        "reference_id": slot("reference_id"),
        "messages": messages,
        "output": reply,
        "judgment": None,
        "config_id": None,
        "config": _v4_config(seed, kind, k, conversation),
        "environment": ENVIRONMENTS[k % len(ENVIRONMENTS)],
        "feedback": [
            {
                "id": "ann_" + inline(f"h{j + 1}"),
                "type": FEEDBACK[(k + j) % len(FEEDBACK)][0],
                "value": FEEDBACK[(k + j) % len(FEEDBACK)][1],
                "data_id": DATA_ID,
                "user": USERS[(k + j) % len(USERS)],
                "created_at": slot("judged_at"),
            }
            for j in range(k % 3)
        ],
        "created_at": slot("created_at"),
        "error": None,
        "stdout": "",
        "duration": slot("duration"),
        "output_message": {"role": "assistant", "content": reply},
        "prompt_tokens": slot("prompt_tokens"),
        "output_tokens": slot("output_tokens"),
        "prompt_cost": slot("prompt_cost"),
        "output_cost": slot("output_cost"),
        "provider_request": {"model": MODELS[k % len(MODELS)][1], "messages": "<omitted>"},
        "provider_response": {"id": "chatcmpl-" + inline("h2"), "object": "chat.completion"},
        "user": USERS[k % len(USERS)],
        "provider_latency": slot("provider_latency"),
        "tokens": slot("tokens"),
        "raw_output": reply,
        "finish_reason": FINISH_REASONS[k % len(FINISH_REASONS)],
        "tools": [
            {
                "id": "tr_" + inline("h1"),
                "name": tool.name,
                "signature": f"{tool.name}(**kwargs)",
                "result": tool.result,
            }
        ]
        if k % 3 != 2
        else [],
        "tool_choice": ("auto", "none", "required", {"type": "function", "function": {"name": tool.name}})[k % 4],
        "evaluation_results": _v4_evaluation_results(k, evaluation_id, evaluator_ids),
        "observability_status": ("completed", "completed", "pending", "running", "failed")[k % 5],
        "updated_at": slot("updated_at"),
        "batch_ids": ["btch_" + inline("h3")] if k % 4 == 0 else [],
    }
    if kind == "model" and k % 11 == 5:
        record.update(
            {
                "output": None,
                "output_message": None,
                "error": "RateLimitError: the provider returned 429 Too Many Requests",
                "finish_reason": None,
                "output_tokens": 0,
            }
        )
    if kind == "tool":
        record.update(
            {
                "messages": None,
                "inputs": json_object(tool.arguments),
                "output": tool.result,
                "output_message": None,
                "raw_output": tool.result,
                "prompt_tokens": None,
                "output_tokens": None,
                "tokens": None,
                "prompt_cost": None,
                "output_cost": None,
                "provider_request": None,
                "provider_response": None,
                "tool_choice": None,
                "finish_reason": None,
                "stdout": f"calling {tool.name}\n",
            }
        )
    elif kind == "evaluator":
        evaluator = EVALUATOR_KINDS[k % len(EVALUATOR_KINDS)]
        record.update({"judgment": judgment(evaluator, k), "output": "The answer matches the target.", "tools": []})
    elif kind == "generic":
        record.update({"messages": None, "output_message": None, "tool_choice": None, "tools": []})
    return record


def json_object(text: str) -> dict[str, Any]:
    """A tool's JSON arguments as the ``inputs`` object of its log."""
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def v4_snapshot_results(catalog: HumanloopCatalog, k: int, *, evaluation_id: str) -> list[Any]:
    """The ``evaluation_results`` of a datapoint snapshot whose log is archetype ``k``: the same results that log
    carries (same ids, same judgments), as the API lists this evaluation's results beside the log's own."""
    evaluator_ids = [(e["id"], e["version_id"]) for e in catalog.evaluators]
    return _v4_evaluation_results(k, evaluation_id, evaluator_ids)


def v4_datapoint_snapshot(catalog: HumanloopCatalog, k: int) -> dict[str, Any]:
    """A v4 evaluation datapoint snapshot archetype: the datapoint, the evaluatee's log and its results (slots).

    The results follow the evaluatee's log (``v4_snapshot_results``), the datapoint follows archetype ``k``."""
    conversation = CONVERSATIONS[k % len(CONVERSATIONS)]
    return {
        "datapoint": {
            "id": slot("datapoint_id"),
            "dataset_id": catalog.dataset["id"],
            "inputs": {"question": conversation.turns[0][0], "topic": conversation.topic},
            "messages": [{"role": "user", "content": conversation.turns[0][0]}],
            "target": {"answer": conversation.turns[0][1], "expected_tool": conversation.tool.name, "max_turns": 3},
        },
        "log": slot("log"),
        "evaluation_results": slot("evaluation_results"),
    }


# ---------------------------------------------------------------------------------------------------------- v5


def _v5_common(k: int, id_slot: str, *, parent: str | None, trace: str | None, ids: dict[str, str]) -> dict[str, Any]:
    return {
        "id": ids[id_slot],
        "start_time": slot("t_start"),
        "end_time": slot("t_end"),
        "created_at": slot("t_end"),
        "error": None,
        "provider_latency": slot("provider_latency"),
        "stdout": None,
        "provider_request": None,
        "provider_response": None,
        "source": ("sdk", "api")[k % 2],
        "metadata": {"experiment": f"exp-{k % 3}", "tenant": ("acme", "globex")[k % 2]},
        "log_status": "complete" if k % 9 else "incomplete",
        "source_datapoint_id": slot("datapoint_id"),
        "trace_parent_id": ids[parent] if parent else None,
        "batches": ["btch_" + inline("h3")] if k % 4 == 0 else None,
        "user": USERS[k % len(USERS)],
        "environment": ENVIRONMENTS[k % len(ENVIRONMENTS)],
        "save": True,
        "log_id": None,
        "trace_flow_id": None,
        "trace_id": ids[trace] if trace else None,
        "evaluator_logs": [],
        "trace_children": [],
    }


def _v5_prompt_log(
    catalog: HumanloopCatalog, k: int, id_slot: str, *, parent: str | None, trace: str | None, ids: dict[str, str]
) -> dict[str, Any]:
    conversation = CONVERSATIONS[k % len(CONVERSATIONS)]
    messages, reply = chat(conversation, k, call_prefix="toolu")
    output_message: dict[str, Any] = {"role": "assistant", "content": reply}
    if k % 4 == 1:
        output_message["thinking"] = [
            {
                "type": "thinking",
                "thinking": "The user wants a short answer; use the tool result.",
                "signature": "sig_9f",
            },
            {"type": "redacted_thinking", "data": "EuYBCkQYAiJA"},
        ]
    log = _v5_common(k, id_slot, parent=parent, trace=trace, ids=ids)
    log.update(
        {
            "prompt": catalog.prompt_for(k),
            "messages": messages,
            "output_message": output_message,
            "output": reply,
            "inputs": {"question": conversation.turns[0][0]},
            "prompt_tokens": slot("prompt_tokens"),
            "reasoning_tokens": slot("reasoning_tokens") if k % 4 == 1 else None,
            "output_tokens": slot("output_tokens"),
            "prompt_cost": slot("prompt_cost"),
            "output_cost": slot("output_cost"),
            "finish_reason": FINISH_REASONS[k % len(FINISH_REASONS)],
            "tool_choice": ("auto", "required", {"type": "function", "function": {"name": conversation.tool.name}})[
                k % 3
            ],
            "provider_request": {"model": catalog.prompt_for(k)["model"], "stream": False},
            "provider_response": {"id": "chatcmpl-" + inline("h2"), "usage": {"total_tokens": slot("tokens")}},
        }
    )
    if k % 13 == 7:
        log.update({"output": None, "output_message": None, "error": "APIConnectionError: upstream timed out"})
    return log


def _v5_tool_log(
    catalog: HumanloopCatalog, k: int, id_slot: str, *, parent: str | None, trace: str | None, ids: dict[str, str]
) -> dict[str, Any]:
    tool_index = k % len(TOOLS)
    tool = TOOLS[tool_index]
    log = _v5_common(k, id_slot, parent=parent, trace=trace, ids=ids)
    log.update({"tool": catalog.tools[tool_index], "inputs": json_object(tool.arguments), "output": tool.result})
    if k % 10 == 3:
        log.update(
            {
                "output": None,
                "error": f"{tool.name} raised KeyError('city')",
                "stdout": "Traceback (most recent call last): ...",
            }
        )
    return log


def _v5_evaluator_log(
    catalog: HumanloopCatalog, k: int, j: int, id_slot: str, *, judged: str, ids: dict[str, str], failed: bool = False
) -> dict[str, Any]:
    index = (k + j) % len(EVALUATOR_KINDS)
    kind = EVALUATOR_KINDS[index]
    log = _v5_common(k + j, id_slot, parent=None, trace=None, ids=ids)
    log.update(
        {
            "evaluator": catalog.evaluators[index],
            "parent_id": ids[judged],
            "judgment": None if failed else judgment(kind, k + j),
            "marked_completed": kind.evaluator_type == "human",
            "output": None if failed else f"{kind.name}: {judgment(kind, k + j)}",
            "created_at": slot("t_judged"),
            "start_time": slot("t_end"),
            "end_time": slot("t_judged"),
            "source_datapoint_id": None,
            "environment": None,
        }
    )
    if failed:
        log.update({"error": "Evaluator raised ZeroDivisionError: division by zero", "stdout": "Traceback ..."})
    return log


def v5_log(catalog: HumanloopCatalog, k: int, ids: dict[str, str] = V5_IDS) -> dict[str, Any]:
    """The evaluated log of a v5 evaluation record: prompt, flow (with nested children), agent, tool or evaluator."""
    kind = V5_KINDS[k % len(V5_KINDS)]
    if kind == "prompt":
        return _v5_prompt_log(catalog, k, "log_id", parent=None, trace=None, ids=ids)
    if kind == "tool":
        return _v5_tool_log(catalog, k, "log_id", parent=None, trace=None, ids=ids)
    if kind == "evaluator":
        # An Evaluator's own evaluation: its log judges a log of another File, which the API embeds as `parent`
        # (without it the judged log, and so its trace, would be nowhere in the export).
        log = _v5_evaluator_log(catalog, k, 0, "log_id", judged="c0", ids=ids)
        log["created_at"] = slot("t_end")
        log["parent"] = _v5_prompt_log(catalog, k + 1, "c0", parent=None, trace=None, ids=ids)
        return log
    conversation = CONVERSATIONS[k % len(CONVERSATIONS)]
    if kind == "flow":
        log = _v5_common(k, "log_id", parent=None, trace="log_id", ids=ids)
        child = _v5_prompt_log(catalog, k + 1, "c0", parent="log_id", trace="log_id", ids=ids)
        grandchild = _v5_tool_log(catalog, k + 1, "c1", parent="c0", trace="log_id", ids=ids)
        child["trace_children"] = [grandchild]
        log.update(
            {
                "flow": catalog.flows[k % len(catalog.flows)],
                "inputs": {"question": conversation.turns[0][0]},
                "messages": [{"role": "user", "content": conversation.turns[0][0]}],
                "output": conversation.turns[0][1],
                "trace_children": [child, _v5_tool_log(catalog, k + 2, "c2", parent="log_id", trace="log_id", ids=ids)],
            }
        )
        return log
    log = _v5_common(k, "log_id", parent=None, trace="log_id", ids=ids)
    agent = catalog.agents[k % len(catalog.agents)]
    messages, reply = chat(conversation, k, call_prefix="call")
    log.update(
        {
            "agent": agent,
            "messages": messages,
            "output": reply,
            "output_message": {"role": "assistant", "content": reply},
            "inputs": {"question": conversation.turns[0][0]},
            "prompt_tokens": slot("prompt_tokens"),
            "reasoning_tokens": None,
            "output_tokens": slot("output_tokens"),
            "prompt_cost": slot("prompt_cost"),
            "output_cost": slot("output_cost"),
            "finish_reason": "stop",
            "tool_choice": "auto",
            "trace_children": [_v5_tool_log(catalog, k, "c0", parent="log_id", trace="log_id", ids=ids)],
        }
    )
    return log


def v5_evaluation_log(catalog: HumanloopCatalog, k: int) -> dict[str, Any]:
    """A v5 evaluation record archetype: run, datapoint, the log, and evaluator logs of every return type."""
    conversation = CONVERSATIONS[k % len(CONVERSATIONS)]
    count = 2 + k % 4
    failing = 1 if k % 5 == 2 else -1
    evaluator_logs = [
        _v5_evaluator_log(catalog, k, j, f"e{j}", judged="log_id", ids=V5_IDS, failed=j == failing)
        for j in range(count)
    ]
    if k % 6 == 0:  # a log judged by every return type
        evaluator_logs = [
            _v5_evaluator_log(catalog, j, 0, f"e{j}", judged="log_id", ids=V5_IDS) for j in range(len(EVALUATOR_KINDS))
        ]
    return {
        "run_id": slot("run_id"),
        "datapoint": {
            "id": slot("datapoint_id"),
            "inputs": {"question": conversation.turns[0][0]},
            "messages": [{"role": "user", "content": conversation.turns[0][0]}],
            "target": {"answer": conversation.turns[0][1], "tolerance": 0.1},
        }
        if k % 7
        else None,
        "log": v5_log(catalog, k),
        "evaluator_logs": evaluator_logs,
    }


def v5_added_log(catalog: HumanloopCatalog) -> dict[str, Any]:
    """The record of a log added to a run with ``POST .../runs/{run_id}/logs``: a prompt log, no judgments yet."""
    ids = {**V5_IDS, "log_id": slot("log_id")}
    log = _v5_prompt_log(catalog, 1, "log_id", parent=None, trace=None, ids=ids)
    log["source_datapoint_id"] = None
    return {"run_id": slot("run_id"), "datapoint": None, "log": log, "evaluator_logs": []}
