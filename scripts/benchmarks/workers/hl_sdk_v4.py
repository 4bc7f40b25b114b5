"""Contender: the last v4 Humanloop SDK (``humanloop==0.7.35``), project export page by page.

The v4 SDK has no pager: the caller loops ``projects.export(id, page, size)`` (0-based pages) until a short page.
Records are pydantic models; they are written with ``model_dump`` / ``dict`` as a user would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from humanloop import Humanloop  # type: ignore[import-not-found,unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from scripts.benchmarks.workers.common import Clock, Output, run


def dump(model: Any) -> Any:
    for name in ("model_dump", "dict"):
        method = getattr(model, name, None)
        if callable(method):
            return method()
    return model


def main(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    client = Humanloop(api_key=os.environ["HUMANLOOP_API_KEY"], host=f"{spec['base_url']}/v4")
    size = int(spec["page_size"])
    page = 0
    while True:
        response = client.projects.export(id=spec["project_id"], page=page, size=size)
        records = list(response.records)
        for record in records:
            out.write(dump(record), str(record.id))
        if len(records) < size:
            return
        page += 1
        clock.check()


if __name__ == "__main__":
    run(main)
