"""``send --verify``: read back from the target what the ledger says it accepted, and say what is missing.

A target's 200 is not proof: Phoenix parses a request and stores its spans later (and drops a span whose id another
project already holds, silently), annotations wait in a queue for their spans. So a destination that can read back
implements ``verify`` (``Verifiable``), comparing per kind what was sent (the ledger) with what the target holds, and
``send --verify`` prints the comparison; destinations that cannot read back do not claim to.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

from tracebridge.destinations.base import Destination
from tracebridge.destinations.ledger import Ledger, ledger_path

SAMPLE: int = 5
"""Missing ids named per kind; the count says the rest."""


@attrs.frozen
class Check:
    """One kind of record: how many were sent, how many the target holds, which are missing, and which the target
    holds more than once (a record sent once must be there once)."""

    what: str
    sent: int
    present: int
    missing: Sequence[str] = ()
    duplicated: Sequence[str] = ()
    hint: str | None = None
    """Why records of this kind may be missing (printed under the line when something is)."""

    @property
    def ok(self) -> bool:
        return not self.missing and not self.duplicated

    def describe(self) -> str:
        line = f"  {self.what:<28} {self.sent:>9,} sent {self.present:>9,} there"
        if self.missing:
            sample = ", ".join(sorted(self.missing)[:SAMPLE])
            more = f" and {len(self.missing) - SAMPLE:,} more" if len(self.missing) > SAMPLE else ""
            line += f"  MISSING {len(self.missing):,}: {sample}{more}"
        if self.duplicated:
            sample = ", ".join(sorted(self.duplicated)[:SAMPLE])
            more = f" and {len(self.duplicated) - SAMPLE:,} more" if len(self.duplicated) > SAMPLE else ""
            line += f"  MORE THAN ONCE {len(self.duplicated):,}: {sample}{more}"
        if self.hint and not self.ok:
            line += f"\n    hint: {self.hint}"
        return line


@attrs.frozen
class Verification:
    target: str
    checks: Sequence[Check]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def describe(self) -> str:
        verdict = "everything sent is there" if self.ok else "some records are missing or there more than once"
        return "\n".join([f"verify {self.target}: {verdict}", *(check.describe() for check in self.checks)])


@runtime_checkable
class Verifiable(Protocol):
    """A destination that can read back what it sent."""

    async def verify(self, out_dir: Path, ledger: Ledger) -> Verification: ...


def verify_sent(out_dir: str | os.PathLike[str], destination: Destination) -> Verification:
    """Compare what ``destination``'s ledger for ``out_dir`` lists with what the target holds (after a ``send``)."""
    if not isinstance(destination, Verifiable):
        raise TypeError(f"{destination.name} cannot read back what it sent")
    directory = Path(out_dir)
    ledger = Ledger(ledger_path(directory, destination.target))
    return asyncio.run(destination.verify(directory, ledger))
