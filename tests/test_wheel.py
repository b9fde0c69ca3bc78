"""The built wheel carries the rule packs and schemas, and works installed on its own.

pre-commit and pip install a wheel, not this checkout: `shipped_packs_dir()` falls back to the
source tree's `rules/`, so only a wheel installed in a plain venv, run from elsewhere, proves the
packs ship.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a48f44d96701f5af.txt"
SEED_BOILERPLATE = [(1, "• en"), (2, "ON NOW"), (34, "Follow us on:"), (36, "ON NOW")]
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _isolated_env() -> dict[str, str]:
    """Nothing that could let the venv import this checkout's editable copy instead."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["NO_COLOR"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)])
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("copylint-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    # A plain venv: --system-site-packages could import the editable copy from the test venv.
    where = tmp_path_factory.mktemp("venv") / "venv"
    made = _run([sys.executable, "-m", "venv", str(where)], env=_isolated_env())
    assert made.returncode == 0, made.stderr
    python = str(where / BIN / "python")
    installed = _run([python, "-m", "pip", "install", "-q", str(wheel)], env=_isolated_env())
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return where


def test_wheel_carries_every_rule_pack_and_schema(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    packs = [p for p in (ROOT / "rules").rglob("*") if p.is_file() and not p.name.startswith(".")]
    schemas = sorted((ROOT / "copylint" / "schemas").glob("*.json"))
    assert any(p.name == "boilerplate.yaml" for p in packs)
    assert schemas
    for pack in packs:
        assert f"copylint/rules/{pack.relative_to(ROOT / 'rules').as_posix()}" in names
    for schema in schemas:
        assert f"copylint/schemas/{schema.name}" in names


def test_installed_wheel_finds_the_seed_boilerplate(venv: Path, tmp_path: Path) -> None:
    python = venv / BIN / "python"
    where = _run(
        [
            str(python),
            "-c",
            "import copylint, copylint.config as c; print(copylint.__file__); "
            "print(c.shipped_packs_dir())",
        ],
        cwd=tmp_path,
        env=_isolated_env(),
    )
    assert where.returncode == 0, where.stderr
    module, packs = (Path(line).resolve() for line in where.stdout.splitlines())
    assert module.is_relative_to(venv.resolve()), f"imported {module}, not the wheel"
    assert packs.is_relative_to(venv.resolve()), f"rule packs from {packs}, not the wheel"

    (tmp_path / "seeds").mkdir()
    shutil.copyfile(SEED, tmp_path / "seeds" / SEED.name)
    given = f"seeds/{SEED.name}"
    result = _run(
        [str(venv / BIN / "copylint"), "check", "--format", "json", given],
        cwd=tmp_path,
        env=_isolated_env(),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    boilerplate = [(f["line"], f["text"]) for f in findings if f["category"] == "boilerplate"]
    assert boilerplate == SEED_BOILERPLATE
    assert all(f["path"] == given for f in findings)
