"""A file's text as UTF-8 bytes, whatever Unicode encoding its byte-order mark names.

Every reader after this one (detection, lines, JSON documents, CSV rows) reads UTF-8 bytes, so an encoding is
handled here once, for every file kind, gzipped or not. Windows tools save UTF-8 with a byte-order mark (Excel's "CSV
UTF-8", PowerShell's ``Out-File``), and PowerShell 5 writes UTF-16 with one by default: a UTF-8 mark is dropped, and
UTF-16 or UTF-32 text (little- or big-endian, told by its mark) is converted to UTF-8 as it is read. Text without a
mark is taken as UTF-8; bytes that are not UTF-8 are left as they are, for the line they are on to be rejected.

UTF-16 lone surrogates (an emoji cut in half) are kept (encoded as UTF-8 surrogates, which the JSON reader accepts as
``json.loads`` does); a unit that holds no character at all (a UTF-16 file cut in the middle of one, a UTF-32 code
past U+10FFFF) reads as U+FFFD. ``Line.offset`` and ``Line.end`` count the converted bytes.
"""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

from tracebridge.imports.inputs import CHUNK, layered, read_exactly

UTF8_BOM = codecs.BOM_UTF8
MARKS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_KEEP_SURROGATES = "tracebridge.keep-surrogates"


def _keep_surrogates(error: UnicodeError) -> tuple[str, int]:
    """Lone surrogates as they are (``surrogatepass``); a unit that is no character at all as U+FFFD."""
    try:
        kept, end = codecs.lookup_error("surrogatepass")(error)
    except UnicodeError:
        assert isinstance(error, UnicodeDecodeError)
        return "\ufffd", error.end
    assert isinstance(kept, str)  # decoding: what replaces the bad bytes is text
    return kept, end


codecs.register_error(_KEEP_SURROGATES, _keep_surrogates)


def utf8_text(stream: BinaryIO) -> io.BufferedReader:
    """``stream`` (a file's bytes, decompressed) as UTF-8 without a byte-order mark, read forward only.

    The mark is sniffed on the first read, not here, so a corrupt gzip stream fails where its reader expects it."""
    return io.BufferedReader(_Sniffed(stream), CHUNK)


class _Sniffed(io.RawIOBase):
    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._source = stream
        self._text: io.BufferedReader | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase types it as a WriteableBuffer
        if self._text is None:
            self._text = _decoded(self._source)
        data = self._text.read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            (self._text or self._source).close()
        super().close()


def _decoded(stream: BinaryIO) -> io.BufferedReader:
    head = read_exactly(stream, 4)
    if head.startswith(UTF8_BOM):
        return layered(stream, head=head[len(UTF8_BOM) :])
    for mark, encoding in MARKS:
        if head.startswith(mark):
            return io.BufferedReader(_Transcoded(layered(stream, head=head[len(mark) :]), encoding), CHUNK)
    return layered(stream, head=head)


class _Transcoded(io.RawIOBase):
    """UTF-16 or UTF-32 bytes read as UTF-8 bytes, a chunk at a time."""

    def __init__(self, stream: io.BufferedReader, encoding: str) -> None:
        super().__init__()
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)(_KEEP_SURROGATES)
        self._pending = b""
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase types it as a WriteableBuffer
        while not self._pending and not self._ended:
            chunk = self._stream.read1(CHUNK)  # what has arrived: a pipe's records flow as they are written
            self._ended = not chunk
            self._pending = self._decoder.decode(chunk, final=self._ended).encode("utf-8", "surrogatepass")
        data, self._pending = self._pending[: len(buffer)], self._pending[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()
