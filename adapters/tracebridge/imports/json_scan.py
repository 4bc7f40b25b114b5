"""Where the elements of JSON text begin and end, found without decoding it: for reading around a broken element.

A page saved from an API (``{"records": [...], "total": 3}``) or an array of records is one document, and one broken
record in it (a hand edit, a flipped byte, a record nested too deep) would otherwise cost every record of the file.
``scan`` walks the structure of a container (an array or an object) the way a decoder would, but without decoding
anything: strings are skipped whole, brackets are counted, and each element (or object member) ends at the next comma
at its own depth, or at the bracket that closes the container. Each element can then be decoded on its own, so a
broken one is one reject and its siblings are read.

How far that goes, as for any reader that must guess where a broken element ends:

- A JSON string cannot hold a raw line break, so a string left open ends at the end of its line. In a pretty-printed
  document the damage stays within the element on that line; in a document on one line, the string runs to its end,
  and the elements after it are read as part of the broken one (one reject holding them all: nothing is dropped).
- A closing bracket of the wrong kind closes the innermost open bracket of its kind (``{"a": [1}`` is one element);
  one whose kind is not open at all is ignored.
- A missing comma joins two elements into one, which then fails to decode: one reject for both.
- An opening bracket left unclosed swallows the elements after it, to the end of the text. In a pretty-printed
  document their layout still says where each begins: ``siblings`` cuts a broken element at every line that starts
  at its own indentation with an opening bracket, so the records after the damage are read again, each on its own.
- An element cut off by the end of the text is marked ``closed=False``: the file was cut there.
"""

from __future__ import annotations

import re

import attrs

_TOP = re.compile(r'(?:"(?:[^"\\\n]|\\[^\n])*+"|"[^\n]*+|[^"\[\]{},:]++)*+(\[++|\]++|\{++|\}++|[,:]|\Z)')
"""Everything up to the next bracket, comma or colon outside a string, then that character, or a run of that
bracket (group 1; empty at the end of the text): what matters at the container's own level. Skipped in the regular
expression engine rather than token by token in Python: a string on one line, a string left open (to the end of its
line), and what lies between (numbers, literals, white space), none of which matters to the structure. The
quantifiers are possessive, so nothing skipped is read again, and the empty match at the end means a match never
fails. Runs of one bracket are taken whole: text nested 100,000 deep is then a few matches, not 200,000."""
_NESTED = re.compile(r'(?:"(?:[^"\\\n]|\\[^\n])*+"|"[^\n]*+|[^"\[\]{}]++)*+(\[++|\]++|\{++|\}++|\Z)')
"""The same inside an element, where only brackets matter: commas and colons are skipped too (most of a page's
text is inside its records)."""
_OPENER = {"]": "[", "}": "{"}
_SPACE = " \t\r\n"


@attrs.frozen
class Span:
    """One element of a container (for an object, one member): where its text starts and ends in the whole text."""

    start: int
    end: int
    closed: bool = True
    """False when the text ended inside it."""
    colon: int | None = None
    """For an object member: where its ``:`` is (the key before it, the value after it); None in an array."""

    def value_start(self) -> int:
        return self.start if self.colon is None else self.colon + 1


@attrs.frozen
class Container:
    """A container's elements, and where it ends: after its closing bracket, or at the end of the text."""

    elements: list[Span]
    end: int
    closed: bool


def scan(text: str, opening: int) -> Container:
    """The elements of the array or object whose opening bracket is at ``opening`` (see the module for how a broken
    one is bounded). Empty elements (``[1,,2]``, a trailing comma) are left out: there is nothing in them to lose.

    The open brackets are kept as runs (``kinds[i]`` open ``counts[i]`` times in a row) with a count per kind, so a
    run of brackets costs one step whatever its length."""
    kinds, counts = [text[opening]], [1]
    open_of = {"[": 0, "{": 0}
    open_of[text[opening]] = 1
    depth = 1
    elements: list[Span] = []
    start, colon = opening + 1, None
    position = opening + 1
    while True:
        token = (_TOP if depth == 1 else _NESTED).match(text, position)
        assert token is not None, "both match at every position (see _TOP)"
        run = token.group(1)
        if not run:
            break  # the end of the text
        position = token.end()
        char = run[0]
        if char in "[{":
            if kinds[-1] == char:
                counts[-1] += len(run)
            else:
                kinds.append(char)
                counts.append(len(run))
            open_of[char] += len(run)
            depth += len(run)
        elif char in "]}":
            # Each closes the innermost open bracket of its kind, and the brackets of the other kind left open inside
            # it; one whose kind is not open closes nothing (a stray bracket, part of a broken element).
            opener = _OPENER[char]
            closers, used = len(run), 0
            while used < closers and open_of[opener]:
                while kinds[-1] != opener:
                    count = counts.pop()
                    open_of[kinds.pop()] -= count
                    depth -= count
                taken = min(closers - used, counts[-1])
                counts[-1] -= taken
                open_of[opener] -= taken
                depth -= taken
                used += taken
                if not counts[-1]:
                    kinds.pop()
                    counts.pop()
                if not kinds:
                    closing = token.start(1) + used - 1
                    _add(elements, text, start, closing, colon, closed=True)
                    return Container(elements, closing + 1, closed=True)
        elif char == ",":
            _add(elements, text, start, token.start(1), colon, closed=True)
            start, colon = token.end(1), None
        elif colon is None:  # the ':' of an object member
            colon = token.start(1)
    _add(elements, text, start, len(text), colon, closed=False)
    return Container(elements, len(text), closed=False)


def _add(elements: list[Span], text: str, start: int, end: int, colon: int | None, *, closed: bool) -> None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start < end:
        elements.append(Span(start, end, closed, colon))


def siblings(text: str, span: Span) -> list[Span]:
    """``span`` (an element that did not decode) cut where a pretty-printed layout says its swallowed siblings begin:
    at each line indented as the element's own first line and starting with ``{`` or ``[``. Each part ends at its
    closing bracket when it has one (the damage, a comma or the parent's closing brackets after it are left out of
    it and, when not only punctuation, become a part of their own). One part, ``span`` itself, when nothing says so."""
    line_start = text.rfind("\n", 0, span.start) + 1
    indent = text[line_start : span.start]
    if indent.strip(" \t"):
        return [span]  # the element does not start its line: no layout to go by
    sibling = re.compile(f"\n{re.escape(indent)}[{{\\[]")
    starts = [span.start]
    starts.extend(match.end() - 1 for match in sibling.finditer(text, span.start, span.end))
    if len(starts) == 1:
        return [span]
    parts: list[Span] = []
    for start, next_start in zip(starts, [*starts[1:], span.end], strict=True):
        end = next_start if next_start < span.end else span.end
        container = scan(text[:end], start)
        if container.closed:
            parts.append(Span(start, container.end))
            rest = text[container.end : end].strip(_SPACE + ",]}")
            if rest:
                rest_start = text.index(rest[0], container.end)
                _add(parts, text, rest_start, end, None, closed=True)
        else:
            _add(parts, text, start, end, None, closed=span.closed or next_start < span.end)
    return parts


def values(text: str) -> list[Span]:
    """The top-level values of ``text``: usually one document, but ``jq . a.json b.json`` writes several in a row.

    A container runs to its closing bracket; anything else (a scalar, or text that is not JSON) to the end of its
    line."""
    found: list[Span] = []
    position = skip_space(text, 0)
    while position < len(text):
        if text[position] in "[{":
            container = scan(text, position)
            found.append(Span(position, container.end, container.closed))
            position = container.end
        else:
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
            end = line_end
            while text[end - 1] in _SPACE:
                end -= 1
            found.append(Span(position, end))
            position = line_end
        position = skip_space(text, position)
    return found


def skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


class LineCounter:
    """Line numbers of positions in a text, counted from the last position asked about (readers ask in order)."""

    def __init__(self, text: str, first: int = 1) -> None:
        self._text = text
        self._position = 0
        self._line = first

    def line_of(self, position: int) -> int:
        if position >= self._position:
            self._line += self._text.count("\n", self._position, position)
        else:
            self._line -= self._text.count("\n", position, self._position)
        self._position = position
        return self._line

    def column_of(self, position: int) -> int:
        return position - self._text.rfind("\n", 0, position)
