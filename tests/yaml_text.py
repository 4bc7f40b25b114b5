"""YAML for the tests, read by libyaml where PyYAML was built with it (its wheels for Linux and macOS are).

The specs and the vendor schemas are read by a dozen test modules, several at collection, so in every test worker.
libyaml reads each in about a tenth of the time (the 316 KB Galileo schema subset 0.79 -> 0.12 s, each spec ~0.15 ->
~0.02 s), with equal results for all four files read here; a whole collection went from 11.8 to 11.3 CPU s.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when there is one."""
    return yaml.load(text, Loader=_LOADER)
