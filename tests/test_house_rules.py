"""House rules of adapters/tracebridge that import-linter cannot check (its contracts live in pyproject.toml).

- No module uses a private name (``_x``) of another of the project's modules (tracebridge or a generated client):
  what a module keeps private may change without notice, so reaching into it couples two modules in secret.
- Commands that only describe themselves (``--help``, ``schema``) start without the generated clients, which take a
  few hundred milliseconds to import. (How long they take is a benchmark's business: ``scripts/bench_startup.py``.)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "adapters" / "tracebridge"
PROJECT_ROOTS = ("tracebridge", "humanloop_client", "galileo_client")
GENERATED = ("humanloop_client", "galileo_client")
RUNNING = (
    "tracebridge.pipeline",
    "tracebridge.delivery.workers",
    "tracebridge.sinks.multi",
    "tracebridge.sandbox.server",
)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    modules: set[str] = set()  # local names bound to one of the project's modules
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PROJECT_ROOTS:
                    modules.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PROJECT_ROOTS:
            for alias in node.names:
                if _is_private(alias.name):
                    found.append(f"{path.name}:{node.lineno} imports {node.module}.{alias.name}")
                else:
                    modules.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _is_private(node.attr)
        ):
            found.append(f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_no_module_reaches_into_another_modules_private_names() -> None:
    found = [use for path in sorted(PACKAGE.rglob("*.py")) for use in _private_uses(path)]
    assert not found, "private names used from another module:\n" + "\n".join(found)


def test_the_rule_sees_a_private_import_and_a_private_attribute(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from tracebridge.humanloop.v5 import _Context\n"
        "from humanloop_client.api.v4 import export_project_logs\n"
        "export_project_logs._get_kwargs('pr_1')\n",
        encoding="utf-8",
    )
    assert len(_private_uses(sample)) == 2


@pytest.mark.parametrize(
    "arguments",
    [["--help"], ["sandbox", "--help"], ["import", "--help"], ["export", "galileo", "--help"], ["schema"]],
    ids=" ".join,
)
def test_describing_commands_import_neither_a_generated_client_nor_what_runs_a_command(arguments: list[str]) -> None:
    """Nor the pipeline, the worker pool, the sinks or the sandbox's server: a parser is built from each command's
    options alone (what that saves: docs/benchmarks.md, "Fifth pass on #15"; ``scripts/bench_startup.py``)."""
    script = (
        "import sys\n"
        "from tracebridge.cli import main\n"
        "try:\n"
        f"    main({arguments!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {GENERATED!r} or m in {RUNNING!r})\n"
        "print(','.join(loaded[:5]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout, "the command printed nothing"
    assert done.stderr.strip() == "", f"tracebridge {' '.join(arguments)} imported {done.stderr.strip()}"
