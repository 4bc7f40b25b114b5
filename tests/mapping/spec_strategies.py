"""Hypothesis strategies that build vendor records from the OpenAPI component schemas in ``specs/``.

Unlike ``tests/generated/spec_instances.py`` (two fixed instances per schema), these draw many: each optional field is
absent, null or set; each string is a documented value, an unknown enum value or free text; unions pick any member;
unknown fields appear at any level.

Free text starts with ``~`` (so it is never accidentally an ISO date, a JSON literal or a documented enum value) and,
once a whole record is drawn, every free-text leaf is made unique within it (``~<n>...``). Without that, Hypothesis
happily repeats short strings, and a field an adapter silently dropped would still be "found" in the output as the
equal value of another field: the fidelity check could not fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.yaml_text import safe_load

SPECS = Path(__file__).resolve().parents[2] / "specs"
MAX_DEPTH = 6

FREE_TEXT_MARK = "~"
_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).map(lambda s: FREE_TEXT_MARK + s)
_datetime = st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(lambda d: d.isoformat())
_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), _text)
_any_json = st.recursive(
    _json_leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)),
    max_leaves=6,
)


def uniquify(value: Any) -> Any:
    """The same JSON value with every free-text leaf (``~...``) made unique by its position in a depth-first walk."""
    counter = iter(range(1 << 30))

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: walk(child) for key, child in item.items()}
        if isinstance(item, list):
            return [walk(child) for child in item]
        if isinstance(item, str) and item.startswith(FREE_TEXT_MARK):
            return f"{FREE_TEXT_MARK}{next(counter)}{item[1:]}"
        return item

    return walk(value)


def load_schemas(name: str) -> dict[str, Any]:
    spec = safe_load((SPECS / name).read_text(encoding="utf-8"))
    return dict(spec["components"]["schemas"])


class SpecStrategies:
    """``for_schema(name)``: a strategy of JSON instances of the component schema ``name``."""

    def __init__(self, schemas: dict[str, Any], *, max_depth: int = MAX_DEPTH) -> None:
        self.schemas = schemas
        self.max_depth = max_depth

    def for_schema(self, name: str) -> st.SearchStrategy[Any]:
        return self._value(self.schemas[name], 0).map(uniquify)

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
        if "const" in schema:
            return st.just(schema["const"])
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
            if str(schema.get("format", "")).startswith("uuid"):
                return st.uuids().map(str)
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
            is_marker = len(resolved.get("enum", [])) == 1 and "default" not in resolved
            if prop in required or is_marker:
                fixed[prop] = self._value(prop_schema, depth + 1)
            elif depth < self.max_depth:
                optional[prop] = self._value(prop_schema, depth + 1)
        optional["x_tracebridge_unknown"] = _any_json
        return st.fixed_dictionaries(fixed, optional=optional)
