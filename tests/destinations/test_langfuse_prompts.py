"""``send --to langfuse``: whose prompt a Langfuse prompt is, and the order its versions are numbered in.

A Langfuse prompt is its name, so two source prompts at one path, or a prompt somebody made there before, would become
one prompt whose versions (and whose ``production`` label) they fight over (``FakeLangfuse`` keeps versions by name and
moves a label to the newest version that asks for it, as Langfuse does).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.receiver import receiving
from tests.destinations.test_langfuse import FakeLangfuse, _copy, _send

USERS = "support/docs-assistant"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cwd = tmp_path_factory.mktemp("send")
    assert tracebridge("demo", "--records", "40", "-q", cwd=cwd).returncode == 0
    return cwd / "tracebridge-demo"


def _source_version(version: dict[str, Any]) -> str:
    return str(version["commitMessage"]).rsplit("[tracebridge ", 1)[1].removesuffix("]")


def test_two_source_prompts_at_one_path_stay_two_prompts_and_a_users_prompt_is_left_alone(
    demo: Path, tmp_path: Path
) -> None:
    out = _copy(demo, tmp_path)
    rows = {row["version_id"]: row for row in read_jsonl(out / "definition_versions.jsonl")}
    prompts = {version_id: row for version_id, row in rows.items() if row["definition_type"] == "prompt"}
    by_path: dict[str, set[str]] = defaultdict(set)
    for row in prompts.values():
        by_path[row["path"]].add(row["definition_id"])
    assert any(len(ids) > 1 for ids in by_path.values()), "the demo has two source prompts at one path"
    assert USERS in by_path
    fake = FakeLangfuse()
    users = {"name": USERS, "type": "text", "prompt": "mine", "version": 1, "labels": ["production", "latest"],
             "commitMessage": "made by hand"}  # fmt: skip
    fake.prompts[USERS].append(users)
    with receiving() as receiver:
        fake.install(receiver)
        result = _send(out, receiver)
        assert result.returncode == 0, result.stderr
        again = _send(out, receiver)
        assert again.returncode == 0 and "sent nothing" in again.stderr, again.stderr

    assert fake.prompts[USERS] == [users], "somebody's prompt of that name gets no version of ours"
    names: dict[str, set[str]] = defaultdict(set)
    for name, versions in fake.prompts.items():
        for version in versions:
            if name != USERS:
                names[prompts[_source_version(version)]["definition_id"]].add(name)
    definitions = {row["definition_id"] for row in prompts.values()}
    assert names.keys() == definitions
    assert all(len(found) == 1 for found in names.values()), "one Langfuse prompt per source prompt"
    assert len({name for found in names.values() for name in found}) == len(definitions), "no prompt shared"
    for name, versions in fake.prompts.items():
        for version in versions:
            if name != USERS and any(
                d.get("environment_name") == "production" for d in prompts[_source_version(version)]["deployments"]
            ):
                assert "production" in version["labels"], f"{name} v{version['version']} lost its label"


def test_a_prompts_versions_are_numbered_oldest_first_across_batches(demo: Path, tmp_path: Path) -> None:
    """``send`` hands over 1,000 records at a time: an older version in a later batch still becomes version 1."""
    out = _copy(demo, tmp_path)
    rows = read_jsonl(out / "definition_versions.jsonl")
    newest = next(row for row in rows if row["definition_type"] == "prompt")
    filler = next(row for row in rows if row["definition_type"] == "tool")
    older = {**newest, "version_id": "prv_older", "created_at_unix_nano": newest["created_at_unix_nano"] - 10**15}
    fillers = [{**filler, "version_id": f"tlv_filler_{n:04d}"} for n in range(1_000)]
    lines = [newest, *fillers, older, *(row for row in rows if row is not newest)]
    (out / "definition_versions.jsonl").write_text("".join(json.dumps(row) + "\n" for row in lines))
    fake = FakeLangfuse()
    with receiving() as receiver:
        fake.install(receiver)
        result = _send(out, receiver)
        assert result.returncode == 0, result.stderr
    (versions,) = [
        versions for versions in fake.prompts.values() if any(_source_version(v) == "prv_older" for v in versions)
    ]
    assert [_source_version(version) for version in versions] == ["prv_older", newest["version_id"]]
