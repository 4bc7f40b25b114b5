"""Vendor chat messages onto the OpenTelemetry GenAI parts model (``gen_ai.input.messages`` / ``output.messages``).

Both vendors use OpenAI-like messages (``role``, ``content`` as a string or a list of typed parts, ``tool_calls``,
``tool_call_id``), Humanloop adds ``thinking`` blocks and Galileo ``file`` parts. The conversion is lossless on its own:
OTel messages and parts allow additional properties, so any key a message or part carries that the parts model has no
name for stays on the converted message or part, and a part of an unknown kind becomes a generic part with every key
kept. That is why the adapters can treat a message list as fully mapped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tracebridge.json_codec import loads

UNKNOWN_ROLE = "unknown"
"""The role written when the source has none (OTel requires a role; inventing 'user' would be wrong)."""

_MESSAGE_KEYS = frozenset({"role", "content", "name", "tool_calls", "tool_call", "tool_call_id", "thinking"})


def parse_arguments(arguments: Any) -> Any:
    """Tool-call arguments as JSON when the string is valid JSON, else the string itself (models emit broken JSON)."""
    if isinstance(arguments, str):
        try:
            return loads(arguments)
        except ValueError:
            return arguments
    return arguments


def keep_all(target: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``target`` plus every key of ``extra``, none overwritten: a key ``target`` already holds (an OTel field's name,
    or one an earlier source used) is kept as ``source_<key>``. OTel messages and parts allow more properties, so
    this keeps a conversion lossless whatever names the source's keys happen to share with the parts model."""
    for key, value in extra.items():
        name = key
        while name in target:
            name = f"source_{name}"
        target[name] = value
    return target


def _data_url_part(url: str, modality: str) -> dict[str, Any]:
    """A ``data:`` URL as a blob part (mime type and base64 content split out); non-base64 data URLs stay URIs."""
    header, sep, payload = url.partition(",")
    meta = header[5:]
    if sep and meta.endswith(";base64"):
        mime = meta[: -len(";base64")] or None
        return {"type": "blob", "modality": modality, "mime_type": mime, "content": payload}
    return {"type": "uri", "modality": modality, "uri": url}


def _image_part(item: Mapping[str, Any]) -> dict[str, Any]:
    image = item.get("image_url")
    url = image.get("url") if isinstance(image, dict) else image
    if not isinstance(url, str):
        return keep_all({"type": "image_url"}, {k: v for k, v in item.items() if k != "type"})
    part = _data_url_part(url, "image") if url.startswith("data:") else {"type": "uri", "modality": "image", "uri": url}
    keep_all(part, {k: v for k, v in item.items() if k not in ("type", "image_url")})
    if isinstance(image, dict):  # the image object's other keys (``detail``...) sit on the part, as OTel has them
        keep_all(part, {k: v for k, v in image.items() if k != "url"})
    return part


def content_part(item: Any, files: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One content item as an OTel part: text, image (uri or blob), file, or a generic part keeping everything."""
    if not isinstance(item, dict):
        # A bare string or number inside a content list: text is the only faithful reading.
        return {"type": "text", "content": item if isinstance(item, str) else json.dumps(item)}
    kind = item.get("type")
    if kind == "text":
        text = item.get("text")
        return keep_all({"type": "text", "content": text if text is not None else ""}, _except(item, "type", "text"))
    if kind == "image_url":
        return _image_part(item)
    if kind == "file" and isinstance(item.get("file_id"), str):
        part = dict(item)
        info = files.get(item["file_id"]) if files else None
        if isinstance(info, dict):
            part.setdefault("modality", info.get("modality") or "unknown")
            if info.get("content_type"):
                part.setdefault("mime_type", info.get("content_type"))
        else:
            part.setdefault("modality", "unknown")
        return part
    if isinstance(kind, str):
        return dict(item)
    # OTel parts need a type; the source's (not a string, or none) is kept beside it
    return keep_all({"type": "unknown"}, item if kind is not None else _except(item, "type"))


def _except(item: Mapping[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in names}


def _thinking_part(block: Any) -> dict[str, Any]:
    if isinstance(block, dict) and block.get("type") == "thinking":
        part = {"type": "reasoning", "content": block.get("thinking") or ""}
        return keep_all(part, _except(block, "type", "thinking"))
    return content_part(block)


def _tool_call_part(call: Any) -> dict[str, Any]:
    if not isinstance(call, dict):
        return {"type": "tool_call", "name": "", "arguments": call}
    function = call.get("function")
    part: dict[str, Any] = {"type": "tool_call", "id": call.get("id")}
    if isinstance(function, dict):
        part["name"] = function.get("name") or ""
        part["arguments"] = parse_arguments(function.get("arguments"))
        keep_all(part, {f"function.{k}": v for k, v in function.items() if k not in ("name", "arguments")})
    else:
        part["name"] = ""
        if function is not None:
            part["function"] = function
    if "type" in call:
        keep_all(part, {"call_type": call["type"]})
    return keep_all(part, _except(call, "id", "function", "type"))


def _legacy_tool_call_part(call: Any) -> dict[str, Any]:
    """Humanloop's deprecated single ``tool_call`` (a bare function call, no id)."""
    if not isinstance(call, dict):
        return {"type": "tool_call", "name": "", "arguments": call, "legacy": True}
    part = {"type": "tool_call", "name": call.get("name") or "", "arguments": parse_arguments(call.get("arguments"))}
    part["legacy"] = True
    return keep_all(part, _except(call, "name", "arguments"))


def to_otel_message(message: Any, files: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One vendor message as an OTel ``ChatMessage`` (role, parts, name), unknown keys kept on the message."""
    if not isinstance(message, dict):
        return {"role": UNKNOWN_ROLE, "parts": [content_part(message)]}
    role = message.get("role")
    parts: list[dict[str, Any]] = []
    thinking = message.get("thinking")
    if isinstance(thinking, list):
        parts.extend(_thinking_part(block) for block in thinking)
    content = message.get("content")
    tool_call_id = message.get("tool_call_id")
    is_tool_result = role == "tool" or (tool_call_id is not None and role != "assistant")
    if is_tool_result:
        # A tool result: the whole content is the response (a string or the list of items as sent).
        parts.append({"type": "tool_call_response", "id": tool_call_id, "response": content})
    elif isinstance(content, str):
        if content or not message.get("tool_calls"):
            # "" beside tool calls is the providers' way of saying "no text"; alone it is an empty answer.
            parts.append({"type": "text", "content": content})
    elif isinstance(content, list):
        parts.extend(content_part(item, files) for item in content)
    elif content is not None:
        parts.append(content_part(content, files))
    tool_calls = message.get("tool_calls")
    if isinstance(tool_calls, list):
        parts.extend(_tool_call_part(call) for call in tool_calls)
    legacy = message.get("tool_call")
    if legacy is not None:
        parts.append(_legacy_tool_call_part(legacy))
    result: dict[str, Any] = {"role": role if isinstance(role, str) else UNKNOWN_ROLE, "parts": parts}
    if role is not None and not isinstance(role, str):
        result["source_role"] = role
    name = message.get("name")
    if name is not None:
        result["name"] = name
    if tool_call_id is not None and not is_tool_result:
        result["tool_call_id"] = tool_call_id
    if thinking is not None and not isinstance(thinking, list):
        result["thinking"] = thinking
    if tool_calls is not None and not isinstance(tool_calls, list):
        result["tool_calls"] = tool_calls
    # In source order (a set difference would order by randomized hash), never over a field written above.
    return keep_all(result, {key: value for key, value in message.items() if key not in _MESSAGE_KEYS})


def to_otel_messages(messages: Any, files: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """A vendor message list (or a single message, or a bare string) as a list of OTel messages."""
    if isinstance(messages, list):
        return [to_otel_message(m, files) for m in messages]
    if isinstance(messages, str):
        return [{"role": UNKNOWN_ROLE, "parts": [{"type": "text", "content": messages}]}]
    return [to_otel_message(messages, files)]


def text_of(message: Mapping[str, Any]) -> str | None:
    """The concatenated text parts of an OTel message (to compare a log's ``output`` with its output message)."""
    texts = [p["content"] for p in message.get("parts", ()) if p.get("type") == "text"]
    return "".join(texts) if texts else None
