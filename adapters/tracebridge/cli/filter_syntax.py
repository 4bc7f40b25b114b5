"""``--filter`` and ``--sort`` of ``tracebridge export galileo``: a short form for the shell, JSON for the rest.

Short form: ``TYPE:COLUMN:OPERATOR:VALUE``, e.g. ``number:metrics/duration_ns:gt:1000``, ``text:input:contains:refund``,
``id:id:one_of:a,b,c``. The value is read as JSON when it parses (numbers, booleans, lists) and as text otherwise;
``one_of`` / ``not_in`` split a non-JSON value on commas. Anything the short form cannot say (``case_sensitive``,
values containing ``:`` in the column) is written as the JSON object the API takes. The request body is validated
against the spec before anything is sent, so a wrong operator is reported here, not as a 422.
"""

from __future__ import annotations

import json
from typing import Any

FILTER_TYPES = ("id", "date", "number", "boolean", "collection", "text")
LIST_OPERATORS = ("one_of", "not_in")
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("type", "column_id", "value"),
    "date": ("type", "column_id", "operator", "value"),
    "number": ("type", "column_id", "operator", "value"),
    "boolean": ("type", "column_id", "value"),
    "collection": ("type", "column_id", "operator", "value"),
    "text": ("type", "column_id", "operator", "value"),
}
"""The keys each filter type requires (``required`` of ``LogRecords*Filter`` in ``specs/galileo.yaml``). Written out
rather than read from the generated models, which ``--help`` must not import; ``tests/cli`` checks them against the
spec. The generated ``from_dict`` meets a missing key with a bare ``KeyError``, so a JSON filter is checked here."""


class FilterSyntaxError(ValueError):
    """A ``--filter`` or ``--sort`` that cannot be read; the message shows the expected forms."""


def parse_filter(text: str) -> dict[str, Any]:
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            value = json.loads(stripped)
        except ValueError as exc:
            raise FilterSyntaxError(f"--filter {text!r}: not valid JSON ({exc})") from exc
        if not isinstance(value, dict):
            raise FilterSyntaxError(f"--filter {text!r}: the JSON form must be an object")
        _check_keys(text, value)
        return value
    parts = stripped.split(":", 3)
    if len(parts) != 4 or not all(parts[:3]):
        raise FilterSyntaxError(
            f"--filter {text!r}: expected TYPE:COLUMN:OPERATOR:VALUE (e.g. number:metrics/duration_ns:gt:1000) "
            "or a JSON object"
        )
    kind, column, operator, raw_value = parts
    if kind not in FILTER_TYPES:
        raise FilterSyntaxError(f"--filter {text!r}: type {kind!r} is not one of {', '.join(FILTER_TYPES)}")
    return {"type": kind, "column_id": column, "operator": operator, "value": _value(kind, operator, raw_value)}


def _check_keys(text: str, value: dict[str, Any]) -> None:
    """A JSON filter names a known type and every key that type requires."""
    kind = value.get("type")
    if "type" not in value:
        raise FilterSyntaxError(
            f"--filter {text!r}: missing the required key 'type' (one of {', '.join(FILTER_TYPES)})"
        )
    if kind not in REQUIRED_KEYS:
        raise FilterSyntaxError(f"--filter {text!r}: type {kind!r} is not one of {', '.join(FILTER_TYPES)}")
    missing = [key for key in REQUIRED_KEYS[kind] if key not in value]
    if missing:
        names = [repr(key) for key in missing]
        keys = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        raise FilterSyntaxError(
            f"--filter {text!r}: missing the required key{'s' if len(missing) > 1 else ''} {keys} "
            f"(a {kind} filter needs {', '.join(REQUIRED_KEYS[kind])})"
        )


def _value(kind: str, operator: str, raw: str) -> Any:
    if kind in ("text", "id", "date") and operator not in LIST_OPERATORS and operator != "between":
        return raw  # a date or an id is text even when it looks like a number
    try:
        return json.loads(raw)
    except ValueError:
        if operator in LIST_OPERATORS:
            return [item.strip() for item in raw.split(",") if item.strip()]
        return raw


def parse_sort(text: str) -> dict[str, Any]:
    """``COLUMN`` (descending, as Galileo sorts by default), ``COLUMN:asc`` or ``COLUMN:desc``."""
    column, _, direction = text.strip().rpartition(":")
    if not column or direction not in ("asc", "desc"):
        column, direction = text.strip(), "desc"
    if not column:
        raise FilterSyntaxError("--sort: expected COLUMN, COLUMN:asc or COLUMN:desc")
    return {"column_id": column, "ascending": direction == "asc", "sort_type": "column"}
