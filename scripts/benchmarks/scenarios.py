"""The scenarios the issue names and the contenders each one runs, at a chosen scale.

Latency scenarios page through 20,000 Humanloop records at 50 ms a page; Galileo streams one export; normalizing
reads a file already on disk. Fault scenarios repeat the exports with about 5% of requests failing in every way the
sandbox can fail them (5xx, 429, resets, truncated bodies). A Galileo export is one request, so a per-request 5%
would almost never fire: its fault mix is set so that most attempts fail (see ``galileo_faults``).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

HUMANLOOP_CONTENDERS = (
    "tracebridge",
    "tracebridge-cli",
    "tracebridge-cli-1",
    "tracebridge-stdlib",
    "tracebridge-raw",
    "httpx",
    "dlt",
)
FAULT_CONTENDERS = ("tracebridge", "tracebridge-cli", "httpx", "dlt")


@attrs.frozen
class Scale:
    humanloop_records: int = 20_000
    galileo_records: int = 10_000
    """A trace here is ~11.7 KB of jsonl (spans nested): 10,000 traces stream 117 MB. The issue's 1,000,000 is
    ``--galileo-records 1000000`` (about 12 GB and, at the measured rate, hours)."""
    normalize_records: int = 1_000_000
    sink_small_records: int = 10_000
    sink_records: int = 1_000_000
    """Peak memory per output format (``sink_memory``): ``tracebridge import`` of a ``jsonl_flat`` file of each size."""
    latency_ms: float = 50.0
    fault_rate: float = 0.05
    page_size: int = 100
    concurrency: int = 8


@attrs.frozen
class Scenario:
    key: str
    title: str
    kind: str
    """v4, v5, galileo, normalize or sinks: which data and which worker code paths (sinks: ``sink_memory``)."""
    records: int
    contenders: tuple[str, ...]
    latency_ms: float = 0.0
    faults: Mapping[str, float] = attrs.field(factory=dict)
    paged: bool = True
    """Paged listings have a physical floor row: pages x latency / concurrency."""

    @property
    def faulty(self) -> bool:
        return bool(self.faults)


def humanloop_faults(rate: float) -> dict[str, float]:
    """``rate`` of requests fail: a quarter each 5xx (500/502/503), 429, connection resets and truncated bodies."""
    quarter = rate / 4
    return {
        "error_500": quarter / 3,
        "error_502": quarter / 3,
        "error_503": quarter / 3,
        "rate_limit": quarter,
        "reset": quarter,
        "truncate": quarter,
    }


def galileo_faults() -> dict[str, float]:
    """The one export request fails more often than not: 429, 503, reset, or the stream cut mid-line."""
    return {"rate_limit": 0.15, "error_503": 0.1, "reset": 0.1, "stream_cut": 0.3}


def all_scenarios(scale: Scale) -> list[Scenario]:
    hl = scale.humanloop_records
    faults = humanloop_faults(scale.fault_rate)
    latency = scale.latency_ms
    galileo = (
        "tracebridge",
        "tracebridge-cli",
        "tracebridge-cli-1",
        "tracebridge-stdlib",
        "tracebridge-raw",
        "galileo-sdk",
        "httpx",
        "tracebridge-tenth",
    )
    return [
        Scenario(
            "v4",
            f"Humanloop v4 project export, {hl:,} logs, {latency:g} ms a page",
            "v4",
            hl,
            (*HUMANLOOP_CONTENDERS, "hl-sdk-v4"),
            latency,
        ),
        Scenario(
            "v5",
            f"Humanloop v5 evaluation logs, {hl:,} logs, {latency:g} ms a page",
            "v5",
            hl,
            (*HUMANLOOP_CONTENDERS, "hl-sdk-v5"),
            latency,
        ),
        Scenario(
            "galileo",
            f"Galileo export_records, {scale.galileo_records:,} traces (jsonl)",
            "galileo",
            scale.galileo_records,
            galileo,
            paged=False,
        ),
        Scenario(
            "normalize",
            f"Normalizing a {scale.normalize_records:,}-record Galileo jsonl_flat file",
            "normalize",
            scale.normalize_records,
            ("tracebridge", "json-floor", "tracebridge-tenth"),
            paged=False,
        ),
        Scenario(
            "sinks",
            f"Peak RSS per output format, `tracebridge import` of {scale.sink_small_records:,} and "
            f"{scale.sink_records:,} Galileo jsonl_flat records",
            "sinks",
            scale.sink_records,
            ("tracebridge-cli",),
            paged=False,
        ),
        Scenario(
            "v4-faults",
            f"v4 project export, {hl:,} logs, {scale.fault_rate:.0%} faults",
            "v4",
            hl,
            (*FAULT_CONTENDERS, "hl-sdk-v4"),
            latency,
            faults,
        ),
        Scenario(
            "v5-faults",
            f"v5 evaluation logs, {hl:,} logs, {scale.fault_rate:.0%} faults",
            "v5",
            hl,
            (*FAULT_CONTENDERS, "hl-sdk-v5"),
            latency,
            faults,
        ),
        Scenario(
            "galileo-faults",
            f"Galileo export_records, {scale.galileo_records:,} traces, faults",
            "galileo",
            scale.galileo_records,
            ("tracebridge", "tracebridge-cli", "galileo-sdk", "httpx"),
            faults=galileo_faults(),
            paged=False,
        ),
    ]
