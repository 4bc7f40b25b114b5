"""Finding the v5 Logs that a Humanloop export holds twice: inside their parent, and again on their own line.

The adapter maps a Log's nested ``trace_children`` and ``evaluator_logs`` with their parent, and an evaluation log's
``log`` with its envelope. A first pass collects the ids of every Log found nested like that (or wrapped in an
envelope), so the standalone copies are dropped as duplicates whichever file or line comes first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tracebridge.humanloop.formats import is_evaluation_log
from tracebridge.humanloop.kinds import v5_log_identity

NESTING_KEYS = ("trace_children", "evaluator_logs")
_MARKERS = (b"trace_children", b"evaluator_logs", b'"log"')


def nested_log_identities(lines: Iterable[bytes]) -> Iterator[str]:
    """The identities of Logs held inside another record, in JSONL ``lines`` (unreadable lines are skipped)."""
    for line in lines:
        if not any(marker in line for marker in _MARKERS):
            continue
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            yield from (v5_log_identity(log_id) for log_id in _held(value))


def _held(record: dict[str, Any]) -> Iterator[str]:
    if is_evaluation_log(record):
        log = record["log"]
        if isinstance(log.get("id"), str):
            yield log["id"]
        yield from _held(log)
    for key in NESTING_KEYS:
        children = record.get(key)
        if not isinstance(children, list):
            continue
        for child in children:
            if isinstance(child, dict):
                if isinstance(child.get("id"), str):
                    yield child["id"]
                yield from _held(child)
