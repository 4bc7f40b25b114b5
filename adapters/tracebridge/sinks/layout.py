"""The fixed layout of an output directory: which file holds what, in every format.

One name per record type, the same stem in every format (``spans.jsonl``, ``spans.csv``, ``spans.parquet``, table
``spans``), so a user who learned one format knows where to look in the others. All are always written, even
empty: an empty file says "the source had none", a missing one would leave the reader guessing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from tracebridge.records import RECORD_CLASSES

TABLES: Final[dict[str, str]] = {
    "span": "spans",
    "evaluation": "evaluations",
    "session": "sessions",
    "dataset_example": "dataset_examples",
    "experiment": "experiments",
    "experiment_item": "experiment_items",
    "definition": "definitions",
    "definition_version": "definition_versions",
}
"""``record_type`` -> file stem and table name, in the order the records module defines the types."""

assert set(TABLES) == set(RECORD_CLASSES), "every record type needs a file name"

REJECTS_FILE: Final = "rejects.jsonl"
MANIFEST_FILE: Final = "manifest.json"
DUCKDB_FILE: Final = "tracebridge.duckdb"
PARTIAL_DIR: Final = ".partial"
"""Work in progress lives here and is renamed into place only when the run completes."""
LOCK_FILE: Final = "lock"
"""In ``.partial/``: locked by the run writing the directory (``tracebridge.sinks.lock``)."""

STDOUT: Final = "-"
"""``--out -``: JSONL on standard output."""


def partial_dir(out_dir: Path) -> Path:
    return out_dir / PARTIAL_DIR
