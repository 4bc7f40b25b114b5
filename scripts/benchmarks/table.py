"""One row per contender and the table they make, as aligned text for the terminal and as Markdown for the docs."""

from __future__ import annotations

import attrs

HEADERS = (
    "contender",
    "wall s",
    "export s",
    "records/s",
    "peak RSS MB",
    "expected / written / unique",
    "complete",
    "vs tracebridge",
    "note",
)


@attrs.frozen
class Row:
    label: str
    expected: int | None
    wall_s: float | None = None
    """Process wall time, spawn to exit, as measured by the harness."""
    export_s: float | None = None
    """The worker's own time from creating its client to its last record written (None for the CLI and floors)."""
    rss_mb: float | None = None
    written: int | None = None
    unique: int | None = None
    failed: str | None = None
    """Why the contender did not finish: its error, the time limit, or why it was skipped."""
    projected_s: float | None = None
    """For a contender stopped at the time limit: its wall time scaled to the expected records."""
    floor: bool = False
    key: str = ""

    @property
    def complete(self) -> bool:
        return (
            self.failed is None
            and self.written is not None
            and self.written == self.unique
            and (self.expected is None or self.unique == self.expected)
        )

    @property
    def seconds(self) -> float | None:
        """The figure compared across contenders: the measured wall time, or the projection of a stopped run."""
        return self.projected_s if self.projected_s is not None else self.wall_s

    def cells(self, baseline: float | None) -> list[str]:
        wall = "-" if self.wall_s is None else f"{self.wall_s:.2f}"
        if self.projected_s is not None:
            wall += f" (~{self.projected_s:.0f} projected)"
        rate = "-"
        if self.wall_s and self.written:
            rate = f"{self.written / self.wall_s:,.0f}"
        counts = "-" if self.floor else f"{_n(self.expected)} / {_n(self.written)} / {_n(self.unique)}"
        complete = "-" if self.floor else ("yes" if self.complete else "NO")
        ratio = "-"
        if baseline and self.seconds and (self.floor or self.complete or self.projected_s is not None):
            ratio = f"{self.seconds / baseline:.2f}x"
        return [
            self.label,
            wall,
            "-" if self.export_s is None else f"{self.export_s:.2f}",
            rate,
            "-" if self.rss_mb is None else f"{self.rss_mb:.0f}",
            counts,
            complete,
            ratio,
            self.note(baseline),
        ]

    def note(self, baseline: float | None) -> str:
        if self.floor and baseline and self.wall_s:
            return f"tracebridge (library) takes {baseline / self.wall_s:.2f}x the floor"
        return self.failed or ""


def _n(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"


def baseline_of(rows: list[Row]) -> float | None:
    return next((row.seconds for row in rows if row.key == "tracebridge" and row.seconds), None)


def text(title: str, rows: list[Row]) -> str:
    baseline = baseline_of(rows)
    table = [list(HEADERS), *(row.cells(baseline) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS) - 1)]
    lines = [title, "-" * len(title)]
    for line in table:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)) + "  " + line[-1])
    return "\n".join(lines)


def markdown(title: str, rows: list[Row]) -> str:
    baseline = baseline_of(rows)
    lines = [f"### {title}", "", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        cells = [cell.replace("|", "\\|") for cell in row.cells(baseline)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
