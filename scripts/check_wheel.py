#!/usr/bin/env python3
"""Build the wheel, check it holds all three import packages with their ``py.typed``, and install it in a fresh venv.

The editable install used for development puts ``adapters/`` and ``generated/`` on ``sys.path`` directly, so it cannot
notice a package missing from the wheel; this script is the check that ``pip install .`` gives users what they need.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("tracebridge", "humanloop_client", "galileo_client")


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(REPO)],
        check=True,
    )
    wheels = sorted(out.glob("tracebridge-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one tracebridge wheel in {out}, found {[w.name for w in wheels]}")
    return wheels[0]


def check_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    problems = [
        f"{package}/{marker}"
        for package in PACKAGES
        for marker in ("__init__.py", "py.typed")
        if f"{package}/{marker}" not in names
    ]
    if problems:
        raise SystemExit(f"{wheel.name} lacks: {', '.join(problems)}")
    print(f"{wheel.name}: {len(names)} files; {', '.join(PACKAGES)} present with py.typed")


def install_and_run(wheel: Path, root: Path) -> None:
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    imports = "; ".join(f"import {package}" for package in PACKAGES)
    subprocess.run([str(python), "-c", imports], check=True, cwd=root)
    version = subprocess.run(
        [str(env_dir / "bin" / "tracebridge"), "--version"], check=True, capture_output=True, text=True, cwd=root
    ).stdout.strip()
    print(f"fresh venv: {imports}; `tracebridge --version` -> {version}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="tracebridge-wheel-") as tmp:
        wheel = build_wheel(Path(tmp) / "dist")
        check_contents(wheel)
        install_and_run(wheel, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
