"""A file written under ``.partial/`` and renamed over its final name only on commit.

Why: a reader (or a user listing the output directory) must never take a half-written file for a complete one. Until
``commit`` the final name does not exist (or still holds the previous run's file); the rename is atomic on POSIX and
Windows. The offset of everything written so far is what a checkpoint stores, and ``truncate`` cuts back to it when a
killed run is resumed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import attrs

BUFFER_SIZE = 1 << 20
"""Writes go through a 1 MiB buffer: one syscall per few thousand records, not one per record."""


@attrs.frozen
class Move:
    """A finished file at ``staged`` (under ``.partial/``) that becomes ``final`` when the output is published."""

    staged: Path
    final: Path


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def publish(staged: Path, final: Path) -> None:
    """Rename a finished file into place atomically and durably."""
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, final)
    fsync_dir(final.parent)


class StagedFile:
    """An append-only binary file at ``partial`` that becomes ``final`` on ``commit``.

    ``resume=True`` keeps what an interrupted run left (``truncate`` then cuts it back to the checkpoint); otherwise
    the file starts empty.
    """

    def __init__(self, partial: Path, final: Path, *, resume: bool = False) -> None:
        self.partial = partial
        self.final = final
        partial.parent.mkdir(parents=True, exist_ok=True)
        handle: BinaryIO
        if resume and partial.exists():
            handle = open(partial, "r+b", buffering=BUFFER_SIZE)  # noqa: SIM115 - lives until commit or close
        else:
            handle = open(partial, "w+b", buffering=BUFFER_SIZE)  # noqa: SIM115
        handle.seek(0, os.SEEK_END)
        self._handle: BinaryIO | None = handle
        self._synced: int | None = None
        """The offset the last ``sync`` made durable: a file unchanged since is not fsynced again (a checkpoint
        touches every file, most pages add to a few)."""

    @property
    def handle(self) -> BinaryIO:
        if self._handle is None:
            raise ValueError(f"{self.partial}: already closed")
        return self._handle

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def offset(self) -> int:
        """Bytes written so far, buffered ones included."""
        return self.handle.tell()

    def sync(self) -> int:
        """Flush and fsync, so the returned offset is on disk before a checkpoint claims it."""
        handle = self.handle
        handle.flush()
        offset = handle.tell()
        if offset != self._synced:
            os.fsync(handle.fileno())
            self._synced = offset
        return offset

    def flush(self) -> None:
        self.handle.flush()

    def truncate(self, offset: int) -> None:
        """Cut the file back to ``offset``; an error if it is shorter (the checkpoint is not for this file)."""
        handle = self.handle
        handle.flush()
        size = handle.seek(0, os.SEEK_END)
        if size < offset:
            raise ValueError(f"{self.partial}: holds {size} bytes, the checkpoint expects at least {offset}")
        handle.truncate(offset)
        handle.seek(offset)
        self._synced = None

    @property
    def closed(self) -> bool:
        return self._handle is None

    def finish(self) -> Move:
        """Flush, fsync and close; the file is complete under ``partial``, for the output to publish with the rest."""
        if self._handle is not None:
            self.sync()
            self.close()
        return Move(self.partial, self.final)

    def commit(self) -> None:
        """Flush, fsync, close, and rename into place (a file published on its own)."""
        move = self.finish()
        publish(move.staged, move.final)

    def close(self) -> None:
        """Close without publishing: the partial file stays for a resume."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def discard(self) -> None:
        self.close()
        self.partial.unlink(missing_ok=True)
