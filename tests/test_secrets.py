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
