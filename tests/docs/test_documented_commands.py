"""Every fenced shell and Python block of README.md and docs/*.md runs, as a newcomer would run it.

The blocks run in order (README.md first, then docs/ by name), each in its own ``bash -euo pipefail`` (Python blocks
with the venv's interpreter), in a copy of the repository, starting with the quickstart's own ``python3 -m venv`` and
``pip install``: later blocks run with that venv active, as the README tells its reader. The README's sandbox block
is started in the background, and the placeholders the README tells the reader to replace (``pr_123``, ``ev_456``,
``PROJECT_UUID``, the keys, the base URL...) are filled from the ids it prints. The files the import examples name are
made from that sandbox first, as a user would have saved them.

The first block that sends (``tracebridge send``, ``--send-to``) finds the targets the README's send section names
running: a real Phoenix (``tests/destinations/phoenix_server.py``: installed in ``.test-venvs/phoenix`` on first use,
started in the background when the test begins, as it takes a minute), and two real receivers
(``tests/destinations/receiver.py``), one playing Langfuse's API (``FakeLangfuse``, as ``test_langfuse.py`` does), one
any OTLP backend. The README's Phoenix URL, Langfuse host and OTLP collector are replaced with theirs, its key
placeholders with dummy keys (which the reader's shell then also holds: ``SEND_KEYS``), all listed in
``_send_substitutions``. At the end the test checks what arrived: Phoenix holds every span the ledgers say it took, and
each receiver got spans, each once, with the keys the README exported.

An HTML comment right before a block changes how it runs: ``<!-- readme-test: server: why -->`` starts it in the
background; ``<!-- readme-test: skip: why -->`` skips it, and only the blocks in ``ALLOWED_SKIPS`` may be skipped.
Blocks in other languages must say so (```` ```text ````): a block with no language fails the test, so nothing that
looks like a command escapes it.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import attrs
import httpx
import pytest

from tests.destinations.phoenix_readback import Phoenix
from tests.destinations.phoenix_server import PhoenixServer, running_phoenix
from tests.destinations.receiver import Receiver, receiving
from tests.destinations.test_langfuse import FakeLangfuse

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
SHELL = frozenset({"bash", "sh", "shell"})
PYTHON = frozenset({"python"})
NOT_CODE = frozenset({"text", "json", "yaml", "toml", "sql"})
ALLOWED_SKIPS = {("README.md", ".venv/bin/python -m pytest")}
"""The test command: it runs this test."""
HUMANLOOP_EXPORT_FIXTURE = REPO / "tests" / "fixtures" / "imports" / "humanloop-export"
BLOCK_TIMEOUT_S = 600
TEST_TIMEOUT_S = 1800
"""The whole walk: the quickstart's venv install alone takes minutes, the benchmark examples about two."""
SENDS = re.compile(r"\btracebridge send\b|--send-to\b")
"""A block that sends to a platform: the send targets must be running (see the module)."""
PHOENIX_PROJECT = "tracebridge"
"""The project ``tracebridge send --to phoenix`` uses when the command names none."""
SEND_KEYS = {
    "PHOENIX_API_KEY": "phoenix-docs-test-key",
    "LANGFUSE_PUBLIC_KEY": "pk-lf-docs-test-public",
    "LANGFUSE_SECRET_KEY": "sk-lf-docs-test-secret",
}
OTLP_TOKEN = "otlp-docs-test-token"

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
    phoenix: Future[PhoenixServer] | None = None
    """The Phoenix for the send examples, starting in the background (None: no block sends)."""
    targets: SendTargets | None = None
    """The running send targets, once a block sends."""
    resources: ExitStack = attrs.field(factory=ExitStack)

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
        if not key.startswith(
            ("HUMANLOOP_", "GALILEO_", "PHOENIX_", "LANGFUSE_", "OTEL_", "PYTEST_", "VIRTUAL_ENV", "PYTHON")
        )
    }
    own_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep) if part != own_bin)
    # pip's --no-compile for the quickstart's install: modules are byte-compiled on first import instead of all ~8,300
    # at install (17 of its 44 CPU s here), which changes nothing a block does. "0" because pip reads a --no-X
    # option's variable as the value of X (PIP_NO_COMPILE=1 would mean compile).
    env["PIP_NO_COMPILE"] = "0"
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


@attrs.frozen
class SendTargets:
    """What the send section's examples send to, each a real server on loopback."""

    phoenix: PhoenixServer
    langfuse: Receiver
    otlp: Receiver


def _send_substitutions(targets: SendTargets) -> dict[str, str]:
    """The send section's placeholders -> the running targets and dummy keys, as its reader is told to replace them."""
    return {
        r"http://localhost:6006": targets.phoenix.base_url,
        r"PHOENIX_API_KEY=\.\.\.": f"PHOENIX_API_KEY={SEND_KEYS['PHOENIX_API_KEY']}",
        r"https://cloud\.langfuse\.com": targets.langfuse.base_url,
        r"\bpk-lf-\.\.\.": SEND_KEYS["LANGFUSE_PUBLIC_KEY"],
        r"\bsk-lf-\.\.\.": SEND_KEYS["LANGFUSE_SECRET_KEY"],
        r"http://localhost:4318": targets.otlp.base_url,
        r"YOUR_TOKEN": OTLP_TOKEN,
    }


def _start_the_send_targets(workspace: Workspace) -> SendTargets:
    """The Phoenix started with the test (waited for here), and the two receivers."""
    assert workspace.phoenix is not None
    phoenix = workspace.phoenix.result(timeout=BLOCK_TIMEOUT_S)
    langfuse = workspace.resources.enter_context(receiving())
    FakeLangfuse().install(langfuse)
    otlp = workspace.resources.enter_context(receiving())
    return SendTargets(phoenix, langfuse, otlp)


def _ledger_spans(root: Path, ledgers: str) -> set[str]:
    """The span ids that the ledgers named ``ledgers`` (a glob: ``phoenix_*``) of the output directories the examples
    wrote say were accepted."""
    found: set[str] = set()
    for ledger in root.glob(f"*/.sent/{ledgers}.jsonl"):
        if ledger.name.endswith(".rejects.jsonl"):
            continue
        for line in ledger.read_text(encoding="utf-8").splitlines():
            key = json.loads(line)["key"]
            if key.startswith("span:"):
                found.add(key.removeprefix("span:"))
    return found


def _received_span_ids(receiver: Receiver, path: str) -> list[str]:
    return [span.span_id.hex() for _resource, span in receiver.spans(path)]


def _check_what_was_sent(workspace: Workspace) -> None:
    """What the send examples sent arrived, each span once, with the keys the README exported."""
    targets = workspace.targets
    assert targets is not None
    phoenix_spans = _ledger_spans(workspace.root, f"phoenix_*_project_{PHOENIX_PROJECT}")
    assert phoenix_spans, "no span in a Phoenix ledger: the Phoenix example sent nothing"
    phoenix = Phoenix(targets.phoenix.base_url)
    try:
        phoenix.wait_for_spans(PHOENIX_PROJECT, len(phoenix_spans), timeout=120)
        held = {row["context"]["span_id"] for row in phoenix.spans(PHOENIX_PROJECT)}
    finally:
        phoenix.close()
    assert held == phoenix_spans, f"Phoenix holds {len(held)} spans, its ledgers list {len(phoenix_spans)}"

    langfuse_spans = _received_span_ids(targets.langfuse, "/api/public/otel/v1/traces")
    assert langfuse_spans, "the Langfuse example sent no span"
    assert len(langfuse_spans) == len(set(langfuse_spans)), "a span went to Langfuse twice: the second send resent"
    assert set(langfuse_spans) == _ledger_spans(workspace.root, "langfuse_*")
    scores = [request.json()["id"] for request in targets.langfuse.to("/api/public/scores")]
    assert scores and len(scores) == len(set(scores)), f"scores sent {len(scores)} times, {len(set(scores))} ids"
    basic = base64.b64encode(f"{SEND_KEYS['LANGFUSE_PUBLIC_KEY']}:{SEND_KEYS['LANGFUSE_SECRET_KEY']}".encode())
    assert {request.headers.get("authorization") for request in targets.langfuse.requests} == {
        f"Basic {basic.decode()}"
    }

    otlp_spans = _received_span_ids(targets.otlp, "/v1/traces")
    assert otlp_spans and len(otlp_spans) == len(set(otlp_spans)), "the OTLP example sent no span, or one twice"
    assert set(otlp_spans) == _ledger_spans(workspace.root, "otlp_*")
    assert {request.headers.get("authorization") for request in targets.otlp.requests} == {f"Bearer {OTLP_TOKEN}"}


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
    starter = ThreadPoolExecutor(max_workers=1)
    phoenix: AbstractContextManager[PhoenixServer] | None = None
    if any(SENDS.search(block.text) for block in all_blocks() if block.language in SHELL | PYTHON):
        # Started now, beside the quickstart's install: Phoenix takes a minute to start (more to install, and more
        # beside the install), waited for when a block first sends.
        phoenix = running_phoenix(tmp_path / "phoenix", timeout=BLOCK_TIMEOUT_S)
        space.phoenix = starter.submit(phoenix.__enter__)
    try:
        yield space
    finally:
        for server in space.servers:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        space.resources.close()
        starter.shutdown(wait=True)
        if phoenix is not None and space.phoenix is not None and space.phoenix.exception() is None:
            phoenix.__exit__(None, None, None)


@pytest.mark.slow
@pytest.mark.timeout(TEST_TIMEOUT_S)
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
        if workspace.targets is None and SENDS.search(block.text):
            workspace.targets = _start_the_send_targets(workspace)
            workspace.substitutions.update(_send_substitutions(workspace.targets))
            workspace.env.update(SEND_KEYS)  # the reader exported their keys in this shell
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
    assert workspace.targets is not None, "no block sends: the README's send section has no example"
    _check_what_was_sent(workspace)
