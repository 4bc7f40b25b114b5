"""The product's output does not change unless a commit says so: the demo and an import of every fixture.

On a failure, the assertion shows which file differs; ``python -m tests.golden --write`` rewrites the expected outputs
once the change is intended (and the commit says why).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.golden.capture import expected_path, fixture_inputs, read_expected, run_demo, run_import, slug

FIXTURE_INPUTS = fixture_inputs()


def _same(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert got["exit_code"] == expected["exit_code"]
    assert got["stderr"] == expected["stderr"]
    assert sorted(got["files"]) == sorted(expected["files"]), "a different set of files was published"
    for name, content in expected["files"].items():
        assert got["files"][name] == content, f"{name} differs"
    # Round-trip through JSON as the expected file was: catches a value that only the in-memory form holds.
    assert json.loads(json.dumps(got, sort_keys=True)) == expected


def test_every_fixture_has_an_expected_output() -> None:
    assert FIXTURE_INPUTS, "no fixtures found"
    missing = [str(path) for path in FIXTURE_INPUTS if not expected_path(f"imports/{slug(path)}").exists()]
    assert not missing, f"no expected output for {missing}: run python -m tests.golden --write"


@pytest.mark.parametrize("path", FIXTURE_INPUTS, ids=[slug(p) for p in FIXTURE_INPUTS])
def test_import_of_each_fixture_is_unchanged(path: Path, tmp_path: Path) -> None:
    name = f"imports/{slug(path)}"
    if not expected_path(name).exists():
        pytest.fail(f"no expected output for {path}: run python -m tests.golden --write")
    _same(run_import(path, tmp_path / "out"), read_expected(name))


@pytest.mark.slow
def test_demo_in_every_format_is_unchanged(tmp_path: Path) -> None:
    _same(run_demo(tmp_path / "demo"), read_expected("demo"))
