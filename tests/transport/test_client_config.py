"""Client configuration from arguments and the environment: keys, base URLs (self-hosted), Galileo's key header."""

from __future__ import annotations

from typing import Any

import pytest
from tracebridge import ApiError, GalileoClient, HumanloopClient
from tracebridge.sandbox import RunningSandbox

ENV = ("HUMANLOOP_API_KEY", "HUMANLOOP_BASE_URL", "GALILEO_API_KEY", "GALILEO_API_URL", "GALILEO_CONSOLE_URL")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def test_humanloop_key_and_base_url_from_the_environment(
    sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", sandbox.humanloop_api_key)
    monkeypatch.setenv("HUMANLOOP_BASE_URL", sandbox.base_url)
    export = HumanloopClient().export_project(sandbox.project_id)
    assert sum(1 for _ in export.models()) == 200


def test_galileo_key_and_base_url_from_the_environment(
    sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GALILEO_API_KEY", sandbox.galileo_api_key)
    monkeypatch.setenv("GALILEO_API_URL", sandbox.base_url)
    export = GalileoClient().export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)
    assert sum(1 for _ in export.models()) == 200


def test_arguments_win_over_the_environment(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", "hl_sk_from_env_wrong")
    monkeypatch.setenv("HUMANLOOP_BASE_URL", "http://127.0.0.1:9")
    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url)
    assert sum(1 for _ in client.export_project(sandbox.project_id).models()) == 200


def test_vendor_defaults_without_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", "hl_sk_x")
    monkeypatch.setenv("GALILEO_API_KEY", "gal_x")
    assert HumanloopClient().settings.base_url == "https://api.humanloop.com"
    galileo = GalileoClient()
    assert galileo.settings.base_url == "https://api.galileo.ai"
    assert galileo.settings.key_header == "Galileo-API-Key"


@pytest.mark.parametrize(
    ("make", "variable"), [(HumanloopClient, "HUMANLOOP_API_KEY"), (GalileoClient, "GALILEO_API_KEY")]
)
def test_a_missing_key_names_the_variable(make: Any, variable: str) -> None:
    with pytest.raises(ValueError, match=variable):
        make()


def test_galileo_key_header_is_configurable(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory(galileo_key_header="X-Tenant-Key")
    custom = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url, key_header="X-Tenant-Key")
    export = custom.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)
    assert sum(1 for _ in export.models()) == 200
    default = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)
    with pytest.raises(ApiError) as failure:
        list(default.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id).models())
    assert failure.value.status == 401 and "X-Tenant-Key" in str(failure.value)
