"""YAML for the tests, read by libyaml where PyYAML was built with it (its wheels for Linux and macOS are).

The specs and the vendor schemas are read by a dozen test modules, several at collection, so in every test worker:
PyYAML's pure-Python loader took ~2.5 s of each worker's start (0.8 s for the 316 KB Galileo schema subset alone),
libyaml a tenth of that, with equal results for every file read here.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when there is one."""
    return yaml.load(text, Loader=_LOADER)
