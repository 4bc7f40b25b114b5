"""The JSON Schema ``tracebridge schema`` prints: a valid draft 2020-12 schema every adapter output validates against.

Run through the installed console script (a real subprocess), because that is how a consumer (a warehouse loader, a
CI validator in another language) gets the contract.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from tracebridge.json_schema import KNOWN_ATTRIBUTES, record_schema
from tracebridge.mapping.errors import MappingError
from tracebridge.records import RECORD_CLASSES
from tracebridge.serialization import to_json_dict

from tests.mapping.corpus import fixture_records
from tests.mapping.test_every_shape import PARAMS as EVERY_SHAPE
from tests.yaml_text import safe_load

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("tracebridge")


def _schema_from_cli(*args: str) -> dict[str, Any]:
    result = subprocess.run([str(CLI), "schema", *args], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


@pytest.fixture(scope="module")
def printed() -> dict[str, Any]:
    return _schema_from_cli()


def _json(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(to_json_dict(record), allow_nan=False))
    return data


def test_printed_schema_is_valid_draft_2020_12(printed: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert printed == record_schema()  # what the CLI prints is what the package derives from the classes


def test_every_adapter_output_validates_against_the_printed_schema(printed: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(printed, format_checker=jsonschema.FormatChecker())
    records = fixture_records()
    assert {r.record_type for r in records} == set(RECORD_CLASSES)  # the corpus has every record type
    for record in records:
        errors = [e.message for e in validator.iter_errors(_json(record))]
        assert not errors, f"{record.record_type} {record.provenance.source_id}: {errors[:3]}"


@pytest.mark.parametrize("record_type", sorted(RECORD_CLASSES))
def test_one_type_schema_accepts_its_records_and_rejects_others(record_type: str) -> None:
    schema = _schema_from_cli("--type", record_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {f.name for f in attrs.fields(RECORD_CLASSES[record_type])}
    validator = jsonschema.Draft202012Validator(schema)
    for record in fixture_records():
        assert validator.is_valid(_json(record)) == (record.record_type == record_type)


def _a_span() -> dict[str, Any]:
    return _json(next(r for r in fixture_records() if r.record_type == "span"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("trace_id", "0" * 32),  # all-zero ids are invalid in OTel
        ("span_id", "0" * 16),
        ("trace_id", "ABCDEF0123456789ABCDEF0123456789"),  # upper case
        ("span_id", "123"),
        ("kind", "SERVER"),
        ("status_code", "FAILED"),
        ("start_time_unix_nano", "2024-01-01T00:00:00Z"),
        ("schema_version", "2"),
        ("not_a_field", 1),
    ],
)
def test_schema_rejects_what_consumers_could_not_load(printed: dict[str, Any], field: str, value: Any) -> None:
    span = _a_span()
    assert jsonschema.Draft202012Validator(printed).is_valid(span)
    span[field] = value
    assert not jsonschema.Draft202012Validator(printed).is_valid(span)


def test_known_attributes_are_type_checked(printed: dict[str, Any]) -> None:
    span = _a_span()
    span["attributes"]["gen_ai.usage.input_tokens"] = "12"
    assert not jsonschema.Draft202012Validator(printed).is_valid(span)
    span["attributes"]["gen_ai.usage.input_tokens"] = 12
    span["attributes"]["tracebridge.some_new_attribute"] = {"any": ["json"]}  # new names need no schema change
    assert jsonschema.Draft202012Validator(printed).is_valid(span)


REGISTRY = Path(__file__).resolve().parent / "fixtures" / "otel" / "gen-ai-registry-1.41.1.yaml"
"""Copied from the OTel semantic-conventions release (Apache-2.0) so the check runs in any clone."""
OTEL_GENERAL = {"session.id", "session.previous_id", "user.id", "error.type", "deployment.environment.name"}
"""OTel names outside the gen_ai registry (session, user, error and deployment registries) the records use."""


def _registry_names() -> set[str]:
    data = safe_load(REGISTRY.read_text(encoding="utf-8"))
    return {attr["id"] for group in data["groups"] for attr in group.get("attributes", ()) if "id" in attr}


def _non_tracebridge(names: set[str]) -> set[str]:
    return {n for n in names if not n.startswith("tracebridge.")}


def test_every_otel_name_used_is_in_semconv_1_41_1() -> None:
    registry = _registry_names() | OTEL_GENERAL
    records = list(fixture_records())
    for param in EVERY_SHAPE:  # and every shape of the specs, every field set
        source, normalize = param.values
        with contextlib.suppress(MappingError):
            records += normalize(source)
    used = {key for record in records for key in record.attributes}
    assert _non_tracebridge(used) - registry == set()
    assert _non_tracebridge(set(KNOWN_ATTRIBUTES)) - registry == set()
    # every OTel name written has a typed entry in the schema, so validation checks its type
    assert _non_tracebridge(used) - set(KNOWN_ATTRIBUTES) == set()
    # and nothing outside OTel is written without the tracebridge. prefix
    assert all(n.startswith(("gen_ai.", "tracebridge.")) or n in OTEL_GENERAL for n in used)
