"""Each contender: its label, its venv, and the command that runs it on one scenario against one sandbox.

Workers (``workers/*.py``) take a JSON spec and print a result line. The tracebridge CLI is run as a user would
run it; what it wrote is counted afterwards from its output files (``count_cli_output``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from scripts.benchmarks.harness import PROJECT_PYTHON, REPO, Coordinates
from scripts.benchmarks.scenarios import Scenario
from scripts.benchmarks.venvs import PINS, ensure

WORKERS = Path(__file__).with_name("workers")


@attrs.frozen
class Contender:
    key: str
    label: str
    venv: str | None
    """A venv under ``.bench-venvs/`` (``venvs.PINS``), or None for the project's own."""
    worker: str | None = None
    """``workers/<worker>.py``; None for the CLI."""
    options: dict[str, Any] = attrs.field(factory=dict)
    size_divisor: int = 1
    """Run on 1/N of the scenario's records (the same contender at two sizes shows whether memory is flat)."""


def _pin(name: str) -> str:
    return PINS[name][0].replace("==", " ")


CONTENDERS: dict[str, Contender] = {
    c.key: c
    for c in (
        Contender("tracebridge", "tracebridge (library)", None, "tracebridge_lib"),
        Contender("tracebridge-cli", "tracebridge (CLI)", None),
        # The CLI maps in worker processes by default (one per core, ``--workers``); this is the in-process path.
        Contender(
            "tracebridge-cli-1", "tracebridge (CLI), --workers 1", None, options={"cli_args": ["--workers", "1"]}
        ),
        Contender(
            "tracebridge-tenth", "tracebridge (library), 1/10 of the records", None, "tracebridge_lib", size_divisor=10
        ),
        Contender(
            "tracebridge-stdlib",
            "tracebridge (library), stdlib json (no `fast` extra)",
            None,
            "tracebridge_lib",
            {"stdlib_json": True},
        ),
        Contender(
            "tracebridge-raw", "tracebridge (library), raw(): no mapping", None, "tracebridge_lib", {"raw": True}
        ),
        Contender("hl-sdk-v4", f"official SDK {_pin('hl4')}", "hl4", "hl_sdk_v4"),
        Contender("hl-sdk-v5", f"official SDK {_pin('hl5')}", "hl5", "hl_sdk_v5"),
        Contender("galileo-sdk", f"official SDK {_pin('galileo')}", "galileo", "galileo_sdk"),
        Contender("dlt", f"{_pin('dlt')} rest_api -> DuckDB", "dlt", "dlt_rest"),
        Contender("httpx", "plain sequential httpx loop", None, "httpx_loop"),
        Contender("json-floor", "json.loads + json.dumps per line (floor)", None, "normalize_file", {"mode": "json"}),
    )
}
NO_EXTRA_VENV = tuple(key for key, c in CONTENDERS.items() if c.venv is None)


def cli_available() -> bool:
    """Whether this checkout's CLI has ``tracebridge export`` (it is being written alongside the benchmark)."""
    done = subprocess.run(
        [str(PROJECT_PYTHON), "-m", "tracebridge", "export", "--help"], capture_output=True, check=False, cwd=REPO
    )
    return done.returncode == 0


def python_for(contender: Contender, log: Path) -> Path:
    return PROJECT_PYTHON if contender.venv is None else ensure(contender.venv, log=log)


def spec_for(contender: Contender, scenario: Scenario, where: Coordinates | None, out: Path, **extra: Any) -> str:
    spec: dict[str, Any] = {"scenario": scenario.kind, "out": str(out), **contender.options, **extra}
    if where is not None:
        spec.update(
            base_url=where.base_url,
            project_id=where.project_id,
            evaluation_id=where.evaluation_id,
            galileo_project_id=where.galileo_project_id,
            log_stream_id=where.log_stream_id,
        )
    return json.dumps(spec)


def secrets_env(where: Coordinates | None, out: Path) -> dict[str, str]:
    if where is None:
        return {}
    return {
        "HUMANLOOP_API_KEY": where.humanloop_api_key,
        "GALILEO_API_KEY": where.galileo_api_key,
        # The galileo SDK reads its URLs from these, and keeps a config file under HOME.
        "GALILEO_CONSOLE_URL": where.base_url,
        "GALILEO_API_URL": where.base_url,
        "HOME": str(out),
    }


def cli_command(
    scenario: Scenario,
    where: Coordinates,
    out: Path,
    *,
    page_size: int,
    concurrency: int,
    extra: Sequence[str] = (),
) -> list[str]:
    tracebridge = str(PROJECT_PYTHON.with_name("tracebridge"))
    common = ["--base-url", where.base_url, "--out", str(out / "tracebridge"), "-q", *extra]
    paging = ["--page-size", str(page_size), "--concurrency", str(concurrency)]
    if scenario.kind == "v4":
        return [tracebridge, "export", "humanloop", "project", where.project_id, *paging, *common]
    if scenario.kind == "v5":
        return [tracebridge, "export", "humanloop", "evaluation", where.evaluation_id, *paging, *common]
    return [tracebridge, "export", "galileo", where.galileo_project_id, "--log-stream", where.log_stream_id, *common]


def count_cli_output(scenario: Scenario, out: Path) -> tuple[int, int]:
    """(written, unique) source records in the CLI's JSONL output, by the same rule as the library worker."""
    directory = out / "tracebridge"
    if scenario.kind == "v5":
        path, record_type, source_type = directory / "experiment_items.jsonl", "experiment_item", "evaluation_log"
    else:
        path, source_type = directory / "spans.jsonl", "log" if scenario.kind == "v4" else "trace"
        record_type = "span"
    written = 0
    ids: set[str] = set()
    if not path.is_file():
        return 0, 0
    with path.open("rb") as lines:
        for line in lines:
            record = json.loads(line)
            provenance = record.get("provenance") or {}
            if record.get("record_type") != record_type or provenance.get("record_type") != source_type:
                continue
            written += 1
            prefix = f"{record.get('experiment_id')}/" if scenario.kind == "v5" else ""
            ids.add(f"{prefix}{provenance.get('source_id')}")
    return written, len(ids)


def clean(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
