"""``error.type``: the class of an error, read from what the vendor kept, never the free-text message."""

from __future__ import annotations

import pytest
from tracebridge.mapping.error_types import OTHER, error_type


@pytest.mark.parametrize(
    ("message", "provider_response", "expected"),
    [
        # The provider's own answer names the class.
        ("Rate limited", {"error": {"type": "rate_limit_error", "message": "slow down"}}, "rate_limit_error"),
        ("x", {"error": {"code": "context_length_exceeded"}}, "context_length_exceeded"),
        # An HTTP status the message names.
        ("Provider returned 429 Too Many Requests", None, "429"),
        ("HTTP 503 from upstream", None, "503"),
        ("upstream failed: status code: 500", None, "500"),
        ("502 Bad Gateway", None, "502"),
        # The exception class the message starts with, or says was raised.
        ("RateLimitError: You exceeded your quota", None, "RateLimitError"),
        ("openai.APITimeoutError: Request timed out.", None, "openai.APITimeoutError"),
        ("tool search raised KeyError('city')", None, "KeyError"),
        # Numbers that are not statuses, and messages with no class: OTel's "none of these".
        ("expected 404 results, got 3", None, OTHER),
        ("The evaluator could not parse the output", None, OTHER),
        ("", None, OTHER),
        (None, None, OTHER),
        # A provider answer without an error object falls back to the message.
        ("RateLimitError: slow", {"choices": []}, "RateLimitError"),
    ],
)
def test_error_type(message: str | None, provider_response: object, expected: str) -> None:
    assert error_type(message, provider_response) == expected
