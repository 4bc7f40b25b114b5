"""The short ``--filter`` / ``--sort`` forms become exactly the request objects the Galileo API documents."""

from __future__ import annotations

import pytest
from galileo_client.models import ExportRecordsRequest
from tracebridge.cli.filter_syntax import FilterSyntaxError, parse_filter, parse_sort


def _f(kind: str, column: str, operator: str, value: object, **more: object) -> dict[str, object]:
    return {"type": kind, "column_id": column, "operator": operator, "value": value, **more}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("number:metrics/duration_ns:gt:1000", _f("number", "metrics/duration_ns", "gt", 1000)),
        ("number:metrics/cost:between:[0.1, 2]", _f("number", "metrics/cost", "between", [0.1, 2])),
        ("text:input:contains:refund: please", _f("text", "input", "contains", "refund: please")),
        ("text:name:eq:42", _f("text", "name", "eq", "42")),
        ("id:id:one_of:a,b, c", _f("id", "id", "one_of", ["a", "b", "c"])),
        ("boolean:has_children:eq:true", _f("boolean", "has_children", "eq", True)),
        ("date:created_at:gte:2026-01-01T00:00:00Z", _f("date", "created_at", "gte", "2026-01-01T00:00:00Z")),
        (
            '{"type": "text", "column_id": "input", "operator": "eq", "value": "Hi", "case_sensitive": false}',
            _f("text", "input", "eq", "Hi", case_sensitive=False),
        ),
    ],
)  # fmt: skip
def test_filters_become_valid_request_objects(text: str, expected: dict[str, object]) -> None:
    parsed = parse_filter(text)
    assert parsed == expected
    # The generated model accepts it: the request the CLI sends is one the spec allows.
    ExportRecordsRequest.from_dict({"root_type": "trace", "filters": [parsed]})


@pytest.mark.parametrize(
    ("text", "message"),
    [("number:x", "TYPE:COLUMN:OPERATOR:VALUE"), ("size:x:eq:1", "type 'size'"), ("{not json", "not valid JSON"),
     ("[1]", "TYPE:COLUMN:OPERATOR:VALUE")],
)  # fmt: skip
def test_unreadable_filters_say_what_is_expected(text: str, message: str) -> None:
    with pytest.raises(FilterSyntaxError, match=message):
        parse_filter(text)


def test_sort_defaults_to_descending_and_keeps_colons_in_the_column() -> None:
    assert parse_sort("created_at") == {"column_id": "created_at", "ascending": False, "sort_type": "column"}
    assert parse_sort("created_at:asc")["ascending"] is True
    assert parse_sort("metrics/a:b:desc") == {"column_id": "metrics/a:b", "ascending": False, "sort_type": "column"}
