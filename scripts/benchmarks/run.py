"""The benchmark run: for each chosen scenario, every contender against its own fresh sandbox, then one table.

Contenders run one after another, never side by side, so none competes with another for the machine's cores; the
sandbox runs in its own process beside the contender, as a remote API would.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from scripts.bench_normalize import galileo_span
from scripts.benchmarks import contenders as registry
from scripts.benchmarks.contenders import CONTENDERS, Contender
from scripts.benchmarks.harness import Coordinates, Measurement, SandboxOptions, measure, sandbox_process
from scripts.benchmarks.scenarios import Scale, Scenario
from scripts.benchmarks.table import Row
from scripts.benchmarks.workers.common import IDS_FILE

GRACE_S = 120.0
"""How long past its own time limit a contender may run before the harness kills it."""
TRACEBRIDGE_HARD_LIMIT_S = 3600.0
"""tracebridge contenders are never stopped early (their completeness is the point); this only guards the run."""


@contextmanager
def _sandbox(scenario: Scenario, records: int, seed: int) -> Iterator[Coordinates | None]:
    if scenario.kind == "normalize":
        yield None
        return
    options = SandboxOptions(records=records, latency_ms=scenario.latency_ms, faults=scenario.faults, seed=seed)
    with sandbox_process(options) as where:
        yield where


class Runner:
    def __init__(self, scale: Scale, *, work: Path, time_limit_s: float, seed: int, say: Callable[[str], None]) -> None:
        self.scale = scale
        self.work = work
        self.time_limit_s = time_limit_s
        self.seed = seed
        self.say = say
        self.cli = registry.cli_available()
        self._inputs: dict[int, Path] = {}

    def limit_of(self, contender: Contender) -> float:
        """The other contenders' time limit (0: none); a stopped contender's time is projected to the full export."""
        return 0.0 if contender.key.startswith("tracebridge") else self.time_limit_s

    def hard_limit_of(self, contender: Contender) -> float:
        limit = self.limit_of(contender)
        return limit + GRACE_S if limit else TRACEBRIDGE_HARD_LIMIT_S

    def floor_row(self, scenario: Scenario) -> Row:
        pages = math.ceil(scenario.records / self.scale.page_size)
        seconds = pages * scenario.latency_ms / 1000.0 / self.scale.concurrency
        return Row(
            label=f"physical floor: {pages} pages x {scenario.latency_ms:g} ms / {self.scale.concurrency}",
            expected=scenario.records,
            wall_s=seconds,
            floor=True,
            key="floor",
        )

    def normalize_input(self, records: int) -> Path:
        """A Galileo ``jsonl_flat`` file of ``records`` LLM spans, made once per size and run."""
        if records not in self._inputs:
            path = self.work / f"galileo-flat-{records}.jsonl"
            self.say(f"  writing {records:,} records to {path.name} ...")
            with path.open("w", encoding="utf-8") as out:
                for n in range(records):
                    out.write(json.dumps(galileo_span(n)) + "\n")
            self._inputs[records] = path
        return self._inputs[records]

    def run_contender(self, scenario: Scenario, contender: Contender) -> Row:
        records = max(1, scenario.records // contender.size_divisor)
        label = contender.label
        if contender.size_divisor > 1:
            label = f"{label} ({records:,})"
        if contender.worker is None and not self.cli:
            return Row(
                label, records, failed="skipped: `tracebridge export` is not in this checkout yet", key=contender.key
            )
        out = self.work / f"{scenario.key}-{contender.key}"
        registry.clean(out)
        out.mkdir(parents=True)
        try:
            python = registry.python_for(contender, self.work / "venvs.log")
        except Exception as exc:  # an install that fails is reported, the rest of the run goes on
            return Row(label, records, failed=f"skipped: venv install failed ({type(exc).__name__})", key=contender.key)
        extra: dict[str, object] = {
            "time_limit_s": self.limit_of(contender),
            "expected": records,
            "page_size": self.scale.page_size,
            "concurrency": self.scale.concurrency,
        }
        if scenario.kind == "normalize":
            extra["input"] = str(self.normalize_input(records))
            extra.setdefault("mode", "tracebridge")
        context = _sandbox(scenario, records, self.seed) if scenario.kind != "normalize" else nullcontext(None)
        with context as where:
            if contender.worker is None:
                assert where is not None
                command = registry.cli_command(
                    scenario,
                    where,
                    out,
                    page_size=self.scale.page_size,
                    concurrency=self.scale.concurrency,
                    extra=contender.options.get("cli_args", ()),
                )
            else:
                spec = registry.spec_for(contender, scenario, where, out, **{**extra, **contender.options})
                worker = "normalize_file" if scenario.kind == "normalize" else contender.worker
                command = [str(python), str(registry.WORKERS / f"{worker}.py"), spec]
            measured = measure(
                command,
                env=registry.secrets_env(where, out),
                hard_limit_s=self.hard_limit_of(contender),
                cwd=out,
            )
        row = self._row(scenario, contender, label, records, measured, out)
        registry.clean(out)
        return row

    def _row(
        self, scenario: Scenario, contender: Contender, label: str, records: int, measured: Measurement, out: Path
    ) -> Row:
        result = measured.result
        failed: str | None = None
        export_s: float | None = None
        if contender.worker is None:
            written, unique = registry.count_cli_output(scenario, out)
            if measured.exit_code is None:
                failed = f"killed at the {self.hard_limit_of(contender):g} s hard limit"
            elif measured.exit_code != 0:
                failed = f"exit {measured.exit_code}: {_last_line(measured.stderr_tail)}"
        elif result is None:
            written = unique = 0
            failed = (
                f"killed at the {self.hard_limit_of(contender):g} s hard limit"
                if measured.exit_code is None
                else f"died (exit {measured.exit_code}): {_last_line(measured.stderr_tail)}"
            )
        else:
            written = int(result["written"])
            unique = int(result["unique"]) if result.get("unique") is not None else _distinct_lines(out / IDS_FILE)
            export_s = float(result["export_s"])
            failed = result.get("error") or result.get("stopped")
        projected = None
        if result and result.get("stopped") and written:
            # Startup (wall minus the worker's own time) is paid once; the export part scales with the records.
            startup = measured.wall_s - (export_s or 0.0)
            projected = startup + (export_s or measured.wall_s) * records / written
        return Row(
            label=label,
            expected=records,
            wall_s=measured.wall_s,
            export_s=export_s,
            rss_mb=measured.peak_rss_mb,
            written=written,
            unique=unique,
            failed=failed,
            projected_s=projected,
            key=contender.key,
        )

    def run(self, scenario: Scenario, chosen: tuple[str, ...]) -> list[Row]:
        rows: list[Row] = []
        for key in scenario.contenders:
            if key not in chosen:
                continue
            self.say(f"  {scenario.key}: {CONTENDERS[key].label} ...")
            row = self.run_contender(scenario, CONTENDERS[key])
            self.say(f"    {row.wall_s or 0:.2f} s, {row.written} written, {row.unique} unique {row.failed or ''}")
            rows.append(row)
        if scenario.paged and scenario.latency_ms and not scenario.faulty:
            rows.append(self.floor_row(scenario))
        return rows


def _distinct_lines(path: Path) -> int:
    """Distinct ids a worker wrote, counted here so the set's memory is the harness's, not the contender's."""
    if not path.is_file():
        return 0
    with path.open("rb") as lines:
        return len({line.rstrip(b"\n") for line in lines})


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def work_dir(base: Path | None) -> Path:
    return Path(tempfile.mkdtemp(prefix="tracebridge-bench-", dir=base))
