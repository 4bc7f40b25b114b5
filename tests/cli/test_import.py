"""``tracebridge import``: files saved from the APIs give the same output as exporting from the APIs.

The files are the sandbox's own answers, saved as a user would have saved them (JSON pages, JSONL, a Galileo
download), so "the same output" is checked against the real ``export`` command on the same data.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from tracebridge.sandbox import RunningSandbox

from tests.cli.conftest import read_jsonl, read_output, tracebridge


def _save_v4_pages(sandbox: RunningSandbox, folder: Path, size: int = 50) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    headers = {"X-API-KEY": sandbox.humanloop_api_key}
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as client:
        for page in range(sandbox.config.records // size):
            response = client.post(f"/v4/projects/{sandbox.project_id}/export", params={"page": page, "size": size})
            response.raise_for_status()
            path = folder / f"page-{page:03d}.json"
            path.write_bytes(response.content)
            paths.append(path)
    return paths


def _save_galileo(sandbox: RunningSandbox, path: Path, export_format: str) -> Path:
    body = {"root_type": "trace", "log_stream_id": sandbox.log_stream_id, "export_format": export_format}
    headers = {sandbox.galileo_key_header: sandbox.galileo_api_key}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=60) as client:
        response = client.post(f"/v2/projects/{sandbox.galileo_project_id}/export_records", json=body)
        response.raise_for_status()
        path.write_bytes(response.content)
    return path


def test_saved_v4_pages_import_like_the_api_export(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path
) -> None:
    pages = _save_v4_pages(sandbox, tmp_path / "pages")
    imported, exported = tmp_path / "imported", tmp_path / "exported"
    result = tracebridge("import", *map(str, pages), "--out", str(imported))
    assert result.returncode == 0, result.stderr
    assert tracebridge("export", "humanloop", "project", sandbox.project_id, "--out", str(exported),
                       env=humanloop_env).returncode == 0  # fmt: skip
    # Provenance says where each came from (api vs file); everything else is the same record.
    strip = lambda rows: sorted(json.dumps({**r, "provenance": None}, sort_keys=True) for r in rows)  # noqa: E731
    for name, rows in read_output(exported).items():
        assert strip(read_output(imported)[name]) == strip(rows), name
    manifest = json.loads((imported / "manifest.json").read_text())
    assert manifest["source"]["system"] == "files"
    assert manifest["completeness"]["complete"] is True


def test_galileo_downloads_of_every_format_give_the_same_spans(sandbox: RunningSandbox, tmp_path: Path) -> None:
    span_ids = {}
    for export_format, from_format in (("jsonl", None), ("jsonl_flat", None), ("csv", "galileo-csv")):
        path = _save_galileo(sandbox, tmp_path / f"export.{export_format}", export_format)
        out = tmp_path / f"out-{export_format}"
        extra = ["--from", from_format] if from_format else []
        result = tracebridge("import", str(path), *extra, "--out", str(out))
        assert result.returncode == 0, result.stderr
        spans = read_jsonl(out / "spans.jsonl")
        span_ids[export_format] = sorted(row["span_id"] for row in spans)
        span_ids[f"{export_format} roots"] = sorted(row["span_id"] for row in spans if row["parent_span_id"] is None)
    assert len(span_ids["jsonl"]) > len(span_ids["jsonl roots"]) > 0, "the log stream has traces with children"
    assert span_ids["jsonl"] == span_ids["jsonl_flat"]
    # A CSV export has one row per root record: its children are not in the file.
    assert span_ids["csv"] == span_ids["csv roots"] == span_ids["jsonl roots"]


def test_malformed_lines_go_to_rejects_and_good_records_are_kept(sandbox: RunningSandbox, tmp_path: Path) -> None:
    good = _save_galileo(sandbox, tmp_path / "good.jsonl", "jsonl").read_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([good[0], '{"id": "cut off', good[1], "[1, 2]", *good[2:5]]) + "\n")
    out = tmp_path / "out"
    result = tracebridge("import", str(broken), "--from", "galileo-jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rejects = read_jsonl(out / "rejects.jsonl")
    assert [reject["source"].split(" ")[0] for reject in rejects] == [f"{broken}:2", f"{broken}:4", f"{broken}:4"]
    assert all(reject["reason"] and reject["raw"] for reject in rejects)
    roots = [row for row in read_jsonl(out / "spans.jsonl") if row["parent_span_id"] is None]
    assert len(roots) == 5, "every good trace is still written"


def test_files_that_are_not_exports_get_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    for path in (binary, empty):
        result = tracebridge("import", str(path), "--out", str(tmp_path / "out"))
        assert result.returncode != 0
        assert str(path) in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
