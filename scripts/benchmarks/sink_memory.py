"""Peak memory per output format: ``tracebridge import`` of the same Galileo ``jsonl_flat`` file at two sizes.

Issue #15's target: for every output format, peak RSS at 1,000,000 records within 1.2x of that at 10,000. Each run is
the CLI as a user runs it (``tracebridge import FILE --format F --out DIR``), measured like every contender
(``harness.measure``: ``ru_maxrss`` of the process or of its largest reaped child, so a worker process mapping
records counts on its own, not added to the parent's). A run counts only if it exits 0 and its manifest holds one
span per source line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import attrs

from scripts.benchmarks import contenders as registry
from scripts.benchmarks.harness import PROJECT_PYTHON, measure

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
TARGET_RATIO = 1.2
HARD_LIMIT_S = 3600.0


@attrs.frozen
class MemoryRow:
    format: str
    small: int
    large: int
    small_mb: float | None = None
    large_mb: float | None = None
    small_s: float | None = None
    large_s: float | None = None
    failed: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.failed is not None or not self.small_mb or self.large_mb is None:
            return None
        return self.large_mb / self.small_mb

    @property
    def met(self) -> bool:
        return self.ratio is not None and self.ratio <= TARGET_RATIO

    def cells(self) -> list[str]:
        ratio = self.ratio
        seconds = ", ".join(f"{s:.1f} s" for s in (self.small_s, self.large_s) if s is not None)
        return [
            self.format,
            "-" if self.small_mb is None else f"{self.small_mb:.0f}",
            "-" if self.large_mb is None else f"{self.large_mb:.0f}",
            "-" if ratio is None else f"{ratio:.2f}x",
            "-" if ratio is None else ("yes" if self.met else "NO"),
            self.failed or (f"wall {seconds}" if seconds else ""),
        ]


def import_command(source: Path, out: Path, output_format: str) -> list[str]:
    """The command a user runs: the CLI's defaults (``--workers``: the machine's cores), no progress line."""
    tracebridge = str(PROJECT_PYTHON.with_name("tracebridge"))
    command = [tracebridge, "import", str(source), "--from", "galileo-jsonl-flat"]
    return [*command, "--format", output_format, "--out", str(out), "-q"]


def measure_import(source: Path, records: int, output_format: str, work: Path) -> tuple[float, float, str | None]:
    """(peak RSS MB, wall s, why it failed or None) of one import into a fresh directory, removed afterwards."""
    run_dir = work / f"sinks-{output_format}-{records}"
    registry.clean(run_dir)
    run_dir.mkdir(parents=True)
    out = run_dir / "tracebridge"
    try:
        measured = measure(
            import_command(source, out, output_format),
            env={},
            hard_limit_s=HARD_LIMIT_S,
            cwd=run_dir,
        )
        failed = None
        if measured.exit_code != 0:
            lines = [line for line in measured.stderr_tail.splitlines() if line.strip()]
            failed = f"exit {measured.exit_code}: {lines[-1][:200] if lines else '(no output)'}"
        else:
            spans = _spans_written(out)
            if spans != records:
                failed = f"{spans} of {records:,} spans written"
        return measured.peak_rss_mb, measured.wall_s, failed
    finally:
        registry.clean(run_dir)


def _spans_written(out: Path) -> int | None:
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    count = manifest.get("counts", {}).get("span")
    return count if isinstance(count, int) else None


def run(
    small: int, large: int, *, input_for: Callable[[int], Path], work: Path, say: Callable[[str], None]
) -> list[MemoryRow]:
    """Every format at ``small`` and ``large`` records; ``input_for(n)`` makes (once) the file of ``n`` lines."""
    rows: list[MemoryRow] = []
    for output_format in FORMATS:
        figures: dict[int, tuple[float, float, str | None]] = {}
        for records in (small, large):
            say(f"  sinks: --format {output_format}, {records:,} records ...")
            figures[records] = measure_import(input_for(records), records, output_format, work)
            rss, wall, failed = figures[records]
            say(f"    {rss:.0f} MB, {wall:.2f} s {failed or ''}")
        (small_mb, small_s, small_failed), (large_mb, large_s, large_failed) = figures[small], figures[large]
        rows.append(
            MemoryRow(
                output_format,
                small,
                large,
                small_mb,
                large_mb,
                small_s,
                large_s,
                failed=small_failed or large_failed,
            )
        )
    return rows


def _headers(small: int, large: int) -> list[str]:
    return [
        "format",
        f"peak RSS MB, {small:,} records",
        f"peak RSS MB, {large:,} records",
        f"{large:,} / {small:,}",
        f"at most {TARGET_RATIO:g}x?",
        "note",
    ]


def text(title: str, rows: list[MemoryRow]) -> str:
    if not rows:
        return title
    table = [_headers(rows[0].small, rows[0].large), *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]) - 1)]
    lines = [title, "-" * len(title)]
    for line in table:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)) + "  " + line[-1])
    return "\n".join(lines)


def markdown(title: str, rows: list[MemoryRow]) -> str:
    if not rows:
        return f"### {title}"
    headers = _headers(rows[0].small, rows[0].large)
    lines = [f"### {title}", "", "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |")
    return "\n".join(lines)
