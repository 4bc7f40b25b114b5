"""The Galileo SDK's login exchange and un-prefixed export path, over real HTTP against the session sandbox."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from tracebridge.sandbox.galileo_sdk_compat import issue_token, token_is_valid


def _export_body(sandbox) -> dict[str, object]:
    return {"root_type": "trace", "log_stream_id": sandbox.log_stream_id, "export_format": "jsonl"}


def _login(client: httpx.Client, key: str) -> httpx.Response:
    return client.post("/login/api_key", json={"api_key": key})


def test_the_sdk_login_sequence_leads_to_the_same_export_as_the_documented_path(sandbox):
    with httpx.Client(base_url=sandbox.base_url, timeout=30) as client:
        assert client.get("/healthcheck").status_code == 200
        login = _login(client, sandbox.galileo_api_key)
        assert login.status_code == 200
        token = login.json()["access_token"]
        assert login.json()["token_type"] == "bearer"
        bearer = {"Authorization": f"Bearer {token}"}
        user = client.get("/current_user", headers=bearer)
        assert user.status_code == 200
        assert set(user.json()) >= {"id", "email", "role"}

        path = f"/projects/{sandbox.galileo_project_id}/export_records"
        via_sdk = client.post(path, json=_export_body(sandbox), headers=bearer)
        documented = client.post(
            f"/v2{path}", json=_export_body(sandbox), headers={sandbox.galileo_key_header: sandbox.galileo_api_key}
        )
    assert via_sdk.status_code == documented.status_code == 200
    lines = [json.loads(line) for line in via_sdk.text.splitlines() if line]
    assert len(lines) == sandbox.config.records
    assert via_sdk.content == documented.content


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not.a.token"}, {"Authorization": "Basic abc"}],
    ids=["no token", "forged token", "not bearer"],
)
def test_the_un_prefixed_export_and_current_user_need_a_token_the_sandbox_issued(sandbox, headers):
    with httpx.Client(base_url=sandbox.base_url, timeout=30) as client:
        export = client.post(
            f"/projects/{sandbox.galileo_project_id}/export_records", json=_export_body(sandbox), headers=headers
        )
        user = client.get("/current_user", headers=headers)
    assert export.status_code == user.status_code == 401


def test_login_with_a_wrong_or_missing_key_is_refused_without_echoing_it(sandbox):
    with httpx.Client(base_url=sandbox.base_url, timeout=30) as client:
        wrong = _login(client, "gal-wrong-key-123")
        missing = client.post("/login/api_key", json={})
    assert wrong.status_code == 401
    assert "gal-wrong-key-123" not in wrong.text
    assert missing.status_code == 422


def test_a_token_is_bound_to_the_key_and_expires():
    now = time.time()
    token = issue_token("gal-key-a", now=now)
    assert token_is_valid(token, "gal-key-a", now=now)
    assert not token_is_valid(token, "gal-key-b", now=now)
    assert not token_is_valid(token, "gal-key-a", now=now + 2 * 24 * 3600)
