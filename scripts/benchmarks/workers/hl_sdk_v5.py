"""Contender: the final v5 Humanloop SDK (``humanloop==0.8.38``), evaluation logs.

``evaluations.get_logs`` is not paged by the SDK (it returns one page), so the caller loops pages (1-based) until a
short page, as the SDK's own docs leave users to do. Records are pydantic models, written with the SDK's own
``jsonable_encoder`` (their ``model_dump(mode="json")`` raises ``PydanticSerializationError`` on these records).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from humanloop import Humanloop  # type: ignore[import-not-found,unused-ignore]
from humanloop.core.jsonable_encoder import jsonable_encoder  # type: ignore[import-not-found,unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from scripts.benchmarks.workers.common import Clock, Output, run


def main(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    client = Humanloop(api_key=os.environ["HUMANLOOP_API_KEY"], base_url=f"{spec['base_url']}/v5")
    size = int(spec["page_size"])
    page = 1
    while True:
        response = client.evaluations.get_logs(spec["evaluation_id"], page=page, size=size)
        records = list(response.records)
        for record in records:
            out.write(jsonable_encoder(record), f"{record.run_id}/{record.log.id}")
        if len(records) < size:
            return
        page += 1
        clock.check()


if __name__ == "__main__":
    run(main)
