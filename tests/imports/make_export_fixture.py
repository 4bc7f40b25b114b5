"""``python -m tests.imports.make_export_fixture``: rebuild ``tests/fixtures/imports/humanloop-export``.

From the sandbox (seed 11), laid out by ``export_layout.lay_out`` as the export tool writes a directory: two evaluation
logs of one run (a flow with nested children, and a prompt), the run, its dataset's datapoints, and one bare flow log
that no evaluation holds. Every nested log is repeated on its own line in its own File's logs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tracebridge.humanloop.formats import log_kind
from tracebridge.sandbox import SandboxConfig, running

from tests.imports.export_layout import lay_out
from tests.imports.vendor_data import humanloop_pages, run_body

TARGET = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "humanloop-export"


def main() -> None:
    with running(SandboxConfig(seed=11, records=40)) as sandbox:
        envelopes = [envelope for page in humanloop_pages(sandbox, "v5") for envelope in page["records"]]
        run_id = sandbox.run_ids[0]
        in_run = [e for e in envelopes if e.get("run_id") == run_id]
        flow = next(e for e in in_run if log_kind(e["log"]) == "flow" and e["log"].get("trace_children"))
        prompt = next(e for e in in_run if log_kind(e["log"]) == "prompt")
        bare = next(e["log"] for e in envelopes if log_kind(e["log"]) == "flow" and e["log"]["id"] != flow["log"]["id"])
        run = run_body(sandbox, run_id)
        shutil.rmtree(TARGET, ignore_errors=True)
        lay_out(
            TARGET, roots=[bare], envelopes=[flow, prompt], runs=[run], evaluation_id=sandbox.evaluation_id, seed=11
        )


if __name__ == "__main__":
    main()
