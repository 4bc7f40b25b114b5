"""API keys that cannot leak by accident, and URLs whose credentials are never shown.

A key is wrapped the moment it enters tracebridge (argument or environment variable) and only ``reveal()`` gives the
text back, which the transport does once, to build the request header. ``repr``, ``str`` and f-strings show a
placeholder, so a key cannot end up in a log line, an exception message or a manifest by being printed.

Text that quotes what a server or library said may still hold the key, in any of the forms text takes: as is, escaped
for JSON or a Python repr (an httpx "Illegal header value b'...'"), percent-encoded in a URL, or base64-encoded in
an HTTP Basic header. ``redact`` replaces every one of those forms. A key holding a character no key has (a newline
pasted inside it, a tab, a space, a non-ASCII letter) is refused when it is wrapped, by a message that does not echo
it: such a key cannot be a valid header value, and its escaped forms are where leaks hide.
"""

from __future__ import annotations

import base64
import json
import os
import re
import urllib.parse
from typing import Final, final

PLACEHOLDER: Final = "***"

_URL_CREDENTIALS: Final = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^\s/?#@]+)@")
"""``scheme://user:password@`` in any text: the userinfo part of a URL."""


def redact_url_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced (``http://***@host/``)."""
    return _URL_CREDENTIALS.sub(lambda match: f"{match['scheme']}{PLACEHOLDER}@", text)


def _not_a_key_character(value: str, *, spaces: bool = False) -> int | None:
    """The position of the first character no API key holds (a control character, a space unless ``spaces``,
    anything not printable ASCII: an HTTP header value cannot carry it), or None."""
    lowest = " " if spaces else "!"
    for position, char in enumerate(value):
        if not lowest <= char <= "~":
            return position
    return None


@final
class ApiKey:
    __slots__ = ("_forms", "_value")

    def __init__(self, value: str, *, source: str = "the API key", header: bool = False) -> None:
        """``source`` names where the key came from (an environment variable) in the messages that refuse it;
        ``header``: a whole header value (``Bearer ...``, ``Basic ...``), which may hold spaces."""
        value = value.strip()  # a trailing newline from `$(cat key-file)` is not part of the key
        if not value:
            raise ValueError(f"{source} is empty")
        position = _not_a_key_character(value, spaces=header)
        if position is not None:
            raise ValueError(
                f"{source} holds a character no API key has (a control character, a space or a non-ASCII character, "
                f"at position {position + 1} of {len(value)}): set it again as the platform shows it"
            )
        self._value = value
        forms = _encoded_forms(value)
        _scheme, space, credential = value.partition(" ")
        if header and space and credential.strip():
            # "Bearer <token>": a server may echo the token alone; it is the secret part.
            forms = tuple(sorted({*forms, *_encoded_forms(credential.strip())}, key=len, reverse=True))
        self._forms = forms

    @classmethod
    def from_env(cls, *names: str) -> ApiKey | None:
        """The key from the first of ``names`` that is set and non-empty, or None; a ValueError naming the variable
        when its value cannot be a key."""
        for name in names:
            value = os.environ.get(name, "").strip()
            if value:
                return cls(value, source=name)
        return None

    def reveal(self) -> str:
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with the key replaced in every form it can take there (see the module); for messages that quote
        what a server or a library echoed back."""
        for form in self._forms:
            text = text.replace(form, PLACEHOLDER)
        return text

    def __repr__(self) -> str:
        return f"ApiKey({PLACEHOLDER})"

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiKey) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickling would write the key to disk or a pipe in clear; refuse rather than leak.
        raise TypeError("ApiKey cannot be pickled")


def _encoded_forms(value: str) -> tuple[str, ...]:
    """Every way ``value`` can appear in text, longest first (so a longer form is replaced before a part of it)."""
    forms = {
        value,
        json.dumps(value)[1:-1],  # JSON-escaped, as in a response body or a JSON log
        json.dumps(value, ensure_ascii=False)[1:-1],
        repr(value)[1:-1],  # a Python repr, as in an exception message
        repr(value.encode("utf-8"))[2:-1],  # a bytes repr: httpx's "Illegal header value b'...'"
        urllib.parse.quote(value, safe=""),  # percent-encoded in a URL or a form
        urllib.parse.quote_plus(value),
        base64.b64encode(value.encode("utf-8")).decode("ascii"),  # as sent in a Basic header ("key:" pairs too)
    }
    return tuple(sorted((form for form in forms if form), key=len, reverse=True))
