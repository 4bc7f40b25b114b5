"""How many worker processes map an export by default, and how many records go by before they start.

Apart from ``delivery.workers`` (the pool, which imports asyncio, multiprocessing and the export machinery) because
``tracebridge --help`` shows both and the CLI builds its parser without any of that.
"""

from __future__ import annotations

import os

START_AFTER = 2000
"""Records mapped in the export's process before the pool starts (about the time starting the pool takes)."""


def default_count() -> int:
    """The machine's cores available to this process: the default ``--workers``."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
