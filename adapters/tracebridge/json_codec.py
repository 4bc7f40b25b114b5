"""JSON text in and out, once: what every source decodes with and every sink encodes with.

Why one module: exporters decode a page (100 KB to 1.3 MB) per request or a line per streamed record, and sinks encode
a line per common record, so this is the hottest code after the adapters; and both directions must agree on the edge
cases a vendor's Python backend can send and strict JSON has no room for:

- ``NaN`` / ``Infinity`` (Python's ``json`` reads and writes them). They decode to :class:`NonFinite`, a ``float``
  subclass, and are written back as they were read: DuckDB and Python read them, and ``null`` would lose the
  difference between "no score" and "a score that was NaN".
- lone UTF-16 surrogates (``"\\ud83d"``: an emoji cut in half by a token limit). They cannot be written as UTF-8, so
  the value they are in is written with ``\\uXXXX`` escapes instead of failing the export.

With the ``fast`` extra (``pip install 'tracebridge[fast]'``) both directions use msgspec, several times faster than
the standard library in each direction (``docs/benchmarks.md`` has the figures per payload). msgspec was chosen
over orjson because it decodes integers above 64 bits exactly (orjson turns them into floats: a silent change of
value).
Without the extra, the standard library does both. Whatever msgspec refuses (NaN, a lone surrogate, an unknown type,
a malformed document) is handed to the standard library, so the fast path accepts and decodes exactly what the
standard one does, with the same errors. Written output holds the same values either way; only the spelling of some
floats differs (msgspec ``0.00002`` and ``1e16``, Python ``2e-05`` and ``1e+16``: the same doubles). One difference in
what is accepted: msgspec also writes values that are not JSON types (a ``datetime`` as ISO 8601 text, a UUID, an
enum) where the standard library raises ``TypeError``; the adapters never produce them, only hand-built records can.

Nesting is bounded (``MAX_DEPTH``): both decoders recurse once per level and count it against the interpreter's
recursion limit (1,000 by default, shared with the caller's own frames), so a line nested 100,000 deep would raise
``RecursionError`` and take its whole file down, and one nested 900 deep would decode or not depending on how deep
the caller's stack happened to be. ``loads`` measures the nesting first, without recursing, and refuses text nested
deeper than ``MAX_DEPTH`` with ``NestingError``, a ``ValueError`` like any malformed JSON, so every reader turns it
into one reject. A record is measured by counting its opening brackets (two ``count`` passes); a page decoded whole
by a few passes in C over its bytes, most of what msgspec takes to decode it (``docs/benchmarks.md``), and a page
split into its records' texts (``split_list``) by its records, which are small enough to be counted.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, Final

__all__ = [
    "CODEC_NAME",
    "MAX_DEPTH",
    "NestingError",
    "NonFinite",
    "check_depth",
    "dumps",
    "dumps_line",
    "dumps_text",
    "loads",
    "loads_measured",
    "nesting_depth",
    "probe",
    "split_list",
]

MAX_DEPTH: Final = 512
"""How deep JSON text may nest (arrays and objects inside each other) to be decoded: half the interpreter's default
recursion limit, so the decoders (one recursion per level) and any later stage that recurses once per level, such as
the encoders writing the value back out, keep about 480 frames for whoever calls them. Real exports nest a dozen
levels (a Galileo session, its traces, their spans, their messages); a nested child costs two (its list and itself),
so a chain of 250 nested Logs or spans still reads."""


class NestingError(ValueError):
    """JSON text nested deeper than ``MAX_DEPTH``: refused before it is decoded, as malformed JSON is."""

    def __init__(self, depth: int | None = None) -> None:
        found = f" ({depth} levels)" if depth is not None else ""
        super().__init__(f"nested deeper than {MAX_DEPTH} levels{found}, the most tracebridge decodes")
        self.depth = depth

    def __reduce__(self) -> tuple[type[NestingError], tuple[int | None]]:
        return (NestingError, (self.depth,))  # pickled by its depth: its __init__ builds the message


class NonFinite(float):
    """``NaN``, ``Infinity`` or ``-Infinity`` as read from JSON text: a float that remembers it must be written back
    in the same non-standard spelling (a fast encoder would write ``null``)."""

    __slots__ = ()


def _non_finite(name: str) -> NonFinite:
    return NonFinite(name)  # float() reads "NaN", "Infinity" and "-Infinity"


_STDLIB_DECODER = json.JSONDecoder(parse_constant=_non_finite)
_STDLIB_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))


_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
_ESCAPE = re.compile(rb'\\[\\"]')
"""An escaped backslash or quote, paired left to right as a decoder pairs them: the only escapes that can change
which quotes end a string (any other pairs the backslash with a character that is neither)."""
_OPEN_CLOSE = bytes.maketrans(b"[{]}", b"(())")
_LEVEL_STEP = bytes.maketrans(b"()", b"\x02\x00")
_PEELS = 64
"""Innermost-pair passes tried before the exact running count (real JSON nests a dozen levels)."""
_COUNT_FIRST_BYTES = 64 * 1024
"""Text up to this size is first checked by counting its opening brackets (a record: cheaper than measuring)."""


def _brackets(raw: bytes) -> bytes:
    """The brackets of JSON text outside its strings, as ``(`` and ``)``, in order."""
    if b'\\"' in raw:  # where no quote follows a backslash, no quote is escaped
        raw = _ESCAPE.sub(b"", raw)  # an escaped quote no longer ends a string
    # Removing two adjacent quotes (an empty string, or the end of one string and the start of the next) leaves
    # every other character inside or outside a string as it was; most strings hold no bracket, so few remain.
    structure = raw.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:
        structure = b"".join(structure.split(b'"')[::2])  # the even parts are outside strings
    return structure.translate(_OPEN_CLOSE)


def nesting_depth(data: bytes | bytearray | str) -> int:
    """How deep the arrays and objects of JSON text nest (0 for a scalar), measured without recursing.

    Exact for valid JSON, and for the part of invalid JSON a decoder would read before failing, so never less than
    a decoder would recurse. Every step runs in C over the whole text (no Python loop per character): drop escapes,
    keep only quotes and brackets, drop the brackets inside strings. Then, for balanced brackets, the depth is the
    number of passes that remove every innermost ``()`` until none is left (each pass removes exactly the deepest
    level: a deepest opening bracket is always closed next); anything else (unbalanced, or deeper than the passes
    tried) gets the deepest point of the running count of opened minus closed brackets, a step per bracket.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    brackets = _brackets(raw)
    rest = brackets
    for peeled in range(_PEELS):
        if not rest:
            return peeled
        inner = rest.replace(b"()", b"")
        if len(inner) == len(rest):
            break
        rest = inner
    # Each opening bracket steps by 2 and each closing one by 0, so after i brackets the depth is sum - i.
    steps = brackets.translate(_LEVEL_STEP)
    depths: Iterator[int] = map(operator.sub, itertools.accumulate(steps), itertools.count(1))
    return max(itertools.chain((0,), depths))


def _within(data: bytes | bytearray | str, limit: int) -> bool:
    """Whether text nests at most ``limit`` deep; text with fewer brackets than that cannot be deeper."""
    if len(data) <= _COUNT_FIRST_BYTES:
        opens = data.count("[") + data.count("{") if isinstance(data, str) else data.count(b"[") + data.count(b"{")
        if opens <= limit:
            return True
    return nesting_depth(data) <= limit


def _check_depth(data: bytes | bytearray | str) -> None:
    """Raise ``NestingError`` for text nested deeper than ``MAX_DEPTH``."""
    if not _within(data, MAX_DEPTH):
        raise NestingError(nesting_depth(data))


def _stdlib_loads(data: bytes | bytearray | str) -> Any:
    if not isinstance(data, str):
        # As json.loads decodes bytes: UTF-8, -16 or -32 by the first bytes, lone surrogates kept.
        data = data.decode(json.detect_encoding(data), "surrogatepass")
    return _STDLIB_DECODER.decode(data)


def _stdlib_dumps(value: Any) -> bytes:
    try:
        return _STDLIB_ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(value).encode("ascii")  # a lone surrogate: escaped, so nothing is lost


def _stdlib_dumps_line(value: Any) -> bytes:
    return _stdlib_dumps(value) + b"\n"


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)  # msgspec then gives up and the standard library decides


Codec = tuple[Callable[[Any], Any], Callable[[Any], bytes], Callable[[Any], bytes]]


def _msgspec_codec() -> Codec | None:
    try:
        import msgspec  # noqa: PLC0415  (optional: the `fast` extra)
    except ImportError:
        return None
    decode = msgspec.json.Decoder().decode
    encoder = msgspec.json.Encoder(enc_hook=_refuse)  # a NonFinite reaches the hook: float subclasses are not floats
    encode = encoder.encode
    refused = (msgspec.MsgspecError, TypeError, ValueError)  # ValueError: UnicodeEncodeError of a lone surrogate

    def loads(data: bytes | bytearray | str) -> Any:
        try:
            return decode(data)
        except refused:
            return _stdlib_loads(data)  # NaN, a lone surrogate, or not JSON: the stdlib's value or its error

    def dumps(value: Any) -> bytes:
        try:
            return encode(value)
        except refused:
            return _stdlib_dumps(value)

    def dumps_line(value: Any) -> bytes:
        try:
            return encode(value) + b"\n"
        except refused:
            return _stdlib_dumps_line(value)

    return loads, dumps, dumps_line


_FAST = _msgspec_codec()
CODEC_NAME = "msgspec" if _FAST is not None else "json"
"""Which codec this install reads and writes with ("msgspec" or "json"); the benchmarks print it."""

_decode: Callable[[bytes | bytearray | str], Any] = _FAST[0] if _FAST is not None else _stdlib_loads


def loads(data: bytes | bytearray | str) -> Any:
    """``json.loads``, with ``NaN``/``Infinity`` read as :class:`NonFinite`; raises ``json.JSONDecodeError`` as it does,
    and ``NestingError`` (also a ``ValueError``) for text nested deeper than ``MAX_DEPTH``."""
    _check_depth(data)
    try:
        return _decode(data)
    except RecursionError:
        # Within MAX_DEPTH, but called from a stack already nearly as deep as the interpreter allows.
        raise NestingError from None


def loads_measured(data: bytes | bytearray | str) -> Any:
    """``loads`` for text whose nesting is known to be within ``MAX_DEPTH`` (measured when it was read, or written
    from a value decoded from such text: what a worker is sent, a page's record after ``split_list``): the same value
    or error, without measuring it again."""
    try:
        return _decode(data)
    except RecursionError:
        raise NestingError from None


dumps: Callable[[Any], bytes] = _FAST[1] if _FAST is not None else _stdlib_dumps
"""One value as compact UTF-8 JSON (non-ASCII as is)."""

dumps_line: Callable[[Any], bytes] = _FAST[2] if _FAST is not None else _stdlib_dumps_line
"""One value as one line of JSON Lines, newline included."""


def dumps_text(value: Any) -> str:
    """One value as compact JSON text (a JSON column of the CSV, Parquet and DuckDB sinks)."""
    return dumps(value).decode("utf-8")


# --- decoding only as far as needed ---------------------------------------------------------------------------
# When worker processes map an export, its own process reads every record only to count it and drop repeats (its
# identity), then sends the record's JSON text on: decoding all of a 1.3 MB page there, and encoding each record
# back to text for the workers, was most of what that process did (``docs/benchmarks.md``). These two read a page
# into its records' texts and a record only as far as its identity. Both need msgspec; without it they answer None
# and the caller decodes in full, as it does whenever msgspec will not read the text so (NaN, a lone surrogate,
# malformed JSON): ``loads`` then gives the value or the error, exactly as before.

Split = Callable[[bytes, str], "tuple[dict[str, Any], list[bytes]] | None"]
Probe = Callable[[bytes, Any], Any]
Skip = Callable[[bytes], bool]


def _partial_codec() -> tuple[Split, Probe, Skip] | None:
    try:
        import msgspec  # noqa: PLC0415  (optional: the `fast` extra)
    except ImportError:
        return None
    whole = msgspec.json.Decoder(msgspec.Raw).decode
    members = msgspec.json.Decoder(dict[str, msgspec.Raw]).decode
    elements = msgspec.json.Decoder(list[msgspec.Raw]).decode
    decode = msgspec.json.Decoder().decode
    refused = (msgspec.MsgspecError, TypeError, ValueError)
    probes: dict[Any, Callable[[bytes], Any]] = {}

    def split(data: bytes, key: str) -> tuple[dict[str, Any], list[bytes]] | None:
        """The object with its other members decoded and its ``key`` list as its elements' texts, and the texts of
        the other members (msgspec recurses as deep as the text nests, up to the interpreter's recursion limit)."""
        try:
            fields = members(data)
            listed = fields.pop(key, None)
            if listed is None:
                return None
            value = {name: decode(text) for name, text in fields.items()}
            value[key] = [bytes(text) for text in elements(listed)]
        except refused:
            return None
        return value, [bytes(text) for text in fields.values()]

    def probe(data: bytes, shape: Any) -> Any:
        decoder = probes.get(shape)
        if decoder is None:
            decoder = probes[shape] = msgspec.json.Decoder(shape).decode
        try:
            return decoder(data)
        except refused:
            return None

    def skip(data: bytes) -> bool:
        """Whether msgspec reads ``data`` as one JSON value (skipped: nothing is built); False also for what it
        refuses but the standard library may read (NaN, a lone surrogate), and for text nested past its limit."""
        try:
            whole(data)
        except (*refused, RecursionError):
            return False
        return True

    return split, probe, skip


_PARTIAL = _partial_codec()


_DIGITS_AS_ZERO: Final = bytes.maketrans(b"123456789", b"000000000")


def _decodes_whole(data: bytes, *, utf8_checked: bool = False) -> bool:
    """Whether what msgspec skips unread in ``data`` is sure to decode too. Skipping checks the JSON's syntax and
    escapes but not two things a whole decode refuses: bytes that are not UTF-8 inside a string, and an integer
    longer than Python converts (``sys.get_int_max_str_digits``). Text with either, or with a string holding as many
    digits in a row, is decoded whole instead, which gives the error (or the value) it always did. ``utf8_checked``:
    the caller has decoded ``data`` as UTF-8 already."""
    if not utf8_checked and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    digits = sys.get_int_max_str_digits()
    if not digits or len(data) <= digits:
        return True
    # A run of more than ``digits`` digits puts ``need`` digits in a row into every ``stride``-th byte: where the
    # sample has no such row (nearly every page), the text has no such run, and only the sample was translated.
    stride = max(1, digits // 64)
    need = (digits + 1) // stride
    if b"0" * need not in data[::stride].translate(_DIGITS_AS_ZERO):
        return True
    return b"0" * (digits + 1) not in data.translate(_DIGITS_AS_ZERO)


def split_list(data: bytes, key: str) -> dict[str, Any] | None:
    """The JSON object ``data`` with its ``key`` list as the JSON text of each element (``bytes``, as they were in
    ``data``) and its other members decoded; None when ``data`` is not such an object, or msgspec will not read it
    so, or its elements might not decode whole (``_decodes_whole``). Raises ``NestingError`` as ``loads`` does.

    Nesting is measured after the split, on each part: a page is two levels over its deepest record, and a record is
    small enough for its brackets to be counted rather than measured, far cheaper than measuring the page
    (``docs/benchmarks.md``).
    """
    split = None
    if _PARTIAL is not None and _decodes_whole(data):
        try:
            split = _PARTIAL[0](data, key)
        except RecursionError:
            split = None  # nested past the interpreter's limit: measured below, and refused
    if split is None:
        _check_depth(data)
        return None
    value, others = split
    # The object is one level over its members, two over its list's elements.
    if not all(_within(text, MAX_DEPTH - 2) for text in value[key]) or not all(
        _within(text, MAX_DEPTH - 1) for text in others
    ):
        raise NestingError(nesting_depth(data))
    return value


def probe(data: bytes, shape: Any, *, whole_checked: bool = False, utf8_checked: bool = False) -> Any:
    """``data`` decoded only as far as ``shape`` (a ``TypedDict`` of the members wanted) says, other members skipped;
    None when it does not have that shape, msgspec will not read it, or what was skipped might not decode whole
    (``_decodes_whole``; ``whole_checked``: ``split_list`` checked the page it came from; ``utf8_checked``: the caller
    decoded ``data`` as UTF-8, so only its digits are checked). Nesting is not measured: ``split_list`` measured the
    page, or the caller measures the text (``check_depth``)."""
    if _PARTIAL is None or not (whole_checked or _decodes_whole(data, utf8_checked=utf8_checked)):
        return None
    return _PARTIAL[1](data, shape)


def is_json(data: bytes) -> bool:
    """Whether ``loads(data)`` would give a value rather than raise, without building the value where msgspec can
    tell (a format check of a file's first lines, which may be whole pages of megabytes): the text is skipped, which
    checks its syntax, and what skipping does not check (``_decodes_whole``) and its nesting are checked as ``loads``
    checks them. Whatever msgspec will not skip is decoded, which decides."""
    if _PARTIAL is not None and _decodes_whole(data) and _PARTIAL[2](data):
        return _within(data, MAX_DEPTH)
    try:
        loads(data)
    except ValueError:
        return False
    return True


def check_depth(data: bytes | bytearray | str) -> None:
    """Raise ``NestingError`` for text ``loads`` would refuse as nested too deep (``MAX_DEPTH``)."""
    _check_depth(data)
