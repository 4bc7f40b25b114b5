"""The files of the sandbox's Humanloop workspace: prompt, tool, flow, agent, evaluator and dataset versions.

Generated once per seed. v5 logs embed their whole file version, so these objects are what make v5 pages large and
realistic; keeping them in one place means a log, a run and an evaluator judgment all point at the same versions.
"""

from __future__ import annotations

import random
from typing import Any

import attrs

from tracebridge.sandbox.content import CONVERSATIONS, MODELS, TOOLS
from tracebridge.sandbox.determinism import digest, iso_utc

CREATED_AT_US = 1_717_200_000_000_000
"""2024-06-01: when the sandbox workspace's files were created."""


def hl_id(prefix: str, *parts: object) -> str:
    """A Humanloop-style id (``prefix`` + 20 alphanumerics) derived from the coordinates."""
    value = digest("hl-id", prefix, *parts)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    chars = []
    for _ in range(20):
        value, rem = divmod(value * 0x9E3779B1 + 7, 62)
        chars.append(alphabet[rem])
    return prefix + "".join(chars)


@attrs.frozen
class EvaluatorKind:
    name: str
    path: str
    return_type: str
    evaluator_type: str
    arguments_type: str
    options: tuple[str, ...] = ()


EVALUATOR_KINDS = (
    EvaluatorKind("Correctness", "evals/correctness", "boolean", "llm", "target_required"),
    EvaluatorKind("Helpfulness", "evals/helpfulness", "number", "python", "target_free"),
    EvaluatorKind("Tone", "evals/tone", "select", "human", "target_free", ("friendly", "neutral", "rude")),
    EvaluatorKind(
        "Issues", "evals/issues", "multi_select", "external", "target_free", ("hallucination", "verbose", "off_topic")
    ),
    EvaluatorKind("Reviewer notes", "evals/notes", "text", "human", "target_free"),
    EvaluatorKind("Groundedness", "evals/groundedness", "number", "llm", "target_required"),
)


def _user(seed: int, index: int) -> dict[str, Any]:
    names = ("Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson")
    name = names[index % len(names)]
    return {
        "id": hl_id("usr_", seed, index),
        "email_address": name.lower().replace(" ", ".") + "@example.com",
        "full_name": name,
    }


def _file_common(seed: int, kind: str, prefix: str, version_prefix: str, path: str, index: int) -> dict[str, Any]:
    created = CREATED_AT_US + index * 86_400_000_000
    return {
        "path": path,
        "id": hl_id(prefix, seed, kind, index),
        "directory_id": hl_id("dir_", seed, path.rsplit("/", 1)[0]),
        "name": path.rsplit("/", 1)[-1],
        "description": f"The {kind} behind {path}.",
        "readme": None if index % 2 else f"# {path}\n\nOwned by the support team.",
        "tags": ["support", kind] if index % 3 else [],
        "version_id": hl_id(version_prefix, seed, kind, index),
        "version_name": f"v{index % 4 + 1}",
        "version_description": "Tightened the system prompt." if index % 2 else None,
        "environments": [
            {
                "id": hl_id("env_", seed, "production"),
                "created_at": iso_utc(CREATED_AT_US),
                "name": "production",
                "tag": "default",
            },
            {
                "id": hl_id("env_", seed, "staging"),
                "created_at": iso_utc(CREATED_AT_US),
                "name": "staging",
                "tag": "other",
            },
        ][: 1 + index % 2],
        "created_at": iso_utc(created),
        "updated_at": iso_utc(created + 3_600_000_000),
        "created_by": _user(seed, index),
        "last_used_at": iso_utc(created + 30 * 86_400_000_000),
        "version_logs_count": 1000 + index * 37,
        "total_logs_count": 5000 + index * 101,
        "inputs": [{"name": "question"}, {"name": "customer"}][: 1 + index % 2],
        "attributes": {"team": "support", "cost_center": 42} if index % 2 else None,
    }


class HumanloopCatalog:
    """Every file version of the workspace, as the v5 API embeds them."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        rng = random.Random(digest(seed, "hl-catalog"))
        self.evaluators = [self._evaluator(i, kind) for i, kind in enumerate(EVALUATOR_KINDS)]
        self.tools = [self._tool(i, tool.name) for i, tool in enumerate(TOOLS)]
        self.prompts = [self._prompt(i, rng) for i in range(6)]
        self.flows = [self._flow(i) for i in range(2)]
        self.agents = [self._agent(i, rng) for i in range(2)]
        self.dataset = self._dataset()

    def _evaluator(self, index: int, kind: EvaluatorKind) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "arguments_type": kind.arguments_type,
            "return_type": kind.return_type,
            "evaluator_type": kind.evaluator_type,
            "attributes": None,
            "options": [
                {"name": name, "valence": ("positive", "neutral", "negative")[j % 3]}
                for j, name in enumerate(kind.options)
            ]
            or None,
            "number_limits": {"min": 0, "max": 1, "step": 0.05} if kind.return_type == "number" else None,
            "number_valence": "positive" if kind.return_type == "number" else None,
        }
        if kind.evaluator_type == "llm":
            spec["prompt"] = {
                "model": "gpt-4o-mini",
                "provider": "openai",
                "endpoint": "chat",
                "temperature": 0,
                "template": [{"role": "system", "content": "Judge the answer against the target. Reply yes or no."}],
            }
        elif kind.evaluator_type == "python":
            spec["code"] = "def evaluate(log, testcase):\n    return min(1.0, len(log['output']) / 200)\n"
        elif kind.evaluator_type == "human":
            spec["instructions"] = "Read the conversation and rate it."
        version = _file_common(self.seed, "evaluator", "ev_", "evv_", kind.path, index)
        version.update({"type": "evaluator", "spec": spec})
        return version

    def _tool(self, index: int, name: str) -> dict[str, Any]:
        tool = TOOLS[index]
        version = _file_common(self.seed, "tool", "tl_", "tlv_", f"tools/{name}", index)
        version.update(
            {
                "type": "tool",
                "function": {
                    "name": name,
                    "description": tool.description,
                    "strict": index % 2 == 0,
                    "parameters": tool.parameters,
                },
                "source_code": f"def {name}(**kwargs):\n    return call_backend('{name}', kwargs)\n",
                "setup_values": {"timeout_s": 10} if index % 2 else None,
                "tool_type": ("python", "json_schema", "get_api_call", "snippet")[index % 4],
                "signature": f"{name}(**kwargs) -> str",
            }
        )
        return version

    def _prompt(self, index: int, rng: random.Random) -> dict[str, Any]:
        provider, model = MODELS[index % len(MODELS)]
        conversation = CONVERSATIONS[index % len(CONVERSATIONS)]
        version = _file_common(self.seed, "prompt", "pr_", "prv_", f"support/{conversation.topic}-assistant", index)
        version.update(
            {
                "type": "prompt",
                "model": model,
                "endpoint": "chat",
                "template": [
                    {"role": "system", "content": conversation.system},
                    {"role": "user", "content": "{{question}}"},
                ],
                "template_language": ("default", "jinja")[index % 2],
                "provider": provider,
                "max_tokens": (-1, 512, 1024, 4096)[index % 4],
                "temperature": round(rng.uniform(0, 1), 2),
                "top_p": 1,
                "stop": ["\n\nUser:"] if index % 2 else "END",
                "presence_penalty": 0,
                "frequency_penalty": 0,
                "other": {},
                "seed": index if index % 2 else None,
                "response_format": {"type": "json_object"} if index == 3 else None,
                "reasoning_effort": ("high", "medium", "low", 2048, None, None)[index],
                "tools": [
                    {"name": tool.name, "description": tool.description, "strict": False, "parameters": tool.parameters}
                    for tool in (conversation.tool,)
                ],
                "linked_tools": [
                    {**self.tools[0]["function"], "id": self.tools[0]["id"], "version_id": self.tools[0]["version_id"]}
                ]
                if index % 3 == 0
                else [],
                "evaluators": [
                    {
                        "version_reference": {"type": "version", "version_id": self.evaluators[0]["version_id"]},
                        "version": self.evaluators[0],
                        "state": "active",
                        "created_at": iso_utc(CREATED_AT_US),
                        "updated_at": iso_utc(CREATED_AT_US),
                    }
                ]
                if index % 2 == 0
                else None,
                "evaluator_aggregates": [
                    {
                        "value": 0.5 + index / 20,
                        "evaluator_id": self.evaluators[1]["id"],
                        "evaluator_version_id": self.evaluators[1]["version_id"],
                        "created_at": iso_utc(CREATED_AT_US),
                        "updated_at": iso_utc(CREATED_AT_US),
                    }
                ],
                "schema": None,
                "raw_file_content": (
                    f"---\nmodel: {model}\nprovider: {provider}\n---\n<system>\n{conversation.system}\n</system>\n"
                ),
            }
        )
        return version

    def _flow(self, index: int) -> dict[str, Any]:
        version = _file_common(
            self.seed, "flow", "fl_", "flv_", ("pipelines/rag-answer", "pipelines/triage")[index], index
        )
        version.update({"type": "flow", "attributes": {"steps": ["retrieve", "answer"], "owner": "platform"}})
        return version

    def _agent(self, index: int, rng: random.Random) -> dict[str, Any]:
        provider, model = MODELS[(index * 2 + 2) % len(MODELS)]
        version = _file_common(
            self.seed, "agent", "ag_", "agv_", ("agents/order-helper", "agents/researcher")[index], index
        )
        tool = TOOLS[index]
        version.update(
            {
                "type": "agent",
                "model": model,
                "provider": provider,
                "endpoint": "chat",
                "template": [{"role": "system", "content": "You are an agent; use tools when needed."}],
                "temperature": round(rng.uniform(0, 1), 2),
                "max_iterations": 5 + index,
                "status": "committed",
                "committed_by": _user(self.seed, index + 1),
                "committed_at": iso_utc(CREATED_AT_US + 86_400_000_000),
                "tools": [
                    {
                        "type": "file",
                        "link": {"file_id": self.tools[index]["id"], "version_id": self.tools[index]["version_id"]},
                        "on_agent_call": "continue",
                        "file": self.tools[index],
                    },
                    {
                        "type": "inline",
                        "json_schema": {
                            "name": "finish",
                            "description": "Finish with an answer.",
                            "parameters": {"type": "object"},
                        },
                        "on_agent_call": "stop",
                    },
                ],
                "reasoning_effort": "medium",
                "stop": None,
                "description": f"Uses {tool.name}.",
            }
        )
        return version

    def _dataset(self) -> dict[str, Any]:
        version = _file_common(self.seed, "dataset", "ds_", "dsv_", "datasets/support-golden", 0)
        version.update({"type": "dataset", "datapoints_count": 0, "datapoints": None})
        return version

    def prompt_for(self, k: int) -> dict[str, Any]:
        return self.prompts[k % len(self.prompts)]
