"""An input that cannot be read says so ("cannot read PATH: reason", a hint about the input, exit 1), never that the
output cannot be written (issue #17). The tests run as root, for whom permissions deny nothing: a permission error
is simulated where the file is opened."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from tracebridge.cli import failures
from tracebridge.cli.exit_codes import ExitCode
from tracebridge.imports import ImportFormatError, open_import

from tests.cli.conftest import tracebridge

SOURCE = Path(__file__).parents[1] / "fixtures" / "galileo" / "export-flat.jsonl"


def test_a_dangling_symbolic_link(tmp_path: Path) -> None:
    link = tmp_path / "export.jsonl"
    link.symlink_to(tmp_path / "moved-away.jsonl")

    done = tracebridge("import", str(link), "--out", str(tmp_path / "out"))

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"tracebridge import: cannot read {link}: a symbolic link to {tmp_path / 'moved-away.jsonl'}, which does not "
        "exist",
        "hint: check the path: name an export file or directory that exists",
    ]


def test_a_missing_file(tmp_path: Path) -> None:
    done = tracebridge("import", str(tmp_path / "nowhere.jsonl"), "--out", str(tmp_path / "out"))

    assert done.returncode == 1
    assert done.stderr.startswith(f"tracebridge import: cannot read {tmp_path / 'nowhere.jsonl'}: no such file")
    assert "--out" not in done.stderr


def test_permission_denied_is_about_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "export.jsonl"
    shutil.copy(SOURCE, path)
    opened = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return opened(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ImportFormatError) as refused:
        open_import([path])

    failure = failures.describe(refused.value)
    assert failure.message == f"cannot read {path}: permission denied"
    assert failure.hint is not None and "permissions" in failure.hint and "--out" not in failure.hint
    assert failure.code == ExitCode.ERROR


def test_a_file_that_became_a_directory_before_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    shutil.copy(SOURCE, path)
    export = open_import([path])  # planned: its format told from its content
    path.unlink()
    path.mkdir()  # then replaced, before the records are read

    with pytest.raises(ImportFormatError) as refused:
        list(export.records())

    failure = failures.describe(refused.value)
    assert failure.message == f"cannot read {path}: is a directory"
    assert failure.hint is not None and "--out" not in failure.hint
    assert failure.code == ExitCode.ERROR
