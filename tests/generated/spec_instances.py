"""Build JSON instances of a spec's component schemas, for parsing-tolerance tests of the generated models.

Two shapes matter to users because real data has both: ``nulls`` (every optional field present and null) and
``drifted`` (every optional field set, every free string an unknown enum value, and an unknown field added to every
object, at every level).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from tests.yaml_text import safe_load


UNKNOWN_FIELD = "x_tracebridge_unknown"
UNKNOWN_VALUE = "zz_unknown_value"
MAX_DEPTH = 5


def load_spec(path: Path) -> dict[str, Any]:
    return dict(safe_load(path.read_text(encoding="utf-8")))


class InstanceBuilder:
    def __init__(self, spec: dict[str, Any], *, variant: str) -> None:
        assert variant in ("nulls", "drifted")
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.variant = variant

    def build(self, name: str) -> Any:
        return self._value(self.schemas[name], depth=0)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _value(self, schema: dict[str, Any], depth: int) -> Any:
        schema = self._resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                members = [m for m in schema[key] if self._resolve(m).get("type") != "null"]
                return self._value(members[0], depth) if members else None
        if "allOf" in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
            for reference in schema["allOf"]:
                part = self._resolve(reference)
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
            return self._value(merged, depth)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next(v for v in schema["enum"] if v is not None)
        types = schema.get("type", "object")
        kind = next((t for t in types if t != "null"), "null") if isinstance(types, list) else types
        if kind == "object" or "properties" in schema:
            return self._object(schema, depth)
        if kind == "array":
            return [] if depth >= MAX_DEPTH else [self._value(schema.get("items", {}), depth + 1)]
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return "2024-01-15T09:30:00Z"
            if fmt in ("uuid", "uuid4"):
                return "3fa85f64-5717-4562-b3fc-2c963f66afa6"
            if fmt == "binary":
                return "binary"
            return UNKNOWN_VALUE if self.variant == "drifted" else "value"
        if kind == "integer":
            return 1
        if kind == "number":
            return 1.5
        if kind == "boolean":
            return True
        return None

    def _object(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        required = set(schema.get("required", []))
        result: dict[str, Any] = {}
        for prop, prop_schema in schema.get("properties", {}).items():
            if prop in required or is_kind_marker(self._resolve(prop_schema)):
                # A kind marker (a single-value enum) picks a union member; it is never null in real data.
                result[prop] = self._value(prop_schema, depth + 1)
            elif self.variant == "nulls":
                result[prop] = None
            elif depth < MAX_DEPTH:
                result[prop] = self._value(prop_schema, depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra and not schema.get("properties") and depth < MAX_DEPTH:
            result["key"] = self._value(extra, depth + 1)
        if self.variant == "drifted":
            result[UNKNOWN_FIELD] = {"nested": [1, "a", None]}
        return result


def is_kind_marker(schema: dict[str, Any]) -> bool:
    return len(schema.get("enum", [])) == 1


def is_object_schema(schema: dict[str, Any]) -> bool:
    """A schema the generator turns into a model class: properties of its own or merged from ``allOf`` parts."""
    return bool(schema.get("properties") or schema.get("allOf")) and "anyOf" not in schema and "oneOf" not in schema


def class_for(models_module: Any, schema_name: str) -> Any:
    """The generated class for a component schema (the generator PascalCases names; match loosely)."""
    wanted = schema_name.replace("_", "").replace("-", "").lower()
    for attr in dir(models_module):
        if attr.lower() == wanted:
            return getattr(models_module, attr)
    raise LookupError(f"no generated class for schema {schema_name}")
