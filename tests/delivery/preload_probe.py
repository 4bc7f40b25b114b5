"""A record kind whose module notes every process that imports it (``test_worker_preload.py``): its pid and its
parent's, one line each, in the file named by ``TRACEBRIDGE_PRELOAD_PROBE``."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from tracebridge.delivery.kinds import RecordKind
from tracebridge.records import Record

with open(os.environ["TRACEBRIDGE_PRELOAD_PROBE"], "a", encoding="utf-8") as _probe:
    _probe.write(f"{os.getpid()} {os.getppid()}\n")


def parse(raw: Mapping[str, Any]) -> Any:
    return raw


def identity(raw: Mapping[str, Any]) -> str | None:
    return f"probe:{raw.get('id')}"


def normalize(raw: Any) -> Sequence[Record]:
    return []


PROBE = RecordKind("probe record", parse, identity, normalize)
