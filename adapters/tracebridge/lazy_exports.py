"""Names a package exports but imports only when first used (PEP 562 module ``__getattr__``).

Why: the package roots re-export what library users reach for (``from tracebridge import HumanloopClient``), and
some of it imports the generated clients, a few hundred milliseconds; commands such as ``tracebridge --help`` or
``tracebridge sandbox`` import the package too and must start without paying for what they do not use.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, modules: Mapping[str, str]) -> Callable[[str], Any]:
    """A ``__getattr__`` for ``package`` that imports each name from ``modules[name]`` on first use, then caches it."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
