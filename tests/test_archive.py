"""`copylint archive check` and `archive learn` on a Dask cluster print, write and exit as
`check` and `learn` do on one process, byte for byte, whether given a scheduler or starting a
cluster of their own. Dask is an extra (`copylint[dask]`); without it these tests are
skipped, except in CI (COPYLINT_CI), whose test extra installs it."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from newsroom import copylint, newsroom

from copylint.cli import cli

_MISSING = [name for name in ("dask", "distributed") if importlib.util.find_spec(name) is None]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two worker processes, started once for the module (a cluster takes seconds to start).
    Their working folder is not the command's: they read files by full path."""
    if _MISSING:
        if os.environ.get("COPYLINT_CI"):
            pytest.fail(f"CI must run the Dask tests, but {' and '.join(_MISSING)} is missing")
        pytest.skip(f"{' and '.join(_MISSING)} not installed")
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, list[str]]:
    return tmp_path, newsroom(tmp_path)


@pytest.mark.parametrize("format_name", ["json", "text"])
def test_archive_check_on_a_cluster_prints_what_check_does(
    scheduler: str, room: tuple[Path, list[str]], format_name: str
) -> None:
    root, paths = room
    alone = copylint("check", "--no-cache", "--format", format_name, *paths, cwd=root)
    on_cluster = ("archive", "check", "--scheduler", scheduler, "--format", format_name)
    assert copylint(*on_cluster, *paths, cwd=root) == alone
    code, out, err = alone
    assert code == 2 and "news/2024/slips.txt" in out
    assert err.count("extends names no shipped pack") == 1
    assert "copylint: news/2023/latin-1.txt:1: " in err


def test_archive_check_takes_check_s_selection_and_fail_on(
    scheduler: str, room: tuple[Path, list[str]]
) -> None:
    root, _ = room
    options = ("--format", "json", "--locale", "en-US", "--ignore", "boilerplate")
    options += ("--select", "spelling,entity", "--fail-on", "error", "news/2024")
    alone = copylint("check", "--no-cache", *options, cwd=root)
    assert copylint("archive", "check", "--scheduler", scheduler, *options, cwd=root) == alone
    assert alone[0] == 0 and '"rule": "spelling/locale"' in alone[1]


def test_archive_check_starts_a_cluster_of_its_own(room: tuple[Path, list[str]]) -> None:
    if _MISSING and not os.environ.get("COPYLINT_CI"):
        pytest.skip(f"{' and '.join(_MISSING)} not installed")
    root, paths = room
    alone = copylint("check", "--no-cache", "--format", "json", *paths, cwd=root)
    assert copylint("archive", "check", "--format", "json", *paths, cwd=root) == alone


def test_archive_learn_writes_the_lexicon_learn_does(
    scheduler: str, room: tuple[Path, list[str]]
) -> None:
    root, paths = room
    alone = copylint("learn", *paths, "-o", "alone.yaml", cwd=root)
    on_cluster = copylint(
        "archive", "learn", "--scheduler", scheduler, *paths, "-o", "cluster.yaml", cwd=root
    )
    assert on_cluster == (alone[0], alone[1], alone[2].replace("alone.yaml", "cluster.yaml"))
    assert (root / "cluster.yaml").read_bytes() == (root / "alone.yaml").read_bytes()
    assert alone[0] == 2 and "copylint: news/2023/latin-1.txt:1: " in alone[2]


def test_without_dask_archive_says_how_to_install_it(
    room: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, paths = room
    monkeypatch.chdir(root)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    for command in (["check", *paths], ["learn", *paths, "-o", "names.yaml"]):
        result = CliRunner().invoke(cli, ["archive", *command])
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == "copylint archive needs Dask: pip install 'copylint[dask]'\n"
    assert not (root / "names.yaml").exists()
