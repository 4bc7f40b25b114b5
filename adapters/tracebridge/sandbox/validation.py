"""Request validation with the vendors' error shape: ``422 {"detail": [{loc, msg, type, input}]}``.

Both vendors run FastAPI, so a bad query parameter or body field is reported per field with pydantic's messages and
types; clients (and their tests) key on ``loc`` and ``type``, so the sandbox reports problems the same way, all of them
at once rather than the first only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

Loc = tuple[str | int, ...]


@attrs.frozen
class Problem:
    loc: Loc
    msg: str
    type: str
    input: Any = None

    def as_json(self) -> dict[str, Any]:
        return {"loc": list(self.loc), "msg": self.msg, "type": self.type, "input": self.input}


class Invalid(Exception):
    """Raised with every problem of a request; the server answers 422 with them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in problems))
        self.problems = tuple(problems)


def query_int(
    query: Mapping[str, Sequence[str]],
    name: str,
    *,
    default: int,
    minimum: int | None = None,
    maximum: int | None = None,
    problems: list[Problem],
) -> int:
    """An integer query parameter (the last one when repeated), checked against its bounds."""
    values = query.get(name)
    if not values:
        return default
    text = values[-1]
    loc: Loc = ("query", name)
    try:
        value = int(text.strip())
    except ValueError:
        problems.append(
            Problem(loc, "Input should be a valid integer, unable to parse string as an integer", "int_parsing", text)
        )
        return default
    if minimum is not None and value < minimum:
        problems.append(Problem(loc, f"Input should be greater than or equal to {minimum}", "greater_than_equal", text))
    elif maximum is not None and value > maximum:
        problems.append(Problem(loc, f"Input should be less than or equal to {maximum}", "less_than_equal", text))
    return value


def field_type(value: Any, expected: type | tuple[type, ...], loc: Loc, name: str, problems: list[Problem]) -> bool:
    """Check a body field's JSON type (bool is not an int here, as in pydantic's strict-ish mode)."""
    ok = isinstance(value, expected) and not (isinstance(value, bool) and bool not in _as_tuple(expected))
    if not ok:
        problems.append(Problem(loc, f"Input should be a valid {name}", f"{name}_type", value))
    return ok


def _as_tuple(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)
