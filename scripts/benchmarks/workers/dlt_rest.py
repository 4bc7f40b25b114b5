"""Contender: dlt's declarative ``rest_api`` source loading the same Humanloop listing into DuckDB (dlt defaults).

The config is what the dlt docs suggest for a page-numbered API: ``page_number`` paginator (base 0 for the v4 export,
1 for v5 logs), stopping at the first empty page (Humanloop's ``total`` counts records, not pages, so it cannot be
dlt's ``total_path``), records under ``records``, the key in the ``X-API-KEY`` header. Written and unique counts are
read back from the DuckDB table dlt created, so they are what actually landed.

dlt cannot be stopped mid-run, and most of its time goes to normalizing after extraction, so under a time limit it
is given only as many pages (``add_limit(max_items=...)``) as fit in 60% of the limit at the per-page cost measured
on this machine (``SECONDS_PER_PAGE``); a capped run reports as stopped, and the harness projects its time from what
it loaded.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import dlt  # type: ignore[import-not-found,unused-ignore]
import duckdb  # type: ignore[import-not-found,unused-ignore]
from dlt.sources.rest_api import rest_api_source  # type: ignore[import-not-found,unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from scripts.benchmarks.workers.common import Clock, Output, TimeLimitReached, run

SECONDS_PER_PAGE = {"v4": 0.4, "v5": 2.2}
"""dlt's whole-pipeline cost per 100-record page with default nesting (v5 records nest deeply: many child tables)."""


def main(spec: dict[str, Any], clock: Clock, out: Output) -> dict[str, Any]:
    v4 = spec["scenario"] == "v4"
    size = int(spec["page_size"])
    endpoint: dict[str, Any] = {
        "path": f"projects/{spec['project_id']}/export" if v4 else f"evaluations/{spec['evaluation_id']}/logs",
        "method": "POST" if v4 else "GET",
        "params": {"size": size},
        "data_selector": "records",
        "paginator": {"type": "page_number", "base_page": 0 if v4 else 1, "page_param": "page", "total_path": None},
    }
    source = rest_api_source(
        {
            "client": {
                "base_url": f"{spec['base_url']}/{'v4' if v4 else 'v5'}/",
                "auth": {
                    "type": "api_key",
                    "name": "X-API-KEY",
                    "api_key": os.environ["HUMANLOOP_API_KEY"],
                    "location": "header",
                },
            },
            "resources": [{"name": "logs", "endpoint": endpoint}],
        }
    )
    pages = int(0.6 * clock.limit_s / SECONDS_PER_PAGE[spec["scenario"]] * 100 / size) if clock.limit_s else 0
    capped = bool(pages) and pages * size < int(spec["expected"])
    if capped:
        source = source.add_limit(max_items=pages)
    work = Path(spec["out"])
    database = work / "dlt.duckdb"
    pipeline = dlt.pipeline(
        pipeline_name="bench",
        pipelines_dir=str(work / "pipelines"),
        destination=dlt.destinations.duckdb(str(database)),
        dataset_name="humanloop",
    )
    pipeline.run(source)
    key = "id" if v4 else "run_id || '/' || log__id"
    with duckdb.connect(str(database), read_only=True) as connection:
        row = connection.execute(f"select count(*), count(distinct {key}) from humanloop.logs").fetchone()
    written, unique = (int(row[0]), int(row[1])) if row else (0, 0)
    out.counted(written, unique)
    if capped and written < int(spec["expected"]):
        raise TimeLimitReached(f"capped at {pages} pages to fit the {clock.limit_s:g} s limit")
    return {"tables": len(pipeline.default_schema.data_table_names())}


if __name__ == "__main__":
    run(main)
