"""The OpenInference names Phoenix shows a span by, derived from the record's GenAI attributes.

Phoenix reads OpenInference (``openinference.span.kind``, ``input.value``, ``llm.*``). It also converts ``gen_ai.*``
at ingest, but key by key with OpenInference winning, it derives no ``input.value`` / ``output.value`` for model calls
(its input and output columns stay empty), and a span carrying part of each convention comes out mixed (tokens from
one, totals from the other). So a span sent to Phoenix carries a complete OpenInference set, computed here from the
same attributes, beside the ``gen_ai.*`` ones it keeps: one story, told in both vocabularies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tracebridge.json_codec import dumps_text
from tracebridge.records import Span

SPAN_KINDS: Final = {
    "chat": "LLM",
    "text_completion": "LLM",
    "generate_content": "LLM",
    "embeddings": "EMBEDDING",
    "execute_tool": "TOOL",
    "invoke_agent": "AGENT",
    "create_agent": "AGENT",
    "retrieval": "RETRIEVER",
    "invoke_workflow": "CHAIN",
}
"""``gen_ai.operation.name`` -> ``openinference.span.kind``; any other span is a CHAIN (a step that calls others)."""

GALILEO_KINDS: Final = {"retriever": "RETRIEVER", "control": "GUARDRAIL", "workflow": "CHAIN", "agent": "AGENT"}
"""Galileo span types OpenInference has a kind for, where the span has no operation name."""

_PARAMETERS: Final = "gen_ai.request."

PROVIDERS: Final[dict[str, tuple[str | None, str | None]]] = {
    "openai": ("openai", "openai"),
    "anthropic": ("anthropic", "anthropic"),
    "cohere": ("cohere", "cohere"),
    "mistral_ai": ("mistralai", "mistralai"),
    "deepseek": ("deepseek", None),
    "groq": ("groq", None),
    "perplexity": ("perplexity", None),
    "x_ai": ("xai", None),
    "azure.ai.openai": ("azure", "openai"),
    "azure.ai.inference": ("azure", None),
    "aws.bedrock": ("aws", None),
    "gcp.vertex_ai": ("google", "vertexai"),
    "gcp.gen_ai": ("google", None),
    "gcp.gemini": ("google", None),
}
"""``gen_ai.provider.name`` -> (``llm.provider``, ``llm.system``): the values OpenInference defines for them, as
Phoenix maps them itself (``phoenix/trace/gen_ai/conversion.py``, 20.26). Phoenix fills in what a span leaves out and
keeps what it carries, so the raw name (``aws.bedrock``) would override its mapping; a name not here is left out and
Phoenix derives what it does for it."""


def span_kind(attributes: Mapping[str, Any]) -> str:
    operation = attributes.get("gen_ai.operation.name")
    if isinstance(operation, str) and operation in SPAN_KINDS:
        return SPAN_KINDS[operation]
    galileo_type = attributes.get("tracebridge.galileo.type")
    if isinstance(galileo_type, str) and galileo_type in GALILEO_KINDS:
        return GALILEO_KINDS[galileo_type]
    return "CHAIN"


def _text(message: Mapping[str, Any]) -> str | None:
    """A message's text parts joined, or None when it has none (a tool call, an image)."""
    parts = message.get("parts")
    if not isinstance(parts, list):
        return None
    texts = [str(part.get("content")) for part in parts if isinstance(part, dict) and part.get("type") == "text"]
    return "".join(texts) if texts else None


def _messages(prefix: str, messages: Any) -> dict[str, Any]:
    """``llm.input_messages.N.message.role/content`` (and tool calls) from OTel GenAI messages."""
    found: dict[str, Any] = {}
    if not isinstance(messages, list):
        return found
    for index, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        key = f"{prefix}.{index}.message"
        found[f"{key}.role"] = message.get("role")
        text = _text(message)
        if text is not None:
            found[f"{key}.content"] = text
        calls = [p for p in message.get("parts") or () if isinstance(p, dict) and p.get("type") == "tool_call"]
        for number, call in enumerate(calls):
            found[f"{key}.tool_calls.{number}.tool_call.id"] = call.get("id")
            found[f"{key}.tool_calls.{number}.tool_call.function.name"] = call.get("name")
            arguments = call.get("arguments")
            found[f"{key}.tool_calls.{number}.tool_call.function.arguments"] = (
                arguments if isinstance(arguments, str) else dumps_text(arguments)
            )
    return found


def _value(value: Any) -> tuple[str, str] | None:
    """``input.value``/``output.value`` and their mime type: text as it is, anything else as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value, "text/plain"
    return dumps_text(value), "application/json"


def _input_output(kind: str, attributes: Mapping[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if kind == "TOOL":
        sides = (attributes.get("gen_ai.tool.call.arguments"), attributes.get("gen_ai.tool.call.result"))
    else:
        inputs, outputs = attributes.get("gen_ai.input.messages"), attributes.get("gen_ai.output.messages")
        last_user = next(
            (m for m in reversed(inputs) if isinstance(m, dict) and m.get("role") == "user"),
            None,
        ) if isinstance(inputs, list) else None  # fmt: skip
        first_output = outputs[0] if isinstance(outputs, list) and outputs and isinstance(outputs[0], dict) else None
        sides = (
            (_text(last_user) if last_user is not None else None)
            or inputs
            or attributes.get("tracebridge.prompt.variables"),
            (_text(first_output) if first_output is not None else None) or outputs,
        )
    for side, value in zip(("input", "output"), sides, strict=True):
        shown = _value(value)
        if shown is not None:
            found[f"{side}.value"], found[f"{side}.mime_type"] = shown
    return found


def openinference_attributes(span: Span) -> dict[str, Any]:
    """The OpenInference attributes of ``span`` (added to its own; see the module)."""
    attributes = span.attributes
    kind = span_kind(attributes)
    found: dict[str, Any] = {"openinference.span.kind": kind, **_input_output(kind, attributes)}
    if kind in ("LLM", "EMBEDDING"):
        model = attributes.get("gen_ai.response.model") or attributes.get("gen_ai.request.model")
        found["embedding.model_name" if kind == "EMBEDDING" else "llm.model_name"] = model
        provider = attributes.get("gen_ai.provider.name")
        found["llm.provider"], found["llm.system"] = PROVIDERS.get(provider, (None, None)) if provider else (None, None)
        prompt, completion = attributes.get("gen_ai.usage.input_tokens"), attributes.get("gen_ai.usage.output_tokens")
        found["llm.token_count.prompt"] = prompt
        found["llm.token_count.completion"] = completion
        total = attributes.get("tracebridge.usage.total_tokens")
        if total is None and isinstance(prompt, int) and isinstance(completion, int):
            total = prompt + completion
        found["llm.token_count.total"] = total
        found["llm.cost.total"] = attributes.get("tracebridge.cost.total_usd")
        found["llm.cost.prompt"] = attributes.get("tracebridge.cost.input_usd")
        found["llm.cost.completion"] = attributes.get("tracebridge.cost.output_usd")
        parameters = {
            key.removeprefix(_PARAMETERS): value
            for key, value in attributes.items()
            if key.startswith(_PARAMETERS) and key != "gen_ai.request.model"
        }
        if parameters:
            found["llm.invocation_parameters"] = dumps_text(parameters)
        found.update(_messages("llm.input_messages", attributes.get("gen_ai.input.messages")))
        found.update(_messages("llm.output_messages", attributes.get("gen_ai.output.messages")))
    if kind == "TOOL":
        found["tool.name"] = attributes.get("gen_ai.tool.name")
    found["session.id"] = attributes.get("session.id") or attributes.get("gen_ai.conversation.id")
    found["user.id"] = attributes.get("user.id")
    metadata = attributes.get("tracebridge.metadata")
    if metadata is not None:
        found["metadata"] = dumps_text(metadata)
    tags = attributes.get("tracebridge.tags")
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        found["tag.tags"] = tags
    # What the span carries itself (a span first recorded with OpenInference) stays as it is: it is added here with
    # its own value, so the span's output read from this set (an experiment run's) is the span's own too.
    return {key: attributes.get(key, value) for key, value in found.items() if value is not None or key in attributes}
