"""The file formats ``tracebridge import`` reads, by the names ``--from`` / ``from_format=`` accept.

The names and descriptions come from the vendors' wings (their light ``formats`` modules, so ``--help`` stays fast);
``imports.shapes`` pairs each name with how its files are read.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from tracebridge.galileo import formats as galileo
from tracebridge.humanloop import formats as humanloop

ImportFormat = Literal[
    "humanloop-export",
    "humanloop-v4-export",
    "humanloop-v5-evaluation-logs",
    "humanloop-v5-logs",
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


def classify(record: dict[str, object]) -> str | None:
    """The format a single record belongs to, by its keys; None when it looks like none.

    Detection applies it to a file's first record, and the intake to every record, so a file that switches format
    part way has its foreign records rejected instead of mis-mapped (the generated models require little, so a
    Galileo record would otherwise parse as a v4 log).
    """
    return galileo.classify(record) or humanloop.classify(record)


def compatible(found: str, expected: str) -> bool:
    """True when a record (or file) classified as ``found`` belongs in a file of format ``expected``."""
    return found == expected or any(found in family and expected in family for family in FAMILIES)
