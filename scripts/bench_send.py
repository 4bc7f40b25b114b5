"""Benchmark (issue #14): ``tracebridge send`` to a local Phoenix beside the official OpenTelemetry SDK, same spans.

Makes an output directory of N spans (default 100,000) the way users get one: Galileo ``jsonl_flat`` LLM spans
(system and user messages, an answer, token counts; one span in ten judged by a scorer) imported by
``tracebridge import``. Then, for each contender, a fresh Phoenix (its own SQLite database, so neither is slowed by the
other's data), started as ``tests/destinations/phoenix_server.py`` starts it for the destination tests:

- **tracebridge**: ``tracebridge send OUT --to phoenix --endpoint URL --project bench-send`` (the CLI, timed from spawn
  to exit); judgments go as Phoenix annotations, which the SDK cannot make, so tracebridge does more requests;
- **official SDK**: ``opentelemetry-sdk`` with a ``BatchSpanProcessor`` and ``opentelemetry-exporter-otlp-proto-http``
  (pinned, in ``.bench-venvs/otel``) re-emitting the same spans: same names, kinds, attributes (the ones tracebridge
  puts on the wire, OpenInference included), times, status, trace ids and parents; new span ids (the SDK draws its
  own); judgments as ``gen_ai.evaluation.result`` events (``scripts/benchmarks/workers/otel_sdk_send.py``). Its input
  file is prepared beforehand, untimed: the SDK only reads JSON lines, while tracebridge's time includes reading the
  records and mapping them to OpenInference.

Phoenix stores spans after it answers, so each contender's time runs from its spawn until Phoenix holds its last
span (span count polled through Phoenix's GraphQL API, ``recordCount`` of the project); spans/s = spans stored / that
time, and "accepted" compares the count with N. Phoenix on SQLite stores a few hundred spans a second, so this is
mostly Phoenix's own pace; the second table shows the clients' own rates: the same two contenders against an OTLP
receiver that decodes, counts and discards (``scripts/benchmarks/discard_receiver.py``, in its own process), tracebridge
as ``--to otlp`` (spans with judgments as events: what the SDK sends).

    .venv/bin/python scripts/bench_send.py                 # 100,000 spans (two Phoenix runs: many minutes each)
    .venv/bin/python scripts/bench_send.py --quick         # 1,000 spans
    .venv/bin/python scripts/bench_send.py --spans 20000 --only receiver
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adapters"))

from tracebridge.destinations.openinference import openinference_attributes
from tracebridge.json_codec import dumps_text
from tracebridge.otlp.encoding import (
    EVALUATION_EVENT,
    default_resource,
    evaluation_attributes,
    source_attributes,
    span_times,
)
from tracebridge.query.records import read_records
from tracebridge.records import Evaluation, Span

from scripts.bench import compile_sources, machine
from scripts.bench_normalize import galileo_span
from scripts.benchmarks import venvs
from tests.destinations.phoenix_server import PHOENIX_VERSION, ensure_installed, running_phoenix

REPO: Final = Path(__file__).resolve().parents[1]
FULL_SPANS: Final = 100_000
QUICK_SPANS: Final = 1_000
JUDGED_EVERY: Final = 10
PROJECT: Final = "bench-send"
STALL_S: Final = 60.0
"""Stop waiting for Phoenix to store more spans once its count has not moved for this long."""
POLL_S: Final = 0.5
SDK_LABEL: Final = "official SDK: opentelemetry-sdk 1.45.2 BatchSpanProcessor + exporter-otlp-proto-http"
RESULT_PREFIX: Final = "BENCH-RESULT "

SYSTEM_PROMPT: Final = (
    "You are a support assistant for an online bookshop. Answer in two or three sentences, cite the order number "
    "when the customer gives one, never promise a refund before checking the order status, and hand over to a human "
    "agent when the customer asks for one or is upset. Today's date and the customer's tier are given below."
)


def source_line(n: int) -> dict[str, Any]:
    """One Galileo ``jsonl_flat`` LLM span (``bench_normalize``'s), with chat-sized messages; one in ten judged."""
    line = galileo_span(n)
    line["input"] = [
        {"role": "system", "content": f"{SYSTEM_PROMPT} Customer tier: {('gold', 'silver', 'basic')[n % 3]}."},
        {
            "role": "user",
            "content": f"Hello, my order #{100_000 + n} was supposed to arrive on Monday and the tracking page "
            f"still says 'label created'. Can you tell me where it is and whether I can still cancel it? ({n})",
        },
    ]
    line["output"] = {
        "role": "assistant",
        "content": f"I'm sorry about the delay with order #{100_000 + n}. The carrier has not scanned the parcel "
        "yet, so it can still be cancelled: I have opened a cancellation request and you will get an email within "
        "the hour. If you would rather wait, the new estimated delivery date is Thursday.",
        "tool_calls": None,
    }
    metrics = line["metrics"]
    metrics["num_input_tokens"] = 96 + n % 17
    metrics["num_output_tokens"] = 58 + n % 11
    metrics["num_total_tokens"] = metrics["num_input_tokens"] + metrics["num_output_tokens"]
    scorers = line["metric_info"]
    del scorers["toxicity"]  # pending: no value
    if n % JUDGED_EVERY:
        for key in list(scorers):
            metrics.pop(key, None)
        line["metric_info"] = {}
    return line


def make_output(work: Path, count: int) -> tuple[Path, float]:
    """``work/out``: ``count`` spans imported by ``tracebridge import``; and the seconds the import took."""
    source = work / "galileo-flat.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps(source_line(n)))
            handle.write("\n")
    out = work / "out"
    start = time.monotonic()
    subprocess.run(
        [*tracebridge_command(), "import", str(source), "--from", "galileo-jsonl-flat", "--out", str(out), "-q"],
        check=True,
        cwd=work,
    )
    return out, time.monotonic() - start


def tracebridge_command() -> list[str]:
    script = Path(sys.executable).parent / "tracebridge"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracebridge"]


def _wire_value(value: Any) -> Any:
    """An attribute value as the SDK takes it, matching tracebridge's wire form (``otlp_encoding.any_value``)."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple) and value and all(isinstance(item, str) for item in value):
        return list(value)
    return dumps_text(value)


def _wire(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _wire_value(value) for key, value in attributes.items() if value is not None}


def prepare_sdk_input(out: Path, path: Path, *, phoenix: bool) -> dict[str, Any]:
    """One JSON line per span of ``out`` for the SDK worker: the attributes tracebridge sends for it (with Phoenix's
    OpenInference names when ``phoenix``), its times, ids and judgments as events. Returns the resource."""
    judging: dict[str, list[Evaluation]] = {}
    for evaluation in read_records(out, "evaluation"):
        assert isinstance(evaluation, Evaluation)
        if evaluation.span_id is not None:
            judging.setdefault(evaluation.span_id, []).append(evaluation)
    resource: dict[str, Any] = {}
    with path.open("w", encoding="utf-8") as handle:
        for span in read_records(out, "span"):
            assert isinstance(span, Span)
            attributes: dict[str, Any] = dict(span.attributes)
            if phoenix:
                attributes.update(openinference_attributes(span))
            attributes.update(source_attributes(span))
            start, end = span_times(span)
            events = [
                {
                    "name": EVALUATION_EVENT,
                    "time": evaluation.time_unix_nano if evaluation.time_unix_nano is not None else end,
                    "attributes": _wire(evaluation_attributes(evaluation)),
                }
                for evaluation in judging.get(span.span_id, [])
            ]
            line = {
                "name": span.name,
                "kind": span.kind,
                "trace_id": span.trace_id,
                "parent_span_id": span.parent_span_id,
                "start": start,
                "end": end,
                "status_code": span.status_code,
                "status_message": span.status_message,
                "attributes": _wire(attributes),
                "events": events,
            }
            handle.write(json.dumps(line))
            handle.write("\n")
            resource = default_resource(span)
    if phoenix:
        resource["openinference.project.name"] = PROJECT
    return resource


@attrs.frozen
class Row:
    label: str
    client_s: float
    """Spawn to exit."""
    cpu_s: float
    """The contender's own CPU time, user + system (the machine may be shared: this is the steadier figure)."""
    done_s: float
    """Spawn to the last span stored (Phoenix) or received (the discarding receiver)."""
    accepted: int
    expected: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.accepted / self.done_s if self.done_s > 0 else 0.0

    @property
    def complete(self) -> bool:
        return self.accepted == self.expected


def _post_json(url: str, payload: Any) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def phoenix_span_count(base_url: str, project: str = PROJECT) -> int:
    query = "query($n: String!) { projects(filter: {col: name, value: $n}) { edges { node { recordCount } } } }"
    answer = _post_json(f"{base_url}/graphql", {"query": query, "variables": {"n": project}})
    edges = answer["data"]["projects"]["edges"]
    return int(edges[0]["node"]["recordCount"]) if edges else 0


def receiver_span_count(base_url: str) -> int:
    with urllib.request.urlopen(f"{base_url}/count", timeout=60) as response:
        return int(json.loads(response.read())["spans"])


def wait_until_stored(
    base_url: str, expected: int, started: float, process: subprocess.Popen[str]
) -> tuple[int, float]:
    """Poll Phoenix's span count while the contender runs and after: (final count, seconds from ``started`` to the
    poll that first saw it). Stops at ``expected``, or once the contender has exited and the count stood still for
    ``STALL_S``."""
    count, seen_at, moved = 0, 0.0, time.monotonic()
    while True:
        try:
            now_count = phoenix_span_count(base_url)
        except OSError:  # a busy Phoenix timing out a poll (URLError and TimeoutError are OSErrors): poll again
            now_count = count
        now = time.monotonic()
        if now_count != count:
            count, seen_at, moved = now_count, now - started, now
        if count >= expected:
            return count, seen_at
        if process.poll() is not None and now - moved > STALL_S:
            return count, seen_at
        time.sleep(POLL_S)


def _spawn(command: list[str], log: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, cwd=REPO)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _finish(process: subprocess.Popen[str], started: float, timeout: float) -> tuple[str, float]:
    stdout, _ = process.communicate(timeout=timeout)
    return stdout, time.monotonic() - started


def _tail(log: Path, chars: int = 400) -> str:
    text = log.read_text(errors="replace").strip()
    return text[-chars:].replace("\n", " | ")


def _sdk_result(stdout: str) -> dict[str, Any]:
    lines = [line for line in stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    return dict(json.loads(lines[-1][len(RESULT_PREFIX) :])) if lines else {}


@attrs.frozen
class Contender:
    key: str
    label: str
    command: list[str]
    log: Path


def _tracebridge_note(code: int, log: Path) -> str:
    summary = _tail(log, 300)
    return f"exit {code}: {summary}" if code else ""


def _sdk_note(result: dict[str, Any], log: Path) -> str:
    if not result:
        return f"no result: {_tail(log)}"
    failed = int(result.get("failed", 0))
    if not failed:
        return ""
    lines = log.read_text(errors="replace").splitlines()
    said = next((line.strip() for line in reversed(lines) if "Failed to export" in line), _tail(log, 200))
    retried = sum(1 for line in lines if line.startswith("Transient error"))
    return f"{failed:,} spans failed to export after {retried:,} retries in all; the exporter's last word: {said}"


def run_against_phoenix(contender: Contender, out: Path, expected: int, work: Path, timeout: float) -> Row:
    shutil.rmtree(out / ".sent", ignore_errors=True)
    with running_phoenix(work / f"phoenix-{contender.key}") as server:
        command = [part.replace("{URL}", server.base_url) for part in contender.command]
        cpu = _children_cpu()  # no other child exits until the contender is reaped: the difference is its CPU
        started = time.monotonic()
        process = _spawn(command, contender.log)
        count, stored_at = wait_until_stored(server.base_url, expected, started, process)
        stdout, client_s = _finish(process, started, timeout)
        cpu = _children_cpu() - cpu
    shutil.rmtree(work / f"phoenix-{contender.key}", ignore_errors=True)
    note = _note(contender, process.returncode, stdout)
    return Row(contender.label, client_s, cpu, max(stored_at, client_s), count, expected, note)


def _note(contender: Contender, code: int, stdout: str) -> str:
    if contender.key.startswith("tracebridge"):
        return _tracebridge_note(code, contender.log)
    return _sdk_note(_sdk_result(stdout), contender.log)


@contextmanager
def discarding_receiver() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "benchmarks" / "discard_receiver.py")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().split()
        if first[:1] != ["PORT"]:
            raise RuntimeError(f"the discarding receiver did not start: {first}")
        yield f"http://127.0.0.1:{first[1]}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def run_against_receiver(contender: Contender, out: Path, expected: int, timeout: float) -> Row:
    shutil.rmtree(out / ".sent", ignore_errors=True)
    with discarding_receiver() as base_url:
        command = [part.replace("{URL}", base_url) for part in contender.command]
        cpu = _children_cpu()
        started = time.monotonic()
        process = _spawn(command, contender.log)
        stdout, client_s = _finish(process, started, timeout)
        cpu = _children_cpu() - cpu
        count = receiver_span_count(base_url)
    note = _note(contender, process.returncode, stdout)
    return Row(contender.label, client_s, cpu, client_s, count, expected, note)


def table(title: str, rows: list[Row], *, stored: str) -> str:
    width = max(len(row.label) for row in rows)
    lines = [
        title,
        f"{'contender':<{width}}  {'client s':>9}  {'CPU s':>7}  {stored:>9}  {'spans/s':>9}  "
        f"{'spans/CPU s':>11}  {'accepted':>19}  complete",
    ]
    for row in rows:
        accepted = f"{row.accepted:,} / {row.expected:,}"
        per_cpu = row.accepted / row.cpu_s if row.cpu_s > 0 else 0.0
        lines.append(
            f"{row.label:<{width}}  {row.client_s:9.2f}  {row.cpu_s:7.2f}  {row.done_s:9.2f}  {row.rate:9,.0f}  "
            f"{per_cpu:11,.0f}  {accepted:>19}  {'yes' if row.complete else 'NO'}"
        )
    for row in rows:
        if row.note:
            lines.append(f"  {row.label}: {row.note}")
    ours, theirs = rows[0], rows[1]
    if theirs.rate > 0:
        ratio = ours.rate / theirs.rate
        verdict = "met" if ratio >= 1.0 and ours.complete else "NOT met"
        lines.append(
            f"tracebridge / official SDK: {ratio:.2f}x the spans/s "
            f"(target: at least 1.00x with every span accepted: {verdict})"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spans", type=int, help=f"spans to send (default {FULL_SPANS:,}; --quick: {QUICK_SPANS:,})")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SPANS:,} spans")
    parser.add_argument(
        "--only", choices=("phoenix", "receiver"), help="one of the two tables (default: both, Phoenix first)"
    )
    parser.add_argument("--work-dir", type=Path, help="where the data and the servers' databases go (default: temp)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    count = args.spans or (QUICK_SPANS if args.quick else FULL_SPANS)
    work = Path(tempfile.mkdtemp(prefix="bench-send-", dir=args.work_dir))

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    compile_sources()
    sdk_python = venvs.ensure("otel", log=work / "otel-venv.log")
    if args.only != "receiver":
        ensure_installed(say=say)
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"tracebridge send benchmark, {started}; {machine()}; load average at start {load}")
    say(f"making an output directory of {count:,} spans")
    out, import_s = make_output(work, count)
    size = (out / "spans.jsonl").stat().st_size
    judged = sum(1 for _ in read_records(out, "evaluation"))
    print(
        f"input: {count:,} spans ({size / count / 1024:.1f} KB per spans.jsonl line), {judged:,} evaluations "
        f"(one span in {JUDGED_EVERY} judged); `tracebridge import` made it in {import_s:.1f} s"
    )
    timeout = max(1800.0, count / 20)
    incomplete = False
    worker = str(REPO / "scripts" / "benchmarks" / "workers" / "otel_sdk_send.py")
    sections = [("phoenix", True), ("receiver", False)]
    for section, phoenix in sections:
        if args.only and args.only != section:
            continue
        sdk_input = work / f"sdk-{section}.jsonl"
        resource = prepare_sdk_input(out, sdk_input, phoenix=phoenix)
        target = ["--to", "phoenix", "--endpoint", "{URL}", "--project", PROJECT] if phoenix else []
        if not phoenix:
            target = ["--to", "otlp", "--endpoint", "{URL}/v1/traces"]
        spec = {"input": str(sdk_input), "endpoint": "{URL}/v1/traces", "resource": resource, "count": count}
        contenders = [
            Contender(
                f"tracebridge-{section}",
                f"tracebridge send --to {'phoenix' if phoenix else 'otlp'}",
                [*tracebridge_command(), "send", str(out), *target],
                work / f"tracebridge-{section}.log",
            ),
            Contender(
                f"sdk-{section}", SDK_LABEL, [str(sdk_python), worker, json.dumps(spec)], work / f"sdk-{section}.log"
            ),
        ]
        rows: list[Row] = []
        for contender in contenders:
            say(f"{section}: {contender.label}")
            if phoenix:
                rows.append(run_against_phoenix(contender, out, count, work, timeout))
            else:
                rows.append(run_against_receiver(contender, out, count, timeout))
        incomplete |= not rows[0].complete
        print()
        if phoenix:
            title = (
                f"Phoenix {PHOENIX_VERSION} on loopback, a fresh server (SQLite) per contender; "
                "spans/s = spans stored / seconds from spawn to the last one stored"
            )
            print(table(title, rows, stored="stored s"))
        else:
            title = "OTLP receiver that decodes, counts and discards (client side); spans/s = spans / seconds to exit"
            print(table(title, rows, stored="done s"))
    shutil.rmtree(work, ignore_errors=True)
    # Non-zero only when tracebridge itself lost spans: the script's own smoke test.
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
