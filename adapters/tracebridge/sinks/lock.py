"""One run at a time in an output directory: an exclusive lock on ``OUT/.partial/lock``, held for the whole run.

Why: two runs writing one ``--out`` at once truncate and append to the same staged files, and the one that finishes
last publishes a manifest that describes neither (the issue saw "4,000 spans, complete" over a file of 2,300 lines
and millions of NUL bytes). Ownership (``ownership.claim``) says whose files a directory holds; it cannot see a run
that is writing right now. So before it claims the directory, a run takes this lock, without waiting: a second run is
refused at once with ``OutputLockedError``, naming the run that holds it (pid, start, command).

Why ``flock`` and not a pid file: the operating system releases the lock when its holder dies, however it dies
(Ctrl-C, a crash, ``kill -9``), so a killed run never leaves a lock that blocks the next one, and no guess about
whether a pid is still alive (or reused) is made. The pid, start and command written into the file only feed the
message. On Windows, ``msvcrt.locking`` plays the same part.

The file is removed when the run ends. A run that opened it just before could then lock the removed file while a third
run creates a new one; so after locking, a run checks that the path still names the file it locked, and starts over
if not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from tracebridge.sinks.layout import LOCK_FILE, partial_dir
from tracebridge.sinks.ownership import OutputInUseError

ATTEMPTS = 20
"""Tries to lock a file that stays in place: each failed check means another run removed or replaced it meanwhile."""

_UNSUPPORTED = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS})
"""A file system that cannot lock files at all (some network mounts): the run goes on unlocked, with a warning."""

logger = logging.getLogger(__name__)


class OutputLockedError(OutputInUseError):
    """Another tracebridge run is writing the output directory right now."""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _WINDOWS_LOCK_OFFSET = 1 << 30
    """Far beyond the holder's text: a locked byte cannot be read, and the refused run reads the text."""

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno not in _UNSUPPORTED:
                raise
            logger.warning("%s: this file system cannot lock files; two runs into one --out would not be stopped", exc)
        return True


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (the previous holder may have removed it)."""
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _holder_text() -> bytes:
    holder = {
        "pid": os.getpid(),
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join(["tracebridge", *sys.argv[1:]]),
    }
    return json.dumps(holder, ensure_ascii=True).encode("ascii") + b"\n"


def _read_holder(fd: int) -> dict[str, Any]:
    """What the holder wrote about itself; empty if it has not yet (it locks first, then writes)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 1 << 16) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _refusal(out_dir: Path, holder: dict[str, Any]) -> OutputLockedError:
    known = [f"pid {holder['pid']}"] if "pid" in holder else ["pid unknown"]
    if holder.get("started_at"):
        known.append(f"started {holder['started_at']}")
    command = f": {holder['command']}" if holder.get("command") else ""
    return OutputLockedError(
        f"--out {out_dir} is being written by another tracebridge run ({', '.join(known)}{command}); wait for it to "
        "finish, or choose another --out"
    )


class OutputLock:
    """The lock of one output directory, held until ``release`` (or the end of a ``with`` block, or the process)."""

    def __init__(self, out_dir: Path, path: Path, fd: int) -> None:
        self.out_dir = out_dir
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        """Remove the lock file, then unlock (a run that opened the file meanwhile sees it is gone and starts over)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass  # Windows cannot remove an open file: the next run locks the same one
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()  # .partial/, when nothing else is left in it

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()


def lock_output(out_dir: Path) -> OutputLock:
    """Lock ``out_dir`` for this run, or raise ``OutputLockedError`` naming the run that holds it. Never waits."""
    path = partial_dir(out_dir) / LOCK_FILE
    for _ in range(ATTEMPTS):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:
            continue  # the holder removed .partial/ between the two calls
        try:
            if not _try_lock(fd):
                raise _refusal(out_dir, _read_holder(fd))
            if _same_file(fd, path):
                text = _holder_text()
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, text)
                return OutputLock(out_dir, path, fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    raise OutputLockedError(f"--out {out_dir}: {path} kept changing while this run tried to lock it; run again")
