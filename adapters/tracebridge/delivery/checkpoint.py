"""Resume state for a killed export, written atomically next to the output.

The export saves a checkpoint each time the consumer has taken every record of a page (or, for a stream, every
``every`` records), so a resumed export starts after the last fully delivered unit. ``sink_state`` is whatever the
writer needs to cut its files back to that same point: the state of its output, given to each save.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from tracebridge.errors import CheckpointMismatchError

FORMAT_VERSION = 3
"""2: committed ids are namespaced by record kind (``v4_log:data_1``), as the intake dedupes them.
3: each line of the ids file is the id as a JSON string: an id may hold a line break or a lone surrogate."""


@attrs.define
class Checkpoint:
    path: Path
    job: dict[str, Any] = attrs.field(factory=dict)
    """What is being exported (endpoint and parameters, never the key); a resume must ask for the same job."""
    pages_done: dict[str, list[int]] = attrs.field(factory=dict)
    """Finished page numbers per listing (an evaluation's evaluatees are separate listings)."""
    totals: dict[str, int] = attrs.field(factory=dict)
    """Each listing's ``total`` when the export started: what a resumed export still owes."""
    seen_count: int = 0
    """How many ids of the ids file (``<path>.ids``, one source id per line, appended) are committed."""
    seen_bytes: int = 0
    """Where the committed part of the ids file ends; anything after it was written by a run that then died."""
    streamed: int = 0
    """Records of a stream already delivered, for a restart that skips them."""
    stream_fingerprint: str = ""
    snapshot_at: str = ""
    """The ``created_at`` cutoff a stream was pinned to; a resumed stream asks for the same snapshot."""
    kept_once: list[str] = attrs.field(factory=list)
    """The shared records (definitions, versions, experiments) delivered so far: a resumed export skips them."""
    sink_state: dict[str, Any] = attrs.field(factory=dict)
    """The output's state at the last save: what a resumed writer cuts its files back to."""
    counted: dict[str, int] = attrs.field(factory=dict)
    """The report's counters at the last save (fetched, duplicates, rejected...): a source that skips what was
    delivered (finished pages) rather than re-reading it carries them on, so a resumed run reports the whole export."""
    inputs: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    """The identity of each input file a file import read (size, modification time, hash of its head), by path: a
    resumed import that skips by position refuses files that changed since (``imports.identity``)."""

    @classmethod
    def load_or_new(cls, path: Path, job: dict[str, Any]) -> Checkpoint:
        """The checkpoint at ``path`` if there is one for ``job``, else a fresh one.

        ``CheckpointMismatchError`` for another job's, or another format's."""
        if not path.exists():
            return cls(path=path, job=job)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT_VERSION:
            raise CheckpointMismatchError(
                f"{path}: written by a tracebridge with checkpoint format {data.get('format')!r}, this one reads "
                f"{FORMAT_VERSION}: finish that run with the version that started it, or start over with --overwrite"
            )
        if data.get("job") != job:
            raise CheckpointMismatchError(
                f"{path}: this checkpoint is for another export ({data.get('job')}), not this one ({job}): finish that "
                "export with its own command and --resume, or start this one over with --overwrite or another --out"
            )
        return cls(
            path=path,
            job=job,
            pages_done={k: list(v) for k, v in data.get("pages_done", {}).items()},
            totals={k: int(v) for k, v in data.get("totals", {}).items()},
            seen_count=int(data.get("seen_count", 0)),
            seen_bytes=int(data.get("seen_bytes", 0)),
            streamed=int(data.get("streamed", 0)),
            stream_fingerprint=str(data.get("stream_fingerprint", "")),
            snapshot_at=str(data.get("snapshot_at", "")),
            kept_once=[str(key) for key in data.get("kept_once", [])],
            sink_state=dict(data.get("sink_state", {})),
            counted={str(k): int(v) for k, v in data.get("counted", {}).items()},
            inputs={str(k): dict(v) for k, v in data.get("inputs", {}).items()},
        )

    @property
    def ids_path(self) -> Path:
        return self.path.with_name(self.path.name + ".ids")

    def committed_ids(self) -> list[str]:
        """The ids delivered before the last save; lines appended after it (a crash mid-page) are ignored."""
        if not self.seen_count:
            return []
        with self.ids_path.open("rb") as handle:
            ids = [json.loads(line) for line in handle.read(self.seen_bytes).decode("ascii").splitlines()]
        if len(ids) < self.seen_count:
            raise ValueError(f"{self.ids_path}: holds {len(ids)} ids, the checkpoint expects {self.seen_count}")
        return ids

    def save(self, new_ids: Sequence[str] = (), *, output_state: dict[str, Any] | None = None) -> None:
        """Commit ``new_ids`` (delivered since the last save), the output's state and the rest, atomically.

        Ids are appended, so a save costs what the page cost, not what the whole export has cost so far; the JSON
        file, replaced atomically, says how many of those lines count.
        """
        if new_ids:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            block = "".join(f"{json.dumps(source_id)}\n" for source_id in new_ids).encode("ascii")
            with self.ids_path.open("r+b" if self.ids_path.exists() else "wb") as handle:
                handle.seek(self.seen_bytes)
                handle.truncate()
                handle.write(block)
                handle.flush()
                os.fsync(handle.fileno())
            self.seen_count += len(new_ids)
            self.seen_bytes += len(block)
        if output_state is not None:
            self.sink_state = output_state
        payload = {
            "format": FORMAT_VERSION,
            "job": self.job,
            "pages_done": self.pages_done,
            "totals": self.totals,
            "seen_count": self.seen_count,
            "seen_bytes": self.seen_bytes,
            "streamed": self.streamed,
            "stream_fingerprint": self.stream_fingerprint,
            "snapshot_at": self.snapshot_at,
            "kept_once": self.kept_once,
            "sink_state": self.sink_state,
            "counted": self.counted,
            "inputs": self.inputs,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(payload, handle, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
        self.ids_path.unlink(missing_ok=True)
