"""``open_output``: the formats a user can ask for, and clear errors for what cannot work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tracebridge.sinks import FORMATS, MissingExtraError, OutputUsageError, open_output


def test_default_is_jsonl_and_formats_are_deduplicated(tmp_path: Path) -> None:
    default = open_output(tmp_path / "a", [])
    assert default.formats == ["jsonl"]
    default.abort(discard=True)
    sink = open_output(tmp_path / "b", ["CSV", "jsonl", "csv"])
    assert sink.formats == ["csv", "jsonl"]
    sink.abort(discard=True)
    assert set(FORMATS) == {"jsonl", "parquet", "duckdb", "csv", "otlp-json"}


def test_unknown_format_names_the_choices(tmp_path: Path) -> None:
    with pytest.raises(
        OutputUsageError, match="unknown output format 'xlsx': choose from jsonl, parquet, duckdb, csv, otlp-json"
    ):
        open_output(tmp_path, ["xlsx"])


def test_stdout_takes_jsonl_only_and_cannot_resume() -> None:
    with pytest.raises(OutputUsageError, match="other formats need a directory"):
        open_output("-", ["jsonl", "parquet"])
    with pytest.raises(OutputUsageError, match="--resume needs an output directory"):
        open_output("-", ["jsonl"], resume=True)


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("not a directory")
    with pytest.raises(OutputUsageError, match="is not a directory"):
        open_output(target, ["jsonl"])


@pytest.mark.parametrize(
    ("fmt", "module", "extra"), [("parquet", "pyarrow", "parquet"), ("duckdb", "duckdb", "duckdb")]
)
def test_missing_optional_dependency_names_the_pip_command(
    fmt: str, module: str, extra: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A None entry in sys.modules makes the import fail exactly as on an install without the extra.
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError) as caught:
        open_output(tmp_path / "out", ["jsonl", fmt])
    assert f"pip install 'tracebridge[{extra}]'" in str(caught.value)
    assert not (tmp_path / "out").exists(), "nothing is created before the check"
