"""Names Phoenix accepts, made from the source's paths and ids.

Phoenix names prompts (and prompt tags) by identifiers: ``^[a-z0-9]([_a-z0-9-]*[a-z0-9])?$`` (no upper case, no
space, no ``/``; anything else is a 422). Datasets only need a non-empty name, but they get the same treatment: one
rule for every name tracebridge makes, safe in a URL, and stable, so the same source path always gives the same name.
"""

from __future__ import annotations

import re
from typing import Final

IDENTIFIER: Final = re.compile(r"^[a-z0-9]([_a-z0-9-]*[a-z0-9])?$")
_OUTSIDE: Final = re.compile(r"[^a-z0-9_-]+")
MAX_LENGTH: Final = 200


def identifier(text: str, *, fallback: str = "tracebridge") -> str:
    """``text`` as a Phoenix identifier: lower case, every run of other characters one ``-``, no ``-``/``_`` at
    either end (``support/Weather Assistant`` -> ``support-weather-assistant``)."""
    name = _OUTSIDE.sub("-", text.lower())[:MAX_LENGTH].strip("-_")
    return name if IDENTIFIER.match(name) else fallback


def is_identifier(text: str) -> bool:
    return IDENTIFIER.match(text) is not None


def with_suffix(name: str, suffix: str) -> str:
    """``name`` told apart from another of the same name by ``suffix`` (a source id), still an identifier."""
    tail = identifier(suffix, fallback="")
    return identifier(f"{name[: MAX_LENGTH - len(tail) - 1]}-{tail}") if tail else name
