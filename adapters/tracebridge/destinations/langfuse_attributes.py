"""The ``langfuse.*`` names Langfuse reads a span by, derived from the record's GenAI attributes.

Langfuse reads ``gen_ai.*`` on its own, but by fallbacks that go wrong for history: any ``gen_ai.usage.*`` on any span
counts (a Galileo trace's totals, which repeat its model calls', would be billed twice), a span's input is taken
from the first convention that has one side set (so an input without an output hides the output), the environment
falls back to ``default`` silently, and a prompt link needs an *integer* version that no source carries. Its own
names win over every fallback (``langfuse.*`` > ``gen_ai.*`` > OpenInference), so a span sent to Langfuse carries the
full ``langfuse.*`` set, computed here from the same attributes, beside the ones it keeps.

Everything here is a pure function of the span and two facts found elsewhere: the prompt version Langfuse numbered
(``PromptLink``, from the ledger) and the experiment item the span's trace belongs to (its ``langfuse.experiment.*``
attributes, ``langfuse_experiments``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final

import attrs

from tracebridge.json_codec import dumps_text
from tracebridge.records import Span

MODEL_TYPES: Final = {
    "chat": "generation",
    "text_completion": "generation",
    "generate_content": "generation",
    "generate": "generation",
    "completion": "generation",
    "embeddings": "embedding",
}
"""``gen_ai.operation.name`` of a model call -> Langfuse observation type (the ones that carry model and usage)."""

OPERATION_TYPES: Final = {
    **MODEL_TYPES,
    "execute_tool": "tool",
    "invoke_agent": "agent",
    "create_agent": "agent",
    "retrieval": "retriever",
    "invoke_workflow": "chain",
}
"""``gen_ai.operation.name`` -> ``langfuse.observation.type`` (Langfuse's own mapping, plus retrieval and workflow)."""

SOURCE_TYPES: Final = {
    "retriever": "retriever",
    "control": "guardrail",
    "workflow": "chain",
    "agent": "agent",
    "tool": "tool",
    "llm": "generation",
}
"""A Galileo span type, for a span with no operation name (a control span is a guardrail check)."""

FILE_TYPES: Final = {"evaluator": "evaluator", "tool": "tool", "agent": "agent", "flow": "chain"}
"""A Humanloop File type, for a log with no operation name."""

GENERATION_LIKE: Final = frozenset({"generation", "embedding"})
"""Model calls: the types whose model, parameters, usage and cost are their own."""

_PARAMETER_PREFIX: Final = "gen_ai.request."
_MORE_PARAMETERS: Final = ("tracebridge.request.reasoning_effort", "tracebridge.request.tool_choice")
"""Request parameters with no OTel name that an application sets like any other (the rest of ``tracebridge.request.*``
is how the source recorded the call, such as its endpoint or a -1 that meant no limit)."""
_ENVIRONMENT_MAX: Final = 40
_NOT_ENVIRONMENT: Final = re.compile(r"[^a-z0-9_-]+")


@attrs.frozen
class PromptLink:
    """The Langfuse prompt a generation used: its name and the version number Langfuse gave it."""

    name: str
    version: int


def json_text(value: Any) -> str:
    """A value as Langfuse's SDK sends it: text as it is, anything else as JSON (Langfuse parses it back)."""
    return value if isinstance(value, str) else dumps_text(value)


def environment(value: Any) -> str | None:
    """An environment name Langfuse keeps: lowercase letters, digits, ``-`` and ``_``, at most 40, not ``langfuse...``.

    Langfuse turns a name it cannot keep into ``default`` without a word; ``Production EU`` becomes ``production-eu``
    here instead, so traces and their scores stay in one environment named like the source's.
    """
    if not isinstance(value, str):
        return None
    name = _NOT_ENVIRONMENT.sub("-", value.strip().lower()).strip("-")
    name = re.sub(r"^(?:langfuse[-_]?)+", "", name)[:_ENVIRONMENT_MAX].strip("-")
    return name or None


def observation_type(span: Span) -> str:
    attributes = span.attributes
    operation = attributes.get("gen_ai.operation.name")
    if isinstance(operation, str) and operation in OPERATION_TYPES:
        return OPERATION_TYPES[operation]
    for key, types in (("tracebridge.galileo.type", SOURCE_TYPES), ("tracebridge.file.type", FILE_TYPES)):
        kind = attributes.get(key)
        if isinstance(kind, str) and kind in types:
            return types[kind]
    if span.kind == "CLIENT" or model_name(attributes) is not None:
        return "generation"  # what Langfuse itself makes of a span naming a model
    return "span"


def model_name(attributes: Mapping[str, Any]) -> str | None:
    model = attributes.get("gen_ai.response.model") or attributes.get("gen_ai.request.model")
    return model if isinstance(model, str) else None


def carries_usage(span: Span, kind: str) -> bool:
    """Whether the span's own tokens and cost are a model call's (counted), not a sum of its children's.

    A model call, or a span that names its model (a Humanloop agent calls the model itself). A span with tokens and no
    model (a Galileo trace, a workflow) repeats its children's totals: Langfuse adds up every observation of a trace, so
    those would count twice. They stay readable in the span's metadata.
    """
    return kind in GENERATION_LIKE or span.kind == "CLIENT" or model_name(span.attributes) is not None


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) else None


def usage_details(attributes: Mapping[str, Any]) -> dict[str, int | float]:
    """Token counts as Langfuse keys them: ``input`` without cached tokens, ``output`` without reasoning tokens, each
    of those on its own key, ``total`` as the source says (or input + output), exactly as Langfuse computes them from
    ``gen_ai.usage.*`` itself (``extractGenericGenAiUsageDetails``), so the numbers do not change by being explicit."""
    tokens_in = _number(attributes.get("gen_ai.usage.input_tokens"))
    tokens_out = _number(attributes.get("gen_ai.usage.output_tokens"))
    cache_read = _number(attributes.get("gen_ai.usage.cache_read.input_tokens"))
    cache_creation = _number(attributes.get("gen_ai.usage.cache_creation.input_tokens"))
    reasoning = _number(attributes.get("gen_ai.usage.reasoning.output_tokens"))
    total = _number(attributes.get("tracebridge.usage.total_tokens"))
    details: dict[str, int | float] = {}
    if tokens_in is not None:
        details["input"] = max(tokens_in - (cache_read or 0) - (cache_creation or 0), 0)
    if tokens_out is not None:
        details["output"] = max(tokens_out - (reasoning or 0), 0)
    if total is None and tokens_in is not None and tokens_out is not None:
        total = tokens_in + tokens_out
    if total is not None:
        details["total"] = total
    for key, value in (
        ("input_cached_tokens", cache_read),
        ("input_cache_creation", cache_creation),
        ("output_reasoning_tokens", reasoning),
    ):
        if value is not None:
            details[key] = value
    return details


def cost_details(attributes: Mapping[str, Any]) -> dict[str, int | float]:
    """USD by Langfuse's keys; absent, Langfuse prices the call from its own model table."""
    found = {
        "input": _number(attributes.get("tracebridge.cost.input_usd")),
        "output": _number(attributes.get("tracebridge.cost.output_usd")),
        "total": _number(attributes.get("tracebridge.cost.total_usd")),
    }
    return {key: value for key, value in found.items() if value is not None}


def model_parameters(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """``gen_ai.request.*`` but the model, and the two parameters with no OTel name; values that are not text or
    numbers as JSON text, which is what Langfuse stores them as anyway (``sanitizeModelParams``)."""
    parameters: dict[str, Any] = {}
    for key, value in attributes.items():
        if value is None or key == "gen_ai.request.model":
            continue
        if key.startswith(_PARAMETER_PREFIX) or key in _MORE_PARAMETERS:
            plain = isinstance(value, str) or _number(value) is not None
            parameters[key.rsplit(".", 1)[1] if key in _MORE_PARAMETERS else key.removeprefix(_PARAMETER_PREFIX)] = (
                value if plain else dumps_text(value)
            )
    return parameters


def _iso_millis(unix_nano: int) -> str:
    moment = datetime.fromtimestamp(unix_nano // 1_000_000_000, tz=UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{unix_nano // 1_000_000 % 1000:03d}Z"


def completion_start_time(span: Span) -> str | None:
    """When the first token came (start + time to first token), as the ISO time Langfuse reads (milliseconds: Langfuse
    keeps no finer)."""
    if span.start_time_unix_nano is None:
        return None
    first = _number(span.attributes.get("tracebridge.time_to_first_token_ns"))
    if first is None:
        seconds = _number(span.attributes.get("gen_ai.response.time_to_first_chunk"))
        first = seconds * 1e9 if seconds is not None else None
    if first is None or first < 0:
        return None
    return _iso_millis(span.start_time_unix_nano + int(first))


def _input_output(kind: str, attributes: Mapping[str, Any]) -> tuple[Any, Any]:
    if kind == "tool":
        return attributes.get("gen_ai.tool.call.arguments"), attributes.get("gen_ai.tool.call.result")
    if kind == "retriever" and (
        "gen_ai.retrieval.query.text" in attributes or "gen_ai.retrieval.documents" in attributes
    ):
        return attributes.get("gen_ai.retrieval.query.text"), attributes.get("gen_ai.retrieval.documents")
    inputs = attributes.get("gen_ai.input.messages")
    instructions = attributes.get("gen_ai.system_instructions")
    if isinstance(instructions, list) and instructions:
        # Langfuse's own reading of gen_ai.* puts the system instructions first, as a system message.
        inputs = [{"role": "system", "parts": instructions}, *(inputs if isinstance(inputs, list) else [])]
    if inputs is None:
        inputs = attributes.get("tracebridge.prompt.variables")
    return inputs, attributes.get("gen_ai.output.messages")


def _prefixed(prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """``prefix.<key>`` per entry, as the Langfuse SDK flattens metadata: text and integers as they are, else JSON."""
    return {
        f"{prefix}.{key}": value if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
        else dumps_text(value)
        for key, value in values.items()
        if value is not None
    }  # fmt: skip


def trace_name(span: Span) -> str:
    """What the trace is of: the File, workflow, agent or prompt behind its root, else the root's name."""
    attributes = span.attributes
    for key in ("tracebridge.file.path", "gen_ai.workflow.name", "gen_ai.agent.name", "gen_ai.prompt.name"):
        value = attributes.get(key)
        if isinstance(value, str) and value:
            return value
    return span.name


def langfuse_attributes(
    span: Span, *, prompt: PromptLink | None = None, experiment: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The ``langfuse.*`` attributes of ``span`` (added to its own; see the module)."""
    attributes = span.attributes
    kind = observation_type(span)
    found: dict[str, Any] = {"langfuse.observation.type": kind}
    inputs, outputs = _input_output(kind, attributes)
    # Both or neither: Langfuse takes input and output from these two as soon as either is set.
    if inputs is not None or outputs is not None:
        found["langfuse.observation.input"] = json_text(inputs) if inputs is not None else None
        found["langfuse.observation.output"] = json_text(outputs) if outputs is not None else None
    if carries_usage(span, kind):
        found["langfuse.observation.model.name"] = model_name(attributes)
        parameters = model_parameters(attributes)
        if parameters:
            found["langfuse.observation.model.parameters"] = dumps_text(parameters)
        usage, cost = usage_details(attributes), cost_details(attributes)
        if usage:
            found["langfuse.observation.usage_details"] = dumps_text(usage)
        if cost:
            found["langfuse.observation.cost_details"] = dumps_text(cost)
        found["langfuse.observation.completion_start_time"] = completion_start_time(span)
    elif any(key.startswith(("gen_ai.usage.", "tracebridge.cost.")) for key in attributes):
        # An empty object stops Langfuse's fallback to gen_ai.usage.* (see carries_usage).
        found["langfuse.observation.usage_details"] = "{}"
        found["langfuse.observation.cost_details"] = "{}"
    if span.status_code == "ERROR":
        found["langfuse.observation.level"] = "ERROR"
        found["langfuse.observation.status_message"] = span.status_message or attributes.get("error.type")
    found["langfuse.environment"] = environment(attributes.get("deployment.environment.name"))
    found["langfuse.version"] = attributes.get("tracebridge.file.version_name")
    user = attributes.get("user.id")
    session = attributes.get("session.id") or attributes.get("gen_ai.conversation.id")
    found["langfuse.user.id"] = user if isinstance(user, str) else None
    found["langfuse.session.id"] = session if isinstance(session, str) else None
    metadata = attributes.get("tracebridge.metadata")
    if isinstance(metadata, dict):
        found.update(_prefixed("langfuse.observation.metadata", metadata))
    if span.parent_span_id is None:
        found["langfuse.trace.name"] = trace_name(span)
        tags = attributes.get("tracebridge.tags")
        if isinstance(tags, list) and tags and all(isinstance(tag, str) for tag in tags):
            found["langfuse.trace.tags"] = tags
        if isinstance(metadata, dict):
            found.update(_prefixed("langfuse.trace.metadata", metadata))
    if prompt is not None and kind == "generation":  # Langfuse reads a prompt link on generations only
        found["langfuse.observation.prompt.name"] = prompt.name
        found["langfuse.observation.prompt.version"] = prompt.version  # an int: a string fails Langfuse's schema
    if experiment:
        found.update(experiment)
    # What the span carries itself (a span first recorded by a Langfuse SDK) stays as it is.
    return {key: value for key, value in found.items() if value is not None and key not in attributes}
