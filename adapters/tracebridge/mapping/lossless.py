"""Bookkeeping that makes every mapping lossless: what is not taken goes to ``extra``, at its original nesting.

A mapping wraps each source object in :class:`Fields` and *takes* the keys it maps. Whatever is left when the record
is built (unknown fields, fields this version does not map, unknown parts of nested objects) is the record's ``extra``.
Mapping by subtraction means a field added by the vendor tomorrow is kept without anyone writing code for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


class Fields:
    """A source object being mapped: ``take`` what is mapped, ``rest`` is everything else.

    ``child(key)`` opens a nested object the same way; its leftovers are put back under ``key`` by ``rest``, so
    ``extra`` mirrors the source structure (``extra["prompt"]["readme"]``, not a flattened ``prompt_readme``).
    """

    __slots__ = ("_children", "_rest")

    def __init__(self, source: Mapping[str, Any] | None) -> None:
        self._rest: dict[str, Any] = dict(source) if source else {}
        self._children: dict[str, Fields] | None = None

    def get(self, key: str) -> Any:
        """Look at a value without taking it (it stays in ``extra`` unless taken later)."""
        return self._rest.get(key)

    def take(self, key: str) -> Any:
        """The value of ``key`` (``None`` when absent), now counted as mapped."""
        return self._rest.pop(key, None)

    def take_str(self, key: str) -> str | None:
        """A string value, taken; a value of another type is left in ``extra`` and ``None`` is returned."""
        value = self._rest.pop(key, None)
        if value is None or type(value) is str:
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def take_number(self, key: str) -> int | float | None:
        """A number (not a boolean), taken; anything else stays in ``extra``."""
        value = self._rest.pop(key, None)
        if value is None or (type(value) is int or type(value) is float):
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def take_int(self, key: str) -> int | None:
        """An integer (not a boolean), taken; anything else stays in ``extra``."""
        value = self._rest.pop(key, None)
        if value is None or type(value) is int:
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def take_bool(self, key: str) -> bool | None:
        """A boolean, taken; anything else stays in ``extra``."""
        value = self._rest.pop(key, None)
        if value is None or type(value) is bool:
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def take_list(self, key: str) -> list[Any] | None:
        """A list, taken; anything else stays in ``extra``."""
        value = self._rest.pop(key, None)
        if value is None or type(value) is list:
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def take_dict(self, key: str) -> dict[str, Any] | None:
        """An object, taken whole; anything else stays in ``extra``."""
        value = self._rest.pop(key, None)
        if value is None or type(value) is dict:
            return value
        self._rest[key] = value  # another type: left in extra as written
        return None

    def child(self, key: str) -> Fields:
        """A nested object opened for mapping; a non-object value stays in ``extra`` untouched (empty ``Fields``)."""
        value = self._rest.get(key)
        is_object = isinstance(value, dict)
        child = Fields(value if is_object else None)
        if is_object:
            if self._children is None:
                self._children = {}
            self._children[key] = child
        elif value is None:
            self._rest.pop(key, None)
        return child

    def drop(self, key: str) -> None:
        """Count a field as mapped without reading it (it was mapped elsewhere, or it is redundant)."""
        self._rest.pop(key, None)

    def rest(self) -> dict[str, Any]:
        """Everything not taken, with opened children reduced to their own leftovers (empty ones removed)."""
        if self._children:
            for key, child in self._children.items():
                leftover = child.rest()
                if leftover:
                    self._rest[key] = leftover
                else:
                    self._rest.pop(key, None)
            self._children = None
        return self._rest


def put(attributes: dict[str, Any], key: str, value: Any) -> None:
    """Set an attribute unless the value is ``None`` (OTel attributes have no null; absence says the same)."""
    if value is not None:
        attributes[key] = value


Take = Callable[["Fields", str], Any]
"""One of the ``Fields.take*`` methods: how a field is taken (as a string, a number, whole...)."""


def put_taken(attributes: dict[str, Any], f: Fields, table: Iterable[tuple[str, Take, str]]) -> None:
    """For each ``(attribute, take, key)`` of ``table``, in order: ``put`` the attribute ``take(f, key)``.

    A mapping table reads as what it is (which source field lands under which name, taken how) rather than as a
    run of near-identical statements.
    """
    for attribute, take, key in table:
        value = take(f, key)
        if value is not None:
            attributes[attribute] = value


def as_mapping(record: Any) -> dict[str, Any]:
    """A generated model as the JSON shape it was parsed from; a mapping (a record read from a file) as-is.

    The adapters work on the JSON shape rather than the model attributes because ``to_dict()`` already merges each
    model's ``additional_properties`` back in: unknown fields reach ``extra`` with no per-model code, and a record read
    from a file needs no ``from_dict``/``to_dict`` round trip (the benchmark's hot path).
    """
    if isinstance(record, dict):
        return record
    if isinstance(record, Mapping):
        return dict(record)
    to_dict = getattr(record, "to_dict", None)
    if callable(to_dict):
        value = to_dict()
        if isinstance(value, dict):
            return value
    raise TypeError(f"expected a generated model or a mapping, got {type(record).__name__}")
