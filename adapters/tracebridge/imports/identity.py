"""Which input files a checkpointed import read, so ``--resume`` can refuse files that changed since.

A resumed import skips the records the interrupted run delivered by counting them (the checkpoint's position), not
by matching them: if a file was rewritten in between (a new export saved over the old one), skipping the first N
records of the new file would leave records out and keep stale ones, silently. Each regular input file's identity is
saved with the checkpoint: its size, its modification time (in nanoseconds) and a SHA-256 of its first 64 KiB (a
rewrite that keeps the size and time, as ``cp -p`` or a restore from backup can, still shows in its head). Any
difference refuses the resume, naming the file and what changed.

A pipe (a FIFO, ``/dev/stdin``) has no identity to compare: what it sends is taken on trust, as the command says.
"""

from __future__ import annotations

import datetime
import hashlib
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tracebridge.errors import CheckpointMismatchError
from tracebridge.imports.errors import InputReadError

HEAD_BYTES = 64 * 1024
FIELDS = ("size", "mtime_ns", "head_sha256")


def identity(path: Path) -> dict[str, Any] | None:
    """The identity of the file at ``path``; None for a pipe or anything else that is not a regular file."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            return None
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise InputReadError(path, exc) from None
    return {"size": status.st_size, "mtime_ns": status.st_mtime_ns, "head_sha256": hashlib.sha256(head).hexdigest()}


def identities(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """The identity of every regular file among ``paths``, by path."""
    found = {}
    for path in paths:
        known = identity(path)
        if known is not None:
            found[str(path)] = known
    return found


def check_unchanged(recorded: Mapping[str, Mapping[str, Any]], current: Mapping[str, Mapping[str, Any]]) -> None:
    """``CheckpointMismatchError`` naming the first input that differs from what the interrupted run read."""
    for path, before in recorded.items():
        now = current.get(path)
        if now is None:
            _refuse(f"{path} is no longer among the files to import")
        elif (change := _change(before, now)) is not None:
            _refuse(f"{path} changed since the interrupted run ({change})")
    for path in current:
        if path not in recorded:
            _refuse(f"{path} was not among the files the interrupted run read")


def _change(before: Mapping[str, Any], now: Mapping[str, Any]) -> str | None:
    if before.get("size") != now["size"]:
        return f"size {before.get('size')} -> {now['size']} bytes"
    if before.get("head_sha256") != now["head_sha256"]:
        return f"its first {HEAD_BYTES // 1024} KiB differ"
    if before.get("mtime_ns") != now["mtime_ns"]:
        return f"modified {_when(before.get('mtime_ns'))} -> {_when(now['mtime_ns'])}"
    return None


def _when(mtime_ns: object) -> str:
    if not isinstance(mtime_ns, int):
        return repr(mtime_ns)
    moment = datetime.datetime.fromtimestamp(mtime_ns / 1e9, tz=datetime.UTC)
    return f"{moment:%Y-%m-%d %H:%M:%S}.{mtime_ns % 1_000_000_000:09d} UTC"


def _refuse(what: str) -> None:
    raise CheckpointMismatchError(
        f"{what}: the checkpoint's position would skip the wrong records; start over without --resume, or --overwrite"
    )
