"""Publishing an output directory as one step: every finished file renamed into place, the manifest last, or nothing.

Why one step: a run publishes a dozen files or more (a file per record type per format, the DuckDB database,
``rejects.jsonl``) and then ``manifest.json``. Published one by one, a failure half-way (a rename refused, a disk
error) left some files new and some old, or new files and no manifest. So every format first builds its final files
under ``.partial/`` (``Sink.finish``) and only then does this module rename them all, in one go, with only renames left
to fail:

1. the previous run's ``manifest.json`` is moved aside first, so from the first rename on the directory no longer
   claims to hold the previous run;
2. each file: the previous run's file of that name, if any, is moved aside to ``.partial/replaced/``, and the new one
   renamed into place;
3. the directory is fsynced, and only then the new manifest renamed into place (and fsynced): a crash cannot persist
   the manifest before the files it lists.

If a rename fails, every rename done so far is undone in reverse order: the new files go back to their staged names
(a resume can still use them) and the previous run's files and manifest return, so the directory is what it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from tracebridge.sinks.layout import partial_dir
from tracebridge.sinks.staging import Move, fsync_dir

REPLACED_DIR = "replaced"
"""Under ``.partial/``: the previous run's files while the new ones are renamed over them."""


def _replaced(final: Path) -> Path:
    return partial_dir(final.parent) / REPLACED_DIR / final.name


class _Renames:
    """The renames done so far, to undo in reverse order if a later one fails."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path]] = []

    def rename(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        self.done.append((source, target))

    def set_aside(self, final: Path) -> None:
        """Move the previous run's ``final`` out of the way, if there is one."""
        if os.path.lexists(final):
            self.rename(final, _replaced(final))

    def undo(self, failure: BaseException) -> None:
        """Rename everything back; what cannot be put back is named on ``failure``, so the user can finish it."""
        for source, target in reversed(self.done):
            try:
                os.replace(target, source)
            except OSError as exc:
                failure.add_note(f"could not move {target} back to {source} ({exc.strerror or exc}): move it by hand")
        self.done.clear()


def publish_together(moves: Sequence[Move], *, seal: Move | None = None) -> None:
    """Rename every ``moves`` file into place, then ``seal`` (the manifest) last; on a failure, undo them all.

    The previous files that were replaced are deleted once everything is in place."""
    everything = [*moves, *([seal] if seal is not None else [])]
    set_aside = {partial_dir(move.final.parent) / REPLACED_DIR for move in everything}
    renames = _Renames()
    try:
        if seal is not None:
            renames.set_aside(seal.final)
        for move in moves:
            renames.set_aside(move.final)
            renames.rename(move.staged, move.final)
        for directory in {move.final.parent for move in moves}:
            fsync_dir(directory)
        if seal is not None:
            renames.rename(seal.staged, seal.final)
            fsync_dir(seal.final.parent)
    except BaseException as exc:
        renames.undo(exc)
        for directory in set_aside:
            with contextlib.suppress(OSError):
                directory.rmdir()  # empty again, unless a file could not be put back (the failure names it)
        raise
    for directory in set_aside:
        shutil.rmtree(directory, ignore_errors=True)
