"""The JSON codec: the msgspec and standard-library paths read and write the same values, and the edge cases a vendor's
Python backend can send (NaN, lone surrogates, integers above 64 bits) come out as they went in, on both paths."""

from __future__ import annotations

import builtins
import datetime as dt
import importlib.util
import json
import math
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import hypothesis
import pytest
from tracebridge import GalileoClient, HumanloopClient, json_codec
from tracebridge.records import Record
from tracebridge.sandbox import RunningSandbox
from tracebridge.sandbox.galileo_data import GalileoData
from tracebridge.sandbox.humanloop_data import HumanloopData
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.jsonl import JsonlSink

from tests.sinks.conftest import fixture_records


def _codec_without_msgspec() -> ModuleType:
    """A second copy of the module, loaded as if msgspec were not installed (the default install)."""
    real_import = builtins.__import__

    def no_msgspec(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "msgspec":
            raise ImportError("msgspec hidden by the test")
        return real_import(name, *args, **kwargs)

    spec = importlib.util.spec_from_file_location("json_codec_stdlib", json_codec.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    builtins.__import__ = no_msgspec
    try:
        spec.loader.exec_module(module)
    finally:
        builtins.__import__ = real_import
    return module


STDLIB = _codec_without_msgspec()
CODECS = pytest.mark.parametrize("codec", [json_codec, STDLIB], ids=[json_codec.CODEC_NAME, "stdlib"])


def test_the_stdlib_copy_really_is_the_stdlib_path() -> None:
    assert STDLIB.CODEC_NAME == "json"


def test_msgspec_is_used_when_installed() -> None:
    pytest.importorskip("msgspec")
    assert json_codec.CODEC_NAME == "msgspec"


@CODECS
def test_nan_and_infinity_are_written_back_as_read(codec: ModuleType) -> None:
    text = b'{"score":NaN,"high":Infinity,"low":-Infinity,"ok":0.5}'
    value = codec.loads(text)
    assert math.isnan(value["score"]) and value["high"] == math.inf and value["low"] == -math.inf
    assert codec.dumps_line(value) == text + b"\n"  # not null: "a NaN score" is not "no score"


@CODECS
def test_a_lone_surrogate_is_escaped_not_fatal(codec: ModuleType) -> None:
    value = codec.loads(b'{"output":"cut at \\ud83d","ok":"\xc3\xa9"}')
    line = codec.dumps_line(value)
    assert line.decode("ascii")  # escaped: valid UTF-8 (and here ASCII) even though the string is not
    assert json.loads(line) == value


@CODECS
def test_integers_above_64_bits_keep_their_value(codec: ModuleType) -> None:
    value = codec.loads(b'{"n":123456789012345678901234567890}')
    assert value["n"] == 123456789012345678901234567890
    assert codec.dumps(value) == b'{"n":123456789012345678901234567890}'


@CODECS
def test_decoding_errors_are_json_decode_errors_with_a_position(codec: ModuleType) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        codec.loads(b'{"records": [1, 2')
    assert caught.value.pos == 17


def test_a_value_that_is_not_json_fails_on_the_default_install() -> None:
    # Adapters only produce JSON types; a hand-built record holding a datetime is refused by the stdlib, and msgspec
    # writes it as ISO 8601 text (documented in json_codec).
    with pytest.raises(TypeError, match="datetime"):
        STDLIB.dumps({"at": dt.datetime(2025, 9, 8, tzinfo=dt.UTC)})


def test_json_text_and_lines_use_non_ascii_as_is() -> None:
    for codec in (json_codec, STDLIB):
        assert codec.dumps_text({"t": "é 😀"}) == '{"t":"é 😀"}'


EDGE_DOCUMENTS = (
    b'{"big":123456789012345678901234567890,"neg":-98765432109876543210,"u64":18446744073709551615}',
    b"[0.1000000000000000055511151231257827,1e-320,-0.0,1E+2,2.5e-05,1.7976931348623157e308,1e400,-0]",
    b'{"s":"\\u00e9\\ud83d\\ude00 \\n\\t\\"q\\"","a":1,"a":2,"e":{},"l":[],"n":null,"b":[true,false]}',
    b'  {"padded": [1, 2, {"deep": [[[[[]]]]]}]}  ',
    '{"text":"caf\u00e9 \U0001f600"}'.encode("utf-16"),
)


@pytest.mark.parametrize(
    "document", EDGE_DOCUMENTS, ids=["big-ints", "floats", "strings-and-keys", "nesting", "utf-16"]
)
def test_both_decoders_read_the_same_values(document: bytes) -> None:
    # repr tells 1 from 1.0, -0.0 from 0.0 and shows every digit: same values of the same types.
    assert repr(json_codec.loads(document)) == repr(STDLIB.loads(document)) == repr(json.loads(document))


@pytest.mark.parametrize(
    "document",
    (*EDGE_DOCUMENTS, b'{"score": NaN, "s": "\\ud83d"}', b'{"cut": [1, 2'),
    ids=["big-ints", "floats", "strings-and-keys", "nesting", "utf-16", "nan-and-surrogate", "not-json"],
)
def test_loads_measured_reads_what_loads_reads(document: bytes) -> None:
    try:
        expected = repr(json_codec.loads(document))
    except ValueError as exc:
        with pytest.raises(type(exc)):
            json_codec.loads_measured(document)
        return
    assert repr(json_codec.loads_measured(document)) == expected


def test_both_decoders_read_the_same_values_from_sandbox_pages_and_lines() -> None:
    humanloop, galileo = HumanloopData(0, 300), GalileoData(0, 300)
    v4_page = b'{"records":[' + b",".join(humanloop.v4_log(i) for i in range(100)) + b'],"total":300}'
    v5_page = b'{"records":[' + b",".join(humanloop.v5_log(i) for i in range(100)) + b'],"total":300}'
    lines = [json.dumps(galileo.trace("log_stream", i)).encode() for i in range(100)]
    for document in (v4_page, v5_page, *lines):
        assert repr(json_codec.loads(document)) == repr(STDLIB.loads(document))


@pytest.fixture(scope="module")
def exported(sandbox: RunningSandbox) -> Iterator[list[Record]]:
    """Every record type from every sandbox collection, through the real exporters."""
    humanloop = HumanloopClient(base_url=sandbox.base_url, api_key=sandbox.humanloop_api_key)
    galileo = GalileoClient(base_url=sandbox.base_url, api_key=sandbox.galileo_api_key)
    records: list[Record] = fixture_records()
    records += humanloop.export_project(sandbox.project_id).records()
    records += humanloop.evaluation_logs(sandbox.evaluation_id).records()
    records += galileo.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id).records()
    yield records


def test_both_encoders_write_the_same_values_for_real_records(exported: list[Record]) -> None:
    assert len(exported) > 5000
    spelled_differently = 0
    for record in exported:
        fast, standard = json_codec.dumps_line(to_json_dict(record)), STDLIB.dumps_line(to_json_dict(record))
        # repr tells 1 from 1.0 and keeps every float digit: the same values of the same types.
        assert repr(json.loads(fast)) == repr(json.loads(standard)), record
        spelled_differently += fast != standard
    # Only floats below 1e-4 are spelled differently (0.00002 vs 2e-05): costs in USD, in a few fixture records.
    assert spelled_differently <= 3


def test_the_jsonl_sink_keeps_nan_and_surrogates(tmp_path: Path, exported: list[Record]) -> None:
    odd = json_codec.loads(b'{"score":NaN,"output":"cut at \\ud83d"}')
    span = next(r for r in exported if r.record_type == "span")
    record = attrs.evolve(span, attributes={**span.attributes, **odd})
    sink = JsonlSink(tmp_path)
    sink.write([record])
    sink.close()
    line = (tmp_path / "spans.jsonl").read_bytes()
    back = json.loads(line)
    assert math.isnan(back["attributes"]["score"])
    # The one text rule of every output format (tracebridge.sinks.text): the lone surrogate as its six characters.
    assert back["attributes"]["output"] == "cut at \\ud83d"


def _depth_by_walking(text: bytes) -> int:
    """The reference: one character at a time, a backslash escapes a backslash or quote right after it, quotes toggle
    a string, and the deepest point of the running count of brackets outside strings (it may go negative on invalid
    text). A backslash before any other character is a letter's escape inside a string, or invalid JSON outside one,
    where a decoder stops: either way that character is read as itself."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in text:
        if escaped:
            escaped = False
            if byte in b'\\"':
                continue
        if byte == ord("\\"):
            escaped = True
        elif byte == ord('"'):
            in_string = not in_string
        elif not in_string and byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif not in_string and byte in b"]}":
            depth -= 1
    return deepest


@hypothesis.settings(max_examples=3000, deadline=None)
@hypothesis.given(hypothesis.strategies.binary(max_size=80).map(lambda b: bytes(b'[]{}"\\a,'[x % 8] for x in b)))
def test_nesting_depth_is_the_walked_depth_of_any_text(text: bytes) -> None:
    assert json_codec.nesting_depth(text) == _depth_by_walking(text)


@pytest.mark.parametrize("depth", [0, 1, 14, 63, 64, 65, 200, json_codec.MAX_DEPTH + 1])
@pytest.mark.parametrize("unbalanced", [False, True])
def test_nesting_depth_of_deep_valid_and_cut_documents(depth: int, unbalanced: bool) -> None:
    inner = b'{"s":"]]\\"[[","a":[1,{}]}'  # brackets and an escaped quote inside a string do not count
    text = b'{"k":[' * depth + inner + b"]}" * depth
    if unbalanced:
        text = text[: len(text) - depth]  # cut, as a truncated page is
    assert json_codec.nesting_depth(text) == _depth_by_walking(text)
    assert json_codec.nesting_depth(text.decode()) == _depth_by_walking(text)


IS_JSON_CASES = (
    *EDGE_DOCUMENTS,
    b'{"score": NaN, "s": "\\ud83d"}',  # msgspec refuses both; the standard library reads them
    b'{"cut": [1, 2',
    b'{"a": 1} trailing',
    b'{"bad": "\\q"}',
    b'{"not utf-8": "\xff"}',
    b'{"digits": ' + b"1" * 5000 + b"}",  # longer than Python converts
    b"[" * json_codec.MAX_DEPTH + b"]" * json_codec.MAX_DEPTH,
    b"[" * (json_codec.MAX_DEPTH + 1) + b"]" * (json_codec.MAX_DEPTH + 1),
    b"[" * 5000 + b"]" * 5000,  # past msgspec's own recursion limit
    b'{"wide": [' + b",".join([b'{"a": [1, {"b": 2}]}'] * 20000) + b"]}",  # a page: more brackets than the limit
)


def _loads_reads(text: bytes) -> bool:
    """What ``is_json`` must answer: whether ``loads`` gives a value rather than raise."""
    try:
        json_codec.loads(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("document", IS_JSON_CASES, ids=lambda document: f"{document[:16]!r}...{len(document)}")
def test_is_json_says_whether_loads_reads_the_text(document: bytes) -> None:
    assert json_codec.is_json(document) is _loads_reads(document)


@hypothesis.settings(max_examples=2000, deadline=None)
@hypothesis.given(hypothesis.strategies.binary(max_size=60).map(lambda b: bytes(b'[]{}"\\a,:1 '[x % 11] for x in b)))
def test_is_json_agrees_with_loads_on_any_bracketed_text(text: bytes) -> None:
    assert json_codec.is_json(text) is _loads_reads(text)
