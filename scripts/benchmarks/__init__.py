"""The side-by-side benchmark behind ``scripts/bench.py``: scenarios, contenders, the harness and the table.

Every contender runs as its own process (official SDKs in venvs of their own under ``.bench-venvs/``), against a fresh
sandbox process with the same seed, so all of them read the same data and meet the same faults. The harness measures
wall time and peak RSS from outside; each worker reports what it wrote.
"""
