"""The generated packages load their models, and their client classes, on first use (``specs/templates/``).

Every program that reads a record imports one of these packages; the generator's own ``__init__`` files import all of
its 100-odd models up front, and httpx with the client classes, which a worker that only maps records never uses.
Each check runs in a fresh interpreter, since this one has imported them already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("humanloop_client", "galileo_client")


def run_fresh(code: str) -> str:
    this_checkout = [str(REPO / "generated")]
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = {this_checkout!r}\n{code}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_importing_the_package_loads_no_model(package: str) -> None:
    loaded = run_fresh(
        f"import sys, {package}.models\nprint(sorted(m for m in sys.modules if m.startswith('{package}.models.')))"
    )
    assert loaded.strip() == "[]"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_resolves_to_its_class_and_dir_lists_it(package: str) -> None:
    out = run_fresh(
        f"import {package}.models as models\n"
        "names = list(models.__all__)\n"
        "missing = [n for n in names if n not in dir(models)]\n"
        "wrong = [n for n in names if getattr(models, n).__name__ != n]\n"
        "print(len(names), missing, wrong)"
    )
    count, rest = out.split(" ", 1)
    assert int(count) > 50
    assert rest.strip() == "[] []"


def test_naming_one_model_loads_only_its_module() -> None:
    loaded = run_fresh(
        "import sys\n"
        "from humanloop_client.models import V4LogResponse\n"
        "print(sorted(m for m in sys.modules if m.startswith('humanloop_client.models.')))"
    )
    assert loaded.strip() == "['humanloop_client.models.v4_log_response']"


@pytest.mark.parametrize("package", PACKAGES)
def test_a_model_loads_without_httpx_and_the_client_classes_still_resolve(package: str) -> None:
    out = run_fresh(
        f"import sys, {package}.models as models\n"
        "getattr(models, models.__all__[0])\n"
        "print('httpx' in sys.modules)\n"
        f"from {package} import AuthenticatedClient, Client\n"
        "print('httpx' in sys.modules, Client.__module__, AuthenticatedClient.__name__)"
    )
    assert out.split() == ["False", "True", f"{package}.client", "AuthenticatedClient"]


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    out = run_fresh(
        "import humanloop_client.models as models\n"
        "try:\n    models.NoSuchModel\nexcept AttributeError as exc:\n    print(exc)\n"
        "try:\n    from humanloop_client.models import NoSuchModel\nexcept ImportError as exc:\n    print('import', exc)"
    )
    assert "has no attribute 'NoSuchModel'" in out
    assert "import cannot import name 'NoSuchModel'" in out
    out = run_fresh(
        "import humanloop_client\ntry:\n    humanloop_client.NoSuchClient\nexcept AttributeError as exc:\n    print(exc)"
    )
    assert "has no attribute 'NoSuchClient'" in out
