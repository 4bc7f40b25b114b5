"""Test helpers: schema validation of adapter output and the "no input leaf is lost" check.

A leaf of the input (a string, number or boolean anywhere in the source record) must be found among the leaves of the
output records, either as is or after one of the documented transformations: an ISO timestamp becomes UTC
nanoseconds, a ``data:`` URL becomes a blob part (its base64 payload), a JSON string of tool-call arguments becomes the
parsed value, a boolean judgment becomes the label "true"/"false", and a content part's kind marker becomes the OTel
part type (``image_url`` -> ``uri``/``blob``, ``thinking`` -> ``reasoning``). Nulls and empty strings carry nothing and
are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import jsonschema
from tracebridge.json_schema import record_schema
from tracebridge.mapping.timing import to_unix_nano
from tracebridge.records import Record
from tracebridge.serialization import from_json_dict, to_json_dict


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Records as the JSON a sink writes (a real ``json.dumps`` round trip, so non-JSON types fail here)."""
    return [json.loads(json.dumps(to_json_dict(r), allow_nan=False)) for r in records]


def assert_valid(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Every record validates against the shipped JSON Schema and survives ``from_json_dict``; returns the JSON."""
    dumped = as_json(records)
    for data in dumped:
        errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
        assert not errors, f"{data['record_type']} does not validate: {[e.message for e in errors[:3]]}"
        assert to_json_dict(from_json_dict(data)) == data
        _check_ids(data)
    return dumped


def _check_ids(data: dict[str, Any]) -> None:
    for key, size in (("trace_id", 32), ("span_id", 16), ("parent_span_id", 16)):
        value = data.get(key)
        if value is None or data["record_type"] in ("session",):
            continue
        assert len(value) == size and int(value, 16) != 0, f"{key} {value!r} is not a valid OTel id"


def leaves(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    """``(path, leaf)`` for every scalar in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def _key(value: Any) -> tuple[str, Any]:
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, int | float):
        return ("n", float(value))
    return ("s", value)


PART_TYPES = {"image_url": ("uri", "blob"), "thinking": ("reasoning",)}


def _found(value: Any, seen: set[tuple[str, Any]]) -> bool:
    if _key(value) in seen:
        return True
    if isinstance(value, str) and any(("s", t) in seen for t in PART_TYPES.get(value, ())):
        return True
    if isinstance(value, bool):
        return ("s", "true" if value else "false") in seen
    if not isinstance(value, str):
        return False
    nanos = to_unix_nano(value)
    if nanos is not None and ("n", float(nanos)) in seen:
        return True
    if value.startswith("data:") and "," in value:
        return ("s", value.partition(",")[2]) in seen
    try:
        parsed = json.loads(value)
    except ValueError:
        return False
    return all(_found(leaf, seen) for _, leaf in leaves(parsed) if leaf not in (None, ""))


def missing_leaves(source: Any, records: Iterable[Record]) -> list[str]:
    """Paths of input leaves found nowhere in the output (empty when the mapping is lossless)."""
    seen = {_key(leaf) for record in as_json(records) for _, leaf in leaves(record)}
    return [path for path, leaf in leaves(source) if leaf not in (None, "") and not _found(leaf, seen)]


def by_type(records: Iterable[Record], record_type: str) -> list[Any]:
    return [r for r in records if r.record_type == record_type]
