"""Two sandboxes with the same config serve byte-identical answers; another seed serves other data."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

from tests.sandbox.conftest import export_path, galileo_client, humanloop_client


def answers(sandbox: RunningSandbox, *, add: bool = True) -> list[bytes]:
    """One answer of every endpoint (a middle page of each listing, each Galileo format); ``add=False`` leaves out the
    one that changes state (adding a log to a run)."""
    with humanloop_client(sandbox) as hl, galileo_client(sandbox) as gal:
        bodies = [
            hl.post(f"/v4/projects/{sandbox.project_id}/export", params={"page": 1, "size": 20}).content,
            hl.get(
                f"/v4/evaluations/{sandbox.evaluation_id}/datapoints",
                params={"page": 2, "size": 20, "evaluatee_id": sandbox.evaluatee_ids[1]},
            ).content,
            hl.get(f"/v5/evaluations/{sandbox.evaluation_id}/logs", params={"page": 2, "size": 20}).content,
        ]
        if add:
            path = f"/v5/evaluations/{sandbox.evaluation_id}/runs/{sandbox.run_ids[0]}/logs"
            bodies.append(hl.post(path, json={"log_ids": [sandbox.loose_log_ids[0]]}).content)
        for export_format in ("jsonl", "jsonl_flat", "csv"):
            body = {"root_type": "session", "export_format": export_format}
            bodies.append(gal.post(export_path(sandbox), json=body).content)
    return bodies


@pytest.mark.parametrize("faults", [{}, {"drift": 0.5, "repeat": 0.5}], ids=["clean", "drift-and-repeat"])
def test_same_config_same_bytes(sandbox_factory: Callable[..., RunningSandbox], faults: dict[str, float]) -> None:
    first = answers(sandbox_factory(seed=5, records=60, faults=faults))
    second = answers(sandbox_factory(seed=5, records=60, faults=faults))
    assert first == second
    assert all(len(body) > 100 for body in first)


def test_another_seed_other_data(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    first = answers(sandbox_factory(seed=5, records=60))
    other = answers(sandbox_factory(seed=6, records=60))
    assert all(a != b for a, b in zip(first, other, strict=True))


def test_a_drifting_sandbox_does_not_change_a_clean_one(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    """Both live in one process and share the generators' constants: drift must not leak into them."""
    clean = sandbox_factory(seed=5, records=60)
    before = answers(clean, add=False)
    drifted = answers(sandbox_factory(seed=5, records=60, faults={"drift": 1.0}), add=False)
    assert all(a != b for a, b in zip(drifted, before, strict=True))
    assert answers(clean, add=False) == before


def test_keys_and_ids_follow_the_seed(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    first, second = sandbox_factory(seed=5), sandbox_factory(seed=6)
    assert first.humanloop_api_key != second.humanloop_api_key
    assert first.project_id != second.project_id and first.log_stream_id != second.log_stream_id
    with httpx.Client(base_url=second.base_url, headers={"X-API-KEY": first.humanloop_api_key}) as client:
        assert client.post(f"/v4/projects/{second.project_id}/export").status_code == 401
