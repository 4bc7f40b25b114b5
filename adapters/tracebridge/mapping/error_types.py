"""``error.type`` from what a vendor wrote of an error: a class of error, low in cardinality, never the message.

OTel wants the error's class (an exception type, an HTTP status, a provider's error code), so that failures can be
grouped; a vendor log only keeps a message, sometimes beside the provider's raw answer. The class is read from, in
order: the provider's answer (``{"error": {"type": "rate_limit_error"}}``), an HTTP status the message names
(``... returned 429 Too Many Requests``), the exception class the message starts with or says was raised
(``RateLimitError: ...``, ``search raised KeyError('city')``); else ``_OTHER``, OTel's value for "none of these".
"""

from __future__ import annotations

import re
from typing import Any, Final

OTHER: Final = "_OTHER"
_STATUS: Final = re.compile(
    r"(?:\bHTTP(?:/\d(?:\.\d)?)?\s*|\bstatus(?:\s*code)?\s*[:=]?\s*|\breturned\s+|\berror\s+code\s*[:=]?\s*)([45]\d\d)\b"
    r"|\b([45]\d\d)\s+(?:Too|Service|Internal|Bad|Not|Unauthorized|Forbidden|Gateway|Request|Payload|Conflict)\b"
)
"""A 4xx/5xx status where the message says it is one (``HTTP 503``, ``status code: 500``, ``429 Too Many ...``)."""
_CLASS: Final = r"((?:[a-z_][a-z0-9_]*\.)*[A-Z][A-Za-z0-9_]*(?:Error|Exception|Timeout|Exceeded))\b"
"""An exception class, maybe module-qualified (``openai.RateLimitError``)."""
_LEADING_CLASS: Final = re.compile(r"^" + _CLASS)
_RAISED_CLASS: Final = re.compile(r"\braised " + _CLASS)


def error_type(message: str | None, provider_response: Any = None) -> str:
    """The class of an error, for ``error.type``."""
    if isinstance(provider_response, dict):
        error = provider_response.get("error")
        if isinstance(error, dict):
            for key in ("type", "code"):
                value = error.get(key)
                if isinstance(value, str) and value:
                    return value
    if not message:
        return OTHER
    status = _STATUS.search(message)
    if status:
        return status.group(1) or status.group(2)
    for pattern in (_LEADING_CLASS, _RAISED_CLASS):
        found = pattern.search(message)
        if found:
            return found.group(1)
    return OTHER
