"""Reading records as text for the workers: a page split into its records' JSON texts, a record decoded only as far
as its kind's probe, must give the intake what decoding in full gives it.

When workers map an export, its process splits each page into the records' texts (``json_codec.split_list``) and
decodes a record only as far as the intake and the kind's identity read (``RecordKind.probe``, ``json_codec.probe``).
These properties hold that to what decoding in full gives: the same records, the same identity, the same vendor id;
and where msgspec will not read a text so (NaN, a lone surrogate, not JSON), None, so the caller decodes it in full.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tracebridge.delivery.intake import vendor_id
from tracebridge.delivery.kinds import RecordKind
from tracebridge.galileo.kinds import GALILEO_RECORD, experiment_records
from tracebridge.humanloop.kinds import V4_LOG, V5_LOG, v4_datapoint_snapshot, v5_evaluation_log
from tracebridge.json_codec import MAX_DEPTH, NestingError, loads, nesting_depth, probe, split_list

KINDS: list[RecordKind] = [V4_LOG, V5_LOG, v5_evaluation_log("ev_1"), GALILEO_RECORD]
"""The kinds with a probe: those whose records go to workers."""


def test_kinds_that_never_go_to_a_worker_have_no_probe() -> None:
    # Their adapters are closures, which do not pickle (``Workers._ships``): a probe would only add a decode.
    assert v4_datapoint_snapshot("ev_1", "evv_1").probe is None
    assert experiment_records("exp_1").probe is None


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=12,
)
IDS = st.one_of(st.text(max_size=6), st.integers(), st.none(), st.just([]), st.just({}))
NESTED_ID = st.one_of(st.fixed_dictionaries({"id": IDS}, optional={"x": JSON}), JSON)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": IDS,
        "log": NESTED_ID,
        "run_id": IDS,
        "datapoint": NESTED_ID,
        "type": st.text(max_size=5),
        "x": JSON,
    },
)


@settings(max_examples=400, deadline=None)
@given(records=st.lists(st.one_of(RECORDS, JSON), max_size=5), total=JSON, spacing=st.booleans())
def test_a_split_page_holds_the_texts_of_its_records(records: list[Any], total: Any, spacing: bool) -> None:
    separators = (", ", ": ") if spacing else (",", ":")
    data = json.dumps({"total": total, "records": records}, separators=separators).encode()
    split = split_list(data, "records")
    assert split is not None
    assert [loads(text) for text in split["records"]] == loads(data)["records"]
    assert split["total"] == loads(data)["total"]
    assert all(isinstance(text, bytes) for text in split["records"])


def test_what_msgspec_skips_but_a_whole_decode_refuses_is_left_to_the_whole_decode() -> None:
    # Skipping a member checks its syntax, not its UTF-8 or an integer's length: such text is decoded whole, which
    # refuses it (a page is then retried as any corrupt body; a stream line is rejected).
    long_int = b'{"id": "a", "n": ' + b"7" * (sys.get_int_max_str_digits() + 1) + b"}"
    not_utf8 = b'{"id": "a", "s": "\xff"}'
    for record in (long_int, not_utf8):
        with pytest.raises(ValueError):
            loads(record)
        assert probe(record, V4_LOG.probe) is None
        assert split_list(b'{"records": [' + record + b"]}", "records") is None
    fine = b'{"id": "a", "s": "' + b"7" * (sys.get_int_max_str_digits() + 1) + '", "t": "caf\u00e9"}'.encode()
    assert probe(fine, V4_LOG.probe) is None, "digits in a string look alike: decoded whole, which is only slower"
    assert probe('{"id": "a", "t": "café"}'.encode(), V4_LOG.probe) == {"id": "a"}
    # A caller that decoded the text as UTF-8 already (a Galileo stream line) has only its digits checked.
    assert probe(long_int, V4_LOG.probe, utf8_checked=True) is None
    assert probe(fine, V4_LOG.probe, utf8_checked=True) is None
    assert probe('{"id": "a", "t": "café"}'.encode(), V4_LOG.probe, utf8_checked=True) == {"id": "a"}


@pytest.mark.parametrize("pad", [0, 1, 33, 66, 67, 68, 134, 1000])
def test_a_run_of_too_many_digits_is_found_wherever_it_starts(pad: int) -> None:
    # Long text is first searched for such a run in every n-th byte only: a run anywhere must still be found.
    digits = sys.get_int_max_str_digits()
    page = b'{"records":[{"id":"a","pad":"' + b"x" * pad + b'","n":' + b"7" * (digits + 1) + b"}]}"
    assert split_list(page, "records") is None
    with pytest.raises(ValueError):
        loads(page)
    fine = page.replace(b"7" * (digits + 1), b"7" * digits)  # as many digits as Python converts: decoded
    split = split_list(fine, "records")
    assert split is not None and loads(split["records"][0])["n"] == int("7" * digits)


def test_what_msgspec_will_not_split_is_left_to_the_full_decode() -> None:
    assert split_list(b'{"records": [{"score": NaN}]}', "records") is None
    assert split_list(b'{"records": [{"text": "\\ud83d"}]}', "records") is None
    assert split_list(b'{"records": [1, 2', "records") is None
    assert split_list(b'{"records": {"a": 1}}', "records") is None
    assert split_list(b'{"items": []}', "records") is None
    assert split_list(b"[]", "records") is None


def _nested(depth: int) -> bytes:
    """A JSON value nested ``depth`` deep, with brackets and an escaped quote inside a string that do not count."""
    return b'{"a":[' * (depth // 2) + (b'{"s":"[[\\"{"}' if depth % 2 else b'"]]"') + b"]}" * (depth // 2)


@pytest.mark.parametrize("where", ["record", "member"])
@pytest.mark.parametrize("over", [-1, 0, 1, 2])
def test_a_split_page_is_refused_for_nesting_exactly_as_loads_refuses_it(where: str, over: int) -> None:
    # Nesting is measured on the split parts, not the page: a record two levels under the page, another member one.
    # The page must nest MAX_DEPTH + over deep and be refused iff loads refuses it, with the same depth named.
    if where == "record":
        data = b'{"total":1,"records":[' + _nested(MAX_DEPTH + over - 2) + b"]}"
    else:
        data = b'{"meta":' + _nested(MAX_DEPTH + over - 1) + b',"records":[{"id":"a"}]}'
    assert nesting_depth(data) == MAX_DEPTH + over
    if over <= 0:
        split = split_list(data, "records")
        assert split is not None
        whole = loads(data)
        assert [loads(text) for text in split["records"]] == whole["records"]
        assert {k: v for k, v in split.items() if k != "records"} == {k: v for k, v in whole.items() if k != "records"}
        return
    with pytest.raises(NestingError) as from_loads:
        loads(data)
    with pytest.raises(NestingError) as from_split:
        split_list(data, "records")
    assert str(from_split.value) == str(from_loads.value)


def test_a_page_nested_past_the_interpreters_limit_is_refused_not_crashed() -> None:
    # msgspec recurses once per level and raises RecursionError past the interpreter's limit: still a NestingError.
    for data in (
        b'{"records":[' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
        b'{"m":' + b"[" * 100_000 + b"]" * 100_000 + b',"records":[]}',
    ):
        with pytest.raises(NestingError):
            split_list(data, "records")


def test_a_large_shallow_record_is_measured_not_refused_for_its_bracket_count() -> None:
    # A record over the size whose brackets are only counted: thousands of brackets, two levels deep.
    record = b'{"rows":[' + b",".join([b"[1]"] * 30_000) + b"]}"
    split = split_list(b'{"records":[' + record + b"]}", "records")
    assert split is not None and split["records"] == [record]


@settings(max_examples=600, deadline=None)
@given(record=RECORDS)
def test_a_probed_record_has_the_identity_and_vendor_id_of_the_whole(record: dict[str, Any]) -> None:
    text = json.dumps(record).encode()
    whole = loads(text)
    for kind in KINDS:
        probed = probe(text, kind.probe)
        if probed is None:
            continue  # read in full instead: nothing to compare
        assert isinstance(probed, dict)
        assert kind.identity(probed) == kind.identity(whole), kind.name
        assert vendor_id(probed) == vendor_id(whole), kind.name


def test_the_usual_records_are_probed_not_read_in_full() -> None:
    usual = {"id": "log_1", "log": {"id": "log_2", "inputs": {}}, "run_id": "run_1", "datapoint": {"id": "dp_1"}}
    for kind in KINDS:
        assert probe(json.dumps(usual).encode(), kind.probe) is not None, kind.name
    assert probe(b"[1]", V4_LOG.probe) is None
