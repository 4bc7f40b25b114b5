"""Test-wide fixtures: the real sandbox server (``sandbox``, ``sandbox_factory``) for every test that talks HTTP.

Property tests are derandomized by default: the suite CI runs gives the same answer on every run, so a red run is
a change's doing, never a draw's. ``HYPOTHESIS_PROFILE=explore`` draws fresh examples on every run, to look for new
failures (how the image-part key collision in ``mapping/messages.py`` was found).
"""

import compileall
import os
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["tests.sandbox_plugin"]

settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Byte-compile the project's own code once, before any test process starts, as installing a wheel does.

    These machines set ``PYTHONDONTWRITEBYTECODE``, and an editable install leaves the sources uncompiled, so without
    this every process the tests start (a ``tracebridge`` command, a sandbox, a benchmark script, a pool's worker)
    compiled every module it imports again (what that cost: docs/benchmarks.md, "Fifth pass on #15"). Only the
    controller compiles (an xdist worker has ``workerinput``); stale files are recompiled, as Python checks each
    against its source's modification time."""
    if hasattr(config, "workerinput"):
        return
    for tree in ("adapters", "generated", "scripts", "tests"):
        compileall.compile_dir(ROOT / tree, quiet=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked ``slow`` first, each group in its own order: pytest-xdist hands tests out in this order, so
    the long ones start at once, one per worker, and the short ones fill in around them; a long test handed out last
    would run alone while the other workers sit idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
