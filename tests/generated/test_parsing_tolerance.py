"""Real data must never fail to parse: nulls in every optional field, unknown enum values, unknown fields anywhere.

Every response-side component schema of both specs is instantiated both ways and parsed by its generated model; the
unknown fields must survive a ``to_dict()`` round trip (the adapters put them under ``extra``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import galileo_client.models
import humanloop_client.models
import pytest

from tests.generated.spec_instances import UNKNOWN_FIELD, InstanceBuilder, class_for, is_object_schema, load_spec

SPECS = Path(__file__).resolve().parents[2] / "specs"


def request_side(name: str) -> bool:
    """Schemas only ever sent by us; strictness there is a feature (a typo in a filter should fail loudly)."""
    return name.endswith(("Request", "Filter", "SortClause")) or name.startswith("LogRecords")


def response_schemas(spec_name: str) -> list[str]:
    spec = load_spec(SPECS / spec_name)
    return [
        name
        for name, schema in spec["components"]["schemas"].items()
        if is_object_schema(schema) and not request_side(name)
    ]


CASES = [("humanloop.yaml", humanloop_client.models, name) for name in response_schemas("humanloop.yaml")] + [
    ("galileo.yaml", galileo_client.models, name) for name in response_schemas("galileo.yaml")
]


def contains_key(value: Any, key: str) -> bool:
    if isinstance(value, dict):
        return key in value or any(contains_key(v, key) for v in value.values())
    if isinstance(value, list):
        return any(contains_key(v, key) for v in value)
    return False


def test_every_response_schema_is_covered() -> None:
    assert len(CASES) > 40, "the specs should define the full record shapes"


@pytest.mark.parametrize(("spec_name", "models", "schema_name"), CASES, ids=[c[2] for c in CASES])
def test_nulls_in_every_optional_field_parse(spec_name: str, models: Any, schema_name: str) -> None:
    instance = InstanceBuilder(load_spec(SPECS / spec_name), variant="nulls").build(schema_name)
    parsed = class_for(models, schema_name).from_dict(instance)
    assert parsed.to_dict() is not None


@pytest.mark.parametrize(("spec_name", "models", "schema_name"), CASES, ids=[c[2] for c in CASES])
def test_unknown_enum_values_and_fields_parse_and_round_trip(spec_name: str, models: Any, schema_name: str) -> None:
    instance = InstanceBuilder(load_spec(SPECS / spec_name), variant="drifted").build(schema_name)
    parsed = class_for(models, schema_name).from_dict(instance)
    dumped = parsed.to_dict()
    assert dumped[UNKNOWN_FIELD] == {"nested": [1, "a", None]}
    # Unknown fields nested in children survive too, not only at the top level.
    nested_in_source = any(contains_key(v, UNKNOWN_FIELD) for v in instance.values() if isinstance(v, dict | list))
    if nested_in_source:
        assert any(contains_key(v, UNKNOWN_FIELD) for v in dumped.values() if isinstance(v, dict | list))
