"""Let hypothesis-jsonschema 0.23.1 (the latest release, which schemathesis 3.x generates data with) run on current
Hypothesis.

hypothesis-jsonschema draws object properties with Hypothesis's private ``many`` helper as ``while elements.more():
... elements.reject()``; Hypothesis 6.1xx turned ``many`` into a context manager iterated with ``for _ in elements``
and removed ``more()``, so every object schema fails with ``AttributeError: 'many' object has no attribute 'more'``.
``install()`` gives hypothesis-jsonschema an adapter with the old interface over the new helper. It is a no-op when
the installed Hypothesis still has ``more()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import _from_schema

_END = object()


class LegacyMany:
    """``many`` with the ``more()`` / ``reject()`` interface, driving the context-manager ``many`` underneath."""

    def __init__(self, data: Any, **kwargs: Any) -> None:
        self._many = conjecture_utils.many(data, **kwargs)
        self._many.__enter__()
        self._elements: Iterator[None] = iter(self._many)

    def more(self) -> bool:
        if next(self._elements, _END) is _END:
            self._many.__exit__(None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


class _Namespace:
    """Stands in for the ``utils`` module inside hypothesis-jsonschema: ``many`` replaced, the rest passed through."""

    many = LegacyMany

    def __getattr__(self, name: str) -> Any:
        return getattr(conjecture_utils, name)


def install() -> None:
    if hasattr(conjecture_utils.many, "more"):
        return
    _from_schema.cu = _Namespace()  # type: ignore[attr-defined]
