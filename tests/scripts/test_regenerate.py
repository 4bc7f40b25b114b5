"""scripts/regenerate.py on a temporary copy of the repo: it rebuilds exactly what changed and --check catches drift."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.yaml_text import safe_load

REPO = Path(__file__).resolve().parents[2]


def run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(copy / "scripts" / "regenerate.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=copy,
    )


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def make_repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("repo")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, copy / name)
    for name in ("specs", "generated", "scripts"):
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo_copy(tmp_path_factory)


def add_optional_field(spec: Path, schema: str, field: str) -> None:
    document = safe_load(spec.read_text(encoding="utf-8"))
    properties = document["components"]["schemas"][schema].setdefault("properties", {})
    properties[field] = {"type": ["string", "null"], "description": "Added by the drift test."}
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def first_object_schema(spec: Path) -> str:
    document = safe_load(spec.read_text(encoding="utf-8"))
    for name, schema in document["components"]["schemas"].items():
        if schema.get("type") == "object" and "properties" in schema:
            return str(name)
    raise AssertionError(f"{spec} has no object schema")


def test_pristine_copy_matches_and_plain_run_does_nothing(repo_copy: Path) -> None:
    checked = run(repo_copy, "--check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "humanloop_client: matches" in checked.stdout
    assert "galileo_client: matches" in checked.stdout

    before = tree_digest(repo_copy / "generated")
    plain = run(repo_copy)
    assert plain.returncode == 0, plain.stderr
    assert "humanloop_client: up to date" in plain.stdout
    assert "galileo_client: up to date" in plain.stdout
    assert tree_digest(repo_copy / "generated") == before


def test_spec_edit_is_caught_then_regenerates_that_client_alone(repo_copy: Path) -> None:
    spec = repo_copy / "specs" / "humanloop.yaml"
    schema = first_object_schema(spec)
    add_optional_field(spec, schema, "drift_probe_field")
    galileo_before = tree_digest(repo_copy / "generated" / "galileo_client")

    checked = run(repo_copy, "--check")
    assert checked.returncode == 1
    assert "humanloop_client: DRIFT" in checked.stdout
    assert "generated/humanloop_client/models/" in checked.stdout  # names the files
    assert "galileo_client: matches" in checked.stdout

    plain = run(repo_copy)
    assert plain.returncode == 0, plain.stderr
    assert "humanloop_client: regenerating: specs/humanloop.yaml changed" in plain.stdout
    assert "galileo_client: up to date" in plain.stdout
    assert tree_digest(repo_copy / "generated" / "galileo_client") == galileo_before
    generated_text = "".join(
        p.read_text(encoding="utf-8") for p in (repo_copy / "generated" / "humanloop_client" / "models").glob("*.py")
    )
    assert "drift_probe_field" in generated_text

    assert run(repo_copy, "--check").returncode == 0
    again = run(repo_copy)
    assert "humanloop_client: up to date" in again.stdout


def test_check_names_new_untracked_files(repo_copy: Path) -> None:
    stray = repo_copy / "generated" / "galileo_client" / "models" / "hand_written.py"
    stray.write_text("x = 1\n", encoding="utf-8")
    try:
        checked = run(repo_copy, "--check")
        assert checked.returncode == 1
        assert re.search(r"extra:\s+generated/galileo_client/models/hand_written.py", checked.stdout)
    finally:
        stray.unlink()


def test_invalid_spec_stops_with_its_name_and_leaves_client_untouched(repo_copy: Path) -> None:
    spec = repo_copy / "specs" / "galileo.yaml"
    original = spec.read_text(encoding="utf-8")
    before = tree_digest(repo_copy / "generated" / "galileo_client")
    document = safe_load(original)
    document["paths"]["/v2/projects/{project_id}/export_records"]["post"]["responses"] = "not a responses object"
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    try:
        result = run(repo_copy)
        assert result.returncode != 0
        assert "specs/galileo.yaml" in result.stderr
        assert "not a valid OpenAPI document" in result.stderr
        assert tree_digest(repo_copy / "generated" / "galileo_client") == before
    finally:
        spec.write_text(original, encoding="utf-8")


def test_spec_that_generates_with_warnings_is_refused(repo_copy: Path) -> None:
    spec = repo_copy / "specs" / "humanloop.yaml"
    original = spec.read_text(encoding="utf-8")
    before = tree_digest(repo_copy / "generated" / "humanloop_client")
    document = safe_load(original)
    # A valid OpenAPI document the generator cannot fully support: it skips the endpoint with a warning.
    first_path = next(iter(document["paths"].values()))
    operation = next(iter(v for k, v in first_path.items() if k in ("get", "post")))
    operation["requestBody"] = {"content": {"application/xml": {"schema": {"type": "string"}}}}
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    try:
        result = run(repo_copy, "--force", "--only", "humanloop_client")
        assert result.returncode != 0, result.stdout
        assert "specs/humanloop.yaml: generation failed" in result.stderr
        assert tree_digest(repo_copy / "generated" / "humanloop_client") == before
    finally:
        spec.write_text(original, encoding="utf-8")


def test_template_edit_regenerates_both_clients(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A template is an input of both clients: editing one regenerates both (a copy of its own, left edited)."""
    copy = make_repo_copy(tmp_path_factory)
    template = copy / "specs" / "templates" / "models_init.py.jinja"
    template.write_text(template.read_text(encoding="utf-8") + "\nTEMPLATE_PROBE = 1\n", encoding="utf-8")

    plain = run(copy)
    assert plain.returncode == 0, plain.stderr
    for package in ("humanloop_client", "galileo_client"):
        assert f"{package}: regenerating: specs/templates/ changed" in plain.stdout
        assert f"changed:  generated/{package}/models/__init__.py" in plain.stdout
        init = copy / "generated" / package / "models" / "__init__.py"
        assert "TEMPLATE_PROBE = 1" in init.read_text(encoding="utf-8")
