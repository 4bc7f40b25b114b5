"""Galileo export filters and sort: validated like the vendor validates them, evaluated on root records.

Filters are discriminated by ``type`` (id, date, number, boolean, collection, text), each with its own operators; a
column must exist and be of the filter's kind, so a typo fails with a 422 naming the field instead of silently
matching nothing. Column ids are record fields (``input``, ``created_at``, ``tags``...) or paths into the open maps
(``metrics/<key>``, ``user_metadata/<key>``), as Galileo names them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from tracebridge.sandbox.validation import Problem

FILTER_OPERATORS: Mapping[str, tuple[str, ...]] = {
    "id": ("eq", "ne", "one_of", "not_in", "contains"),
    "date": ("eq", "ne", "gt", "gte", "lt", "lte"),
    "number": ("eq", "ne", "gt", "gte", "lt", "lte", "between"),
    "boolean": ("eq", "ne"),
    "collection": ("eq", "contains", "one_of", "not_in"),
    "text": ("eq", "ne", "contains", "one_of", "not_in"),
}
DEFAULT_OPERATOR = {"id": "eq", "boolean": "eq"}
"""Kinds whose ``operator`` may be omitted."""

COLUMNS: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "id",
            "session_id",
            "trace_id",
            "parent_id",
            "project_id",
            "run_id",
            "previous_session_id",
            "metrics_batch_id",
            "session_batch_id",
        ),
        "id",
    ),
    **dict.fromkeys(("created_at", "updated_at"), "date"),
    **dict.fromkeys(
        (
            "status_code",
            "step_number",
            "temperature",
            "num_traces",
            "num_spans",
            "control_id",
            "overall_annotation_agreement",
        ),
        "number",
    ),
    **dict.fromkeys(("has_children", "is_complete", "fully_annotated"), "boolean"),
    **dict.fromkeys(("tags", "file_modalities", "file_ids", "annotation_queue_ids"), "collection"),
    **dict.fromkeys(
        (
            "type",
            "name",
            "input",
            "output",
            "external_id",
            "dataset_input",
            "dataset_output",
            "model",
            "finish_reason",
            "agent_type",
            "tool_call_id",
            "error_message",
            "progress_message",
            "agent_name",
            "check_stage",
            "applies_to",
            "evaluator_name",
            "selector_path",
        ),
        "text",
    ),
}
"""Standard columns and the filter kind each takes."""
MAP_COLUMNS = {"metrics": "number", "user_metadata": "text", "dataset_metadata": "text"}
"""``<map>/<key>`` columns and their kind."""


def column_kind(column_id: str) -> str | None:
    """The filter kind of a column, None when no such column exists."""
    if column_id in COLUMNS:
        return COLUMNS[column_id]
    head, sep, key = column_id.partition("/")
    return MAP_COLUMNS.get(head) if sep and key else None


def column_value(record: Mapping[str, Any], column_id: str) -> Any:
    """The value of a column on a record (None when absent)."""
    if column_id in record:
        return record[column_id]
    head, sep, key = column_id.partition("/")
    if sep:
        container = record.get(head)
        if isinstance(container, Mapping):
            return container.get(key)
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _parse_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


Predicate = Callable[[Mapping[str, Any]], bool]


@attrs.frozen
class Filter:
    column_id: str
    kind: str
    operator: str
    value: Any
    case_sensitive: bool = True

    def predicate(self) -> Predicate:
        getter = self.column_id
        op = self.operator
        if self.kind == "date":
            bound = _parse_date(self.value)
            assert bound is not None
            compare = _COMPARE[op]
            return lambda r: (d := _parse_date(column_value(r, getter))) is not None and compare(d, bound)
        if self.kind == "number":
            if op == "between":
                low, high = (float(v) for v in self.value)
                return lambda r: _is_number(v := column_value(r, getter)) and low <= v <= high
            bound_n = float(self.value)
            compare = _COMPARE[op]
            return lambda r: _is_number(v := column_value(r, getter)) and compare(v, bound_n)
        if self.kind == "boolean":
            want = bool(self.value)
            if op == "eq":
                return lambda r: column_value(r, getter) is want
            return lambda r: column_value(r, getter) is not want
        fold: Callable[[str], str] = (lambda s: s) if self.case_sensitive or self.kind == "id" else str.casefold
        if self.kind == "collection":
            wanted = [fold(v) for v in ([self.value] if isinstance(self.value, str) else self.value)]

            def items(r: Mapping[str, Any]) -> list[str]:
                value = column_value(r, getter)
                return [fold(str(v)) for v in value] if isinstance(value, list) else []

            if op == "eq":
                return lambda r: items(r) == wanted
            if op == "contains":
                return lambda r: all(w in items(r) for w in wanted)
            if op == "one_of":
                return lambda r: any(w in items(r) for w in wanted)
            return lambda r: not any(w in items(r) for w in wanted)
        # id and text
        values = [fold(str(v)) for v in self.value] if isinstance(self.value, list) else [fold(str(self.value))]

        def text(r: Mapping[str, Any]) -> str | None:
            value = _text(column_value(r, getter))
            return None if value is None else fold(value)

        if op == "eq":
            return lambda r: text(r) == values[0]
        if op == "ne":
            return lambda r: text(r) != values[0]
        if op == "contains":
            return lambda r: (t := text(r)) is not None and values[0] in t
        if op == "one_of":
            return lambda r: text(r) in values
        return lambda r: text(r) not in values


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value)


_COMPARE: Mapping[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a > b,
    "gte": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "lte": lambda a, b: a <= b,
}


@attrs.frozen
class Sort:
    column_id: str
    ascending: bool

    @property
    def is_native(self) -> bool:
        """Sorting by ``created_at`` follows generation order, so it needs no buffering."""
        return self.column_id == "created_at"

    def key(self, record: Mapping[str, Any]) -> tuple[int, Any]:
        """A key that sorts missing values last and compares mixed types without raising."""
        value = column_value(record, self.column_id)
        if value is None:
            return (2, "")
        if _is_number(value) or isinstance(value, bool):
            return (0, float(value))
        return (1, _text(value))


NATIVE_SORT = Sort("created_at", ascending=False)


def parse_filters(raw: Any, problems: list[Problem]) -> list[Filter]:
    """Validate the ``filters`` list of an export request; every problem found is appended to ``problems``."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(Problem(("body", "filters"), "Input should be a valid list", "list_type", raw))
        return []
    filters = []
    for index, item in enumerate(raw):
        loc: tuple[str | int, ...] = ("body", "filters", index)
        parsed = _parse_filter(item, loc, problems)
        if parsed is not None:
            filters.append(parsed)
    return filters


def _parse_filter(item: Any, loc: tuple[str | int, ...], problems: list[Problem]) -> Filter | None:
    if not isinstance(item, dict):
        problems.append(Problem(loc, "Input should be a valid dictionary or object", "model_attributes_type", item))
        return None
    kind = item.get("type")
    if not isinstance(kind, str) or kind not in FILTER_OPERATORS:
        expected = ", ".join(f"'{k}'" for k in FILTER_OPERATORS)
        problems.append(
            Problem(
                (*loc, "type"),
                f"Input tag '{kind}' found using 'type' does not match any of the expected tags: {expected}",
                "union_tag_invalid",
                item,
            )
        )
        return None
    start = len(problems)
    column_id = item.get("column_id")
    if not isinstance(column_id, str):
        problems.append(_missing_or_type((*loc, kind, "column_id"), item, "column_id", "string"))
    operator = item.get("operator", DEFAULT_OPERATOR.get(kind))
    if operator is None:
        problems.append(Problem((*loc, kind, "operator"), "Field required", "missing", item))
    elif operator not in FILTER_OPERATORS[kind]:
        allowed = FILTER_OPERATORS[kind]
        expected = ", ".join(f"'{op}'" for op in allowed[:-1]) + f" or '{allowed[-1]}'"
        problems.append(Problem((*loc, kind, "operator"), f"Input should be {expected}", "enum", operator))
    if "value" not in item:
        problems.append(Problem((*loc, kind, "value"), "Field required", "missing", item))
    else:
        _check_value(kind, operator, item["value"], (*loc, kind, "value"), problems)
    case_sensitive = item.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        problems.append(
            Problem((*loc, kind, "case_sensitive"), "Input should be a valid boolean", "bool_type", case_sensitive)
        )
    if isinstance(column_id, str):
        actual = column_kind(column_id)
        if actual is None:
            problems.append(
                Problem(
                    (*loc, kind, "column_id"), f"Value error, unknown column '{column_id}'", "value_error", column_id
                )
            )
        elif actual != kind and not (kind == "text" and actual == "id"):
            problems.append(
                Problem(
                    (*loc, kind, "column_id"),
                    f"Value error, column '{column_id}' takes a {actual} filter, not a {kind} filter",
                    "value_error",
                    column_id,
                )
            )
    if len(problems) > start:
        return None
    return Filter(str(column_id), str(kind), str(operator), item["value"], bool(case_sensitive))


def _missing_or_type(loc: tuple[str | int, ...], item: Mapping[str, Any], field: str, kind: str) -> Problem:
    if field not in item:
        return Problem(loc, "Field required", "missing", item)
    return Problem(loc, f"Input should be a valid {kind}", f"{kind}_type", item[field])


def _check_value(kind: str, operator: Any, value: Any, loc: tuple[str | int, ...], problems: list[Problem]) -> None:
    listy = operator in ("one_of", "not_in")
    if kind == "date":
        if _parse_date(value) is None:
            problems.append(
                Problem(loc, "Input should be a valid datetime with a timezone", "datetime_from_date_parsing", value)
            )
    elif kind == "number":
        if operator == "between":
            if not (isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)):
                problems.append(
                    Problem(loc, "Value error, 'between' takes a list [low, high] of two numbers", "value_error", value)
                )
        elif not _is_number(value):
            problems.append(Problem(loc, "Input should be a valid number", "float_type", value))
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(Problem(loc, "Input should be a valid boolean", "bool_type", value))
    elif isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            problems.append(Problem(loc, "Input should be a valid list of strings", "list_type", value))
        elif not listy and kind != "collection":
            problems.append(Problem(loc, f"Value error, '{operator}' takes a single string", "value_error", value))
    elif not isinstance(value, str):
        problems.append(Problem(loc, "Input should be a valid string", "string_type", value))


def parse_sort(raw: Any, problems: list[Problem]) -> Sort:
    """Validate the ``sort`` clause; ``None`` means the native order (created_at, newest first)."""
    if raw is None:
        return NATIVE_SORT
    loc: tuple[str | int, ...] = ("body", "sort")
    if not isinstance(raw, dict):
        problems.append(Problem(loc, "Input should be a valid dictionary or object", "model_attributes_type", raw))
        return NATIVE_SORT
    column_id = raw.get("column_id")
    ascending = raw.get("ascending", True)
    sort_type = raw.get("sort_type", "column")
    start = len(problems)
    if not isinstance(column_id, str):
        problems.append(_missing_or_type((*loc, "column_id"), raw, "column_id", "string"))
    elif column_kind(column_id) in (None, "collection"):
        problems.append(
            Problem((*loc, "column_id"), f"Value error, column '{column_id}' is not sortable", "value_error", column_id)
        )
    if not isinstance(ascending, bool):
        problems.append(Problem((*loc, "ascending"), "Input should be a valid boolean", "bool_type", ascending))
    if sort_type != "column":
        problems.append(Problem((*loc, "sort_type"), "Input should be 'column'", "literal_error", sort_type))
    if len(problems) > start:
        return NATIVE_SORT
    return Sort(str(column_id), bool(ascending))


def matches_all(filters: Sequence[Filter]) -> Predicate:
    """One predicate for a list of filters (all must match)."""
    predicates = [f.predicate() for f in filters]
    if not predicates:
        return lambda record: True
    return lambda record: all(p(record) for p in predicates)
