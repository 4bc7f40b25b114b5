"""Every fenced shell and Python block of README.md and docs/*.md runs, as a newcomer would run it.

The blocks run in order (README.md first, then docs/ by name), each in its own ``bash -euo pipefail`` (Python blocks
with the venv's interpreter), in a copy of the repository, starting with the quickstart's own ``python3 -m venv`` and
``pip install``: later blocks run with that venv active, as the README tells its reader. The README's sandbox block
is started in the background, and the placeholders the README tells the reader to replace (``pr_123``, ``ev_456``,
``PROJECT_UUID``, the keys, the base URL...) are filled from the ids it prints. The files the import examples name are
made from that sandbox first, as a user would have saved them.

An HTML comment right before a block changes how it runs: ``<!-- readme-test: server: why -->`` starts it in the
background; ``<!-- readme-test: skip: why -->`` skips it, and only the blocks in ``ALLOWED_SKIPS`` may be skipped.
Blocks in other languages must say so (```` ```text ````): a block with no language fails the test, so nothing that
looks like a command escapes it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
SHELL = frozenset({"bash", "sh", "shell"})
PYTHON = frozenset({"python"})
NOT_CODE = frozenset({"text", "json", "yaml", "toml", "sql"})
ALLOWED_SKIPS = {("README.md", ".venv/bin/python -m pytest")}
"""The test command: it runs this test."""
HUMANLOOP_EXPORT_FIXTURE = REPO / "tests" / "fixtures" / "imports" / "humanloop-export"
BLOCK_TIMEOUT_S = 600

_FENCE = re.compile(r"^```(\S*)\s*$")
_MARKER = re.compile(r"^<!--\s*readme-test:\s*(skip|server):\s*(.+?)\s*-->\s*$")


@attrs.frozen
class Block:
    document: Path
    line: int
    language: str
    text: str
    marker: str | None = None

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(REPO)}:{self.line}"


def blocks(document: Path) -> list[Block]:
    """The fenced blocks of one Markdown file, each with the ``readme-test`` marker on the line before it."""
    lines = document.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        fence = _FENCE.match(lines[index])
        if fence is None:
            index += 1
            continue
        start = index
        index += 1
        body: list[str] = []
        while index < len(lines) and not lines[index].startswith("```"):
            body.append(lines[index])
            index += 1
        previous = lines[start - 1] if start > 0 else ""
        marker = _MARKER.match(previous)
        found.append(
            Block(document, start + 1, fence.group(1), "\n".join(body) + "\n", marker.group(1) if marker else None)
        )
        index += 1
    return found


def all_blocks() -> list[Block]:
    return [block for document in DOCUMENTS for block in blocks(document)]


def test_every_block_says_what_it_is() -> None:
    unlabelled = [block.where for block in all_blocks() if not block.language]
    assert not unlabelled, f"fenced blocks without a language (bash, python, or text if not code): {unlabelled}"
    unknown = {block.where: block.language for block in all_blocks() if block.language not in SHELL | PYTHON | NOT_CODE}
    assert not unknown, f"languages this test does not know how to run or skip: {unknown}"
    skipped = {(block.document.name, block.text.strip()) for block in all_blocks() if block.marker == "skip"}
    assert skipped <= ALLOWED_SKIPS, f"skips beyond the test command itself: {skipped - ALLOWED_SKIPS}"


# ------------------------------------------------------------------------------------------------- the workspace


def copy_of_the_repository(target: Path) -> Path:
    """The files a clone has (tracked, plus new ones not ignored): no venv, no outputs, no caches."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@attrs.define
class Workspace:
    """The reader's clone, their environment, and the sandbox they started."""

    root: Path
    env: dict[str, str]
    substitutions: dict[str, str] = attrs.field(factory=dict)
    servers: list[subprocess.Popen[str]] = attrs.field(factory=list)

    def fill(self, text: str) -> str:
        for pattern, value in self.substitutions.items():
            text = re.sub(pattern, lambda _match, value=value: value, text)
        return text

    def activate_venv(self) -> None:
        venv = self.root / ".venv"
        if (venv / "bin").is_dir():
            self.env["VIRTUAL_ENV"] = str(venv)
            self.env["PATH"] = f"{venv / 'bin'}{os.pathsep}{self.env['PATH']}"

    def python(self) -> str:
        venv_python = self.root / ".venv" / "bin" / "python"
        return str(venv_python) if venv_python.exists() else sys.executable


def _clean_environment() -> dict[str, str]:
    """The reader's shell: no vendor variables, no venv of the test run's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HUMANLOOP_", "GALILEO_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))
    }
    own_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep) if part != own_bin)
    return env


def _start_server(block: Block, workspace: Workspace) -> dict[str, str]:
    """Run the block in the background; the ``name: value`` lines it prints, once it has printed them all."""
    command = workspace.fill(re.sub(r"--port 8787\b", "--port 0", block.text))
    process = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=workspace.root,
        env=workspace.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    workspace.servers.append(process)
    printed: dict[str, str] = {}
    deadline = time.monotonic() + 60
    assert process.stdout is not None
    while "faults" not in printed:
        line = process.stdout.readline()
        if not line or time.monotonic() > deadline:
            raise AssertionError(f"{block.where}: the server printed no coordinates: {printed}")
        name, _, value = line.partition(": ")
        printed[name.strip()] = value.strip()
    return printed


def _sandbox_substitutions(printed: dict[str, str]) -> dict[str, str]:
    """The README's placeholders -> what the sandbox printed, as its reader is told to replace them."""
    runs, evaluatees, logs = (printed[name].split() for name in ("humanloop runs", "humanloop evaluatees",
                                                                 "humanloop logs in no run"))  # fmt: skip
    return {
        r"http://127\.0\.0\.1:8787": printed["base url"],
        r"hl_sk_\.\.\.": printed["humanloop api key"],
        r"GALILEO_API_KEY=\.\.\.": f"GALILEO_API_KEY={printed['galileo api key']}",
        r"\bpr_123\b": printed["humanloop project"],
        r"\bev_456\b": printed["humanloop evaluation"],
        r"\brun_1\b": runs[0],
        r"\brun_2\b": runs[1],
        r"\bevv_1\b": evaluatees[0],
        r"\bevv_2\b": evaluatees[1],
        r"\blog_a\b": logs[0],
        r"\blog_b\b": logs[1],
        r"\bPROJECT_UUID\b": printed["galileo project"],
        r"\bSTREAM_UUID\b": printed["galileo log stream"],
        r"\bEXPERIMENT_UUID\b": printed["galileo experiment"],
    }


def _save_the_files_the_import_examples_name(root: Path, printed: dict[str, str]) -> None:
    """What the import examples read, saved from the sandbox as a user saved their data (and a humanloop-export run)."""
    shutil.copytree(HUMANLOOP_EXPORT_FIXTURE, root / "exports" / "20250901-100000")
    humanloop = {"X-API-KEY": printed["humanloop api key"]}
    with httpx.Client(base_url=printed["base url"], headers=humanloop, timeout=60) as client:
        (root / "pages").mkdir()
        page = 0
        while True:  # every page: a saved export that misses pages is (rightly) an incomplete import
            response = client.post(
                f"/v4/projects/{printed['humanloop project']}/export", params={"page": page, "size": 200}
            )
            response.raise_for_status()
            if not response.json()["records"]:
                break
            (root / "pages" / f"page-{page}.json").write_bytes(response.content)
            page += 1
        response = client.get(f"/v5/evaluations/{printed['humanloop evaluation']}/logs", params={"size": 50})
        response.raise_for_status()
        lines = "".join(json.dumps(record) + "\n" for record in response.json()["records"])
        (root / "evaluation-logs.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    galileo = {printed["galileo key header"]: printed["galileo api key"]}
    with httpx.Client(base_url=printed["base url"], headers=galileo, timeout=60) as client:
        body = {"root_type": "trace", "log_stream_id": printed["galileo log stream"], "export_format": "csv"}
        response = client.post(f"/v2/projects/{printed['galileo project']}/export_records", json=body)
        response.raise_for_status()
        (root / "galileo-export.csv").write_bytes(response.content)


def _run(block: Block, workspace: Workspace) -> subprocess.CompletedProcess[str]:
    text = workspace.fill(block.text)
    if block.language in PYTHON:
        script = workspace.root / f".block-{block.document.stem}-{block.line}.py"
        script.write_text(text, encoding="utf-8")
        command = [workspace.python(), str(script)]
    else:
        command = ["bash", "-euo", "pipefail", "-c", text]
    return subprocess.run(
        command,
        cwd=workspace.root,
        env=workspace.env,
        capture_output=True,
        text=True,
        timeout=BLOCK_TIMEOUT_S,
        check=False,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    root = copy_of_the_repository(tmp_path / "tracebridge")
    space = Workspace(root, _clean_environment())
    try:
        yield space
    finally:
        for server in space.servers:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.mark.slow
def test_every_documented_block_runs(workspace: Workspace) -> None:
    failures: list[str] = []
    ran: list[str] = []
    for block in all_blocks():
        if block.language not in SHELL | PYTHON or block.marker == "skip":
            continue
        if block.marker == "server":
            printed = _start_server(block, workspace)
            workspace.substitutions = _sandbox_substitutions(printed)
            workspace.env.update(
                {
                    "HUMANLOOP_API_KEY": printed["humanloop api key"],
                    "HUMANLOOP_BASE_URL": printed["base url"],
                    "GALILEO_API_KEY": printed["galileo api key"],
                    "GALILEO_API_URL": printed["base url"],
                }
            )
            _save_the_files_the_import_examples_name(workspace.root, printed)
            ran.append(block.where)
            continue
        result = _run(block, workspace)
        ran.append(block.where)
        if result.returncode != 0:
            failures.append(
                f"{block.where} exited {result.returncode}:\n{workspace.fill(block.text)}\n"
                f"--- stdout ---\n{result.stdout[-3000:]}\n--- stderr ---\n{result.stderr[-3000:]}"
            )
        if not workspace.env.get("VIRTUAL_ENV"):
            workspace.activate_venv()  # the quickstart made it; "every command below assumes the venv is active"
    assert not failures, "\n\n".join(failures)
    assert len(ran) >= 10, ran
