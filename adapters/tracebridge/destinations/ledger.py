"""What a destination has accepted, kept beside the output, so a record is sent once however often ``send`` runs.

One file per target (``OUT/.sent/<target>.jsonl``; for ``--send-to`` with no output directory, the same name in a
state directory: ``destinations.live``): a line per accepted record, ``{"key": ..., "value": ...}``, the
key naming the record (``span:<span id>``, ``evaluation:<id>``, ``dataset_example:<id>``...) and the value what the
target answered that later records need (the id Phoenix gave an experiment, the version number Langfuse gave a
prompt), or ``true``. Lines are appended after the target accepted them and made durable before the next request, so
a killed ``send`` resumes after the last batch it knows was taken, and a second ``send`` of the same directory sends
nothing. A line cut short by the kill is ignored: its batch is sent again, which every target here takes as a repeat
(ids are deterministic: the same span, annotation or score).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from tracebridge.delivery.rejects import Reject
from tracebridge.json_codec import dumps_line

LEDGER_DIR: Final = ".sent"
SLUG_MAX: Final = 120


def ledger_name(target: str) -> str:
    """The file name of ``target``'s ledger (a description such as ``phoenix http://127.0.0.1:6006 project x``); a
    name cut to length ends in a digest of the whole target, so two long targets sharing a beginning keep two."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", target).strip("_") or "target"
    if len(slug) > SLUG_MAX:
        slug = f"{slug[: SLUG_MAX - 13]}-{hashlib.sha256(target.encode()).hexdigest()[:12]}"
    return f"{slug}.jsonl"


def ledger_path(out_dir: Path, target: str) -> Path:
    """The ledger of ``target`` for an output directory."""
    return out_dir / LEDGER_DIR / ledger_name(target)


def rejects_path(ledger: Path) -> Path:
    """Where the records a target refused go, with their reasons: beside its ledger."""
    return ledger.with_name(ledger.name.removesuffix(".jsonl") + ".rejects.jsonl")


class RejectsFile:
    """A target's rejects file, which a send appends to and never repeats itself in.

    The file outlives a send (it sits beside the ledger), and a second send of the same records meets the same
    refusals: appending them again would grow the file by a copy of every refusal on every re-run. A reject whose
    line the file already holds is therefore not written again (its line is its record, its location and its reason,
    so nothing is lost); the file's lines are read once, when the first reject arrives.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._held: set[bytes] | None = None

    def append(self, rejects: Iterable[Reject]) -> int:
        """Append the ``rejects`` the file does not hold yet (made if there are any); how many rejects were given."""
        lines = [dumps_line(reject.to_dict()) for reject in rejects]
        if not lines:
            return 0
        if self._held is None:
            try:
                self._held = set(self.path.read_bytes().splitlines(keepends=True))
            except FileNotFoundError:
                self._held = set()
        new = [line for line in dict.fromkeys(lines) if line not in self._held]
        if new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as handle:
                handle.write(b"".join(new))
            self._held.update(new)
        return len(lines)


def append_rejects(path: Path, rejects: Iterable[Reject]) -> int:
    """``RejectsFile(path).append(rejects)``: for a caller that appends once."""
    return RejectsFile(path).append(rejects)


def span_entry(span_id: str) -> str:
    """The ledger key of a span."""
    return f"span:{span_id}"


class Ledger:
    """The keys a target accepted (and what it answered for them), appended durably."""

    def __init__(self, path: Path | None) -> None:
        """``path`` None: a ledger kept in memory only (a stream sent with no output directory)."""
        self.path = path
        self._entries: dict[str, Any] = {}
        if path is not None and path.exists():
            data = path.read_bytes()
            whole = data[: data.rfind(b"\n") + 1]
            if len(whole) < len(data):
                # The last line of a killed run, cut short: dropped (its batch is sent again), so the next line
                # does not start in the middle of it.
                with path.open("r+b") as handle:
                    handle.truncate(len(whole))
            for line in whole.splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                    self._entries[entry["key"]] = entry.get("value", True)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Any:
        return self._entries.get(key)

    def keys_with_prefix(self, prefix: str) -> Iterable[str]:
        return (key for key in self._entries if key.startswith(prefix))

    def record(self, accepted: Mapping[str, Any]) -> None:
        """Remember what the target just accepted; durable (fsynced) before this returns."""
        new = {key: value for key, value in accepted.items() if self._entries.get(key) != value}
        if not new:
            return
        self._entries.update(new)
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        block = "".join(json.dumps({"key": key, "value": value}) + "\n" for key, value in new.items())
        with self.path.open("ab") as handle:
            handle.write(block.encode("utf-8", "surrogatepass"))
            handle.flush()
            os.fsync(handle.fileno())
