"""The file formats ``tracebridge import`` reads, by the names ``--from`` / ``from_format=`` accept.

The names and descriptions come from the vendors' wings (their light ``formats`` modules, so ``--help`` stays fast);
``imports.shapes`` pairs each name with how its files are read.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def weigh(record: Mapping[str, Any]) -> list[Evidence]:
    """Every format ``record`` shows traits of, most evidence first; empty when it shows none."""
    by_format: dict[str, tuple[int, list[str]]] = {}
    for fmt, seen, weight in (*galileo.evidence(record), *humanloop.evidence(record)):
        score, traits = by_format.get(fmt, (0, []))
        by_format[fmt] = (score + weight, [*traits, seen])
    found = [Evidence(fmt, score, tuple(traits)) for fmt, (score, traits) in by_format.items()]
    return sorted(found, key=lambda e: -e.score)


def misfit(file_format: str, record: Mapping[str, Any]) -> str | None:
    """Why ``record`` is rejected from a file of ``file_format``: only when it positively looks like another format
    more than like its file's (a record lacking what its format makes optional still belongs)."""
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
