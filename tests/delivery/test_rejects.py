"""A record that does not parse goes to the rejects with its raw text and the reason, and the rest of its page is
kept; records that never arrive make the export fail unless a partial result is allowed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tracebridge import GalileoClient, HumanloopClient, IncompleteExportError, Reject
from tracebridge.sandbox import RunningSandbox

from tests import plain
from tests.proxy import rewriting_proxy

BAD_DATE = "the fourteenth of never"


def spoil_second_page(path: str, body: bytes) -> bytes:
    """On page 1 of the project export: record 3 becomes a string, record 5 loses its (required) id."""
    if "/export" not in path or "page=1&" not in path + "&":
        return body
    page = json.loads(body)
    page["records"][3] = "this is not a log"
    del page["records"][5]["id"]
    page["records"][5]["created_at"] = BAD_DATE
    return json.dumps(page).encode()


def test_unparseable_records_are_rejected_and_their_page_is_kept(sandbox: RunningSandbox) -> None:
    truth = plain.project_log_ids(sandbox)
    with rewriting_proxy(sandbox.base_url, spoil_second_page) as url:
        export = HumanloopClient(sandbox.humanloop_api_key, base_url=url).export_project(
            sandbox.project_id, allow_partial=True
        )
        got = [str(model.id) for model in export.models()]
        rejects: list[Reject] = export.rejects
    lost = {truth[103], truth[105]}
    assert got == [log_id for log_id in truth if log_id not in lost], "the other 98 records of page 1 are kept"
    assert len(rejects) == 2
    by_reason = sorted(rejects, key=lambda r: r.source)
    assert "record 3" in by_reason[0].source and "must be a JSON object" in by_reason[0].reason
    assert by_reason[0].raw == '"this is not a log"'
    assert "record 5" in by_reason[1].source
    assert "does not parse as a humanloop v4 log: missing required field 'id'" in by_reason[1].reason
    assert by_reason[1].field == "id"
    assert BAD_DATE in by_reason[1].raw, "the raw text of the record is kept"
    assert "page 1" in by_reason[1].source
    report = export.report
    assert (report.expected, report.unique, report.rejected, report.missing) == (200, 198, 2, 0)
    assert report.complete, "a rejected record is accounted for, not missing"


def test_rejects_are_collected_on_the_export_by_default(sandbox: RunningSandbox) -> None:
    with rewriting_proxy(sandbox.base_url, spoil_second_page) as url:
        export = HumanloopClient(sandbox.humanloop_api_key, base_url=url).export_project(sandbox.project_id)
        records = list(export.records())
    assert records and len(export.rejects) == 2
    assert export.report.rejected == 2


def spoil_stream(path: str, body: bytes) -> bytes:
    lines = body.split(b"\n")
    lines[2] = lines[2][: len(lines[2]) // 2]  # half a record: not JSON
    record = json.loads(lines[4])
    record["id"] = "not-a-uuid"
    record["created_at"] = BAD_DATE
    lines[4] = json.dumps(record).encode()
    return b"\n".join(lines)


def test_a_bad_stream_line_is_rejected_and_the_stream_goes_on(sandbox: RunningSandbox) -> None:
    with rewriting_proxy(sandbox.base_url, spoil_stream) as url:
        export = GalileoClient(sandbox.galileo_api_key, base_url=url).export_records(
            sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, snapshot=False
        )
        got = [str(model.id) for model in export.models()]
    truth = plain.galileo_ids(sandbox, {"log_stream_id": sandbox.log_stream_id, "root_type": "trace"})
    assert got == truth[:2] + truth[3:4] + truth[5:]
    reasons = [reject.reason for reject in export.rejects]
    assert len(reasons) == 2 and "not valid JSON" in reasons[0] and "does not parse" in reasons[1]
    assert BAD_DATE in export.rejects[1].raw and export.rejects[1].source_id == "not-a-uuid"


def drop_records(path: str, body: bytes) -> bytes:
    """Page 1 loses its last 10 records but keeps reporting the full total."""
    if "page=1&" not in path + "&":
        return body
    page = json.loads(body)
    page["records"] = page["records"][:-10]
    return json.dumps(page).encode()


def test_missing_records_raise_unless_partial_is_allowed(sandbox: RunningSandbox) -> None:
    def export(url: str, **options: Any) -> Any:
        return HumanloopClient(sandbox.humanloop_api_key, base_url=url).export_project(sandbox.project_id, **options)

    with rewriting_proxy(sandbox.base_url, drop_records) as url:
        strict = export(url)
        delivered = []
        with pytest.raises(IncompleteExportError) as failure:
            delivered.extend(strict.models())
        assert len(delivered) == 190, "every record that did arrive was yielded before the error"
        assert "missing 10" in str(failure.value) and failure.value.report.missing == 10

        partial = export(url, allow_partial=True)
        assert len(list(partial.models())) == 190
        assert partial.report.missing == 10 and not partial.report.complete


def spoil_feedback(path: str, body: bytes) -> bytes:
    """Page 0: the first log with feedback gets a feedback item with a null id (the adapter cannot map it)."""
    if "page=0&" not in path + "&":
        return body
    page = json.loads(body)
    record = next(r for r in page["records"] if r.get("feedback"))
    record["feedback"][0]["id"] = None
    return json.dumps(page).encode()


def test_a_record_that_cannot_be_mapped_is_rejected_with_the_field(sandbox: RunningSandbox) -> None:
    with rewriting_proxy(sandbox.base_url, spoil_feedback) as url:
        export = HumanloopClient(sandbox.humanloop_api_key, base_url=url).export_project(sandbox.project_id)
        common = list(export.records())
    assert len(export.rejects) == 1
    reject = export.rejects[0]
    assert reject.reason.startswith("cannot be mapped: a feedback item has no id")
    assert reject.field == "feedback[0].id" and reject.source_id is not None and reject.source_id in reject.raw
    assert '"id": null' in reject.raw or '"id":null' in reject.raw
    assert all(r.provenance.source_id != reject.source_id for r in common), "no half-mapped record leaks out"
    assert any(r.provenance.source_id == plain.project_log_ids(sandbox)[1] for r in common)
    report = export.report
    assert (report.unique, report.rejected, report.missing) == (199, 1, 0)
