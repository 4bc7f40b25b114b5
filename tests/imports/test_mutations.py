"""Real export files, mutated at random (byte flips, bytes that are not UTF-8, truncation, duplication, deep nesting,
garbage lines), imported: nothing crashes, every record the mutation did not touch is in the output, and every record
it touched is either still imported or in the rejects, named by its line.

``MUTATIONS`` files in all, in ``CHUNKS`` tests so the suite's workers share them; the draws are seeded, so a failure
names the case that reproduces it (``python -m pytest tests/imports/test_mutations.py -k "chunk-3"``). The bases are
the repository's fixtures: Galileo's flat export lines, the v5 logs of the humanloop-export fixture, and a v4 project
export page pretty-printed as a saved API answer.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from tracebridge.imports import open_import
from tracebridge.imports.errors import ImportFormatError

from tests.fixture_files import FIXTURES, load, load_lines

MUTATIONS = 2_000
CHUNKS = 8


@attrs.frozen
class Base:
    """A pristine file: its records' texts, how they are joined, and each record's identity."""

    name: str
    suffix: str
    head: bytes
    records: tuple[bytes, ...]
    separator: bytes
    tail: bytes
    ids: tuple[str, ...]

    def text(self, records: list[bytes]) -> bytes:
        return self.head + self.separator.join(records) + self.tail


def _ids_of(records: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(str(record["id"]) for record in records)


def _galileo_lines() -> Base:
    records = load_lines("galileo/export-flat.jsonl")
    texts = tuple(json.dumps(record).encode() for record in records)
    return Base("galileo-flat", ".jsonl", b"", texts, b"\n", b"\n", _ids_of(records))


def _humanloop_logs() -> Base:
    export = FIXTURES / "imports" / "humanloop-export"
    records = [
        json.loads(line)
        for path in sorted(export.glob("exports/*/files/*/logs/*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = tuple(json.dumps(record, ensure_ascii=False).encode() for record in records)
    return Base("humanloop-v5-logs", ".jsonl", b"", texts, b"\n", b"\n", _ids_of(records))


def _v4_page() -> Base:
    log = load("humanloop/v4-log-rich.json")
    records = [{**log, "id": f"data_mutation{n:04d}"} for n in range(12)]
    texts = tuple(json.dumps(record, indent=2).replace("\n", "\n    ").encode() for record in records)
    head = b'{\n  "page": 0,\n  "size": 12,\n  "total": 12,\n  "records": [\n    '
    return Base("v4-page", ".json", head, texts, b",\n    ", b"\n  ]\n}\n", _ids_of(records))


BASES = (_galileo_lines(), _humanloop_logs(), _v4_page())


@attrs.frozen
class Mutated:
    """A mutated file: its bytes, the records left untouched, and the touched ones (by index into the base)."""

    data: bytes
    untouched: frozenset[int]
    touched: frozenset[int]
    what: str


def _flip(rng: random.Random, text: bytes) -> bytes:
    position = rng.randrange(len(text))
    # Never a line break: the mutation stays inside its record, as a corrupted byte would be.
    value = rng.choice([b for b in range(256) if b not in (0x0A, 0x0D) and b != text[position]])
    return text[:position] + bytes([value]) + text[position + 1 :]


def _not_utf8(rng: random.Random, text: bytes) -> bytes:
    position = rng.randrange(len(text) + 1)
    return text[:position] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]) + text[position:]


def _deep(rng: random.Random, _text: bytes) -> bytes:
    depth = rng.choice([600, 5_000, 100_000])
    return b'{"id": "deep", "x": ' + b"[" * depth + b"]" * depth + b"}"


def mutate(base: Base, rng: random.Random) -> Mutated:
    """One random mutation of ``base``."""
    records = list(base.records)
    every = frozenset(range(len(records)))
    kind = rng.choice(["flip", "flips", "not-utf8", "truncate", "duplicate", "deep", "garbage"])
    if kind in ("flip", "flips", "not-utf8", "deep"):
        index = rng.randrange(len(records))
        change: Callable[[random.Random, bytes], bytes] = {
            "flip": _flip, "flips": lambda r, t: _flip(r, _flip(r, t)), "not-utf8": _not_utf8, "deep": _deep,
        }[kind]  # fmt: skip
        records[index] = change(rng, records[index])
        return Mutated(base.text(records), every - {index}, frozenset({index}), f"{kind} record {index}")
    if kind == "duplicate":
        index = rng.randrange(len(records))
        records.insert(index + 1, records[index])
        return Mutated(base.text(records), every, frozenset(), f"duplicate record {index}")
    if kind == "garbage":
        index = rng.randrange(len(records) + 1)
        records.insert(index, rng.choice([b"not json at all", b'{"half": ', b"[1, 2", b"\x00\x01\x02", b"}"]))
        return Mutated(base.text(records), every, frozenset(), f"garbage before record {index}")
    data = base.text(records)
    cut = rng.randrange(1, len(data))
    starts, offset = [], len(base.head)
    for text in records:
        starts.append((offset, offset + len(text)))
        offset += len(text) + len(base.separator)
    untouched = frozenset(i for i, (_start, end) in enumerate(starts) if end <= cut)
    touched = frozenset(i for i, (start, end) in enumerate(starts) if start < cut < end)
    return Mutated(data[:cut], untouched, touched, f"truncate at byte {cut} of {len(data)}")


def _line_of(base: Base, data: bytes, index: int) -> int:
    """The line where the base's record ``index`` starts in the mutated file (flips never add or remove lines)."""
    before = base.head + base.separator.join(base.records[:index]) + (base.separator if index else b"")
    return before.count(b"\n") + 1


@attrs.define
class Tally:
    files: int = 0
    crashes: int = 0
    refused: int = 0
    incomplete: int = 0
    lost: list[str] = attrs.field(factory=list)


def check(base: Base, mutated: Mutated, path: Path, tally: Tally) -> None:
    tally.files += 1
    path.write_bytes(mutated.data)
    try:
        # A cut page misses records its `total` promised: the import says so (incomplete), it does not fail.
        export = open_import([path], allow_partial=True)
        records = list(export.records())
    except ImportFormatError:
        # The whole file refused: right only when nothing in it was left readable.
        tally.refused += 1
        if mutated.untouched:
            tally.lost.append(f"{mutated.what}: refused whole with {len(mutated.untouched)} untouched records")
        return
    except Exception as exc:  # a crash: the test's failure message names the case
        tally.crashes += 1
        tally.lost.append(f"{mutated.what}: crashed with {type(exc).__name__}: {exc}")
        return
    tally.incomplete += not export.report.complete
    imported = {record.provenance.source_id for record in records}
    rejected_lines = " ".join(reject.source for reject in export.rejects)
    renamed = bool(imported - set(base.ids) - {None})  # a flip inside an id imports the record under the new id
    for index in sorted(mutated.untouched):
        if base.ids[index] not in imported:
            tally.lost.append(f"{mutated.what}: untouched record {index} ({base.ids[index]}) not imported")
    for index in sorted(mutated.touched):
        line = _line_of(base, mutated.data, index)
        if base.ids[index] not in imported and f":{line} " not in f"{rejected_lines} " and not renamed:
            tally.lost.append(f"{mutated.what}: touched record {index} (line {line}) neither imported nor rejected")


@pytest.mark.parametrize("chunk", range(CHUNKS), ids=lambda chunk: f"chunk-{chunk}")
def test_mutated_exports_lose_no_untouched_record(chunk: int, tmp_path: Path) -> None:
    tally = Tally()
    for case in range(chunk, MUTATIONS, CHUNKS):
        rng = random.Random(case)
        base = BASES[case % len(BASES)]
        check(base, mutate(base, rng), tmp_path / f"case-{case}{base.suffix}", tally)
    assert tally.files == MUTATIONS // CHUNKS
    assert not tally.lost, f"{len(tally.lost)} of {tally.files} files lost records:\n" + "\n".join(tally.lost[:20])
    assert tally.crashes == 0
