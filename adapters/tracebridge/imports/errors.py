"""The errors for a file that cannot be imported at all (as opposed to one bad record in it, which is a reject): one
whose content cannot be read as an export, and one the operating system will not let us read."""

from __future__ import annotations

import errno
import os
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


READ_HINTS = {
    errno.ENOENT: "check the path: name an export file or directory that exists",
    errno.EACCES: "you may not read it: fix its permissions (chmod +r), or run as a user who may",
    errno.EPERM: "you may not read it: fix its permissions (chmod +r), or run as a user who may",
    errno.EISDIR: "a directory is where a file was expected: name the directory itself to import every file in it",
    errno.ELOOP: "a symbolic link that points to itself, directly or not: name the file it should point to",
    errno.EIO: "the disk reported an I/O error: check it (or copy the file elsewhere), then run again",
}
"""What to do about an input that cannot be read, by errno."""


class InputReadError(ImportFormatError):
    """An input file that the operating system will not let the import open or read (missing, a dangling link, no
    permission, a directory where a file was expected, an I/O error).

    Its message says "cannot read PATH: reason", and ``hint`` what to do: a bare ``OSError`` would be reported as a
    problem with the output (the command's advice for those is about ``--out``)."""

    def __init__(self, path: Path | str, reason: OSError | str, number: int | None = None) -> None:
        if isinstance(reason, OSError):
            number = reason.errno
            said = reason.strerror or str(reason) or type(reason).__name__
            text = said[:1].lower() + said[1:]  # "Permission denied" reads on after a colon
        else:
            text = reason
        super().__init__(path, text)
        self.args = (f"cannot read {path}: {text}",)
        self.errno = number
        self.hint = READ_HINTS.get(number or 0, "check that the path exists and that you may read it")

    def __str__(self) -> str:
        return str(self.args[0])


def missing_input(path: Path) -> InputReadError:
    """Why ``path``, which does not exist, cannot be read: missing, or a symbolic link to nothing."""
    if path.is_symlink():
        return InputReadError(path, f"a symbolic link to {os.readlink(path)}, which does not exist", errno.ENOENT)
    return InputReadError(path, "no such file or directory", errno.ENOENT)
