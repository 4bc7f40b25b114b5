"""Checkpoints survive a crash at any point: only what was committed counts on resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from tracebridge.delivery.checkpoint import Checkpoint

JOB = {"source": "humanloop", "endpoint": "v4.export_project", "project_id": "pr_1"}


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    checkpoint = Checkpoint.load_or_new(path, JOB)
    checkpoint.pages_done["project"] = [0, 1]
    checkpoint.save(["data_1", "data_2"])
    checkpoint.save(["data_3"])

    loaded = Checkpoint.load_or_new(path, JOB)

    assert loaded.pages_done == {"project": [0, 1]}
    assert loaded.committed_ids() == ["data_1", "data_2", "data_3"]


def test_ids_holding_line_breaks_or_lone_surrogates_come_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    odd = ["v5_log:a\nb", "galileo:x\ud83dy", 'quote"back\\slash', "plain"]
    Checkpoint.load_or_new(path, JOB).save(odd)
    assert Checkpoint.load_or_new(path, JOB).committed_ids() == odd


def test_ids_written_after_the_last_save_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    checkpoint = Checkpoint.load_or_new(path, JOB)
    checkpoint.save(["data_1"])
    with checkpoint.ids_path.open("a", encoding="utf-8") as handle:  # a run that died mid-save
        handle.write("data_2\ndata_3\n")

    loaded = Checkpoint.load_or_new(path, JOB)
    assert loaded.committed_ids() == ["data_1"]
    loaded.save(["data_9"])
    assert Checkpoint.load_or_new(path, JOB).committed_ids() == ["data_1", "data_9"]


def test_a_checkpoint_of_another_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    Checkpoint.load_or_new(path, JOB).save(["data_1"])
    with pytest.raises(ValueError, match="another export"):
        Checkpoint.load_or_new(path, {**JOB, "project_id": "pr_2"})


def test_the_output_state_given_to_a_save_is_kept_until_the_next(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    checkpoint = Checkpoint.load_or_new(path, JOB)
    checkpoint.save(output_state={"spans.jsonl": 1234})
    assert Checkpoint.load_or_new(path, JOB).sink_state == {"spans.jsonl": 1234}
    checkpoint.save(["data_1"])
    assert Checkpoint.load_or_new(path, JOB).sink_state == {"spans.jsonl": 1234}, "a save without a state keeps it"


def test_remove_deletes_both_files(tmp_path: Path) -> None:
    checkpoint = Checkpoint.load_or_new(tmp_path / "c.json", JOB)
    checkpoint.save(["x"])
    checkpoint.remove()
    assert list(tmp_path.iterdir()) == []
