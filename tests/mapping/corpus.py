"""Every fixture file run through its adapter: the corpus of real-shaped common records the schema tests check."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from tracebridge.galileo import mapping as galileo
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.records import Record

from tests.fixture_files import load, load_lines


def _each(sources: list[Any], normalize: Callable[[Any], list[Record]]) -> list[Record]:
    return [record for source in sources for record in normalize(source)]


@cache
def fixture_records() -> tuple[Record, ...]:
    """The records of every Humanloop and Galileo fixture (documentation examples included)."""
    records: list[Record] = []
    records += humanloop_v4.normalize_log(load("humanloop/v4-log-rich.json"))
    records += _each(load("humanloop/v4-config-kinds.json"), humanloop_v4.normalize_log)
    records += humanloop_v4.normalize_datapoint_snapshot(
        load("humanloop/v4-datapoint-snapshot-rich.json"), evaluation_id="ev_100", evaluatee_id="evv_7"
    )
    records += _each(load("docs/humanloop-v4-projects-export.response.json")["records"], humanloop_v4.normalize_log)
    records += _each(
        load("docs/humanloop-v4-evaluations-datapoints.response.json")["records"],
        humanloop_v4.normalize_datapoint_snapshot,
    )
    records += humanloop_v5.normalize_evaluation_log(load("humanloop/v5-evaluation-log-rich.json"))
    records += humanloop_v5.normalize_evaluation_log(load("humanloop/v5-evaluation-log-legacy.json"))
    records += humanloop_v5.normalize_evaluation_run(load("humanloop/v5-evaluation-run-rich.json"))
    records += _each(
        load("docs/humanloop-v5-evaluations-logs.response.json")["records"], humanloop_v5.normalize_evaluation_log
    )
    records += humanloop_v5.normalize_evaluation_run(load("docs/humanloop-v5-evaluations-add-logs.response.json"))
    records += _each(load_lines("galileo/export-nested.jsonl"), galileo.normalize_record)
    records += _each(load_lines("galileo/export-flat.jsonl"), galileo.normalize_record)
    return tuple(records)
