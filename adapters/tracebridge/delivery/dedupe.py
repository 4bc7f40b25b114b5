"""Remembering which records were delivered, by identity, in memory that does not grow with the text of the ids.

Offset pages over a live listing repeat records as new ones push them down; a restarted stream replays them; an
export tool writes a child both inside its parent and on its own line. The intake drops such repeats by identity.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


class DigestSet:
    """A set of source ids kept as 60-bit digests: about 7 bytes an id instead of ~100 for a set of strings.

    An export of a million records must not hold a million Python strings just to drop repeats (peak memory must
    not grow with the export). Each id is hashed with BLAKE2b; the first 12 bits pick one of 4,096 buckets and the
    next 48 bits are appended to that bucket, a ``bytes`` of 6-byte entries, so membership is one C-level ``find``
    over ~250 entries at a million ids. Buckets are immutable and rebuilt on append: exact-size allocations, no
    growth slack, and the copy costs less than hashing the id. Two different ids share a digest with probability
    about n**2 / 2**61 (4e-7 for a million): such a record would be counted as a duplicate, never silently lost from
    a paged listing, whose completeness check would then report it missing.
    """

    BUCKET_BITS = 12
    ENTRY = 6

    def __init__(self) -> None:
        self._buckets: list[bytes] = [b""] * (1 << self.BUCKET_BITS)
        self._count = 0

    @classmethod
    def _locate(cls, source_id: str) -> tuple[int, bytes]:
        # surrogatepass: an id may hold a lone surrogate (a cut emoji); it is still one id, hashed as its code points
        digest = hashlib.blake2b(source_id.encode("utf-8", "surrogatepass"), digest_size=2 + cls.ENTRY).digest()
        return int.from_bytes(digest[:2], "big") >> (16 - cls.BUCKET_BITS), digest[2:]

    @classmethod
    def _find(cls, bucket: bytes, entry: bytes) -> bool:
        start = bucket.find(entry)
        while start >= 0:
            if start % cls.ENTRY == 0:  # a match straddling two entries is not a match
                return True
            start = bucket.find(entry, start + 1)
        return False

    def add(self, source_id: str) -> bool:
        """Add ``source_id``; True when it was not there yet."""
        index, entry = self._locate(source_id)
        bucket = self._buckets[index]
        if self._find(bucket, entry):
            return False
        self._buckets[index] = bucket + entry
        self._count += 1
        return True

    def __contains__(self, source_id: object) -> bool:
        if not isinstance(source_id, str):
            return False
        index, entry = self._locate(source_id)
        return self._find(self._buckets[index], entry)

    def __len__(self) -> int:
        return self._count


class Deduper:
    """Remembers the source ids delivered so far; ``first_time`` is True once per id."""

    def __init__(self, seen: Iterable[str] = ()) -> None:
        self._seen = DigestSet()
        for source_id in seen:
            self._seen.add(source_id)

    def first_time(self, source_id: str) -> bool:
        return self._seen.add(source_id)

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._seen

    def __len__(self) -> int:
        return len(self._seen)
