"""Where an import's bytes come from: a file, opened again for each pass, or a pipe, read once and replayed.

Detection reads a file's start (its head, its first lines, a sample of records), a shape may read a file twice (the
export tool's logs, for the records it repeats), then the import reads it whole: several passes, each from the start.
A regular file is simply opened again. A pipe (a FIFO, ``/dev/stdin``, a shell's ``<(zcat dump.gz)``) can be opened
once and read once, forward only: a ``Pipe`` keeps what has been read from it in a spool (in memory up to
``SPOOL_MEMORY``, then in an anonymous temporary file), so every pass gets the stream from its start, what was spooled
and then the live stream, read on as the writer writes it. Memory stays bounded; the disk holds what the pipe sent,
until the import ends (``Pipe.close``).

Nothing here seeks: every reader reads forward, so a stream works wherever a file does. An input that cannot be
opened or read is an ``InputReadError`` naming it ("cannot read ...: permission denied"), not an ``OSError`` the
command would blame on its output.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import BinaryIO

from tracebridge.imports.errors import InputReadError

SPOOL_MEMORY = 1024 * 1024
"""Bytes of a pipe kept in memory before its spool moves to a temporary file."""
CHUNK = 64 * 1024


class Pipe:
    """An input that is not a regular file: read once from the operating system, replayed from a spool to each pass."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._live: BinaryIO | None = None
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)  # noqa: SIM115 (closed by close())
        self._spooled = 0
        self._ended = False

    def __str__(self) -> str:
        return str(self.path)

    def open(self) -> io.BufferedReader:
        """A reader of the whole stream from its start (forward only), however much other readers have read."""
        return io.BufferedReader(_PipeReader(self), CHUNK)

    def read_at(self, position: int, size: int) -> bytes:
        """Up to ``size`` bytes from ``position``: from the spool, else from the live stream (spooled as it is read)."""
        if position < self._spooled:
            self._spool.seek(position)
            return self._spool.read(min(size, self._spooled - position))
        if self._ended:
            return b""
        if self._live is None:
            self._live = open_file(self.path, buffered=False)
        try:
            data = self._live.read(size)  # one read(2): what the writer has written so far, at most ``size``
        except OSError as exc:
            raise InputReadError(self.path, exc) from None
        if not data:
            self._ended = True
            self._live.close()
            return b""
        self._spool.seek(0, io.SEEK_END)
        self._spool.write(data)
        self._spooled += len(data)
        return data

    def close(self) -> None:
        if self._live is not None:
            self._live.close()
        self._spool.close()


class _PipeReader(io.RawIOBase):
    """One pass over a ``Pipe``: its own position in the one stream."""

    def __init__(self, pipe: Pipe) -> None:
        super().__init__()
        self._pipe = pipe
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase types it as a WriteableBuffer
        data = self._pipe.read_at(self._position, len(buffer))
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


Readable = Path | Pipe
"""What the readers read: a file by its path, or a pipe read once."""


def name_of(source: Readable) -> Path:
    """The path the user named, for messages and ``file:line``."""
    return source.path if isinstance(source, Pipe) else source


def is_pipe(path: Path) -> bool:
    """True for an existing path that is neither a regular file nor a directory (a FIFO, a character device)."""
    return path.exists() and not path.is_file() and not path.is_dir()


def open_file(path: Path, *, buffered: bool = True) -> BinaryIO:
    """``path`` opened for reading; ``InputReadError`` (with the reason in words) when it cannot be."""
    try:
        return path.open("rb", buffering=-1 if buffered else 0)
    except OSError as exc:
        raise InputReadError(path, exc) from None


def open_bytes(source: Readable) -> BinaryIO:
    """The raw bytes of ``source``, from its start."""
    return source.open() if isinstance(source, Pipe) else open_file(source)


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """``size`` bytes, fewer only where the stream ends (a pipe's read may return less than asked)."""
    data = b""
    while len(data) < size and (chunk := stream.read(size - len(data))):
        data += chunk
    return data


class _Layered(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff a magic number or a byte-order mark) and is read on
    from there, forward only; closing it closes the streams it was built on."""

    def __init__(self, stream: BinaryIO, *, head: bytes = b"", closes: tuple[BinaryIO, ...] = ()) -> None:
        super().__init__()
        self._stream = stream
        self._head = head
        self._closes = (stream, *closes)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # RawIOBase types it as a WriteableBuffer
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            read1 = getattr(self._stream, "read1", None)
            data = read1(len(buffer)) if read1 is not None else self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            for stream in self._closes:
                stream.close()
        super().close()


def layered(stream: BinaryIO, *, head: bytes = b"", closes: tuple[BinaryIO, ...] = ()) -> io.BufferedReader:
    """``_Layered`` with a buffer, so it has ``readline`` and reads in chunks."""
    return io.BufferedReader(_Layered(stream, head=head, closes=closes), CHUNK)
