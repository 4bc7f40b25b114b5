"""Benchmark tracebridge side by side with the official SDKs, dlt and a plain httpx loop, on the same sandbox data.

One command runs every scenario and prints one table per scenario: contender, wall time, records/s, peak RSS,
records expected / written / unique, whether it finished complete, and the ratio to tracebridge. Every contender
runs in its own process against its own fresh sandbox (same seed: same data, same faults); the official SDKs and dlt
are installed, pinned, into venvs of their own under ``.bench-venvs/`` on first use.

    .venv/bin/python scripts/bench.py                      # everything, at the issue's scale
    .venv/bin/python scripts/bench.py --quick              # seconds: small data, no extra venvs (what CI runs)
    .venv/bin/python scripts/bench.py --scenario v4 --scenario v4-faults --contender tracebridge --contender httpx
    .venv/bin/python scripts/bench.py --galileo-records 100000 --markdown results.md
    .venv/bin/python scripts/bench.py --scenario sinks     # peak RSS of every output format, 10,000 / 1,000,000
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.benchmarks import sink_memory, table
from scripts.benchmarks.contenders import CONTENDERS, NO_EXTRA_VENV
from scripts.benchmarks.harness import REPO
from scripts.benchmarks.run import Runner, work_dir
from scripts.benchmarks.scenarios import Scale, Scenario, all_scenarios

QUICK = Scale(
    humanloop_records=300,
    galileo_records=200,
    normalize_records=2000,
    sink_small_records=200,
    sink_records=1000,
    latency_ms=5.0,
    page_size=50,
    concurrency=8,
)


def machine() -> str:
    """nproc, memory and CPU model, for the results' header (a shared, noisy machine should say so)."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f"{pages / 2**30:.1f} GiB"
    except (ValueError, OSError):
        pass
    return f"{os.cpu_count()} CPUs ({model}), {memory} RAM, Python {platform.python_version()}, {platform.system()}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    keys = [s.key for s in all_scenarios(Scale())]
    parser.add_argument("--quick", action="store_true", help="small data, 5 ms latency, only contenders with no venv")
    parser.add_argument("--scenario", action="append", choices=keys, help="repeatable; default: all")
    parser.add_argument("--contender", action="append", choices=sorted(CONTENDERS), help="repeatable; default: all")
    parser.add_argument("--humanloop-records", type=int, help="logs per Humanloop listing (default 20000)")
    parser.add_argument("--galileo-records", type=int, help="traces in the Galileo export (default 10000)")
    parser.add_argument("--normalize-records", type=int, help="records in the file to normalize (default 1000000)")
    parser.add_argument(
        "--sink-records", type=int, help="records of the larger import in the sinks scenario (default 1000000)"
    )
    parser.add_argument(
        "--sink-small-records", type=int, help="records of the smaller import in the sinks scenario (default 10000)"
    )
    parser.add_argument("--latency-ms", type=float, help="added to every sandbox answer (default 50)")
    parser.add_argument("--fault-rate", type=float, help="share of failing requests in fault scenarios (default 0.05)")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=150.0,
        help="seconds a competitor may run before it is stopped and its time projected from what it wrote; "
        "tracebridge always runs to the end (default 150)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the sandbox's data and fault seed")
    parser.add_argument("--work-dir", type=Path, help="where outputs go while counted (default: a temp directory)")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    return parser.parse_args(argv)


def scale_of(args: argparse.Namespace) -> Scale:
    base = QUICK if args.quick else Scale()
    overrides = {
        "humanloop_records": args.humanloop_records,
        "galileo_records": args.galileo_records,
        "normalize_records": args.normalize_records,
        "sink_records": args.sink_records,
        "sink_small_records": args.sink_small_records,
        "latency_ms": args.latency_ms,
        "fault_rate": args.fault_rate,
    }
    return attrs.evolve(base, **{k: v for k, v in overrides.items() if v is not None})


def compile_sources() -> None:
    """Byte-compile tracebridge and its generated clients first, as installing a wheel does.

    The SDKs' venvs were compiled when they were installed (``scripts/benchmarks/venvs.py``). tracebridge runs from
    this checkout (an editable install), and with ``PYTHONDONTWRITEBYTECODE`` set (as on these machines) nothing ever
    writes its bytecode: each tracebridge run would otherwise spend ~0.2 s compiling ~300 modules that no installed
    user compiles.
    """
    import compileall  # noqa: PLC0415 - only here

    for root in ("adapters", "generated"):
        compileall.compile_dir(str(REPO / root), quiet=1)


def run_sinks(scenario: Scenario, runner: Runner, sections: list[str], say: Callable[[str], None]) -> int:
    """Peak RSS of every output format at two sizes, printed as one table; 1 if an import failed, else 0."""
    say(scenario.title)
    rows = sink_memory.run(
        runner.scale.sink_small_records,
        runner.scale.sink_records,
        input_for=runner.normalize_input,
        work=runner.work,
        say=say,
    )
    print()
    print(sink_memory.text(scenario.title, rows))
    sections.append(sink_memory.markdown(scenario.title, rows))
    return 1 if any(row.failed for row in rows) else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    compile_sources()
    scale = scale_of(args)
    scenarios = [s for s in all_scenarios(scale) if not args.scenario or s.key in args.scenario]
    chosen = tuple(args.contender or (NO_EXTRA_VENV if args.quick else CONTENDERS))
    work = work_dir(args.work_dir)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    runner = Runner(scale, work=work, time_limit_s=args.time_limit, seed=args.seed, say=say)
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = f"tracebridge benchmark, {started}; {machine()}"
    print(header)
    sections: list[str] = []
    incomplete = 0
    for scenario in scenarios:
        if scenario.kind == "sinks":
            if "tracebridge-cli" in chosen:
                incomplete += run_sinks(scenario, runner, sections, say)
            continue
        say(f"{scenario.title}")
        rows = runner.run(scenario, chosen)
        print()
        print(table.text(scenario.title, rows))
        sections.append(table.markdown(scenario.title, rows))
        incomplete += sum(1 for row in rows if row.key == "tracebridge" and not row.complete)
    shutil.rmtree(work, ignore_errors=True)  # generated inputs (a 1M-record file is 1.4 GB); outputs are gone already
    if args.markdown is not None:
        args.markdown.write_text(f"{header}\n\n" + "\n\n".join(sections) + "\n")
    # Exit non-zero only when tracebridge itself lost or duplicated records: the harness's own smoke test.
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
