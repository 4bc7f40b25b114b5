"""The JSON Schema of the common records, derived from the attrs classes in ``tracebridge.records``.

Derived, not written by hand: a field added to a record class appears in the schema (and in ``tracebridge schema``)
with no second edit, and the tests validate every adapter output against this schema, so the schema and the code cannot
drift apart. Well-known attribute names get typed entries so validation checks them too; other attribute names
(new ``tracebridge.*`` keys, vendor additions) are allowed with any JSON value.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Literal

import attrs

from tracebridge.records import RECORD_CLASSES, SCHEMA_VERSION, Provenance

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_MESSAGES = {"$ref": "#/$defs/OtelMessages"}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_NUMBER = {"type": "number"}
_INT = {"type": "integer"}
_STR = {"type": "string"}
_BOOL = {"type": "boolean"}

KNOWN_ATTRIBUTES: dict[str, dict[str, Any]] = {
    "gen_ai.operation.name": _STR,
    "gen_ai.provider.name": _STR,
    "gen_ai.request.model": _STR,
    "gen_ai.request.max_tokens": _INT,
    "gen_ai.request.temperature": _NUMBER,
    "gen_ai.request.top_p": _NUMBER,
    "gen_ai.request.top_k": _NUMBER,
    "gen_ai.request.presence_penalty": _NUMBER,
    "gen_ai.request.frequency_penalty": _NUMBER,
    "gen_ai.request.seed": _INT,
    "gen_ai.request.stop_sequences": _STRINGS,
    "gen_ai.response.model": _STR,
    "gen_ai.response.id": _STR,
    "gen_ai.response.finish_reasons": _STRINGS,
    "gen_ai.response.time_to_first_chunk": _NUMBER,
    "gen_ai.usage.input_tokens": _INT,
    "gen_ai.usage.output_tokens": _INT,
    "gen_ai.usage.reasoning.output_tokens": _INT,
    "gen_ai.usage.cache_read.input_tokens": _INT,
    "gen_ai.input.messages": _MESSAGES,
    "gen_ai.output.messages": _MESSAGES,
    "gen_ai.output.type": _STR,
    "gen_ai.conversation.id": _STR,
    "gen_ai.prompt.name": _STR,
    "gen_ai.agent.name": _STR,
    "gen_ai.agent.id": _STR,
    "gen_ai.agent.version": _STR,
    "gen_ai.workflow.name": _STR,
    "gen_ai.tool.name": _STR,
    "gen_ai.tool.type": _STR,
    "gen_ai.tool.description": _STR,
    "gen_ai.tool.call.id": _STR,
    "gen_ai.tool.call.arguments": {},
    "gen_ai.tool.call.result": {},
    "gen_ai.retrieval.documents": {"type": "array"},
    "gen_ai.tool.definitions": {"type": "array"},
    "gen_ai.retrieval.query.text": _STR,
    "gen_ai.evaluation.name": _STR,
    "gen_ai.evaluation.score.value": _NUMBER,
    "gen_ai.evaluation.score.label": _STR,
    "gen_ai.evaluation.explanation": _STR,
    "session.id": _STR,
    "session.previous_id": _STR,
    "user.id": _STR,
    "error.type": _STR,
    "deployment.environment.name": _STR,
    "tracebridge.tags": {"type": "array"},
    "tracebridge.metadata": {"type": "object"},
    "tracebridge.cost.input_usd": _NUMBER,
    "tracebridge.cost.output_usd": _NUMBER,
    "tracebridge.cost.total_usd": _NUMBER,
    "tracebridge.usage.total_tokens": _INT,
    "tracebridge.created_at_unix_nano": _INT,
    "tracebridge.duration_ns": _NUMBER,
    "tracebridge.evaluation.labels": _STRINGS,
    "tracebridge.evaluation.annotator_kind": _STR,
    "tracebridge.provider.source_name": {},
    "tracebridge.parent.inferred": _BOOL,
}
"""Attribute names whose type the schema checks (OTel GenAI v1.41.1 names and the common tracebridge.* ones)."""

_OTEL_MESSAGES: dict[str, Any] = {
    "type": "array",
    "description": "OTel GenAI messages (parts model): gen-ai-input-messages.json / gen-ai-output-messages.json.",
    "items": {
        "type": "object",
        "required": ["role", "parts"],
        "properties": {
            "role": _STR,
            "name": _STR,
            "finish_reason": _STR,
            "parts": {
                "type": "array",
                "items": {"type": "object", "required": ["type"], "properties": {"type": _STR}},
            },
        },
    },
}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema for one Python annotation of a record field."""
    if hint is Any:
        return {}
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        members = [_type_schema(arg, defs) for arg in typing.get_args(hint)]
        return {"anyOf": members}
    if origin is Literal:
        values = list(typing.get_args(hint))
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if origin is dict:
        return {"type": "object"}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type_schema(item, defs)}
    if hint is type(None):
        return {"type": "null"}
    if hint is bool:
        return _BOOL
    if hint is int:
        return _INT
    if hint is float:
        return _NUMBER
    if hint is str:
        return _STR
    if attrs.has(hint):
        defs.setdefault(hint.__name__, _class_schema(hint, defs))
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for annotation {hint!r}")


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):
        schema = dict(_type_schema(hints[field.name], defs))
        description = field.metadata.get("description")
        if description:
            schema["description"] = description
        pattern = field.metadata.get("pattern")
        if pattern:
            schema["pattern"] = pattern  # applies to the string member of an optional field; null still passes
        if field.name == "attributes":
            schema["properties"] = KNOWN_ATTRIBUTES
            schema["additionalProperties"] = True
        if field.name == "schema_version":
            schema = {"const": SCHEMA_VERSION, "description": "Version of the common record schema."}
        properties[field.name] = schema
    return {
        "type": "object",
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": [f.name for f in attrs.fields(cls)],
        "additionalProperties": False,
    }


@cache
def _all_defs() -> dict[str, Any]:
    defs: dict[str, Any] = {"OtelMessages": _OTEL_MESSAGES}
    defs["Provenance"] = _class_schema(Provenance, defs)
    for cls in RECORD_CLASSES.values():
        defs[cls.__name__] = _class_schema(cls, defs)
    return defs


def record_schema(record_type: str | None = None) -> dict[str, Any]:
    """The JSON Schema of one record type (``span``, ``evaluation``, ...) or, by default, of any record."""
    defs = _all_defs()
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"https://tracebridge.dev/schema/v{SCHEMA_VERSION}/{record_type or 'record'}.json",
    }
    if record_type is None:
        schema["title"] = "tracebridge common record"
        schema["oneOf"] = [{"$ref": f"#/$defs/{cls.__name__}"} for cls in RECORD_CLASSES.values()]
    else:
        cls = RECORD_CLASSES.get(record_type)
        if cls is None:
            raise KeyError(f"unknown record type {record_type!r}; known: {', '.join(RECORD_CLASSES)}")
        # Inlined rather than a bare $ref, so ``.properties`` of the printed schema lists the record's fields.
        schema.update(defs[cls.__name__])
    schema["$defs"] = defs
    return schema
