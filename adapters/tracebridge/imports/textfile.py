"""Reading an export file as numbered lines with bounded memory, and refusing files that are not text.

Exports run to millions of lines and a gigabyte, so a file is never read whole: lines come one at a time, each with
its number (for ``file:line`` in errors and rejects) and whether it ended with a newline (a last line without one,
that is not a whole record, means the file was cut). A gzip file (told by its magic bytes, whatever its name) is
read through ``gzip`` the same way: large exports are kept compressed. Then ``encoding`` makes the text UTF-8
(a byte-order mark dropped, UTF-16 converted), and everything reads forward only, so a pipe reads as a file does.

Text is checked line by line, not file by file: a line with a byte that is not UTF-8 is that line's problem (a
reject showing the byte as ``\\xff``), wherever it is in the file. Only a file that is not text at all (a NUL byte, or
mostly bytes that are not UTF-8, in its head) is refused whole, by name.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator

import attrs

from tracebridge.delivery.raw import MAX_LINE_BYTES
from tracebridge.imports.encoding import utf8_text
from tracebridge.imports.errors import ImportFormatError, InputReadError
from tracebridge.imports.inputs import Readable, layered, name_of, open_bytes, read_exactly

SNIFF_BYTES = 64 * 1024
"""How much of a file's head is read to tell its format and that it is text."""
BINARY_SHARE = 4
NUL_SHARE = 64
"""A head with more than one NUL byte in ``NUL_SHARE`` is binary: text exports hold none, so a few are corruption (the
lines holding them are rejected), many are a binary format or UTF-16 without its byte-order mark."""
"""A head with more than one byte in ``BINARY_SHARE`` that is not UTF-8 is not text (Latin-1 text, mostly ASCII, is:
its lines with other letters are rejected one by one)."""


@attrs.frozen
class Line:
    number: int
    """1-based, as editors show it."""
    data: bytes
    """Without its line ending."""
    terminated: bool
    """False only for a last line with no newline after it."""
    offset: int
    """Where the line starts in the file's text (after decompression, as UTF-8)."""
    end: int
    """Where the next line starts."""


GZIP_MAGIC = b"\x1f\x8b"
GZIP_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a corrupt or cut gzip stream raises."""


def open_input(source: Readable) -> io.BufferedReader:
    """The file's text as UTF-8 bytes, from its start: decompressed when it is a gzip file (by its magic bytes, read
    rather than peeked at and sought back over, so a pipe works too), then decoded as its byte-order mark says."""
    raw = open_bytes(source)
    try:
        magic = read_exactly(raw, len(GZIP_MAGIC))
    except OSError as exc:
        raw.close()
        raise InputReadError(name_of(source), exc) from None
    if magic == GZIP_MAGIC:
        unzipped = gzip.GzipFile(fileobj=layered(raw, head=magic), mode="rb")
        return utf8_text(layered(unzipped, closes=(raw,)))  # type: ignore[arg-type]  # a GzipFile reads bytes
    return utf8_text(layered(raw, head=magic))


def _unreadable(source: Readable, exc: BaseException, where: str = "") -> ImportFormatError:
    """A read that failed: the operating system's error (an input that cannot be read), or gzip data that is not."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return InputReadError(name_of(source), exc)
    return ImportFormatError(name_of(source), f"the gzip data is corrupt or cut off{where} ({exc})")


def read_bytes(source: Readable) -> bytes:
    """The whole (decompressed) content of a small file: one JSON document, a page."""
    with open_input(source) as handle:
        try:
            return handle.read()
        except GZIP_ERRORS as exc:
            raise _unreadable(source, exc) from None


def read_lines(source: Readable, *, first_number: int = 1) -> Iterator[Line]:
    """The lines of ``source`` (numbered from ``first_number``), one at a time."""
    with open_input(source) as handle:
        number, offset = first_number, 0
        while True:
            try:
                data = handle.readline(MAX_LINE_BYTES + 1)
            except GZIP_ERRORS as exc:
                raise _unreadable(source, exc, f" after line {number - 1}") from None
            if not data:
                return
            terminated = data.endswith(b"\n")
            if not terminated and len(data) > MAX_LINE_BYTES:
                raise ImportFormatError(
                    name_of(source), f"line {number} is longer than {MAX_LINE_BYTES} bytes; is this an export?"
                )
            end = offset + len(data)
            body = data[:-1] if terminated else data
            if body.endswith(b"\r"):
                body = body[:-1]
            yield Line(number=number, data=body, terminated=terminated, offset=offset, end=end)
            number += 1
            offset = end


def first_lines(source: Readable, count: int = 2) -> list[Line]:
    """The first ``count`` non-blank lines, whole however long (a Galileo session on one line can run to megabytes)."""
    found: list[Line] = []
    for line in read_lines(source):
        if line.data.strip():
            found.append(line)
            if len(found) == count:
                break
    return found


def head(source: Readable) -> bytes:
    """The first ``SNIFF_BYTES`` of a file's text, checked to be non-empty text (an ImportFormatError if not)."""
    data = b""
    with open_input(source) as handle:
        try:
            while len(data) < SNIFF_BYTES and (chunk := handle.read(4096)):
                data += chunk
        except GZIP_ERRORS as exc:
            if isinstance(exc, OSError) and exc.errno is not None:
                raise InputReadError(name_of(source), exc) from None
            if not data:
                raise ImportFormatError(name_of(source), f"a gzip file whose data is corrupt ({exc})") from None
    data = data[:SNIFF_BYTES]
    if not data.strip():
        raise ImportFormatError(name_of(source), "the file is empty (no records, and nothing to tell its format from)")
    check_text(source, data)
    return data


def check_text(source: Readable, data: bytes) -> None:
    """Raise ImportFormatError when ``data`` (a file's head) is binary rather than text.

    One byte that is not UTF-8, or one NUL byte (a corrupted byte in a line), does not make a file binary: it makes
    its line a reject. NUL bytes in number (more than one byte in ``NUL_SHARE``: binary formats' zero padding, UTF-16
    text without its byte-order mark), or a head mostly of bytes that are not UTF-8, do."""
    nuls = data.count(b"\x00")
    utf16 = data[1:8:2].count(0) == len(data[1:8:2]) or data[0:8:2].count(0) == len(data[0:8:2])
    if nuls and (utf16 or nuls * NUL_SHARE > len(data)):
        hint = "; if it is UTF-16 text, it lacks the byte-order mark that says so: save it as UTF-8" if utf16 else ""
        raise ImportFormatError(
            name_of(source),
            f"a binary file, not an export ({nuls} NUL bytes in its first {len(data)}, the first at offset "
            f"{data.find(0)}){hint}",
        )
    bad = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    if bad * BINARY_SHARE > len(data):
        raise ImportFormatError(
            name_of(source), f"a binary file, not an export ({bad} of its first {len(data)} bytes are not UTF-8 text)"
        )


def line_text(data: bytes) -> str:
    """A line's text; ``UnicodeDecodeError`` when it is not UTF-8 (lone surrogates pass, as ``json.loads`` lets
    them: a UTF-16 file's cut emoji)."""
    return data.decode("utf-8", "surrogatepass")


def shown(data: bytes) -> str:
    """A line's text for a reject: bytes that are not UTF-8 shown as ``\\xff``, so the reject keeps what was there."""
    return data.decode("utf-8", "backslashreplace")


def escaped(data: bytes) -> str:
    """A line's text for a reader of text (the CSV rows): bytes that are not UTF-8 as surrogate escapes (U+DC80 to
    U+DCFF, PEP 383), which that reader must reject (``csv_rows`` does) and can turn back into the bytes."""
    return data.decode("utf-8", "surrogateescape")


def not_utf8(exc: UnicodeDecodeError, data: bytes) -> str:
    """The reason a line is rejected for a byte that is not UTF-8: which byte, and where."""
    byte = data[exc.start]
    return f"not UTF-8 text: byte 0x{byte:02x} at byte {exc.start + 1} of the line (shown as \\x{byte:02x})"
