"""The file formats ``tracebridge import`` reads, by the names ``--from`` / ``from_format=`` accept.

The names and descriptions come from the vendors' wings (their light ``formats`` modules, so ``--help`` stays fast);
``imports.shapes`` pairs each name with how its files are read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, get_args

import attrs

from tracebridge.galileo import formats as galileo
from tracebridge.humanloop import formats as humanloop

ImportFormat = Literal[
    "humanloop-export",
    "humanloop-v4-export",
    "humanloop-v4-datapoints",
    "humanloop-v5-evaluation-logs",
    "humanloop-v5-logs",
    "humanloop-v5-runs",
    "humanloop-v5-files",
    "humanloop-v5-datapoints",
    "humanloop-v5-evaluations",
    "galileo-jsonl",
    "galileo-jsonl-flat",
    "galileo-csv",
]
FORMATS: Final[tuple[str, ...]] = get_args(ImportFormat)
DESCRIPTIONS: Final[dict[str, str]] = {**humanloop.DESCRIPTIONS, **galileo.DESCRIPTIONS}
assert tuple(DESCRIPTIONS) == FORMATS, "ImportFormat names every format the wings declare, in their order"

FAMILIES: Final = (humanloop.FAMILY, galileo.FAMILY)
"""Formats whose records may share a file."""


def check_format(name: str) -> ImportFormat:
    """``name`` as a format, or a ValueError listing the known ones."""
    if name not in FORMATS:
        raise ValueError(f"unknown import format {name!r}: expected one of {', '.join(FORMATS)}")
    return name  # type: ignore[return-value]


@attrs.frozen
class Evidence:
    """Why a record (or a file's sample of records) looks like one format: the traits seen, and their weight."""

    format: str
    score: int
    traits: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.format} ({'; '.join(self.traits[:4])})"


WingEvidence = Callable[[Mapping[str, Any]], list[tuple[str, str, int]]]
"""A wing's ``evidence``: the traits of its formats a record shows, as ``(format, what was seen, weight)``."""
_WINGS: Final[tuple[tuple[WingEvidence, frozenset[str]], ...]] = (
    (galileo.evidence, frozenset(galileo.DESCRIPTIONS)),
    (humanloop.evidence, frozenset(humanloop.DESCRIPTIONS)),
)
"""Each wing's evidence, with every format it can name."""


def weigh(record: Mapping[str, Any]) -> list[Evidence]:
    """Every format ``record`` shows traits of, most evidence first; empty when it shows none."""
    by_format: dict[str, tuple[int, list[str]]] = {}
    for wing, _names in _WINGS:
        for fmt, seen, weight in wing(record):
            score, traits = by_format.get(fmt, (0, []))
            by_format[fmt] = (score + weight, [*traits, seen])
    found = [Evidence(fmt, score, tuple(traits)) for fmt, (score, traits) in by_format.items()]
    return sorted(found, key=lambda e: -e.score)


@functools.cache
def _foreign_evidence(file_format: str) -> tuple[tuple[WingEvidence, frozenset[str]], ...]:
    """The evidence of each wing able to name a format that does not belong in a file of ``file_format``, with
    those formats."""
    return tuple(
        (wing, foreign)
        for wing, names in _WINGS
        if (foreign := frozenset(name for name in names if not compatible(name, file_format)))
    )


def misfit(file_format: str, record: Mapping[str, Any]) -> str | None:
    """Why ``record`` is rejected from a file of ``file_format``: only when it positively looks like another format
    more than like its file's (a record lacking what its format makes optional still belongs)."""
    # Every record of an import is checked, so first the cheap answer: when no wing sees a trait of a format foreign
    # to the file, the best-scored format is the file's own (or its family's) and the record fits. Only otherwise is
    # it weighed in full (a Galileo span in a Galileo file: one wing's look instead of two and the weighing).
    if not any(fmt in foreign for wing, foreign in _foreign_evidence(file_format) for fmt, _, _ in wing(record)):
        return None
    found = weigh(record)
    if not found or compatible(found[0].format, file_format):
        return None
    own = next((e.score for e in found if compatible(e.format, file_format)), 0)
    if own >= found[0].score:
        return None
    return f"a {found[0].describe()} record in a {file_format} file: the file mixes formats"


def compatible(found: str, expected: str) -> bool:
    """True when a record (or file) classified as ``found`` belongs in a file of format ``expected``."""
    return found == expected or any(found in family and expected in family for family in FAMILIES)
