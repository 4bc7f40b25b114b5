"""Documented exit codes of the ``tracebridge`` command (the README lists them)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    """Everything asked for was exported and written."""
    ERROR = 1
    """A failure: bad input, an HTTP error after retries, an unwritable output."""
    USAGE = 2
    """The command line itself was wrong (argparse uses 2 as well), or --out holds another run's output."""
    INCOMPLETE = 3
    """The export finished but fewer unique records arrived than the source reported."""
    INTERRUPTED = 130
    """Ctrl-C (SIGINT), as shells report it (128 + 2); the message says whether --resume continues the run."""
