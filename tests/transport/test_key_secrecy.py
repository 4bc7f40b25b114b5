"""The API key never shows up: not in reprs, log records (DEBUG, every logger), errors, or exported output, even
when a server echoes it back in an error body."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from tracebridge import ApiError, GalileoClient, HumanloopClient, RetryPolicy
from tracebridge.sandbox import RunningSandbox

FAST = RetryPolicy(max_attempts=8, initial_delay=0.001, max_delay=0.01)


def test_client_and_transport_reprs_hide_the_keys(sandbox: RunningSandbox) -> None:
    humanloop = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url)
    galileo = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)
    export = humanloop.export_project(sandbox.project_id)
    shown = " ".join(
        [repr(humanloop), str(humanloop), repr(humanloop.settings), repr(galileo), repr(galileo.settings), repr(export)]
    )
    assert sandbox.humanloop_api_key not in shown and sandbox.galileo_api_key not in shown
    assert "***" in repr(humanloop)


def test_no_log_record_at_debug_holds_a_key(sandbox_factory: Any, caplog: pytest.LogCaptureFixture) -> None:
    sandbox = sandbox_factory(faults={"error_500": 0.2, "rate_limit": 0.2, "stream_cut": 0.3}, retry_after_s=0)
    humanloop = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, retry=FAST)
    galileo = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url, retry=FAST)
    with caplog.at_level(logging.DEBUG):
        raw = list(humanloop.export_project(sandbox.project_id).raw())
        raw += list(galileo.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id).raw())
        with pytest.raises(ApiError):
            list(HumanloopClient("hl_sk_wrong", base_url=sandbox.base_url).export_project(sandbox.project_id).raw())
    assert len(caplog.records) > 20, "DEBUG logging of the transport was captured"
    everything = caplog.text + " ".join(repr(record.__dict__) for record in caplog.records)
    for key in (sandbox.humanloop_api_key, sandbox.galileo_api_key):
        assert key not in everything
        assert key not in json.dumps(raw)


@contextmanager
def echoing_server() -> Iterator[str]:
    """A server that answers every request 400 and quotes the request's headers back, as some gateways do."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps({"detail": f"bad request; you sent {dict(self.headers.items())}"}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_error_that_echoes_the_key_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    key = "hl_sk_live_0123456789abcdef"
    with echoing_server() as url, caplog.at_level(logging.DEBUG):
        with pytest.raises(ApiError) as humanloop_failure:
            list(HumanloopClient(key, base_url=url).export_project("pr_1").models())
        with pytest.raises(ApiError) as galileo_failure:
            list(
                GalileoClient(key, base_url=url)
                .export_records("00000000-0000-0000-0000-000000000001", log_stream_id="s")
                .models()
            )
    for failure in (humanloop_failure, galileo_failure):
        message = str(failure.value)
        assert failure.value.status == 400 and "bad request; you sent" in message, "the vendor's message is kept"
        assert key not in message and key not in repr(failure.value) and key not in failure.value.message
        assert "***" in message
    assert key not in caplog.text


def test_an_unreachable_server_error_holds_no_key() -> None:
    key = "hl_sk_live_fedcba9876543210"
    client = HumanloopClient(key, base_url="http://127.0.0.1:9", retry=RetryPolicy(max_attempts=2, initial_delay=0.001))
    with pytest.raises(ApiError) as failure:
        list(client.export_project("pr_1").models())
    assert failure.value.status is None and "no response" in str(failure.value)
    chain = [failure.value, failure.value.__cause__]
    assert all(key not in repr(error) and key not in str(error) for error in chain)
