"""Text is decoded line by line: a byte that is not UTF-8 is its line's reject wherever it is, a byte-order mark is
honoured (UTF-8, UTF-16, UTF-32, gzipped or not), and only a file that is not text at all is refused (issue #17)."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from tracebridge.imports import ImportFormatError, open_import

from tests.imports.vendor_data import rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
LOG = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())
SNIFF_BYTES = 64 * 1024


def _logs(count: int) -> list[bytes]:
    return [json.dumps(dict(LOG, id=f"data_{n}")).encode() for n in range(count)]


@pytest.mark.parametrize("bad_line", [1, 5, 60])
def test_a_byte_that_is_not_utf8_rejects_its_line_wherever_it_is(tmp_path: Path, bad_line: int) -> None:
    lines = _logs(60)
    assert sum(len(line) + 1 for line in lines[: bad_line - 1]) > SNIFF_BYTES or bad_line < 10  # 60: past the head
    lines[bad_line - 1] = lines[bad_line - 1].replace(b'"support', b'"sup\xffport', 1)
    path = tmp_path / "logs.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    good = tmp_path / "good.jsonl"
    good.write_bytes(b"\n".join(line for n, line in enumerate(lines, 1) if n != bad_line) + b"\n")

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([good]).records())
    assert (export.report.fetched, export.report.unique, export.report.rejected) == (60, 59, 1)
    (reject,) = export.rejects
    assert reject.source == f"{path}:{bad_line}"
    column = lines[bad_line - 1].index(b"\xff") + 1
    assert reject.reason == f"not UTF-8 text: byte 0xff at byte {column} of the line (shown as \\xff)"
    assert reject.raw == lines[bad_line - 1].decode("utf-8", "backslashreplace")
    assert '"sup\\xffport' in reject.raw


def test_a_csv_row_that_is_not_utf8_is_one_reject(tmp_path: Path) -> None:
    source = FIXTURES / "imports" / "galileo-multiline.csv"
    lines = source.read_bytes().split(b"\n")
    broken = lines[1].replace(b"Where is", b"Wh\xe9re is", 1)
    assert broken != lines[1]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\n".join([lines[0], broken, *lines[2:]]))
    without = tmp_path / "without.csv"
    without.write_bytes(b"\n".join([lines[0], *lines[2:]]))

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([without]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:2"
    assert reject.reason.startswith("not UTF-8 text: byte 0xe9 on line 2")
    assert reject.raw.startswith(broken.decode("utf-8", "backslashreplace"))  # Wh\xe9re, the byte shown


def test_a_json_document_with_a_byte_that_is_not_utf8_loses_only_its_record(tmp_path: Path) -> None:
    records = [dict(LOG, id=f"data_{n}") for n in range(3)]
    text = json.dumps({"records": records, "page": 0, "size": 3, "total": 3}, indent=2).encode()
    second = text.index(b'"data_1"')
    path = tmp_path / "page.json"
    path.write_bytes(text[:second] + text[second:].replace(b'"support', b'"sup\xffport', 1))

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_page(tmp_path, [records[0], records[2]])]).records())
    (reject,) = export.rejects
    assert reject.source.endswith(" record 1")
    assert reject.reason.startswith("not UTF-8 text: byte 0xff at line ")
    assert "\\xff" in reject.raw
    assert export.report.complete  # 2 read + 1 rejected: the 3 the page promised


def _page(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "good-page.json"
    path.write_text(json.dumps({"records": records, "page": 0, "size": 3, "total": len(records)}))
    return path


def test_only_a_file_that_is_not_text_is_refused_whole(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16-without-mark.jsonl"
    utf16.write_bytes(b"\n".join(_logs(2)).decode().encode("utf-16-le"))
    with pytest.raises(
        ImportFormatError, match=r"utf16-without-mark\.jsonl: a binary file, not an export .* byte-order"
    ):
        open_import([utf16])
    noise = tmp_path / "noise.jsonl"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 8)  # no NUL, and no byte of it UTF-8
    with pytest.raises(
        ImportFormatError, match=r"noise\.jsonl: a binary file, not an export .*1024 of its first 1024 bytes"
    ):
        open_import([noise])
    latin1 = tmp_path / "latin1.jsonl"  # text with one letter that is not UTF-8: a reject, not a binary file
    latin1.write_bytes(b"\n".join([_logs(1)[0].replace(b'"support', b'"caf\xe9', 1), *_logs(3)[1:]]) + b"\n")
    export = open_import([latin1])
    list(export.records())
    assert [reject.source for reject in export.rejects] == [f"{latin1}:1"]


SOURCES = {
    "jsonl": FIXTURES / "galileo" / "export-flat.jsonl",
    "csv": FIXTURES / "imports" / "galileo-multiline.csv",
    "json": FIXTURES / "docs" / "humanloop-v4-projects-export.response.json",
}
ENCODINGS = {
    "utf-8 with a mark": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-32-le": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "utf-32-be": lambda text: codecs.BOM_UTF32_BE + text.encode("utf-32-be"),
}


@pytest.mark.parametrize("kind", SOURCES)
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzipped"])
def test_a_byte_order_mark_is_honoured(tmp_path: Path, kind: str, encoding: str, gzipped: bool) -> None:
    source = SOURCES[kind]
    data = ENCODINGS[encoding](source.read_text(encoding="utf-8"))
    path = tmp_path / f"export.{kind}"
    path.write_bytes(gzip.compress(data) if gzipped else data)

    export = open_import([path])
    got = rows(export.records())

    expected = open_import([source])
    assert got == rows(expected.records())
    assert export.job["formats"] == {str(path): expected.job["formats"][str(source)]}
    assert not export.rejects


def test_a_utf16_lone_surrogate_is_kept_as_json_keeps_it(tmp_path: Path) -> None:
    # An emoji cut in half by a token limit, written raw (not as a \ud83d escape) by a UTF-16 tool.
    record = dict(LOG, id="data_cut", output="cut \ud83d")
    text = json.dumps(record, ensure_ascii=False)
    path = tmp_path / "logs.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + (text + "\n").encode("utf-16-le", "surrogatepass"))
    escaped = tmp_path / "escaped.jsonl"
    escaped.write_text(json.dumps(record) + "\n")  # the same surrogate as a JSON escape

    export = open_import([path])

    assert rows(export.records()) == rows(open_import([escaped]).records())
    assert not export.rejects
