"""An API key never shows up by being printed, formatted, logged or pickled."""

from __future__ import annotations

import logging
import pickle

import pytest
from tracebridge.secrets import ApiKey

KEY = "hl_sk_live_6f1c2d3e4f5a6b7c"


def test_repr_str_and_format_hide_the_key() -> None:
    key = ApiKey(KEY)
    for shown in (repr(key), str(key), f"{key}", f"{key!r}", f"{key}", str([key]), str({"k": key})):
        assert KEY not in shown
        assert "***" in shown


def test_logging_a_key_does_not_leak_it(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").debug("using %s / %r", ApiKey(KEY), ApiKey(KEY))
    assert KEY not in caplog.text


def test_pickling_is_refused() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(ApiKey(KEY))


def test_reveal_and_redact() -> None:
    key = ApiKey(f"  {KEY}\n")
    assert key.reveal() == KEY, "surrounding whitespace from env files is dropped"
    assert key.redact(f"server said: bad key {KEY}!") == "server said: bad key ***!"


def test_empty_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        ApiKey("   ")


def test_from_env_takes_the_first_set_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TB_A", raising=False)
    monkeypatch.setenv("TB_B", KEY)
    key = ApiKey.from_env("TB_A", "TB_B")
    assert key is not None and key.reveal() == KEY
    monkeypatch.delenv("TB_B")
    assert ApiKey.from_env("TB_A", "TB_B") is None


@pytest.mark.parametrize("bad", ["hl_sk_a\nb", "hl_sk_a\r\nb", "hl_sk_a\tb", "hl_sk_a b", "hl_sk_\x7fx", "hl_sk_é"])
def test_a_key_no_platform_issues_is_refused_without_echoing_it(bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", bad)
    with pytest.raises(ValueError) as refused:
        ApiKey.from_env("HUMANLOOP_API_KEY")
    message = str(refused.value)
    assert message.startswith("HUMANLOOP_API_KEY holds a character no API key has")
    assert "hl_sk_" not in message and repr(bad)[1:-1] not in message
    with pytest.raises(ValueError, match=r"^the API key holds"):
        ApiKey(bad + "\x00")


@pytest.mark.parametrize("key", ['hl_sk_q"uo\\te', "hl_sk_plain", "hl_sk_pct%/+=&"])
def test_every_form_a_key_takes_in_text_is_redacted(key: str) -> None:
    import base64  # noqa: PLC0415
    import json  # noqa: PLC0415
    import urllib.parse  # noqa: PLC0415

    forms = [
        key,
        json.dumps(key),
        repr(key),
        f"Illegal header value {key.encode()!r}",
        urllib.parse.quote(key, safe=""),
        urllib.parse.quote_plus(key),
        base64.b64encode(key.encode()).decode(),
    ]
    for text in forms:
        redacted = ApiKey(key).redact(f"server said: {text}.")
        assert "hl_sk_" not in redacted and "aGxfc2tf" not in redacted, (text, redacted)  # aGxfc2tf: base64 "hl_sk_"


def test_url_credentials_are_masked_in_any_text() -> None:
    from tracebridge.secrets import redact_url_credentials  # noqa: PLC0415

    text = "is http://ada:s3cret@example.com:8080/v5 reachable? also https://token@h/x and mailto:a@b and http://h/p"
    assert redact_url_credentials(text) == (
        "is http://***@example.com:8080/v5 reachable? also https://***@h/x and mailto:a@b and http://h/p"
    )


def test_a_header_secret_is_redacted_whole_and_by_its_credential() -> None:
    header = ApiKey("Bearer tok_1234567890abcdef", source="the header Authorization", header=True)
    text = "sent Bearer tok_1234567890abcdef; server saw tok_1234567890abcdef"
    assert header.redact(text) == "sent ***; server saw ***"
    with pytest.raises(ValueError, match="the header Authorization holds"):
        ApiKey("Bearer tok\nX-Evil: 1", source="the header Authorization", header=True)
