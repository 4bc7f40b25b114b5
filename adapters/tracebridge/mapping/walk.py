"""Deep trees without deep stacks: a recursive mapper written as a generator, driven by an explicit stack.

A vendor record may nest without bound (a Humanloop Log's ``trace_children`` hold Logs that hold their own, an agent's
steps can go hundreds deep), and a mapper that recursed would run out of Python's stack on a record the vendor
accepted, taking the whole file down with a ``RecursionError``. Written as a generator, the mapper keeps its natural
shape: where it would call itself, it yields the child to map and receives the child's records back
(``records = yield Child(item, ctx, path)``); ``walk`` runs the generators on a list, so depth costs memory, not
stack frames. Past ``MAX_DEPTH`` levels the record is refused with a ``MappingError`` (it goes to the rejects whole,
with the path where the limit was met), never the file it came in.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Final, Generic, TypeVar

import attrs

from tracebridge.mapping.errors import MappingError

MAX_DEPTH: Final = 1_000
"""Levels of nesting one record may have. Far beyond any real trace; the bound keeps a hostile record's cost bounded."""

C = TypeVar("C")
R = TypeVar("R")


@attrs.frozen
class Child(Generic[C]):
    """A nested item to map, with what it inherits from where it was found and its JSON path."""

    item: object
    context: C
    path: str


Mapper = Callable[[object, C, str], Generator[Child[C], R, R]]
"""Maps one item; yields each nested item as a ``Child`` and receives that child's result; returns its own result."""


def walk(mapper: Mapper[C, R], item: object, context: C, path: str) -> R:
    """``mapper`` applied to ``item`` and, through the children it yields, to everything nested in it."""
    stack = [mapper(item, context, path)]
    returned: list[R] = []  # the result of the generator that just finished, for its parent (empty: a new one starts)
    while True:
        current = stack[-1]
        try:
            child = current.send(returned.pop()) if returned else next(current)
        except StopIteration as finished:
            stack.pop()
            if not stack:
                return finished.value  # type: ignore[no-any-return]
            returned.append(finished.value)
            continue
        if len(stack) >= MAX_DEPTH:
            raise MappingError(f"nested deeper than {MAX_DEPTH} levels", record_id=None, field_path=child.path)
        stack.append(mapper(child.item, child.context, child.path))
