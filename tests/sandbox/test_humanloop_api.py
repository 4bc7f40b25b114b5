"""The four Humanloop endpoints over HTTP: paths, auth, page bases and defaults, totals, ordering, errors, state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

from tests.sandbox.conftest import humanloop_client

RECORDS = 200  # the session sandbox's collection size


def export(hl: httpx.Client, sandbox: RunningSandbox, **params: Any) -> httpx.Response:
    return hl.post(f"/v4/projects/{sandbox.project_id}/export", params=params)


def walk_pages(fetch: Callable[[int], dict[str, Any]], first: int, size: int) -> list[dict[str, Any]]:
    """Every record of a listing, page by page until a short page; each page's ``total`` must agree."""
    records: list[dict[str, Any]] = []
    totals = set()
    page = first
    while True:
        body = fetch(page)
        assert (body["page"], body["size"]) == (page, size)
        totals.add(body["total"])
        records.extend(body["records"])
        if len(body["records"]) < size:
            assert totals == {len(records)}
            return records
        page += 1


# ------------------------------------------------------------------------------------------------- v4 export


def test_v4_export_defaults_to_page_0_of_10(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    body = export(hl, sandbox).json()
    assert (body["page"], body["size"], body["total"], len(body["records"])) == (0, 10, RECORDS, 10)
    assert export(hl, sandbox, page=0, size=10).content == export(hl, sandbox).content


def test_v4_export_pages_are_0_based_newest_first_without_gaps_or_overlap(
    hl: httpx.Client, sandbox: RunningSandbox
) -> None:
    records = walk_pages(lambda page: export(hl, sandbox, page=page, size=30).json(), first=0, size=30)
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids)) == RECORDS
    stamps = [record["created_at"] for record in records]
    assert stamps == sorted(stamps, reverse=True) and len(set(stamps)) == RECORDS
    assert export(hl, sandbox, page=7, size=30).json()["records"] == []
    assert all(record["id"].startswith("data_") for record in records)


def test_size_0_is_an_empty_page_that_still_counts(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    body = export(hl, sandbox, size=0).json()
    assert (body["records"], body["total"]) == ([], RECORDS)


@pytest.mark.parametrize(
    ("params", "loc", "kind"),
    [
        ({"page": -1}, ["query", "page"], "greater_than_equal"),
        ({"size": -1}, ["query", "size"], "greater_than_equal"),
        ({"size": "ten"}, ["query", "size"], "int_parsing"),
        ({"size": 100_000}, ["query", "size"], "less_than_equal"),
    ],
)
def test_v4_export_invalid_params_get_422_with_the_detail_list(
    hl: httpx.Client, sandbox: RunningSandbox, params: dict[str, Any], loc: list[str], kind: str
) -> None:
    response = export(hl, sandbox, **params)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert (problem["loc"], problem["type"]) == (loc, kind)
    assert problem["msg"]


def test_unknown_ids_get_404(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    evaluation = sandbox.evaluation_id
    answers = [
        hl.post("/v4/projects/pr_nope/export"),
        hl.get("/v4/evaluations/ev_nope/datapoints"),
        hl.get(f"/v4/evaluations/{evaluation}/datapoints", params={"evaluatee_id": "evv_nope"}),
        hl.get("/v5/evaluations/ev_nope/logs"),
        hl.get(f"/v5/evaluations/{evaluation}/logs", params={"run_id": "run_nope"}),
        hl.post(f"/v5/evaluations/ev_nope/runs/{sandbox.run_ids[0]}/logs", json={"log_ids": []}),
        hl.post(f"/v5/evaluations/{evaluation}/runs/run_nope/logs", json={"log_ids": []}),
    ]
    assert [answer.status_code for answer in answers] == [404] * len(answers)
    assert all(isinstance(answer.json()["detail"], str) for answer in answers)
    assert "run_nope" in answers[-1].json()["detail"]


# ------------------------------------------------------------------------------------------------------- auth


@pytest.mark.parametrize("headers", [{}, {"X-API-KEY": "hl_sk_wrong"}, {"Authorization": "Bearer hl_sk_wrong"}])
def test_wrong_or_missing_key_gets_401_without_echoing_it(sandbox: RunningSandbox, headers: dict[str, str]) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as client:
        answers = [
            client.post(f"/v4/projects/{sandbox.project_id}/export"),
            client.get(f"/v4/evaluations/{sandbox.evaluation_id}/datapoints"),
            client.get(f"/v5/evaluations/{sandbox.evaluation_id}/logs"),
            client.post(
                f"/v5/evaluations/{sandbox.evaluation_id}/runs/{sandbox.run_ids[0]}/logs", json={"log_ids": []}
            ),
        ]
    for answer in answers:
        assert answer.status_code == 401
        assert set(answer.json()) == {"detail"} and "X-API-KEY" in answer.json()["detail"]
        assert "wrong" not in answer.text and sandbox.humanloop_api_key not in answer.text
        assert not any("wrong" in value for value in answer.headers.values())


def test_the_galileo_key_does_not_open_humanloop(sandbox: RunningSandbox) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.galileo_api_key}) as client:
        assert client.post(f"/v4/projects/{sandbox.project_id}/export").status_code == 401


# ------------------------------------------------------------------------------------------- v4 datapoints


def datapoints(hl: httpx.Client, sandbox: RunningSandbox, **params: Any) -> httpx.Response:
    return hl.get(f"/v4/evaluations/{sandbox.evaluation_id}/datapoints", params=params)


def test_datapoints_default_to_page_1_of_10_of_the_first_evaluatee(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    default = datapoints(hl, sandbox)
    body = default.json()
    assert (body["page"], body["size"], body["total"], len(body["records"])) == (1, 10, RECORDS, 10)
    first = datapoints(hl, sandbox, page=1, size=10, evaluatee_id=sandbox.evaluatee_ids[0])
    assert default.content == first.content
    assert datapoints(hl, sandbox, page=0).status_code == 422


def test_each_evaluatee_has_its_own_results_for_the_same_datapoints(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    listings = [
        walk_pages(
            lambda page, evaluatee=evaluatee: datapoints(
                hl, sandbox, page=page, size=64, evaluatee_id=evaluatee
            ).json(),
            first=1,
            size=64,
        )
        for evaluatee in sandbox.evaluatee_ids
    ]
    datapoint_ids = [[record["datapoint"]["id"] for record in listing] for listing in listings]
    assert all(ids == datapoint_ids[0] for ids in datapoint_ids)
    assert len(set(datapoint_ids[0])) == RECORDS
    log_ids = [{record["log"]["id"] for record in listing if record["log"]} for listing in listings]
    assert all(ids for ids in log_ids)
    assert not log_ids[0] & log_ids[1] and not log_ids[1] & log_ids[2]


# ----------------------------------------------------------------------------------------------------- v5 logs


def logs(client: httpx.Client, sandbox: RunningSandbox, **params: Any) -> httpx.Response:
    return client.get(f"/v5/evaluations/{sandbox.evaluation_id}/logs", params=params)


def test_v5_logs_are_1_based_and_validate_page_and_size(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    body = logs(hl, sandbox).json()
    assert (body["page"], body["size"], body["total"]) == (1, 10, RECORDS)
    assert logs(hl, sandbox, page=0).status_code == 422
    assert logs(hl, sandbox, size=-1).status_code == 422
    assert logs(hl, sandbox, page=1, size=0).json()["records"] == []
    records = walk_pages(lambda page: logs(hl, sandbox, page=page, size=45).json(), first=1, size=45)
    assert len({record["log"]["id"] for record in records}) == RECORDS


def test_run_id_repeats_and_selects_runs(hl: httpx.Client, sandbox: RunningSandbox) -> None:
    first, _, third = sandbox.run_ids
    totals = {run: logs(hl, sandbox, run_id=run).json()["total"] for run in sandbox.run_ids}
    assert sum(totals.values()) == RECORDS and all(totals.values())
    both = walk_pages(
        lambda page: logs(hl, sandbox, page=page, size=50, run_id=[first, third]).json(), first=1, size=50
    )
    assert len(both) == totals[first] + totals[third]
    assert {record["run_id"] for record in both} == {first, third}
    assert str(logs(hl, sandbox, run_id=[first, third]).request.url).count("run_id=") == 2


# ------------------------------------------------------------------------------------------------ add logs


def test_added_logs_show_up_in_later_reads(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    sandbox = sandbox_factory(records=30)
    run = sandbox.run_ids[2]
    with humanloop_client(sandbox) as client:
        before = logs(client, sandbox, run_id=run).json()["total"]
        added = client.post(
            f"/v5/evaluations/{sandbox.evaluation_id}/runs/{run}/logs",
            json={"log_ids": list(sandbox.loose_log_ids[:2])},
        )
        assert added.status_code == 200 and added.json()["id"] == run
        after = logs(client, sandbox, run_id=run, size=100).json()
        assert after["total"] == before + 2
        assert [record["log"]["id"] for record in after["records"][:2]] == list(sandbox.loose_log_ids[1::-1])
        assert all(record["run_id"] == run for record in after["records"][:2])
        assert logs(client, sandbox).json()["total"] == 32
        again = client.post(
            f"/v5/evaluations/{sandbox.evaluation_id}/runs/{run}/logs", json={"log_ids": [sandbox.loose_log_ids[0]]}
        )
        assert again.status_code == 200
        assert logs(client, sandbox).json()["total"] == 32  # adding a log the run has is a no-op


@pytest.mark.parametrize(
    ("content", "loc", "kind"),
    [
        (b"{}", ["body", "log_ids"], "missing"),
        (b'{"log_ids": "log_1"}', ["body", "log_ids"], "list_type"),
        (b'{"log_ids": [1]}', ["body", "log_ids", 0], "string_type"),
        (b"[]", ["body"], "model_attributes_type"),
        (b"{not json", ["body", 0], "json_invalid"),
    ],
)
def test_add_logs_invalid_body_gets_422(
    hl: httpx.Client, sandbox: RunningSandbox, content: bytes, loc: list[Any], kind: str
) -> None:
    response = hl.post(
        f"/v5/evaluations/{sandbox.evaluation_id}/runs/{sandbox.run_ids[0]}/logs",
        content=content,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert (problem["loc"], problem["type"]) == (loc, kind)


def test_add_logs_with_an_unknown_log_id_is_refused_and_adds_nothing(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(records=30)
    run = sandbox.run_ids[0]
    with humanloop_client(sandbox) as client:
        before = logs(client, sandbox).json()["total"]
        known = logs(client, sandbox, size=1).json()["records"][0]["log"]["id"]
        # A lookalike of the sandbox's own ids (right shape, never generated) is as unknown as a made-up one.
        lookalike = "log_" + format(int(known.removeprefix("log_"), 16) ^ 1, "016x")
        answer = client.post(
            f"/v5/evaluations/{sandbox.evaluation_id}/runs/{run}/logs",
            json={"log_ids": [sandbox.loose_log_ids[0], "log_made_up", lookalike]},
        )
        assert answer.status_code == 404
        assert answer.json() == {"detail": f"Logs log_made_up, {lookalike} not found"}
        assert logs(client, sandbox).json()["total"] == before, "nothing added when one id is unknown"
        # The evaluation's own logs and the loose ones can join.
        ok = client.post(
            f"/v5/evaluations/{sandbox.evaluation_id}/runs/{run}/logs",
            json={"log_ids": [known, sandbox.loose_log_ids[0]]},
        )
        assert ok.status_code == 200
