"""Checkpoints survive a crash at any point: only what was committed counts on resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.context import ExportContext

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


class _Output:
    """A durable output that counts how often its state is taken (once per save made)."""

    def __init__(self) -> None:
        self.saves = 0

    def state(self) -> dict[str, int]:
        self.saves += 1
        return {"saves": self.saves}


def _deliver(context: ExportContext, units: int, per_unit: int) -> list[str]:
    """A source's units of ``per_unit`` records, each saved after its consumer took it, as a paged listing does."""
    assert context.checkpoint is not None
    ids: list[str] = []
    for unit in range(units):
        new = [f"data_{unit}_{n}" for n in range(per_unit)]
        context.report.fetched += per_unit
        context.checkpoint.pages_done["project"] = list(range(unit + 1))
        context.save(new)
        ids += new
    return ids


def test_saves_are_made_every_so_many_records_and_skipped_ones_fold_into_the_next(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    output = _Output()
    context = ExportContext(Checkpoint.load_or_new(path, JOB), output, save_every=250)
    ids = _deliver(context, units=10, per_unit=100)  # saves at 100 (the first, at once), 400, 700, 1,000 records
    assert output.saves == 4
    loaded = Checkpoint.load_or_new(path, JOB)
    assert loaded.committed_ids() == ids, "a skipped save's ids are committed with the next"
    assert loaded.pages_done == {"project": list(range(10))} and loaded.sink_state == {"saves": 4}


def test_a_caller_without_an_output_that_stops_early_gets_the_skipped_save(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    context = ExportContext(Checkpoint.load_or_new(path, JOB), save_every=1000)
    ids = _deliver(context, units=3, per_unit=100)
    assert Checkpoint.load_or_new(path, JOB).committed_ids() == ids[:100], "only the first save was made"
    context.save_postponed()
    loaded = Checkpoint.load_or_new(path, JOB)
    assert loaded.committed_ids() == ids and loaded.pages_done == {"project": [0, 1, 2]}
    assert loaded.counted["fetched"] == 300


def test_with_an_output_a_skipped_save_waits_for_the_next_one(tmp_path: Path) -> None:
    """The output may hold part of the unit it was writing when the run stopped: only a save made when the next unit
    was asked for describes it."""
    path = tmp_path / "checkpoint.json"
    output = _Output()
    context = ExportContext(Checkpoint.load_or_new(path, JOB), output, save_every=1000)
    ids = _deliver(context, units=3, per_unit=100)
    context.save_postponed()
    assert output.saves == 1 and Checkpoint.load_or_new(path, JOB).committed_ids() == ids[:100]
