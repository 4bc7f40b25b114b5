"""One file to read: how to read it into raw records and which kind of vendor record each is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

from tracebridge.delivery.raw import RawRecord
from tracebridge.imports.intake import KindOf
from tracebridge.imports.json_records import TotalSink

Reader = Callable[[Path, TotalSink | None], Iterator[RawRecord]]


@attrs.frozen
class FileTask:
    path: Path
    format: str
    """The import format the file belongs to (for the job description and messages)."""
    read: Reader
    kind_of: KindOf
    group: int = 0
    """Which of the paths the caller named it came from: page totals are summed per named path."""
    nested_logs: bool = False
    """Holds v5 Logs whose children also appear on their own lines elsewhere: scanned first so repeats are dropped."""
