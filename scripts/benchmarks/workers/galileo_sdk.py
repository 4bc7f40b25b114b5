"""Contender: the official ``galileo`` SDK's ``export_records``, unmodified.

It logs in with the API key (``POST /login/api_key`` for a JWT), checks ``/current_user``, then streams
``POST /projects/{id}/export_records`` and ``json.loads`` each line; the sandbox serves those paths
(``tracebridge.sandbox.galileo_sdk_compat``). Configured only through its documented environment variables.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from galileo.export import export_records  # type: ignore[import-not-found,unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from scripts.benchmarks.workers.common import Clock, Output, run


def main(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    records = export_records(spec["galileo_project_id"], log_stream_id=spec["log_stream_id"])
    for n, record in enumerate(records):
        out.write(record, record["id"])
        if n % 1000 == 0:
            clock.check()


if __name__ == "__main__":
    run(main)
