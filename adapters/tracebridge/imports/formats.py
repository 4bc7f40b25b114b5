"""The file formats ``tracebridge import`` reads, by the names ``--from`` / ``from_format=`` accept."""

from __future__ import annotations

from typing import Final, Literal, get_args

ImportFormat = Literal[
    "humanloop-export",
    "humanloop-v4-export",
    "humanloop-v5-evaluation-logs",
    "humanloop-v5-logs",
    "galileo-jsonl",
    "galileo-jsonl-flat",
    "galileo-csv",
]
FORMATS: Final[tuple[str, ...]] = get_args(ImportFormat)
DESCRIPTIONS: Final[dict[str, str]] = {
    "humanloop-export": "a directory written by the humanloop-export tool (exports/<ts>/files/<file_id>/...)",
    "humanloop-v4-export": "v4 POST /projects/{id}/export dumps: JSON pages {records, page, size, total} or JSONL logs",
    "humanloop-v5-evaluation-logs": "v5 GET /evaluations/{id}/logs dumps (now or pre-Nov-2024 shape), pages or JSONL",
    "humanloop-v5-logs": "bare v5 logs (prompt, tool, flow, agent, evaluator) as JSONL, like an export's logs/N.jsonl",
    "galileo-jsonl": "Galileo export_records jsonl (one root per line, children nested)",
    "galileo-jsonl-flat": "Galileo export_records jsonl_flat (one node per line)",
    "galileo-csv": "Galileo export_records csv (header row; nested values as JSON text)",
}


def check_format(name: str) -> ImportFormat:
    """``name`` as a format, or a ValueError listing the known ones."""
    if name not in FORMATS:
        raise ValueError(f"unknown import format {name!r}: expected one of {', '.join(FORMATS)}")
    return name  # type: ignore[return-value]
