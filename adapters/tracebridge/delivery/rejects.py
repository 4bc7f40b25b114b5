"""Records that could not be parsed or mapped: kept with their raw text and the reason, never dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs


@attrs.frozen
class Reject:
    source: str
    """Where the record came from: an endpoint (``humanloop v4 export project pr_1 page 3``) or ``file:line``."""
    reason: str
    raw: str
    """The record exactly as received (JSON text, or the CSV row)."""
    source_id: str | None = None
    field: str | None = None
    """The path of the offending field, when one field is to blame."""

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


RejectSink = Callable[[Reject], None]
