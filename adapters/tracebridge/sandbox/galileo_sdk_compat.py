"""What the official ``galileo`` Python SDK (2.x) needs besides the export endpoint, so it runs unmodified here.

The SDK never sends the API key with a data request. It first exchanges the key for a JWT and then sends
``Authorization: Bearer <jwt>``; its generated client also addresses the export without the ``/v2`` prefix the
documentation uses. So before the SDK reaches ``export_records`` it calls, in order:

- ``GET /healthcheck`` (unauthenticated, while its config validates the API URL);
- ``POST /login/api_key`` with ``{"api_key": ...}``, answered ``{"access_token": <jwt>, "token_type": "bearer"}``;
  the SDK decodes the token (without verifying it) to read ``exp`` and refresh it five minutes early;
- ``GET /current_user`` with the bearer token, answered with a ``User`` (``id``, ``email``, ``role``);
- ``POST /projects/{project_id}/export_records`` with the bearer token.

The token is an HS256 JWT signed with the sandbox's Galileo key, so only a client that presented the key holds one,
and checking it needs no server-side session state. A bearer request for the export is rewritten to the documented
``/v2`` path with the key header, so the real endpoint (and its validation and faults) serves it unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from collections.abc import Mapping

from tracebridge.sandbox.responses import Response, error, json_response

TOKEN_LIFETIME_S = 24 * 3600
SANDBOX_USER_EMAIL = "sandbox@tracebridge.invalid"
_EXPORT_WITHOUT_V2 = re.compile(r"^/projects/([^/]+)/export_records/?$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _user_id(galileo_key: str) -> str:
    return str(uuid.UUID(bytes=hashlib.blake2b(galileo_key.encode(), digest_size=16).digest(), version=4))


def issue_token(galileo_key: str, *, now: float | None = None) -> str:
    """A JWT for the key's user, valid for a day; signed with the key so the sandbox can verify it statelessly."""
    issued = int(time.time() if now is None else now)
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = {"sub": _user_id(galileo_key), "iat": issued, "exp": issued + TOKEN_LIFETIME_S}
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(galileo_key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def token_is_valid(token: str, galileo_key: str, *, now: float | None = None) -> bool:
    """True for a token this sandbox issued for this key that has not expired."""
    parts = token.split(".")
    if len(parts) != 3:
        return False
    header, payload, signature = parts
    expected = hmac.new(galileo_key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    try:
        if not hmac.compare_digest(_unb64(signature), expected):
            return False
        claims = json.loads(_unb64(payload))
    except ValueError:
        return False
    exp = claims.get("exp") if isinstance(claims, dict) else None
    return isinstance(exp, int) and exp > (time.time() if now is None else now)


def _bearer(headers: Mapping[str, str]) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _login(body: bytes, galileo_key: str) -> Response:
    try:
        given = json.loads(body or b"{}").get("api_key")
    except (ValueError, AttributeError):
        given = None
    if not isinstance(given, str) or not given:
        return error(422, [{"loc": ["body", "api_key"], "msg": "Field required", "type": "missing"}])
    if not hmac.compare_digest(given.encode(), galileo_key.encode()):
        return error(401, "Invalid API key")
    return json_response({"access_token": issue_token(galileo_key), "token_type": "bearer"})


def _unauthorized() -> Response:
    return error(401, "Invalid or expired token", headers=(("WWW-Authenticate", "Bearer"),))


def intercept(
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    galileo_key: str,
    key_header: str,
) -> Response | tuple[str, dict[str, str]] | None:
    """Answer an SDK-only request, or rewrite an SDK export request to the documented one, or pass (None).

    ``headers`` have lower-case names. A rewrite is ``(path, headers)`` for the sandbox's normal routing.
    """
    if path == "/healthcheck" and method == "GET":
        return json_response({"api_version": "sandbox", "message": "ok", "version": "sandbox"})
    if path == "/login/api_key" and method == "POST":
        return _login(body, galileo_key)
    if path == "/current_user" and method == "GET":
        token = _bearer(headers)
        if token is None or not token_is_valid(token, galileo_key):
            return _unauthorized()
        return json_response({"id": _user_id(galileo_key), "email": SANDBOX_USER_EMAIL, "role": "admin"})
    match = _EXPORT_WITHOUT_V2.match(path)
    if match is not None:
        token = _bearer(headers)
        if token is None or not token_is_valid(token, galileo_key):
            return _unauthorized()
        return f"/v2{path}", {**headers, key_header.lower(): galileo_key}
    return None
