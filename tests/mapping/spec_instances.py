"""Deterministic instances of every record shape the specs define, for the "every field at once" adapter tests.

``tests/generated/spec_instances.py`` builds two instances per schema (``nulls``: every optional field null;
``drifted``: every optional field set, unknown enum values, an unknown field on every object), always taking the first
member of a union. The adapters must handle every member: a v5 Log is a prompt, tool, flow, agent or evaluator Log; a
Galileo record is a session, trace, or one of seven span types; a metric status is one of nine. ``ShapeBuilder`` picks
member ``member % len(members)`` of every union instead, so building with ``member`` in ``range(MAX_UNION)`` covers
each member of each union at least once. Strings are made unique per instance so the fidelity check (every input
leaf is found in the output) cannot pass by finding an equal value of another field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.generated.spec_instances import UNKNOWN_FIELD, InstanceBuilder, load_spec

SPECS = Path(__file__).resolve().parents[2] / "specs"
HUMANLOOP_SPEC = load_spec(SPECS / "humanloop.yaml")
GALILEO_SPEC = load_spec(SPECS / "galileo.yaml")


def max_union(spec: dict[str, Any]) -> int:
    """The largest number of non-null members any union of the spec has."""
    sizes = [
        len([m for m in schema[key] if m.get("type") != "null"])
        for schema in spec["components"]["schemas"].values()
        for key in ("anyOf", "oneOf")
        if key in schema
    ]
    return max(sizes, default=1)


class ShapeBuilder(InstanceBuilder):
    """An ``InstanceBuilder`` that rotates through union members and writes unique strings."""

    def __init__(
        self, spec: dict[str, Any], *, variant: str, member: int, choices: dict[str, int] | None = None
    ) -> None:
        super().__init__(spec, variant=variant)
        self.member = member
        self.choices = choices or {}  # union schema name -> the member to build there (overrides ``member``)
        self._counter = 0

    def build(self, name: str) -> Any:
        self._counter = 0
        # Through a $ref, so a choice for the root schema itself (a union such as V5LogResponse) applies too.
        return self._unique(self._value({"$ref": f"#/components/schemas/{name}"}, 0))

    def _value(self, schema: dict[str, Any], depth: int) -> Any:
        resolved = self._resolve(schema)
        name = schema["$ref"].rsplit("/", 1)[-1] if "$ref" in schema else None
        for key in ("anyOf", "oneOf"):
            if key in resolved:
                members = [m for m in resolved[key] if self._resolve(m).get("type") != "null"]
                if not members:
                    return None
                index = self.choices.get(name, self.member) if name else self.member
                return self._value(members[index % len(members)], depth)
        return super()._value(schema, depth)

    def _unique(self, value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: self._unique(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._unique(v, key) for v in value]
        if isinstance(value, str) and value in ("value", "zz_unknown_value", "a") and key != "type":
            # Free text (the base builder writes the same word everywhere): one distinct string per leaf.
            self._counter += 1
            return f"{value}_{self._counter}"
        return value


def instances(spec: dict[str, Any], schema: str) -> list[tuple[str, Any]]:
    """``(id, instance)`` for both variants and every union member of ``schema``, duplicates removed."""
    seen: list[Any] = []
    out: list[tuple[str, Any]] = []
    for variant in ("nulls", "drifted"):
        for member in range(max_union(spec)):
            instance = ShapeBuilder(spec, variant=variant, member=member).build(schema)
            if instance not in seen:
                seen.append(instance)
                out.append((f"{schema}-{variant}-{member}", instance))
    return out


def galileo_flat_lines(record: Any) -> list[Any]:
    """A nested (``jsonl``) Galileo record as the lines ``jsonl_flat`` would give: each node alone, no children."""
    if not isinstance(record, dict):
        return [record]
    node = {k: v for k, v in record.items() if k not in ("traces", "spans")}
    lines = [node]
    for key in ("traces", "spans"):
        children = record.get(key)
        if isinstance(children, list):
            for child in children:
                lines.extend(galileo_flat_lines(child))
    return lines


__all__ = ["GALILEO_SPEC", "HUMANLOOP_SPEC", "UNKNOWN_FIELD", "ShapeBuilder", "galileo_flat_lines", "instances"]
