"""The text formats' common ground: one staged file per record type, its byte offset and row count the checkpoint.

JSONL and CSV differ only in how a record becomes bytes (and CSV's header row). Opening the files under
``.partial/``, taking their state, finishing them for the publishing step and keeping them on ``abort`` are the same,
so they live here once.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.layout import TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import Move, StagedFile


class TableFilesSink(Sink):
    """``<table><extension>`` for each record type in ``out_dir``, staged under ``staging`` (default ``.partial/``)."""

    extension: ClassVar[str]

    def __init__(self, out_dir: Path, *, resume: bool = False, staging: Path | None = None) -> None:
        self.out_dir = out_dir
        staging = staging if staging is not None else partial_dir(out_dir)
        self._files = {
            record_type: StagedFile(
                staging / f"{stem}{self.extension}", out_dir / f"{stem}{self.extension}", resume=resume
            )
            for record_type, stem in TABLES.items()
        }
        self._rows = dict.fromkeys(TABLES, 0)
        self._open = True

    def state(self) -> SinkState:
        return {
            record_type: {"bytes": staged.sync(), "rows": self._rows[record_type]}
            for record_type, staged in self._files.items()
        }

    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        """Every file fsynced and closed, complete under ``.partial/``; the files stay there for ``abort``."""
        self._open = False
        return [staged.finish() for staged in self._files.values()]

    def abort(self, *, discard: bool = False) -> None:
        """Close the staged files (kept for a resume unless ``discard``); after ``finish`` too, as publishing failed."""
        for staged in self._files.values():
            staged.discard() if discard else staged.close()
        self._open = False

    def files(self) -> list[str]:
        return [staged.final.name for staged in self._files.values()]
