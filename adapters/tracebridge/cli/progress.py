"""A one-line progress display on stderr: records, pages, rate and ETA, redrawn in place.

Standard library only (a progress library would be a dependency for one line of text). Shown only when stderr is a
terminal and ``--quiet`` is not given, so pipes, CI logs and files never fill with carriage returns. Redraws are
throttled: a fast import calls it thousands of times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tracebridge.delivery.completeness import CompletenessReport

REDRAW_EVERY_S = 0.2


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _size(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "B" else f"{count:,.1f} {unit}"
        count /= 1000
    return f"{count:,.1f} GB"  # pragma: no cover - the loop always returns


class ProgressLine:
    """Redraws ``label: fetched/expected records, pages, rate, ETA`` on one terminal line."""

    def __init__(self, label: str, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def __call__(self, report: CompletenessReport, written: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw < REDRAW_EVERY_S:
            return
        self._last_draw = now
        self._draw(self.describe(report, written, now - self._started))

    @staticmethod
    def describe(report: CompletenessReport, written: int, elapsed: float) -> str:
        """The text of the line (without the label): what a user watching a long export wants to know."""
        done = report.unique + report.rejected
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = [f"{done:,}/{report.expected:,} records" if report.expected else f"{done:,} records"]
        if report.pages:
            parts.append(f"{report.pages:,} pages")
        if report.bytes_received:
            parts.append(_size(report.bytes_received))
        parts.append(f"{written:,} rows written")
        parts.append(f"{rate:,.0f} rec/s")
        if report.expected and rate > 0 and done < report.expected:
            parts.append(f"ETA {_duration((report.expected - done) / rate)}")
        if report.duplicates:
            parts.append(f"{report.duplicates:,} duplicates dropped")
        if report.rejected:
            parts.append(f"{report.rejected:,} rejected")
        return ", ".join(parts)

    def _draw(self, text: str) -> None:
        line = f"{self.label}: {text}"
        padding = " " * max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()

    def finish(self) -> None:
        """End the line so the summary that follows starts on a fresh one."""
        if self.enabled and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0
