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
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["CODEC_NAME", "NonFinite", "dumps", "dumps_line", "dumps_text", "loads"]


class NonFinite(float):
    """``NaN``, ``Infinity`` or ``-Infinity`` as read from JSON text: a float that remembers it must be written back
    in the same non-standard spelling (a fast encoder would write ``null``)."""

    __slots__ = ()


def _non_finite(name: str) -> NonFinite:
    return NonFinite(name)  # float() reads "NaN", "Infinity" and "-Infinity"


_STDLIB_DECODER = json.JSONDecoder(parse_constant=_non_finite)
_STDLIB_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))


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

loads: Callable[[bytes | bytearray | str], Any] = _FAST[0] if _FAST is not None else _stdlib_loads
"""``json.loads``, with ``NaN``/``Infinity`` read as :class:`NonFinite`; raises ``json.JSONDecodeError`` as it does."""

dumps: Callable[[Any], bytes] = _FAST[1] if _FAST is not None else _stdlib_dumps
"""One value as compact UTF-8 JSON (non-ASCII as is)."""

dumps_line: Callable[[Any], bytes] = _FAST[2] if _FAST is not None else _stdlib_dumps_line
"""One value as one line of JSON Lines, newline included."""


def dumps_text(value: Any) -> str:
    """One value as compact JSON text (a JSON column of the CSV, Parquet and DuckDB sinks)."""
    return dumps(value).decode("utf-8")
