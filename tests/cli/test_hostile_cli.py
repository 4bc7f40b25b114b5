"""What ``tracebridge export`` does with hostile values and servers (issue #17): numeric options out of range and
JSON filters missing a key are usage errors naming them; a listing without totals exits 3 with every record; a server
that drips its answer fails within ``--timeout`` per attempt."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from tracebridge.cli import main
from tracebridge.cli.filter_syntax import REQUIRED_KEYS

from tests.cli.conftest import read_jsonl, tracebridge
from tests.transport.test_hostile_deadlines import dripped_body, dripping
from tests.transport.test_hostile_totals import MISSING, RECORDS, listing_server
from tests.yaml_text import safe_load

SPEC = Path(__file__).resolve().parents[2] / "specs" / "galileo.yaml"
PROJECT = "00000000-0000-4000-8000-000000000001"
COMMANDS = {
    "export humanloop project": ["export", "humanloop", "project", "pr_1"],
    "export humanloop evaluation": ["export", "humanloop", "evaluation", "ev_1"],
    "export galileo": ["export", "galileo", PROJECT, "--log-stream", PROJECT],
}
PAGED = ("export humanloop project", "export humanloop evaluation")


def _bad_values(command: str) -> list[tuple[list[str], str]]:
    """Each out-of-range value of a command's numeric options, and the message naming it."""
    cases = [
        (["--timeout", value], f"--timeout must be a number of seconds above 0, got {shown}")
        for value, shown in (("0", "0"), ("-1", "-1"), ("-0.5", "-0.5"), ("nan", "nan"), ("inf", "inf"))
    ]
    cases.append((["--max-attempts", "0"], "--max-attempts must be at least 1, got 0"))
    if command in PAGED:
        cases += [
            (["--concurrency", "0"], "--concurrency must be at least 1, got 0"),
            (["--page-size", "-5"], "--page-size must be at least 1, got -5"),
        ]
    return cases


def test_every_numeric_option_of_every_export_command_is_range_checked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", "hl_sk_test_key_0001")
    monkeypatch.setenv("GALILEO_API_KEY", "galileo_test_key_0001")
    wrong: list[str] = []
    for command, argv in COMMANDS.items():
        for option, message in _bad_values(command):
            base = ["--base-url", "http://127.0.0.1:9", "--max-attempts", "1", "--out", str(tmp_path / "out")]
            code = main([*argv, *base, *option])
            err = capsys.readouterr().err
            if code != 2 or f"tracebridge {command}: {message}\n" not in err:
                wrong.append(f"{command} {' '.join(option)}: exit {code}, {err.strip()[-200:]!r}")
    assert not wrong, "\n".join(wrong)
    assert not (tmp_path / "out").exists(), "nothing ran"


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ({"type": "text", "operator": "eq", "value": "Hi"}, "missing the required key 'column_id'"),
        ({"column_id": "input", "operator": "eq", "value": "Hi"}, "missing the required key 'type'"),
        ({"type": "boolean", "column_id": "x"}, "missing the required key 'value' (a boolean filter needs"),
        ({"type": "number", "column_id": "x"}, "missing the required keys 'operator' and 'value'"),
    ],
    ids=["column_id", "type", "value", "two"],
)
def test_a_json_filter_missing_a_required_key_is_a_usage_error(given: dict[str, str], named: str) -> None:
    text = json.dumps(given)
    result = tracebridge(*COMMANDS["export galileo"], "--filter", text, env={"GALILEO_API_KEY": "galileo_test_0001"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"tracebridge export galileo: --filter {text!r}: {named}")
    assert "KeyError" not in result.stderr and "bug" not in result.stderr


def test_the_required_filter_keys_are_the_specs() -> None:
    schemas = safe_load(SPEC.read_text())["components"]["schemas"]
    from_spec = {
        schema["properties"]["type"]["enum"][0]: tuple(schema["required"])
        for name, schema in schemas.items()
        if name.startswith("LogRecords") and name.endswith("Filter")
    }
    assert from_spec == REQUIRED_KEYS


def test_a_listing_without_totals_exits_3_with_every_record(tmp_path: Path) -> None:
    server = listing_server(lambda _page: MISSING)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = tmp_path / "out"
    try:
        result = tracebridge(
            "export", "humanloop", "project", "pr_1", "--base-url", f"http://127.0.0.1:{server.server_address[1]}",
            "--page-size", "10", "--out", str(out), env={"HUMANLOOP_API_KEY": "hl_sk_test_key_0001"},
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 3, result.stderr
    assert "no valid 'total' on pages 0, 1, 2, 3, 4 (page 0: missing)" in result.stderr
    assert len(read_jsonl(out / "spans.jsonl")) == RECORDS
    completeness = json.loads((out / "manifest.json").read_text())["completeness"]
    assert completeness["complete"] is False and completeness["expected"] is None
    assert completeness["problems"][0].startswith("humanloop v4 POST /projects/pr_1/export: no valid 'total'")


def test_a_dripping_server_fails_within_the_timeout_per_attempt(tmp_path: Path) -> None:
    with dripping(dripped_body) as drip:
        started = time.monotonic()
        result = tracebridge(
            "export", "humanloop", "project", "pr_1", "--base-url", drip.base_url, "--timeout", "2",
            "--max-attempts", "2", "--out", str(tmp_path / "out"), env={"HUMANLOOP_API_KEY": "hl_sk_test_key_0001"},
        )  # fmt: skip
        elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "too slow (after 2 attempts): no complete response within 2 s" in result.stderr
    assert "hint: the server answered too slowly: raise --timeout" in result.stderr
    assert drip.connections == 2
    assert elapsed < 20, f"took {elapsed:.1f} s: the drip (30 s) was waited out"


def test_add_logs_validates_its_timeout_too() -> None:
    result = tracebridge("humanloop", "add-logs", "ev_1", "run_1", "log_1", "--timeout", "0",
                         env={"HUMANLOOP_API_KEY": "hl_sk_test_key_0001"})  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "tracebridge humanloop add-logs: --timeout must be a number of seconds above 0, got 0\n"
