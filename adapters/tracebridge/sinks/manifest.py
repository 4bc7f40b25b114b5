"""``manifest.json``: what an output directory holds, where it came from, and whether it is complete.

It is written last, atomically, after every data file is in place, so its presence means "this directory is one
finished run". It records the versions needed to read the files later (record schema, OTel semantic conventions,
tracebridge), the source and parameters (secrets removed: a manifest gets attached to tickets and committed to
repositories), the counts, the completeness report, and the timings.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from tracebridge._version import __version__
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.records import SCHEMA_VERSION
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.sinks.layout import MANIFEST_FILE, TABLES
from tracebridge.sinks.staging import publish
from tracebridge.sinks.text import escape_value

MANIFEST_VERSION = 1
"""The layout of manifest.json itself."""

SEMCONV_VERSION = "1.41.1"
"""The OpenTelemetry GenAI semantic conventions the attribute names follow."""

SECRET_NAME_PARTS = ("key", "token", "secret", "password", "authorization")
"""A parameter whose name contains one of these is dropped, whatever its value (``api_key``, ``auth_token``, ...)."""

SECRET_VALUE_PREFIXES = ("hl_sk_",)
"""Values that are API keys by their look (Humanloop keys), dropped whatever their parameter is called."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _is_secret(name: str, value: Any) -> bool:
    lowered = name.lower()
    if any(part in lowered for part in SECRET_NAME_PARTS):
        return True
    return _is_secret_value(value)


def _is_secret_value(value: Any) -> bool:
    return isinstance(value, ApiKey) or (isinstance(value, str) and value.startswith(SECRET_VALUE_PREFIXES))


def without_secrets(value: Any) -> Any:
    """``value`` with every secret-looking key or value removed and URL credentials masked, at any depth; other values
    kept as given."""
    if isinstance(value, Mapping):
        return {str(k): without_secrets(v) for k, v in value.items() if not _is_secret(str(k), v)}
    if isinstance(value, list | tuple):
        return [without_secrets(v) for v in value if not _is_secret_value(v)]
    if isinstance(value, str):
        return redact_url_credentials(value)
    return value


@attrs.define(kw_only=True)
class Manifest:
    """What the caller knows (source, parameters, completeness, start) plus what the sinks fill in at close."""

    source: str | dict[str, Any]
    """What was exported or imported, e.g. ``{"system": "humanloop", "endpoint": "v5 evaluation logs", ...}``."""
    parameters: dict[str, Any] = attrs.field(factory=dict)
    """What was read, beside the source: together they name the run (``tracebridge.sinks.ownership``)."""
    settings: dict[str, Any] = attrs.field(factory=dict)
    """How it was read (page size, concurrency): recorded, but a run with other settings is the same run."""
    completeness: CompletenessReport | None = None
    started_at: dt.datetime = attrs.field(factory=_utc_now)
    finished_at: dt.datetime | None = None
    counts: dict[str, int] = attrs.field(factory=dict)
    """Records written per ``record_type``; filled in by ``MultiSink.close``."""
    rejects: int = 0
    formats: list[str] = attrs.field(factory=list)
    files: dict[str, list[str]] = attrs.field(factory=dict)
    """File names (relative to the output directory) per format; ``rejects`` for the rejects file."""

    def to_dict(self) -> dict[str, Any]:
        finished = self.finished_at or _utc_now()
        return {
            "manifest_version": MANIFEST_VERSION,
            "schema_version": SCHEMA_VERSION,
            "semconv_version": SEMCONV_VERSION,
            "tracebridge_version": __version__,
            "source": without_secrets(self.source),
            "parameters": without_secrets(self.parameters),
            "settings": without_secrets(self.settings),
            "counts": {record_type: self.counts.get(record_type, 0) for record_type in TABLES},
            "rejects": self.rejects,
            "completeness": self.completeness.to_dict() if self.completeness is not None else None,
            "timings": {
                "started_at": self.started_at.isoformat(),
                "finished_at": finished.isoformat(),
                "seconds": round((finished - self.started_at).total_seconds(), 3),
            },
            "formats": list(self.formats),
            "files": {name: list(files) for name, files in self.files.items()},
        }


def stage_manifest(staged: Path, manifest: Manifest) -> None:
    """Write the manifest's text to ``staged`` and fsync it, for the output to rename into place last.

    Lone surrogates (a source file name that is not UTF-8) are escaped as in every output file (``sinks.text``)."""
    staged.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(escape_value(manifest.to_dict()), ensure_ascii=False, indent=2, default=str) + "\n"
    with staged.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def write_manifest(out_dir: Path, manifest: Manifest) -> Path:
    """Write ``manifest.json`` atomically (temporary file, fsync, rename); returns its path."""
    final = out_dir / MANIFEST_FILE
    temporary = out_dir / f".{MANIFEST_FILE}.tmp"
    stage_manifest(temporary, manifest)
    publish(temporary, final)
    return final
