"""A prompt's ``DefinitionVersion`` as the body of a Phoenix prompt version. Pure mapping.

What Phoenix takes (verified against 20.26; its OpenAPI for the rest):

- only CHAT templates (``template_type: STR`` is a 422 "Only CHAT template type is supported"), so a text template
  becomes one user message; chat messages keep their roles (``user``, ``assistant``, ``system``, ``tool``,
  ``developer``...), text parts joined as the content, tool calls and results as Phoenix's own parts;
- ``template_format`` MUSTACHE for ``{{var}}`` templates (Humanloop's default, and Jinja's variables), F_STRING for
  ``{var}``;
- a ``model_provider`` from a fixed list, with ``invocation_parameters`` of the matching variant (Anthropic requires
  ``max_tokens``; Google calls it ``max_output_tokens``); a provider Phoenix does not list is sent as OPENAI (the
  shape most gateways speak) and named in the metadata;
- tools as function definitions, a response format as a JSON schema.

Whatever Phoenix has no field for (the source's own provider name and parameters, tools in other shapes, the spec,
deployments, who made it) is kept in the version's metadata, with the source version's id and name: that id is how a
later send finds the version already made (Phoenix numbers nothing and would make a duplicate).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tracebridge.destinations.phoenix_names import is_identifier
from tracebridge.json_codec import dumps_text
from tracebridge.records import DefinitionVersion

SOURCE_VERSION: Final = "tracebridge.source_version_id"

PROVIDERS: Final = {
    "openai": "OPENAI",
    "azure": "AZURE_OPENAI",
    "azure_openai": "AZURE_OPENAI",
    "azure.ai.openai": "AZURE_OPENAI",
    "azure.ai.inference": "AZURE_OPENAI",
    "anthropic": "ANTHROPIC",
    "google": "GOOGLE",
    "gemini": "GOOGLE",
    "gcp.gemini": "GOOGLE",
    "gcp.vertex_ai": "GOOGLE",
    "gcp.gen_ai": "GOOGLE",
    "vertex_ai": "GOOGLE",
    "deepseek": "DEEPSEEK",
    "xai": "XAI",
    "x_ai": "XAI",
    "ollama": "OLLAMA",
    "aws": "AWS",
    "aws.bedrock": "AWS",
    "bedrock": "AWS",
    "cerebras": "CEREBRAS",
    "fireworks": "FIREWORKS",
    "groq": "GROQ",
    "moonshot": "MOONSHOT",
    "perplexity": "PERPLEXITY",
    "together": "TOGETHER",
    "zai": "ZAI",
    "meta": "META",
    "minimax": "MINIMAX",
}
"""``gen_ai.provider.name`` (and Humanloop's names) -> Phoenix ``model_provider``. Phoenix 20.26 has no provider for
Cohere or Mistral AI (``cohere``, ``mistral_ai``): those, like any name not here, go as OpenAI-compatible, the source's
provider kept in the version's metadata (``tracebridge.provider``)."""

_NUMBER, _INTEGER, _STRINGS = "number", "integer", "strings"
_OPENAI_LIKE: Final = {
    "temperature": ("temperature", _NUMBER),
    "max_tokens": ("max_tokens", _INTEGER),
    "max_completion_tokens": ("max_completion_tokens", _INTEGER),
    "frequency_penalty": ("frequency_penalty", _NUMBER),
    "presence_penalty": ("presence_penalty", _NUMBER),
    "top_p": ("top_p", _NUMBER),
    "seed": ("seed", _INTEGER),
    "stop": ("stop", _STRINGS),
    "reasoning_effort": ("reasoning_effort", "effort"),
}
PARAMETERS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "ANTHROPIC": {
        "max_tokens": ("max_tokens", _INTEGER),
        "temperature": ("temperature", _NUMBER),
        "top_p": ("top_p", _NUMBER),
        "stop": ("stop_sequences", _STRINGS),
    },
    "GOOGLE": {
        "temperature": ("temperature", _NUMBER),
        "max_tokens": ("max_output_tokens", _INTEGER),
        "stop": ("stop_sequences", _STRINGS),
        "presence_penalty": ("presence_penalty", _NUMBER),
        "frequency_penalty": ("frequency_penalty", _NUMBER),
        "top_p": ("top_p", _NUMBER),
        "top_k": ("top_k", _INTEGER),
    },
    "AWS": {
        "max_tokens": ("max_tokens", _INTEGER),
        "temperature": ("temperature", _NUMBER),
        "top_p": ("top_p", _NUMBER),
        "stop": ("stop_sequences", _STRINGS),
    },
}
"""Source parameter -> (Phoenix's name, its type), per provider; every other provider takes OpenAI's."""
EFFORTS: Final = frozenset({"none", "minimal", "low", "medium", "high", "xhigh"})
ANTHROPIC_MAX_TOKENS: Final = 1024
"""Phoenix requires ``max_tokens`` for Anthropic; a version without one gets this, and its metadata says so."""
ROLES: Final = frozenset({"user", "assistant", "model", "ai", "tool", "system", "developer"})


class PromptVersionError(ValueError):
    """A version Phoenix cannot hold as a prompt version (no template at all); rejected with this reason."""


def _typed(value: Any, kind: str) -> Any:
    if kind == _NUMBER and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if kind == _INTEGER and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == _STRINGS:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            return value
    if kind == "effort" and value in EFFORTS:
        return value
    return None


def invocation_parameters(provider: str, parameters: Mapping[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    """Phoenix's ``invocation_parameters`` for ``provider``, and what was made up to satisfy it."""
    names = PARAMETERS.get(provider, _OPENAI_LIKE)
    content: dict[str, Any] = {}
    for source, (name, kind) in names.items():
        value = _typed((parameters or {}).get(source), kind)
        if value is not None:
            content[name] = value
    invented = []
    if provider == "ANTHROPIC" and "max_tokens" not in content:
        content["max_tokens"] = ANTHROPIC_MAX_TOKENS
        invented.append("max_tokens")
    variant = provider.lower()
    return {"type": variant, variant: content}, invented


def _part(part: Any) -> dict[str, Any] | None:
    """One OTel GenAI message part as a Phoenix content part (None for a kind Phoenix has none for)."""
    if not isinstance(part, dict):
        return None
    kind = part.get("type")
    if kind == "text":
        return {"type": "text", "text": str(part.get("content") or "")}
    if kind == "tool_call":
        arguments = part.get("arguments")
        return {
            "type": "tool_call",
            "tool_call_id": str(part.get("id") or ""),
            "tool_call": {
                "type": "function",
                "name": str(part.get("name") or ""),
                "arguments": arguments if isinstance(arguments, str) else dumps_text(arguments),
            },
        }
    if kind == "tool_call_response":
        return {"type": "tool_result", "tool_call_id": str(part.get("id") or ""), "tool_result": part.get("response")}
    return None


def _message(message: Any) -> dict[str, Any]:
    if not isinstance(message, dict):
        return {"role": "user", "content": message if isinstance(message, str) else dumps_text(message)}
    role = str(message.get("role") or "user")
    parts = message.get("parts")
    if not isinstance(parts, list):
        text = message.get("content")
        return {"role": role if role in ROLES else "user", "content": text if isinstance(text, str) else ""}
    converted = [_part(part) for part in parts]
    kept = [part for part in converted if part is not None]
    if all(part["type"] == "text" for part in kept):
        content: Any = "".join(part["text"] for part in kept)
    else:
        content = kept
    return {"role": role if role in ROLES else "user", "content": content}


def chat_template(template: Any) -> dict[str, Any]:
    """A chat template of any template the source has: messages as they are, text as one user message."""
    if isinstance(template, str):
        messages = [{"role": "user", "content": template}]
    elif isinstance(template, list):
        messages = [_message(message) for message in template]
    elif isinstance(template, dict) and isinstance(template.get("messages"), list):
        messages = [_message(message) for message in template["messages"]]
    elif template is None:
        raise PromptVersionError("the version has no template, and a Phoenix prompt version is its template")
    else:
        messages = [{"role": "user", "content": dumps_text(template)}]
    return {"type": "chat", "messages": messages}


def template_format(language: str | None) -> str:
    if language and language.lower().replace("-", "_") in ("f_string", "fstring", "python"):
        return "F_STRING"
    return "MUSTACHE"


def _tool(tool: Any) -> dict[str, Any] | None:
    if not isinstance(tool, dict):
        return None
    function = tool.get("function") if tool.get("type") == "function" else tool.get("json_schema") or tool
    if not isinstance(function, dict) or not isinstance(function.get("name"), str):
        return None
    found: dict[str, Any] = {"name": function["name"]}
    if isinstance(function.get("description"), str):
        found["description"] = function["description"]
    if isinstance(function.get("parameters"), dict):
        found["parameters"] = function["parameters"]
    if isinstance(function.get("strict"), bool):
        found["strict"] = function["strict"]
    return {"type": "function", "function": found}


def _response_format(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict) or value.get("type") != "json_schema":
        return None
    schema = value.get("json_schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("name"), str):
        return None
    allowed = {key: schema[key] for key in ("name", "description", "schema", "strict") if key in schema}
    return {"type": "json_schema", "json_schema": allowed}


def tags(version: DefinitionVersion) -> list[str]:
    """The environments the version is deployed to, as prompt tags (only names Phoenix takes as they are)."""
    found = []
    for deployment in version.deployments:
        name = deployment.get("environment_name")
        if isinstance(name, str) and is_identifier(name) and name not in found:
            found.append(name)
    return found


def prompt_version(version: DefinitionVersion) -> dict[str, Any]:
    """The ``version`` body of ``POST /v1/prompts`` (see the module); PromptVersionError when there is none."""
    template = chat_template(version.template)
    source_provider = version.provider or version.attributes.get("gen_ai.provider.name")
    provider = PROVIDERS.get(str(source_provider or "openai").lower(), "OPENAI")
    parameters, invented = invocation_parameters(provider, version.parameters)
    model = version.model or version.attributes.get("gen_ai.request.model") or ""
    tools = [tool for tool in map(_tool, version.tools or ()) if tool is not None]
    provenance = version.provenance
    metadata: dict[str, Any] = {
        SOURCE_VERSION: version.version_id,
        "tracebridge.source_version_name": version.version_name,
        "tracebridge.definition_id": version.definition_id,
        "tracebridge.path": version.path,
        "tracebridge.source.system": provenance.system,
        "tracebridge.source.api_version": provenance.api_version,
        "tracebridge.status": version.status,
        "tracebridge.created_at_unix_nano": version.created_at_unix_nano,
        "tracebridge.created_by": version.created_by,
        "tracebridge.provider": source_provider,
        "tracebridge.parameters": version.parameters,
        "tracebridge.template_language": version.template_language,
        "tracebridge.tools": version.tools,
        "tracebridge.response_format": version.response_format,
        "tracebridge.spec": version.spec,
        "tracebridge.deployments": version.deployments or None,
        "tracebridge.invented": invented or None,
        "tracebridge.attributes": version.attributes or None,
        "tracebridge.extra": version.extra or None,
    }
    label = version.version_name or version.version_id
    body: dict[str, Any] = {
        "description": version.version_description or f"{label} (imported by tracebridge: {version.version_id})",
        "metadata": {key: value for key, value in metadata.items() if value is not None},
        "model_provider": provider,
        "model_name": str(model),
        "template": template,
        "template_type": "CHAT",
        "template_format": template_format(version.template_language),
        "invocation_parameters": parameters,
    }
    if tools:
        body["tools"] = {"type": "tools", "tools": tools}
    response_format = _response_format(version.response_format)
    if response_format is not None:
        body["response_format"] = response_format
    return body
