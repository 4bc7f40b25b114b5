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
        except (ValueError, RecursionError):  # the intake rejects the line itself, with its reason
            continue
        if isinstance(value, dict):
            yield from (v5_log_identity(log_id) for log_id in _held(value))


def _held(record: dict[str, Any]) -> Iterator[str]:
    """The ids of the Logs nested in ``record``, however deep (a stack, not recursion)."""
    pending = [record]
    while pending:
        current = pending.pop()
        nested: list[dict[str, Any]] = []
        if is_evaluation_log(current):
            nested.append(current["log"])
        for key in NESTING_KEYS:
            children = current.get(key)
            if isinstance(children, list):
                nested.extend(child for child in children if isinstance(child, dict))
        for child in nested:
            if isinstance(child.get("id"), str):
                yield child["id"]
        pending.extend(reversed(nested))
