"""JSON text in and out, once: what every source decodes with and every sink encodes with.

Why one module: exporters decode a page (100 KB to 1.3 MB) per request and sinks encode a line per record, so this is
the hottest code after the adapters, and both directions must agree on the edge cases a vendor's Python backend can
send and strict JSON has no room for:

- ``NaN`` / ``Infinity`` (Python's ``json`` reads and writes them). They decode to :class:`NonFinite`, a ``float``
  subclass, and are written back as they were read: DuckDB and Python read them; turning them into ``null`` would lose
  the difference between "no score" and "a score that was NaN".
- lone UTF-16 surrogates (``"\\ud83d"``: an emoji cut in half by a token limit). They cannot be written as UTF-8, so
  the record they are in is written with ``\\uXXXX`` escapes instead of failing the export.

Decoding is the standard library's. orjson decodes about twice as fast, but reads an integer above 64 bits as a
float: a silent change of value, and decoding is a small share of an export's time.

Encoding uses orjson when it is installed (the ``fast`` extra; ``pip install 'tracebridge[fast]'``), about five times
faster than ``json.dumps`` on tracebridge's records, and the standard library otherwise. Both write the same values,
compact and UTF-8 as is; only the spelling of some floats differs (orjson ``0.00001``, Python ``1e-05``: the same
double). Whatever orjson refuses (a :class:`NonFinite`, a lone surrogate, an integer above 64 bits, a key that is not a
string, a type it does not know) is encoded by the standard library, so the two paths never differ in what they
accept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["ENCODER_NAME", "NonFinite", "dumps", "dumps_line", "dumps_text", "loads"]


class NonFinite(float):
    """``NaN``, ``Infinity`` or ``-Infinity`` as read from JSON text: a float that remembers it must be written back
    in the same non-standard spelling (orjson would write ``null``)."""

    __slots__ = ()


def _non_finite(name: str) -> NonFinite:
    return NonFinite(name)  # float() reads "NaN", "Infinity" and "-Infinity"


_DECODER = json.JSONDecoder(parse_constant=_non_finite)


def loads(data: bytes | bytearray | str) -> Any:
    """``json.loads``, with ``NaN``/``Infinity`` read as :class:`NonFinite`.

    Bytes are decoded the way ``json.loads`` decodes them (UTF-8, -16 or -32 by the first bytes; lone surrogates
    kept), so this is a drop-in replacement that raises the same ``json.JSONDecodeError``.
    """
    if not isinstance(data, str):
        data = data.decode(json.detect_encoding(data), "surrogatepass")
    return _DECODER.decode(data)


_STDLIB_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ASCII_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))


def _stdlib_dumps(value: Any) -> bytes:
    try:
        return _STDLIB_ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_ENCODER.encode(value).encode("ascii")  # a lone surrogate: escaped, so nothing is lost


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)  # orjson then gives up and the standard library decides


def _load_orjson() -> tuple[Callable[[Any], bytes], Callable[[Any], bytes]] | None:
    try:
        import orjson  # noqa: PLC0415  (optional: the `fast` extra)
    except ImportError:
        return None
    # Passthrough: datetimes and dataclasses reach `_refuse`, so they fail or succeed exactly as with the stdlib.
    options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
    orjson_dumps = orjson.dumps
    refused = orjson.JSONEncodeError

    def dumps(value: Any) -> bytes:
        try:
            return orjson_dumps(value, default=_refuse, option=options)
        except refused:
            return _stdlib_dumps(value)

    line_options = options | orjson.OPT_APPEND_NEWLINE

    def dumps_line(value: Any) -> bytes:
        try:
            return orjson_dumps(value, default=_refuse, option=line_options)
        except refused:
            return _stdlib_dumps(value) + b"\n"

    return dumps, dumps_line


def _stdlib_dumps_line(value: Any) -> bytes:
    return _stdlib_dumps(value) + b"\n"


_ORJSON = _load_orjson()
ENCODER_NAME = "orjson" if _ORJSON is not None else "json"
"""Which encoder this install writes with ("orjson" or "json"); the benchmarks print it."""

dumps: Callable[[Any], bytes] = _ORJSON[0] if _ORJSON is not None else _stdlib_dumps
"""One value as compact UTF-8 JSON."""

dumps_line: Callable[[Any], bytes] = _ORJSON[1] if _ORJSON is not None else _stdlib_dumps_line
"""One value as one line of JSON Lines, newline included."""


def dumps_text(value: Any) -> str:
    """One value as compact JSON text (a JSON column of the CSV, Parquet and DuckDB sinks)."""
    return dumps(value).decode("utf-8")
