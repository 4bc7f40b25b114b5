"""Which run an output directory belongs to: one directory, one run.

A run is named by its source and parameters (``RunIdentity``: what was exported or imported, never how fast or with
which key). A finished run says so in ``manifest.json``; a run in progress, or one that was killed, in
``.partial/run.json``, written before its first file. Before a run writes anything, ``claim`` compares it with what
the directory holds:

- nothing of tracebridge's, or another finished run of the same source and parameters (a refresh): it may write, and
  the previous run's files that this run does not write again (another format) are removed once it publishes, so the
  directory never mixes two runs;
- a different run, finished or not, or record files without a manifest: refused with a message naming what is there
  and the two ways on (another ``--out``, or ``--overwrite``); a killed run's ``.partial/`` is named, with ``--resume``;
- ``--resume``: only the run that left ``.partial/`` may continue it (a refused resume names the run that did);
- ``--overwrite``: every file of tracebridge's in the directory is removed first; other files are never touched.

Whether another run is writing the directory at this very moment is not visible in these files: the run takes the
directory's lock first (``tracebridge.sinks.lock``), and only then claims it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from tracebridge.sinks.layout import (
    DUCKDB_FILE,
    LOCK_FILE,
    MANIFEST_FILE,
    PARTIAL_DIR,
    REJECTS_FILE,
    TABLES,
    partial_dir,
)
from tracebridge.sinks.manifest import without_secrets
from tracebridge.sinks.output import OutputUsageError
from tracebridge.sinks.text import escape_value

RUN_FILE: Final = "run.json"
"""In ``.partial/``: the identity of the run that is writing (or was, if it was killed) the directory."""

EXTENSIONS: Final = (".jsonl", ".csv", ".parquet")


def output_file_names() -> list[str]:
    """Every file name a run may publish in an output directory."""
    names = [f"{stem}{extension}" for stem in TABLES.values() for extension in EXTENSIONS]
    return [*names, DUCKDB_FILE, REJECTS_FILE, MANIFEST_FILE]


class OutputInUseError(OutputUsageError):
    """The output directory holds another run's files; the message says whose and how to go on."""


@attrs.frozen
class RunIdentity:
    """A run's source and parameters in the form its manifest stores them (JSON values, secrets removed)."""

    source: Any
    parameters: Any

    @classmethod
    def of(cls, source: Any, parameters: Mapping[str, Any]) -> RunIdentity:
        # Lone surrogates (a file name that is not UTF-8) escaped as the manifest writes them (``sinks.text``), so
        # the identity compares equal to the one read back from run.json or manifest.json.
        normal = json.loads(json.dumps([without_secrets(source), without_secrets(dict(parameters))], default=str))
        normal = escape_value(normal)
        return cls(source=normal[0], parameters=normal[1])

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunIdentity:
        return cls(source=data.get("source"), parameters=data.get("parameters"))

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "parameters": self.parameters}

    def describe(self) -> str:
        """One line: what the run read, e.g. ``humanloop POST /projects/{id}/export (project_id=pr_1, ...)``."""
        source = self.source
        if isinstance(source, Mapping):
            what = " ".join(str(value) for value in source.values() if value is not None)
        else:
            what = str(source)
        parameters = self.parameters if isinstance(self.parameters, Mapping) else {}
        shown = ", ".join(f"{key}={value}" for key, value in parameters.items() if value not in (None, [], {}))
        return f"{what} ({shown})" if shown else what


@attrs.frozen
class Claim:
    """What ``claim`` found: the files the previous run published, to remove those this run does not replace."""

    out_dir: Path
    previous_files: tuple[str, ...] = ()

    def release(self, published: Iterable[str]) -> None:
        """After this run published: remove the previous run's leftovers and this run's ``run.json``."""
        kept = set(published)
        for name in self.previous_files:
            if name not in kept:
                (self.out_dir / name).unlink(missing_ok=True)
        self.abandon()

    def abandon(self) -> None:
        """This run failed leaving nothing to resume: the directory is again what it was before it started."""
        staging = partial_dir(self.out_dir)
        (staging / RUN_FILE).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            staging.rmdir()


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _published_files(manifest: Mapping[str, Any]) -> list[str]:
    """The files a manifest lists, among the names tracebridge writes (a manifest is never trusted to name others)."""
    ours = set(output_file_names())
    files = manifest.get("files")
    names: list[str] = []
    if isinstance(files, Mapping):
        for group in files.values():
            if isinstance(group, list):
                names.extend(name for name in group if isinstance(name, str) and name in ours)
    return names


def _remove_everything_of_ours(out_dir: Path) -> None:
    for name in output_file_names():
        (out_dir / name).unlink(missing_ok=True)
    staging = partial_dir(out_dir)
    if not staging.is_dir():
        return
    for entry in staging.iterdir():
        if entry.name == LOCK_FILE:
            continue  # this run's lock (``sinks.lock``): removed, it would let a second run in beside this one
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _write_run_file(out_dir: Path, identity: RunIdentity, previous_files: Iterable[str]) -> None:
    """Record who is writing, and what the run it replaces had published (a killed refresh still owes their removal)."""
    staging = partial_dir(out_dir)
    staging.mkdir(parents=True, exist_ok=True)
    temporary = staging / f".{RUN_FILE}.tmp"
    data = {**identity.to_json(), "previous_files": sorted(previous_files)}
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, staging / RUN_FILE)


def claim(out_dir: Path, identity: RunIdentity, *, resume: bool = False, overwrite: bool = False) -> Claim:
    """Take ``out_dir`` for the run ``identity``, or raise ``OutputInUseError`` saying why it may not."""
    if resume and overwrite:
        raise OutputUsageError("--resume continues the run in --out and --overwrite discards it: choose one")
    if overwrite:
        _remove_everything_of_ours(out_dir)
        _write_run_file(out_dir, identity, ())
        return Claim(out_dir)
    manifest = _read_json(out_dir / MANIFEST_FILE)
    running = _read_json(partial_dir(out_dir) / RUN_FILE)
    where = f"--out {out_dir}"
    if running is not None and RunIdentity.from_json(running) != identity:
        other = RunIdentity.from_json(running).describe()
        raise OutputInUseError(
            f"{where} holds an unfinished run of {other} in {out_dir / PARTIAL_DIR}/: finish it with its own command "
            "and --resume, or choose another --out, or add --overwrite to discard it"
        )
    if manifest is not None and RunIdentity.from_json(manifest) != identity:
        other = RunIdentity.from_json(manifest).describe() if manifest else "an unreadable manifest.json"
        raise OutputInUseError(
            f"{where} holds the output of another run, {other}: choose another --out, or add --overwrite to replace it"
        )
    present = [name for name in output_file_names() if (out_dir / name).exists()]
    if manifest is None and running is None and present:
        shown = ", ".join(present[:3]) + (", ..." if len(present) > 3 else "")
        raise OutputInUseError(
            f"{where} holds {shown} but no {MANIFEST_FILE}: not a finished tracebridge run this one can replace; "
            "choose another --out, or add --overwrite to replace those files"
        )
    previous = set(_published_files(manifest or {}))
    if running is not None:
        previous.update(_published_files({"files": {"previous": running.get("previous_files")}}))
    _write_run_file(out_dir, identity, previous)
    return Claim(out_dir, tuple(sorted(previous)))
