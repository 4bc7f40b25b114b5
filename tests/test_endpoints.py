"""The endpoints the wings declare as data are the ones the hand-written specs document, asked for the same way.

Each declaration is checked against ``specs/*.yaml`` (path, method, page parameters and their first page, the
envelope's fields) and the request it builds against the one the generated client would build from the spec.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from galileo_client.api.export import export_records
from galileo_client.models import ExportRecordsRequest
from humanloop_client.api.v4 import export_project_logs, list_evaluation_datapoints
from humanloop_client.api.v5 import add_logs_to_run, get_evaluation_logs
from humanloop_client.models import V5AddLogsToRunRequest
from tracebridge.galileo.client import EXPORT_RECORDS
from tracebridge.humanloop import endpoints
from tracebridge.transport.endpoint import Endpoint
from tracebridge.transport.listing import PagedEndpoint

from tests.yaml_text import safe_load

SPECS = Path(__file__).resolve().parents[1] / "specs"


def _operation(endpoint: Endpoint) -> dict[str, Any]:
    spec = safe_load((SPECS / f"{endpoint.system}.yaml").read_text(encoding="utf-8"))
    path = f"/{endpoint.version}{endpoint.path}"
    assert path in spec["paths"], f"{path} is not in specs/{endpoint.system}.yaml"
    operation: dict[str, Any] = spec["paths"][path][endpoint.method.lower()]
    operation["components"] = spec["components"]
    return operation


def _query_parameters(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}


LISTINGS = {
    "project logs": (endpoints.PROJECT_LOGS, ()),
    "evaluation datapoints": (endpoints.EVALUATION_DATAPOINTS, ("evaluatee_id",)),
    "evaluation logs": (endpoints.EVALUATION_LOGS, ("run_id",)),
}
"""Each listing, and the query parameters its client method passes beside the page ones."""


@pytest.mark.parametrize("name", LISTINGS)
def test_a_listing_pages_as_its_spec_says(name: str) -> None:
    listing, query = LISTINGS[name]
    assert isinstance(listing, PagedEndpoint)
    operation = _operation(listing.endpoint)
    parameters = _query_parameters(operation)
    assert {listing.page_param, listing.size_param, *query} <= set(parameters)
    assert parameters[listing.page_param]["schema"]["default"] == listing.pages.first_page
    response = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = operation["components"]["schemas"][response]["properties"]
    assert {listing.envelope.records, listing.envelope.total} <= set(fields)


@pytest.mark.parametrize(
    ("listing", "generated", "path_params", "query"),
    [
        (endpoints.PROJECT_LOGS, export_project_logs, {"id": "pr_1/x"}, {}),
        (endpoints.EVALUATION_DATAPOINTS, list_evaluation_datapoints, {"id": "ev_1"}, {"evaluatee_id": "evv_1"}),
        (endpoints.EVALUATION_LOGS, get_evaluation_logs, {"id": "ev_1"}, {"run_id": ["run_1", "run_2"]}),
    ],
    ids=["project logs", "evaluation datapoints", "evaluation logs"],
)
def test_a_page_request_is_the_one_the_generated_client_builds(
    listing: PagedEndpoint, generated: Any, path_params: dict[str, str], query: dict[str, Any]
) -> None:
    ours = listing.request(path_params, query, 3, 50)
    theirs = generated._get_kwargs(path_params["id"], page=3, size=50, **query)
    assert ours == theirs


def test_adding_logs_to_a_run_is_the_documented_request() -> None:
    path_params = {"id": "ev_1", "run_id": "run_1"}
    body = V5AddLogsToRunRequest(log_ids=["log_1"])
    ours = endpoints.ADD_LOGS_TO_RUN.request(path_params, json=body.to_dict())
    theirs = add_logs_to_run._get_kwargs("ev_1", "run_1", body=body)
    assert _operation(endpoints.ADD_LOGS_TO_RUN)
    assert {k: ours[k] for k in ("method", "url", "json")} == {k: theirs[k] for k in ("method", "url", "json")}


def test_the_galileo_export_is_the_documented_request() -> None:
    project = "6f1c2b1e-0000-4000-8000-000000000001"
    body = ExportRecordsRequest.from_dict({"root_type": "trace", "log_stream_id": project, "export_format": "jsonl"})
    ours = EXPORT_RECORDS.request({"project_id": project}, json=body.to_dict())
    theirs = export_records._get_kwargs(project, body=body)
    assert _operation(EXPORT_RECORDS)
    assert {k: ours[k] for k in ("method", "url", "json")} == {k: theirs[k] for k in ("method", "url", "json")}
