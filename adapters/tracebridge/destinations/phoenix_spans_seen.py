"""What the experiment runs need of the spans, kept on disk while the spans go by.

Experiment items come after every span (``send``'s order), and a Phoenix run wants its span's output, its times when
the item has none, and the judgments made within the experiment (which become experiment evaluations); its span's input
makes the example of a run whose example the source did not export (``phoenix_experiments``). Holding those
for every span in memory would grow with the export (a million spans, their outputs); a temporary SQLite file keeps
memory flat and costs a few milliseconds per batch of spans. Deleted when the send ends.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from tracebridge.json_codec import dumps_text, loads
from tracebridge.records import Evaluation, Span
from tracebridge.serialization import from_json_dict, to_json_dict

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spans (
    span_id TEXT PRIMARY KEY, input TEXT, output TEXT, start_ns INTEGER, end_ns INTEGER
);
CREATE TABLE IF NOT EXISTS judgments (
    span_id TEXT, experiment_id TEXT, evaluation_id TEXT, record TEXT, PRIMARY KEY (span_id, evaluation_id)
);
"""


@attrs.frozen
class SeenSpan:
    output: Any
    """The span's output as Phoenix shows it (text, or the JSON value), None when it has none."""
    start_ns: int | None
    end_ns: int | None
    input: dict[str, Any] | None = None
    """The span's input as a dataset example's (``{inputs, messages, text}``), None when it has none."""


class SpansSeen:
    """Outputs, times and experiment judgments by span id (see the module). ``close`` removes the file."""

    def __init__(self) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="tracebridge-phoenix-"))
        self._db = sqlite3.connect(self._dir / "spans.db")
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)

    def remember(self, rows: Iterable[tuple[Span, Any, Any]], judgments: Iterable[Evaluation]) -> None:
        """``rows``: each span with its input (see ``SeenSpan``) and output; ``judgments``: the evaluations of these
        spans made in an experiment."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO spans VALUES (?, ?, ?, ?, ?)",
                (
                    (span.span_id, None if found is None else dumps_text(found),
                     None if output is None else dumps_text(output), span.start_time_unix_nano,
                     span.end_time_unix_nano)
                    for span, found, output in rows
                ),
            )  # fmt: skip
            self._db.executemany(
                "INSERT OR REPLACE INTO judgments VALUES (?, ?, ?, ?)",
                (
                    (evaluation.span_id, evaluation.experiment_id, evaluation.evaluation_id,
                     dumps_text(to_json_dict(evaluation)))
                    for evaluation in judgments
                ),
            )  # fmt: skip

    def spans(self, span_ids: Sequence[str]) -> dict[str, SeenSpan]:
        found: dict[str, SeenSpan] = {}
        for chunk in _chunks(sorted(set(span_ids))):
            marks = ",".join("?" * len(chunk))
            for span_id, given, output, start, end in self._db.execute(
                f"SELECT span_id, input, output, start_ns, end_ns FROM spans WHERE span_id IN ({marks})", chunk
            ):
                found[span_id] = SeenSpan(
                    None if output is None else loads(output), start, end, None if given is None else loads(given)
                )
        return found

    def judgments(self, span_ids: Sequence[str]) -> dict[str, list[Evaluation]]:
        """The experiment judgments of each of ``span_ids``, in the order they were seen."""
        found: dict[str, list[Evaluation]] = {}
        for chunk in _chunks(sorted(set(span_ids))):
            marks = ",".join("?" * len(chunk))
            for span_id, record in self._db.execute(
                f"SELECT span_id, record FROM judgments WHERE span_id IN ({marks}) ORDER BY rowid", chunk
            ):
                evaluation = from_json_dict(loads(record))
                assert isinstance(evaluation, Evaluation)
                found.setdefault(span_id, []).append(evaluation)
        return found

    def close(self) -> None:
        self._db.close()
        shutil.rmtree(self._dir, ignore_errors=True)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    return (items[index : index + size] for index in range(0, len(items), size))
