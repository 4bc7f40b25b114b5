"""A bad day at the vendor loses nothing and duplicates nothing: 5xx, 429 storms, resets, truncated pages, cut
streams and shifting pages, each against the sandbox's fault injection, compared with a clean read of the same data."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
from tracebridge import (
    ApiError,
    ExportChangedError,
    GalileoClient,
    HumanloopClient,
    RetryPolicy,
    StreamBrokenError,
)
from tracebridge.delivery.export import Export
from tracebridge.sandbox import RunningSandbox

from tests import plain
from tests.proxy import rewriting_proxy

FAST = RetryPolicy(max_attempts=15, initial_delay=0.005, max_delay=0.05, max_elapsed=60.0)
"""Retries as in production, with millisecond waits so the tests stay fast."""


def humanloop(sandbox: RunningSandbox, retry: RetryPolicy = FAST) -> HumanloopClient:
    return HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, concurrency=4, retry=retry)


def galileo(sandbox: RunningSandbox, retry: RetryPolicy = FAST) -> GalileoClient:
    return GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url, retry=retry)


def humanloop_exports(sandbox: RunningSandbox) -> dict[str, tuple[Export[Any], Callable[[Any], str]]]:
    """Each paged endpoint: the export and how to get a model's source id."""
    client = humanloop(sandbox)
    evaluatee = sandbox.evaluatee_ids[0]
    return {
        "project": (client.export_project(sandbox.project_id), lambda m: str(m.id)),
        "logs": (client.evaluation_logs(sandbox.evaluation_id), lambda m: f"{m.run_id}/{m.log.id}"),
        "datapoints": (
            client.evaluation_datapoints(sandbox.evaluation_id, evaluatee_ids=[evaluatee]),
            lambda m: f"{evaluatee}/{m.datapoint.id}",
        ),
    }


def clean_ids(sandbox: RunningSandbox) -> dict[str, list[str]]:
    """What a plain loop reads from a sandbox without faults."""
    return {
        "project": plain.project_log_ids(sandbox),
        "logs": plain.evaluation_log_ids(sandbox),
        "datapoints": plain.datapoint_ids(sandbox, sandbox.evaluatee_ids[0]),
    }


@pytest.mark.parametrize(
    "faults",
    [
        {"error_500": 0.2},
        {"error_502": 0.1, "error_503": 0.1},
        {"rate_limit": 0.5},
        {"reset": 0.2},
        {"truncate": 0.2},
    ],
    ids=["5xx", "502-503", "429-storm", "reset", "truncated-pages"],
)
def test_paged_endpoints_survive_faults_with_nothing_lost_or_duplicated(
    sandbox_factory: Any, faults: dict[str, float], caplog: pytest.LogCaptureFixture
) -> None:
    truth = clean_ids(sandbox_factory())
    faulty = sandbox_factory(faults=faults, retry_after_s=0)
    with caplog.at_level(logging.WARNING, logger="tracebridge"):
        for name, (export, identity) in humanloop_exports(faulty).items():
            got = [identity(model) for model in export.models()]
            assert got == truth[name], name
            report = export.report
            assert (report.unique, report.duplicates, report.missing) == (len(truth[name]), 0, 0), name
    assert "retrying" in caplog.text, "the faults were met and retried"


def test_a_galileo_stream_survives_faults_and_cuts(sandbox_factory: Any) -> None:
    clean = sandbox_factory(seed=12)
    body = {"log_stream_id": clean.log_stream_id, "root_type": "span"}
    truth = plain.galileo_ids(clean, body)
    faulty = sandbox_factory(faults={"error_500": 0.2, "reset": 0.1, "stream_cut": 0.5}, retry_after_s=0, seed=12)
    export = galileo(faulty).export_records(
        faulty.galileo_project_id, log_stream_id=faulty.log_stream_id, root_type="span", snapshot=False
    )
    got = [str(model.id) for model in export.models()]
    assert got == truth
    assert export.report.restarts > 0, "the stream was cut and restarted"
    assert export.report.duplicates == 0 and export.report.unique == len(truth)


def test_cut_stream_restarts_skip_what_was_already_yielded(sandbox_factory: Any) -> None:
    # Fault decisions hash the request body, so the snapshot filter (the current time) is left out: seed 12 is known
    # to cut this export several times.
    sandbox = sandbox_factory(faults={"stream_cut": 0.7}, records=60, seed=12)
    export = galileo(sandbox).export_records(
        sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, export_format="jsonl_flat", snapshot=False
    )
    got = [str(model.id) for model in export.models()]
    assert len(got) == len(set(got))
    assert got == plain.galileo_ids(
        sandbox_factory(records=60, seed=12),
        {"log_stream_id": sandbox.log_stream_id, "root_type": "trace", "export_format": "jsonl_flat"},
    )
    assert export.report.restarts >= 2


def test_shifted_pages_are_deduped(sandbox_factory: Any) -> None:
    truth = {name: set(ids) for name, ids in clean_ids(sandbox_factory()).items()}
    shifting = sandbox_factory(faults={"repeat": 0.5})
    for name, (export, identity) in humanloop_exports(shifting).items():
        got = [identity(model) for model in export.models()]
        assert len(got) == len(set(got)), f"{name}: no record twice"
        assert set(got) == truth[name], f"{name}: every record of the listing"
        report = export.report
        assert report.duplicates > 0, f"{name}: the repeats were seen and dropped"
        assert report.fetched == report.unique + report.duplicates and report.complete


def test_retry_after_is_honoured(sandbox_factory: Any, caplog: pytest.LogCaptureFixture) -> None:
    sandbox = sandbox_factory(faults={"rate_limit": 0.5}, retry_after_s=1, seed=8, records=20)
    export = galileo(sandbox).export_records(
        sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, snapshot=False
    )
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="tracebridge"):
        count = sum(1 for _ in export.models())
    elapsed = time.monotonic() - started
    waits = caplog.text.count("HTTP 429; retrying")
    assert count == 20
    assert waits >= 1, "this seed's request meets at least one 429"
    assert elapsed >= waits * 1.0, "each 429 waited the server's Retry-After (1 s), not the 5 ms backoff"


def test_other_4xx_fail_fast_with_a_clear_error(sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture) -> None:
    client = HumanloopClient("hl_sk_wrong_key_123", base_url=sandbox.base_url, retry=FAST)
    started = time.monotonic()
    with caplog.at_level(logging.DEBUG), pytest.raises(ApiError) as failure:
        list(client.export_project(sandbox.project_id).models())
    assert time.monotonic() - started < 2.0
    error = failure.value
    assert error.status == 401 and error.attempts == 1
    assert "humanloop v4 POST /projects/" in str(error) and "HTTP 401" in str(error)
    assert "Invalid API key in the X-API-KEY header" in str(error)
    assert "retrying" not in caplog.text


def test_unknown_ids_fail_fast_with_the_vendor_message(sandbox: RunningSandbox) -> None:
    with pytest.raises(ApiError) as failure:
        list(humanloop(sandbox).export_project("pr_doesnotexist").models())
    assert failure.value.status == 404 and "Project pr_doesnotexist not found" in str(failure.value)


def test_retries_are_bounded_in_attempts(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory(faults={"error_500": 1.0})
    policy = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.01)
    with pytest.raises(ApiError) as failure:
        list(humanloop(sandbox, policy).export_project(sandbox.project_id).models())
    assert failure.value.status == 500 and failure.value.attempts == 3
    assert "after 3 attempts" in str(failure.value)


def test_retries_are_bounded_in_total_time(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory(faults={"error_503": 1.0}, retry_after_s=0)
    policy = RetryPolicy(max_attempts=10_000, initial_delay=0.05, max_delay=0.05, max_elapsed=0.5)
    started = time.monotonic()
    with pytest.raises(ApiError) as failure:
        list(
            galileo(sandbox, policy)
            .export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)
            .models()
        )
    assert time.monotonic() - started < 3.0
    assert failure.value.status == 503 and 1 < failure.value.attempts < 10_000


def test_a_stream_that_keeps_breaking_gives_up(sandbox_factory: Any) -> None:
    sandbox = sandbox_factory(faults={"stream_cut": 1.0})
    policy = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.01)
    export = galileo(sandbox, policy).export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id)
    with pytest.raises(StreamBrokenError, match="gave up after 3 attempts"):
        list(export.models())


def test_a_restart_that_finds_other_data_stops_instead_of_guessing(sandbox: RunningSandbox) -> None:
    answers: list[int] = []

    def cut_then_reorder(path: str, body: bytes) -> bytes:
        answers.append(1)
        lines = body.split(b"\n")
        if len(answers) == 1:  # the first answer breaks off in the middle of record 6
            return b"\n".join([*lines[:5], lines[5][:40]])
        return b"\n".join([lines[1], lines[0], *lines[2:]])  # the restart serves the same records in another order

    with rewriting_proxy(sandbox.base_url, cut_then_reorder) as url:
        export = GalileoClient(sandbox.galileo_api_key, base_url=url, retry=FAST).export_records(
            sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id
        )
        delivered = []
        with pytest.raises(ExportChangedError, match="not the ones already delivered"):
            delivered.extend(str(model.id) for model in export.models())
    assert len(answers) == 2 and len(delivered) == 5, "the five whole records were delivered once, no more"
