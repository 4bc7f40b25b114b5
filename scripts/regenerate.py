#!/usr/bin/env python3
"""Regenerate the API clients in ``generated/`` from the hand-written specs in ``specs/``.

Usage::

    python scripts/regenerate.py            # regenerate the clients whose inputs changed, say why
    python scripts/regenerate.py --check    # exit 1, naming files, if a committed client drifted from its spec
    python scripts/regenerate.py --watch    # regenerate whenever a spec or generator config is saved
    python scripts/regenerate.py --force    # regenerate everything

Why a script and not a bare ``openapi-python-client`` call:

* A client's *inputs* are its spec, its generator config, the templates that replace the generator's own
  (``specs/templates/``) and the generator and formatter versions. A stamp beside each generated package
  (``generated/<package>.stamp.json``) records their hashes, so a plain run rebuilds exactly the clients whose inputs
  changed and a second run does nothing.
* The output must be byte-identical across runs and machines. The generator and ruff (which it runs as a post hook)
  are pinned exactly in ``pyproject.toml``; this script refuses to run with other versions, generates in a temporary
  directory outside the repo and runs ruff with ``--isolated`` so the repo's own ruff config cannot leak in.
* A spec that fails validation, or that generates with warnings, stops the script with a message naming the spec and
  the problem, and the committed client is left untouched: generation happens elsewhere and is swapped in only whole.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

REPO = Path(__file__).resolve().parent.parent
SPECS = REPO / "specs"
# Templates that replace the generator's own, by file name (openapi-python-client's --custom-template-path); each
# says in its docstring why it exists.
TEMPLATES = SPECS / "templates"
GENERATED = REPO / "generated"
PYPROJECT = REPO / "pyproject.toml"
STAMP_SUFFIX = ".stamp.json"
# Files the generator writes that are not part of a package's contents; ruff caches are a side effect of the hooks.
IGNORED_NAMES = frozenset({"__pycache__", ".ruff_cache"})


@dataclass(frozen=True)
class Client:
    """One generated client and the inputs that determine it."""

    package: str
    spec: Path
    config: Path

    @property
    def output(self) -> Path:
        return GENERATED / self.package

    @property
    def stamp_path(self) -> Path:
        return GENERATED / f"{self.package}{STAMP_SUFFIX}"


CLIENTS = (
    Client("humanloop_client", SPECS / "humanloop.yaml", SPECS / "humanloop-config.yaml"),
    Client("galileo_client", SPECS / "galileo.yaml", SPECS / "galileo-config.yaml"),
)


class RegenerateError(Exception):
    """A failure the user must fix; its message names the spec or tool and the problem."""


# --- pinned tools -------------------------------------------------------------------------------------------------


def pinned_versions() -> dict[str, str]:
    """The exact ``==`` pins of the generator and formatter, read from pyproject.toml (the one place they are set)."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    pins: dict[str, str] = {}
    for requirement in project["project"]["optional-dependencies"]["dev"]:
        name, sep, version = requirement.partition("==")
        if sep and name.strip() in ("openapi-python-client", "ruff"):
            pins[name.strip()] = version.strip()
    missing = {"openapi-python-client", "ruff"} - pins.keys()
    if missing:
        raise RegenerateError(f"pyproject.toml: the dev extra must pin {', '.join(sorted(missing))} with '=='")
    return pins


def check_tool_versions(pins: dict[str, str]) -> None:
    for name, wanted in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != wanted:
            raise RegenerateError(
                f"{name} {wanted} is required for byte-identical output, found {installed or 'nothing'}; "
                f"run: pip install -e '.[dev]'"
            )


def tool_env() -> dict[str, str]:
    """The environment for the generator: this interpreter's scripts first on PATH, so its post hooks find the
    pinned ruff rather than whatever else is installed."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


# --- stamps -------------------------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def template_files() -> list[Path]:
    return sorted(path for path in TEMPLATES.rglob("*") if path.is_file()) if TEMPLATES.is_dir() else []


def sha256_templates() -> str:
    """One hash over every template's path and contents: adding, renaming or editing one changes it."""
    digest = hashlib.sha256()
    for path in template_files():
        digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_stamp(client: Client, pins: dict[str, str]) -> dict[str, str]:
    for path in (client.spec, client.config):
        if not path.is_file():
            raise RegenerateError(f"{path.relative_to(REPO)}: file not found")
    return {
        "spec": client.spec.relative_to(REPO).as_posix(),
        "spec_sha256": sha256_file(client.spec),
        "config": client.config.relative_to(REPO).as_posix(),
        "config_sha256": sha256_file(client.config),
        "templates": TEMPLATES.relative_to(REPO).as_posix(),
        "templates_sha256": sha256_templates(),
        "openapi-python-client": pins["openapi-python-client"],
        "ruff": pins["ruff"],
    }


def read_stamp(client: Client) -> dict[str, str] | None:
    try:
        loaded = json.loads(client.stamp_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return loaded if isinstance(loaded, dict) else None


def write_stamp(client: Client, stamp: dict[str, str]) -> None:
    client.stamp_path.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def reasons_to_regenerate(client: Client, stamp: dict[str, str]) -> list[str]:
    """Why ``client`` is out of date, in words; empty when it is current."""
    if not (client.output / "__init__.py").is_file():
        return ["the generated package is missing"]
    old = read_stamp(client)
    if old is None:
        return [f"no stamp at {client.stamp_path.relative_to(REPO)}"]
    labels = {
        "spec_sha256": f"{stamp['spec']} changed",
        "config_sha256": f"{stamp['config']} changed",
        "templates_sha256": f"{stamp['templates']}/ changed",
        "openapi-python-client": "generator version changed",
        "ruff": "formatter version changed",
    }
    return [
        f"{label} ({old.get(key, '?')[:12]} -> {stamp[key][:12]})"
        for key, label in labels.items()
        if old.get(key) != stamp[key]
    ]


# --- generation ---------------------------------------------------------------------------------------------------


def validate_spec(client: Client) -> None:
    name = client.spec.relative_to(REPO)
    try:
        document, _ = read_from_filename(str(client.spec))
        validate(document)
    except Exception as exc:  # the validator raises several unrelated types; all mean "invalid spec"
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RegenerateError(f"{name}: not a valid OpenAPI document: {message}") from exc


def generate_into(client: Client, workdir: Path) -> Path:
    """Generate ``client`` under ``workdir`` and return the package directory; nothing in the repo is touched."""
    validate_spec(client)
    output = workdir / client.package
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(client.spec),
        "--config",
        str(client.config),
        "--meta",
        "none",
        "--output-path",
        str(output),
        "--fail-on-warning",
        "--custom-template-path",
        str(TEMPLATES),
    ]
    result = subprocess.run(command, cwd=workdir, env=tool_env(), capture_output=True, text=True, check=False)
    problem = _generator_problem(result)
    if problem is not None or not (output / "__init__.py").is_file():
        raise RegenerateError(
            f"{client.spec.relative_to(REPO)}: generation failed (exit {result.returncode}); "
            f"the committed client is untouched.\n{problem or result.stdout + result.stderr}".rstrip()
        )
    return output


def _generator_problem(result: subprocess.CompletedProcess[str]) -> str | None:
    """The generator's own report of errors or warnings, or None when it ran clean."""
    text = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        return text or "the generator exited with an error and printed nothing"
    lowered = text.lower()
    if "warning" in lowered or "error" in lowered:
        return text
    return None


def package_files(root: Path) -> dict[str, Path]:
    """Every file under ``root`` by its relative POSIX path, skipping caches."""
    files: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in IGNORED_NAMES for part in relative.parts) or not path.is_file():
            continue
        files[relative.as_posix()] = path
    return files


def tree_differences(committed: Path, fresh: Path) -> list[tuple[str, str]]:
    """``(kind, path)`` for each file that differs between the committed package and a fresh generation.

    kind is ``changed`` (both have it, contents differ), ``new`` (only the fresh generation has it) or ``stale``
    (only the committed package has it, e.g. an untracked file or a model the spec no longer defines).
    """
    old = package_files(committed) if committed.is_dir() else {}
    new = package_files(fresh)
    prefix = committed.relative_to(REPO).as_posix()
    found = [
        ("changed", f"{prefix}/{name}")
        for name in sorted(old.keys() & new.keys())
        if not filecmp.cmp(old[name], new[name], shallow=False)
    ]
    found += [("new", f"{prefix}/{name}") for name in sorted(new.keys() - old.keys())]
    found += [("stale", f"{prefix}/{name}") for name in sorted(old.keys() - new.keys())]
    return found


CHECK_LABELS = {"changed": "changed:", "new": "missing:", "stale": "extra:  "}
REGENERATE_LABELS = {"changed": "changed:", "new": "added:  ", "stale": "removed:"}
CHECK_NOTES = {"changed": "", "new": " (the spec produces it)", "stale": " (not produced by the spec)"}


def install(fresh: Path, client: Client) -> None:
    """Swap the freshly generated package in whole, replacing the committed one."""
    target = client.output
    staging = target.with_name(f".{client.package}.new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(fresh, staging, ignore=shutil.ignore_patterns(*IGNORED_NAMES))
    backup = target.with_name(f".{client.package}.old")
    shutil.rmtree(backup, ignore_errors=True)
    if target.exists():
        target.rename(backup)
    staging.rename(target)
    shutil.rmtree(backup, ignore_errors=True)


# --- commands -----------------------------------------------------------------------------------------------------


def regenerate(clients: Sequence[Client], pins: dict[str, str], *, force: bool) -> int:
    stamps = {client.package: input_stamp(client, pins) for client in clients}
    stale: list[Client] = []
    for client in clients:
        reasons = ["--force"] if force else reasons_to_regenerate(client, stamps[client.package])
        if reasons:
            print(f"{client.package}: regenerating: {'; '.join(reasons)}")
            stale.append(client)
        else:
            print(f"{client.package}: up to date")
    if not stale:
        return 0
    failed = 0
    with tempfile.TemporaryDirectory(prefix="tracebridge-regen-") as tmp:
        for client, outcome in _generate_all(stale, Path(tmp)):
            if isinstance(outcome, RegenerateError):
                print(f"error: {outcome}", file=sys.stderr)
                failed += 1
                continue
            changed = tree_differences(client.output, outcome)
            install(outcome, client)
            write_stamp(client, stamps[client.package])
            summary = f"{len(changed)} file(s) changed" if changed else "output identical"
            print(f"{client.package}: regenerated ({summary})")
            for kind, path in changed:
                print(f"  {REGENERATE_LABELS[kind]}  {path}")
    return 1 if failed else 0


def check(clients: Sequence[Client], pins: dict[str, str]) -> int:
    drift = 0
    with tempfile.TemporaryDirectory(prefix="tracebridge-check-") as tmp:
        for client, outcome in _generate_all(clients, Path(tmp)):
            if isinstance(outcome, RegenerateError):
                print(f"error: {outcome}", file=sys.stderr)
                drift += 1
                continue
            differences = [
                f"  {CHECK_LABELS[kind]}  {path}{CHECK_NOTES[kind]}"
                for kind, path in tree_differences(client.output, outcome)
            ]
            if read_stamp(client) != input_stamp(client, pins):
                differences.append(f"  stale:     {client.stamp_path.relative_to(REPO)} (inputs changed since)")
            if differences:
                drift += 1
                print(f"{client.package}: DRIFT: the committed client is not what {client.spec.name} produces:")
                for line in differences:
                    print(line)
            else:
                print(f"{client.package}: matches {client.spec.relative_to(REPO)}")
    if drift:
        print("run `python scripts/regenerate.py` and commit the result", file=sys.stderr)
    return 1 if drift else 0


def _generate_all(clients: Sequence[Client], tmp: Path) -> Iterator[tuple[Client, Path | RegenerateError]]:
    def one(client: Client) -> Path | RegenerateError:
        workdir = tmp / client.package
        workdir.mkdir()
        try:
            return generate_into(client, workdir)
        except RegenerateError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=len(clients) or 1) as pool:
        yield from zip(clients, pool.map(one, clients), strict=True)


def watch(clients: Sequence[Client], pins: dict[str, str], interval: float) -> int:
    """Poll the inputs' mtimes: no extra dependency, and a spec save is rare enough that polling costs nothing."""

    def mtimes() -> dict[Path, float]:
        inputs = [p for c in clients for p in (c.spec, c.config)] + template_files()
        return {p: p.stat().st_mtime if p.exists() else 0.0 for p in inputs}

    regenerate(clients, pins, force=False)
    seen = mtimes()
    print(f"watching {', '.join(sorted({p.name for p in seen}))} (Ctrl-C to stop)")
    try:
        while True:
            time.sleep(interval)
            now = mtimes()
            if now != seen:
                seen = now
                try:
                    regenerate(clients, pins, force=False)
                except RegenerateError as exc:
                    print(f"error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail, naming files, if a committed client drifted")
    mode.add_argument("--watch", action="store_true", help="regenerate whenever a spec or config is saved")
    mode.add_argument("--force", action="store_true", help="regenerate every client even if its stamp matches")
    parser.add_argument("--only", choices=[c.package for c in CLIENTS], action="append", help="limit to a client")
    parser.add_argument("--interval", type=float, default=0.5, help="--watch polling interval in seconds")
    args = parser.parse_args(argv)
    clients = [c for c in CLIENTS if not args.only or c.package in args.only]
    try:
        pins = pinned_versions()
        check_tool_versions(pins)
        if args.check:
            return check(clients, pins)
        if args.watch:
            return watch(clients, pins, args.interval)
        return regenerate(clients, pins, force=args.force)
    except RegenerateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
