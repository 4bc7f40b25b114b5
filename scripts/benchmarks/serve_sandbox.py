"""Serve one sandbox in its own process for the harness: prints its coordinates as one JSON line, serves until stdin
closes. Its own process, so the sandbox and the contender never share an interpreter lock.

    python scripts/benchmarks/serve_sandbox.py '{"records": 20000, "latency_ms": 50, "faults": {"reset": 0.01}}'
"""

from __future__ import annotations

import json
import sys

from tracebridge.sandbox import Latency, SandboxConfig, running


def main() -> None:
    options = json.loads(sys.argv[1])
    config = SandboxConfig(
        seed=int(options.get("seed", 0)),
        records=int(options["records"]),
        latency=Latency(fixed_ms=float(options.get("latency_ms", 0.0))),
        faults=dict(options.get("faults") or {}),
        retry_after_s=int(options.get("retry_after_s", 1)),
    )
    with running(config) as sandbox:
        coordinates = {
            "base_url": sandbox.base_url,
            "humanloop_api_key": sandbox.humanloop_api_key,
            "galileo_api_key": sandbox.galileo_api_key,
            "project_id": sandbox.project_id,
            "evaluation_id": sandbox.evaluation_id,
            "galileo_project_id": sandbox.galileo_project_id,
            "log_stream_id": sandbox.log_stream_id,
        }
        sys.stdout.write(json.dumps(coordinates) + "\n")
        sys.stdout.flush()
        sys.stdin.read()  # until the harness closes our stdin


if __name__ == "__main__":
    main()
