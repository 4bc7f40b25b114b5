"""Reading an export file as numbered lines with bounded memory, and refusing files that are not text.

Exports run to millions of lines and a gigabyte, so a file is never read whole: lines come one at a time, each with
its number (for ``file:line`` in errors and rejects) and whether it ended with a newline (a last line without one,
that is not a whole record, means the file was cut). A gzip file (told by its magic bytes, whatever its name) is
read through ``gzip`` the same way: large exports are kept compressed.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

import attrs

from tracebridge.delivery.raw import MAX_LINE_BYTES
from tracebridge.imports.errors import ImportFormatError

SNIFF_BYTES = 64 * 1024
"""How much of a file's head is read to tell its format and that it is text."""


@attrs.frozen
class Line:
    number: int
    """1-based, as editors show it."""
    data: bytes
    """Without its line ending."""
    terminated: bool
    """False only for a last line with no newline after it."""
    offset: int
    """Where the line starts in the file, for a reader that must go back to it."""
    end: int
    """Where the next line starts."""


GZIP_MAGIC = b"\x1f\x8b"
GZIP_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a corrupt or cut gzip stream raises."""


def open_input(path: Path) -> io.BufferedIOBase:
    """The file's bytes: decompressed when it is a gzip file, as they are otherwise."""
    handle = path.open("rb")
    if handle.read(2) == GZIP_MAGIC:
        handle.close()
        return gzip.open(path, "rb")
    handle.seek(0)
    return handle


def read_bytes(path: Path) -> bytes:
    """The whole (decompressed) content of a small file: one JSON document, a page."""
    with open_input(path) as handle:
        try:
            return handle.read()
        except GZIP_ERRORS as exc:
            raise ImportFormatError(path, f"the gzip data is corrupt or cut off ({exc})") from None


def read_lines(path: Path, *, offset: int = 0, first_number: int = 1) -> Iterator[Line]:
    """The lines of ``path`` from byte ``offset`` (numbered from ``first_number``), one at a time."""
    with open_input(path) as handle:
        handle.seek(offset)
        number = first_number
        while True:
            try:
                data = handle.readline(MAX_LINE_BYTES + 1)
            except GZIP_ERRORS as exc:
                raise ImportFormatError(
                    path, f"the gzip data is corrupt or cut off after line {number - 1} ({exc})"
                ) from None
            if not data:
                return
            terminated = data.endswith(b"\n")
            if not terminated and len(data) > MAX_LINE_BYTES:
                raise ImportFormatError(
                    path, f"line {number} is longer than {MAX_LINE_BYTES} bytes; is this an export?"
                )
            end = offset + len(data)
            body = data[:-1] if terminated else data
            if body.endswith(b"\r"):
                body = body[:-1]
            yield Line(number=number, data=body, terminated=terminated, offset=offset, end=end)
            number += 1
            offset = end


def first_lines(path: Path, count: int = 2) -> list[Line]:
    """The first ``count`` non-blank lines, whole however long (a Galileo session on one line can run to megabytes)."""
    found: list[Line] = []
    for line in read_lines(path):
        if line.data.strip():
            found.append(line)
            if len(found) == count:
                break
    return found


def head(path: Path) -> bytes:
    """The first ``SNIFF_BYTES`` of a file, checked to be non-empty UTF-8 text (an ImportFormatError if not)."""
    data = b""
    with open_input(path) as handle:
        try:
            while len(data) < SNIFF_BYTES and (chunk := handle.read(4096)):
                data += chunk
        except GZIP_ERRORS as exc:
            if not data:
                raise ImportFormatError(path, f"a gzip file whose data is corrupt ({exc})") from None
    data = data[:SNIFF_BYTES]
    if not data.strip():
        raise ImportFormatError(path, "the file is empty (no records, and nothing to tell its format from)")
    check_text(path, data, complete=len(data) < SNIFF_BYTES)
    return data


def check_text(path: Path, data: bytes, *, complete: bool) -> None:
    """Raise ImportFormatError when ``data`` (a file's head) is binary rather than UTF-8 text."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportFormatError(path, f"a binary file, not an export (NUL byte at offset {nul})")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The head may end in the middle of a multi-byte character; only an error before that counts.
        if complete or exc.start < len(data) - 3:
            raise ImportFormatError(
                path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); a binary file?"
            ) from None


def decode(data: bytes) -> str:
    """A line's text; bytes that are not UTF-8 become U+FFFD so the raw text of a reject can still be shown."""
    return data.decode("utf-8", errors="replace")
