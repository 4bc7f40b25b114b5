"""The one text-safety rule of every output file: a lone surrogate is written as its six-character escape.

A lone surrogate is a UTF-16 code unit (U+D800..U+DFFF) without its other half: an LLM reply cut in the middle of an
emoji (``"\\ud83d"``), or a file name that is not UTF-8 (Python decodes its bytes to ``"\\udcff"``). Python strings hold
it; UTF-8 cannot, so writing it fails in the CSV, Parquet and DuckDB writers, and its JSON escape (``"\\ud83d"``),
though it decodes back in Python, is refused by DuckDB's and pyarrow's JSON readers (``no low surrogate in string``).

The rule, the same in every format and every string (record fields, attribute keys and values, provenance, rejects,
the manifest): each lone surrogate is replaced by the six characters ``\\udXXX`` (a backslash, ``u``, its four
lowercase hex digits). In a plain string column that is the text itself; inside JSON text it is an escaped backslash
(``"\\\\ud83d"``), so every JSON reader reads back the same six characters. Why this and not U+FFFD: the code unit
stays visible (which half of which emoji was cut). Why not the JSON escape: a value one tool reads and two refuse is
not kept. The one ambiguity: a source string that already held those six characters reads the same (and an object
with both spellings of one key keeps one of them).

A high and a low surrogate side by side are one character (JSON joins ``"\\ud83d\\ude00"`` into the emoji too), so
they are joined first and only unpaired ones escaped. Everything else in the string is untouched. A string without a
surrogate costs nothing: the writers try the plain encoding first and apply this only where it failed.
"""

from __future__ import annotations

import re
from typing import Any

from tracebridge.json_codec import dumps_line, dumps_text

_SURROGATE_ESCAPE = re.compile(rb"\\ud[89a-f]")
"""Where a value holds a surrogate, the JSON codec falls back to ``\\uXXXX`` escapes, a surrogate's starting with
``\\ud8`` to ``\\udf``: text without one holds none; text with one may (or holds a backslash and ``ud8`` as text),
and only then is the value looked at. Most JSON text holds no backslash at all, which ``in`` finds out fastest (one
``memchr``); the regular expression runs on the rest."""
_SURROGATE_ESCAPE_TEXT = re.compile(r"\\ud[89a-f]")


def escape_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by its six-character escape; ``text`` itself when it holds none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        return joined.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def escape_value(value: Any) -> Any:
    """A JSON value with the rule applied to every string in it, keys included; ``value`` itself when unchanged."""
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        changed = False
        for key, item in value.items():
            new_key = escape_text(key) if isinstance(key, str) else key
            new_item = escape_value(item)
            changed = changed or new_key is not key or new_item is not item
            out[new_key] = new_item
        return out if changed else value
    if isinstance(value, list | tuple):
        items = [escape_value(item) for item in value]
        return items if any(a is not b for a, b in zip(value, items, strict=True)) else value
    return value


def json_line(value: Any) -> bytes:
    """One JSON line (newline included) with the rule applied: what the JSONL files, rejects and stdout hold."""
    line = dumps_line(value)
    if b"\\" in line and _SURROGATE_ESCAPE.search(line) is not None:
        escaped = escape_value(value)
        if escaped is not value:
            return dumps_line(escaped)
    return line


def json_text(value: Any) -> str:
    """Compact JSON text with the rule applied: the JSON columns of CSV, Parquet and DuckDB."""
    text = dumps_text(value)
    if "\\" in text and _SURROGATE_ESCAPE_TEXT.search(text) is not None:
        escaped = escape_value(value)
        if escaped is not value:
            return dumps_text(escaped)
    return text
