"""``json_scan.scan`` finds the same elements as a scanner that walks every token in Python (the reference below, as
the module was before its regular expression learned to skip strings itself), on any text: well-formed, pretty-
printed, or broken anywhere."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tracebridge.imports.json_scan import Container, Span, scan, siblings, values

_TOKEN = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"|"[^\n]*|[\[\]{},:]')
_OPENER = {"]": "[", "}": "{"}


def reference_scan(text: str, opening: int) -> Container:
    stack = [text[opening]]
    found: list[tuple[int, int, int | None, bool]] = []
    start, colon = opening + 1, None
    for token in _TOKEN.finditer(text, opening + 1):
        char = token.group()[0]
        if char == '"':
            continue
        if char in "[{":
            stack.append(char)
        elif char in "]}":
            opener = _OPENER[char]
            if opener not in stack:
                continue
            while stack.pop() != opener:
                pass
            if not stack:
                found.append((start, token.start(), colon, True))
                return _container(text, found, token.end(), closed=True)
        elif len(stack) == 1:
            if char == ",":
                found.append((start, token.start(), colon, True))
                start, colon = token.end(), None
            elif colon is None:
                colon = token.start()
    found.append((start, len(text), colon, False))
    return _container(text, found, len(text), closed=False)


def _container(text: str, found: list[tuple[int, int, int | None, bool]], end: int, *, closed: bool) -> Container:
    elements = []
    for first, last, colon, element_closed in found:
        start, stop = first, last
        while start < stop and text[start] in " \t\r\n":
            start += 1
        while stop > start and text[stop - 1] in " \t\r\n":
            stop -= 1
        if start < stop:
            elements.append(Span(start, stop, element_closed, colon))
    return Container(elements, end, closed)


# Text made of what matters to the structure (brackets, commas, colons, quotes, escapes, line breaks) and filler.
PIECES = st.sampled_from(
    ['"', "\\", "\n", "[", "]", "{", "}", ",", ":", " ", "a", "1", '\\"', '"k": ', "é", "[[[", "]]]", "{{", "}}}"]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def _openings(text: str) -> list[int]:
    return [i for i, char in enumerate(text) if char in "[{"][:6]


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_any_text_is_scanned_as_the_token_walk_scans_it(text: str) -> None:
    for opening in _openings(text):
        assert scan(text, opening) == reference_scan(text, opening)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans(), st.data())
def test_json_broken_at_one_place_is_scanned_as_the_token_walk_scans_it(
    value: object, pretty: bool, data: st.DataObject
) -> None:
    text = json.dumps({"records": [value, value], "total": 2}, indent=2 if pretty else None, ensure_ascii=False)
    assert scan(text, 0) == reference_scan(text, 0)
    cut = data.draw(st.integers(1, len(text)))
    broken = text[:cut] + data.draw(PIECES) + text[cut + data.draw(st.integers(0, 3)) :]
    for opening in _openings(broken):
        assert scan(broken, opening) == reference_scan(broken, opening)


def test_elements_members_and_where_they_end() -> None:
    text = '{"a": [1, "x,]"], "b": {"c": "\\"}"}, "d": 3}'
    container = scan(text, 0)
    assert container.closed and container.end == len(text)
    assert [text[span.start : span.end] for span in container.elements] == [
        '"a": [1, "x,]"]',
        '"b": {"c": "\\"}"}',
        '"d": 3',
    ]
    assert [text[span.value_start() : span.end].strip() for span in container.elements] == [
        '[1, "x,]"]',
        '{"c": "\\"}"}',
        "3",
    ]


def test_a_string_left_open_ends_at_its_line_and_a_cut_text_is_not_closed() -> None:
    text = '[\n  {"a": "open},\n  {"b": 2}\n]'
    container = scan(text, 0)
    assert container.closed
    assert [text[span.start : span.end] for span in container.elements] == ['{"a": "open},\n  {"b": 2}']
    assert [text[s.start : s.end] for s in siblings(text, container.elements[0])] == ['{"a": "open},', '{"b": 2}']
    cut = scan('[1, 2, {"a": ', 0)
    assert not cut.closed and not cut.elements[-1].closed
    assert values('{"a": 1}\n[2]\n') == [Span(0, 8), Span(9, 12)]


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "deep", "x": ' + "[" * 100_000 + "]" * 99_999 + ', "y": 1}',  # one left open: swallows the rest
        '{"id": "deep", "x": ' + "[" * 50_000 + "]" * 50_001 + ', "y": 1}',  # one too many closes the object
        "[" + "[{" * 30_000 + "}]" * 30_000 + ", 2]",
        "[" + "[[{{" * 20_000 + "]" * 20_000 + ", 2]",  # closing a [ closes the {{ left open inside it
        "[" + "{" * 1_000 + "]" * 3 + "}" * 999 + "}" * 5 + ", 3]",  # stray closers of a kind no longer open
    ],
)
def test_deep_nesting_is_scanned_as_the_token_walk_scans_it(text: str) -> None:
    for opening in (0, text.index("[")):
        assert scan(text, opening) == reference_scan(text, opening)


def test_a_long_tail_after_the_last_bracket_is_read_once() -> None:
    # The search ends with an empty match at the end of the text: it never fails and starts again one character on,
    # which would read a long tail of filler once per character (quadratic).
    text = "[1]" + " " * 200_000
    assert scan(text, 0) == Container([Span(1, 2)], 3, True)
    open_text = "[1, " + "x" * 200_000
    assert scan(open_text, 0) == reference_scan(open_text, 0)
