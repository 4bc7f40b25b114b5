"""``pip install tracebridge`` without the dev extras: JSONL out of the box, ``[duckdb]`` for ``tracebridge sql``.

Installed from a copy of the repository, not editable, in a fresh venv, as a user of the published package installs
it; each missing extra is named with the pip command that adds it.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.test_documented_commands import _clean_environment, copy_of_the_repository


def _run(*command: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow
def test_plain_install_then_the_duckdb_extra(tmp_path: Path) -> None:
    source = copy_of_the_repository(tmp_path / "source")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip, tracebridge = venv / "bin" / "pip", venv / "bin" / "tracebridge"
    env = _clean_environment()
    work = tmp_path / "work"
    work.mkdir()

    installed = _run(pip, "install", "--quiet", str(source), cwd=work, env=env)
    assert installed.returncode == 0, installed.stderr
    plain = _run(tracebridge, "demo", "--records", "20", cwd=work, env=env)
    assert plain.returncode == 0, plain.stderr
    assert (work / "tracebridge-demo" / "spans.jsonl").stat().st_size > 0
    assert "needs the duckdb extra: pip install 'tracebridge[duckdb]'" in plain.stderr
    no_sql = _run(tracebridge, "sql", "SELECT 1", "--out", "tracebridge-demo", cwd=work, env=env)
    assert no_sql.returncode == 1 and "pip install 'tracebridge[duckdb]'" in no_sql.stderr
    no_parquet = _run(tracebridge, "demo", "--format", "parquet", "--out", "p", cwd=work, env=env)
    assert no_parquet.returncode == 1 and "pip install 'tracebridge[parquet]'" in no_parquet.stderr
    assert not (work / "p").exists(), "nothing is created before the missing extra is named"

    extra = _run(pip, "install", "--quiet", f"{source}[duckdb]", cwd=work, env=env)
    assert extra.returncode == 0, extra.stderr
    demo = _run(tracebridge, "demo", "--records", "20", cwd=work, env=env)
    assert demo.returncode == 0, demo.stderr
    printed = demo.stderr.split("try next:\n", 1)[1].splitlines()[0].strip()
    argv = shlex.split(printed)
    assert argv[:2] == ["tracebridge", "sql"]
    answer = _run(tracebridge, *argv[1:], cwd=work, env=env)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines()[0].split("|")[0].strip() == "provider"
    assert "pyarrow" not in _run(venv / "bin" / "python", "-m", "pip", "list", cwd=work, env=env).stdout
