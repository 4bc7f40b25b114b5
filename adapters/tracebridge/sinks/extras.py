"""Optional dependencies (pyarrow, duckdb) imported only by the sink that needs them.

The default install has neither; asking for their format must say which extra to install, not show a bare
``ModuleNotFoundError`` from deep inside a sink.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from tracebridge.errors import TracebridgeError


class MissingExtraError(TracebridgeError):
    """An output format was asked for whose optional dependency is not installed."""


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` or explain which ``tracebridge[extra]`` provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"{purpose} needs {module.split('.', maxsplit=1)[0]}, which is not installed: "
            f"install tracebridge[{extra}] (pip install 'tracebridge[{extra}]')"
        ) from exc
