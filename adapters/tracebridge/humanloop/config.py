"""Humanloop model configuration and file identity onto ``gen_ai.request.*`` and ``tracebridge.file.*``.

v4 model configs and v5 prompt / agent versions (and an LLM evaluator's prompt) share the same parameter names, so one
mapping serves both API versions. Everything a config or version carries that is not mapped here (readme, environments,
monitoring evaluators, raw file content...) stays in ``extra`` under the config's own key.
"""

from __future__ import annotations

from typing import Any

from tracebridge.mapping.lossless import Fields, put
from tracebridge.mapping.messages import to_otel_messages
from tracebridge.mapping.providers import provider_attributes

_NUMERIC_PARAMETERS = (
    ("max_tokens", "gen_ai.request.max_tokens"),
    ("temperature", "gen_ai.request.temperature"),
    ("top_p", "gen_ai.request.top_p"),
    ("top_k", "gen_ai.request.top_k"),
    ("presence_penalty", "gen_ai.request.presence_penalty"),
    ("frequency_penalty", "gen_ai.request.frequency_penalty"),
    ("seed", "gen_ai.request.seed"),
)


def model_parameters(config: Fields, attributes: dict[str, Any]) -> None:
    """Take the model parameters of a v4 model config, a v5 prompt/agent version or a prompt kernel."""
    put(attributes, "gen_ai.request.model", config.take_str("model"))
    provider = config.get("provider")
    if provider is not None:
        config.drop("provider")
        attributes.update(provider_attributes(provider))
    else:
        config.drop("provider")
    for key, name in _NUMERIC_PARAMETERS:
        value = config.take_number(key)
        if key == "max_tokens" and value is not None and value < 0:
            # Humanloop's "no limit" (-1): not a token count, so not an OTel value; kept as written.
            attributes["tracebridge.request.max_tokens"] = value
            continue
        put(attributes, name, value)
    stop = config.get("stop")
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = [config.take("stop")]
    elif isinstance(stop, list):
        attributes["gen_ai.request.stop_sequences"] = config.take("stop")
    else:
        config.take_str("stop")  # drops a null; anything else stays in extra
    response_format = config.get("response_format")
    if isinstance(response_format, dict):
        attributes["tracebridge.request.response_format"] = config.take("response_format")
        if response_format.get("type") in ("json_object", "json_schema"):
            attributes["gen_ai.output.type"] = "json"
    else:
        config.take_str("response_format")
    for key, name in (
        ("endpoint", "tracebridge.request.endpoint"),
        ("template_language", "tracebridge.prompt.template_language"),
        ("prompt_template", "tracebridge.prompt.template"),
    ):
        put(attributes, name, config.take_str(key))
    # v4 configs carry both a completion template and a chat template; v5 versions one ``template`` of either kind.
    # Each kind keeps its own attribute so that a config with both loses neither.
    reasoning = config.get("reasoning_effort")
    if reasoning is not None:
        attributes["tracebridge.request.reasoning_effort"] = config.take("reasoning_effort")
    else:
        config.drop("reasoning_effort")
    put(attributes, "tracebridge.request.other", config.take_dict("other"))
    template = config.get("template")
    if "tracebridge.prompt.template" in attributes:
        pass  # a config with both templates: the v4 one is mapped, this one stays in extra as written
    elif isinstance(template, str):
        attributes["tracebridge.prompt.template"] = config.take("template")
    elif isinstance(template, list):
        attributes["tracebridge.prompt.template"] = to_otel_messages(config.take("template"))
    else:
        config.take_str("template")
    chat_template = config.take_list("chat_template")
    if chat_template is not None:
        attributes["tracebridge.prompt.chat_template"] = to_otel_messages(chat_template)
    put(attributes, "gen_ai.tool.definitions", config.take_list("tools"))
    put(attributes, "tracebridge.prompt.linked_tools", config.take_list("linked_tools"))
    put(attributes, "tracebridge.request.tool_configs", config.take_list("tool_configs"))


def operation_for_model(attributes: dict[str, Any]) -> str:
    """``chat``, or ``text_completion`` for the completion endpoint or a string template (mapping guide, section 3).

    The endpoint, when given, decides: a v4 chat config may carry a (unused) completion template too.
    """
    endpoint = attributes.get("tracebridge.request.endpoint")
    if endpoint == "complete":
        return "text_completion"
    if endpoint is None and isinstance(attributes.get("tracebridge.prompt.template"), str):
        return "text_completion"
    return "chat"


def file_identity(file: Fields, kind: str, attributes: dict[str, Any], prefix: str = "tracebridge.file.") -> str | None:
    """Take a v5 file version's identity (type, id, path, name, version, tags); returns its path (or name).

    ``kind`` is the key the version was found under (prompt, tool, flow, agent, evaluator): the union has no type field,
    so when the version omits its own ``type`` marker the key is the type. ``prefix`` names whose identity it is (the
    judged file's, or an evaluator's under ``tracebridge.evaluator.``).
    """
    attributes[prefix + "type"] = file.take_str("type") or kind
    put(attributes, prefix + "id", file.take_str("id"))
    path = file.take_str("path")
    put(attributes, prefix + "path", path)
    name = file.take_str("name")
    put(attributes, prefix + "name", name)
    put(attributes, prefix + "version_id", file.take_str("version_id"))
    put(attributes, prefix + "version_name", file.take_str("version_name"))
    tags = file.take_list("tags")
    if tags is not None:
        attributes["tracebridge.tags" if prefix == "tracebridge.file." else prefix + "tags"] = tags
    return path or name
