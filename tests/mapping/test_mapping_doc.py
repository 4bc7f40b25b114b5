"""docs/mapping.md says what the adapters do: its tables are regenerated from the code and must match the file.

If this fails after an adapter change, regenerate the tables (``python -m tests.mapping.mapping_doc --write``) and
review the diff: it is the mapping change, in words.
"""

from __future__ import annotations

import re
from typing import Any

from tests.mapping.mapping_doc import current, render
from tests.mapping.spec_instances import GALILEO_SPEC, HUMANLOOP_SPEC

ROOTS: list[tuple[dict[str, Any], str]] = [
    (HUMANLOOP_SPEC, "V4LogResponse"),
    (HUMANLOOP_SPEC, "V4EvaluationDatapointSnapshotResponse"),
    (HUMANLOOP_SPEC, "V5EvaluationLogResponse"),
    (HUMANLOOP_SPEC, "V5LegacyEvaluationLogResponse"),
    (HUMANLOOP_SPEC, "V5EvaluationRunResponse"),
    (GALILEO_SPEC, "ExportRecord"),
]


def test_the_tables_in_docs_mapping_md_are_what_the_adapters_do() -> None:
    _, generated = current()
    assert generated == render(), "docs/mapping.md is stale: run `python -m tests.mapping.mapping_doc --write`"


def _properties(spec: dict[str, Any], root: str) -> set[str]:
    """Every property name of every schema reachable from ``root``."""
    schemas = spec["components"]["schemas"]
    seen: set[str] = set()
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                if name not in seen:
                    seen.add(name)
                    walk(schemas[name])
            properties = node.get("properties")
            if isinstance(properties, dict):
                names.update(properties)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({"$ref": f"#/components/schemas/{root}"})
    return names


def test_every_field_the_specs_define_has_a_row() -> None:
    _, generated = current()
    documented = {
        part for row in re.findall(r"^\| `([^`]+)` \|", generated, re.MULTILINE) for part in re.split(r"[.\[\]]+", row)
    }
    for spec, root in ROOTS:
        missing = _properties(spec, root) - documented
        assert not missing, f"{root}: fields with no row in docs/mapping.md: {sorted(missing)}"
