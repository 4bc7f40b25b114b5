"""Hypothesis strategies that build vendor records from the OpenAPI component schemas in ``specs/``.

Unlike ``tests/generated/spec_instances.py`` (two fixed instances per schema), these draw many: each optional field is
absent, null or set; each string is a documented value, an unknown enum value or free text; unions pick any member;
unknown fields appear at any level. Strings use a lowercase alphabet so no free text is accidentally an ISO date or a
JSON literal the fidelity check would read differently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

SPECS = Path(__file__).resolve().parents[2] / "specs"
MAX_DEPTH = 6

_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_datetime = st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(lambda d: d.isoformat())
_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), _text)
_any_json = st.recursive(
    _json_leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)),
    max_leaves=6,
)


def load_schemas(name: str) -> dict[str, Any]:
    spec = yaml.safe_load((SPECS / name).read_text(encoding="utf-8"))
    return dict(spec["components"]["schemas"])


class SpecStrategies:
    """``for_schema(name)``: a strategy of JSON instances of the component schema ``name``."""

    def __init__(self, schemas: dict[str, Any], *, max_depth: int = MAX_DEPTH) -> None:
        self.schemas = schemas
        self.max_depth = max_depth

    def for_schema(self, name: str) -> st.SearchStrategy[Any]:
        return self._value(self.schemas[name], 0)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _value(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            return st.deferred(lambda: self._value(self.schemas[name], depth))
        for key in ("anyOf", "oneOf"):
            if key in schema:
                members = [m for m in schema[key] if self._resolve(m).get("type") != "null"]
                nullable = len(members) != len(schema[key])
                options = [self._value(m, depth) for m in members]
                if nullable:
                    options.append(st.none())
                return st.one_of(options) if options else st.none()
        if "allOf" in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
            for member in schema["allOf"]:
                part = self._resolve(member)
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
            return self._object(merged, depth)
        if "enum" in schema:
            return st.sampled_from([v for v in schema["enum"] if v is not None])
        types = schema.get("type")
        if types is None and not schema.get("properties"):
            return _any_json  # an any-shape field (`version`, `created_by`)
        kinds = types if isinstance(types, list) else [types or "object"]
        nullable = "null" in kinds
        kind = next((t for t in kinds if t != "null"), "null")
        strategy = self._typed(kind, schema, depth)
        return st.one_of(strategy, st.none()) if nullable else strategy

    def _typed(self, kind: str, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        if kind == "object":
            if schema.get("properties"):
                return self._object(schema, depth)
            return st.dictionaries(_text, _any_json, max_size=3)
        if kind == "array":
            if depth >= self.max_depth:
                return st.just([])
            return st.lists(self._value(schema.get("items", {}), depth + 1), max_size=2)
        if kind == "string":
            if schema.get("format") == "date-time":
                return _datetime
            return _text
        if kind == "integer":
            return st.integers(-(2**40), 2**40)
        if kind == "number":
            return st.one_of(st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False))
        if kind == "boolean":
            return st.booleans()
        return st.none()

    def _object(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
        required = set(schema.get("required", []))
        fixed: dict[str, st.SearchStrategy[Any]] = {}
        optional: dict[str, st.SearchStrategy[Any]] = {}
        for prop, prop_schema in schema.get("properties", {}).items():
            resolved = self._resolve(prop_schema)
            is_marker = len(resolved.get("enum", [])) == 1
            if prop in required or is_marker:
                fixed[prop] = self._value(prop_schema, depth + 1)
            elif depth < self.max_depth:
                optional[prop] = self._value(prop_schema, depth + 1)
        optional["x_tracebridge_unknown"] = _any_json
        return st.fixed_dictionaries(fixed, optional=optional)
