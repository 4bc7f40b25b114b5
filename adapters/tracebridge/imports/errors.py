"""The error for a file that cannot be imported at all (as opposed to one bad record in it, which is a reject)."""

from __future__ import annotations

from pathlib import Path

from tracebridge.errors import TracebridgeError


class ImportFormatError(TracebridgeError):
    """A path whose format cannot be told or read at all: empty, binary, not any export format, or not the one named.

    The message names the file and what was seen there, so the user can fix the command (or pass ``--from``).
    """

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem
