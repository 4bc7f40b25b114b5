"""``misfit``'s quick answer (only the wings able to name a foreign format are asked) is the full weighing's answer.

Every record of an import is checked, so ``misfit`` first asks only the wings that can name a format foreign to the
file and weighs the record in full only when one of them sees such a trait. The reference below is the full weighing
itself, as ``misfit`` was before the quick answer; records are drawn from the traits both wings look for (ids of every
prefix, UUIDs, the kind keys of the v5 unions, envelopes, Galileo-only fields, nested children), for every format.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tracebridge.galileo import formats as galileo
from tracebridge.humanloop import formats as humanloop
from tracebridge.imports.formats import FORMATS, compatible, misfit, weigh


def _misfit_by_weighing(file_format: str, record: Mapping[str, Any]) -> str | None:
    found = weigh(record)
    if not found or compatible(found[0].format, file_format):
        return None
    own = next((e.score for e in found if compatible(e.format, file_format)), 0)
    if own >= found[0].score:
        return None
    return f"a {found[0].describe()} record in a {file_format} file: the file mixes formats"


IDS = st.sampled_from(
    [
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        "not-a-uuid",
        "log_1",
        "data_1",
        "run_1",
        "dp_1",
        "pr_1",
        "ev_1",
        "prv_1",
        "",
    ]
)
VALUES = st.one_of(
    IDS,
    st.none(),
    st.integers(0, 3),
    st.sampled_from(sorted(galileo.RECORD_TYPES) + list(humanloop.FILE_KINDS)),
    st.just({}),
    st.just([]),
    st.just([{}]),
    st.fixed_dictionaries({"id": IDS}),
)
KEYS = st.sampled_from(
    sorted(
        galileo.FIELDS
        | {"inputs", "messages", "target", "log", "datapoint", "evaluation_results", "run_id", "evaluated_version"}
        | {"config", "config_id", "model_config", "version_id", "path", "dataset", "version", "evaluators"}
        | {"runs_count", "evaluatees", "file_id", "spec", "datapoints_count", "function", "source_code"}
        | set(humanloop.LOG_KINDS)
    )
)
RECORDS = st.dictionaries(KEYS, VALUES, max_size=8)


@settings(max_examples=3000, deadline=None)
@given(record=RECORDS, file_format=st.sampled_from(FORMATS))
def test_the_quick_answer_is_the_full_weighings(record: dict[str, Any], file_format: str) -> None:
    assert misfit(file_format, record) == _misfit_by_weighing(file_format, record)


def test_a_humanloop_log_in_a_galileo_file_is_still_named_a_misfit() -> None:
    log = {"id": "log_1", "prompt": {"id": "pr_1"}, "inputs": {}}
    reason = misfit("galileo-jsonl-flat", log)
    assert reason is not None and reason.startswith("a humanloop-v5-logs (a v5 prompt Log")
    assert misfit("humanloop-v5-logs", log) is None
