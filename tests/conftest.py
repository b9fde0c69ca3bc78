"""Shared pytest setup."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Registered here because pyproject.toml is not ours to edit. Slow tests still run by
    # default (CI runs everything); `pytest -m "not slow"` leaves them out on a quick local run.
    config.addinivalue_line(
        "markers", "slow: builds a wheel or a pre-commit environment (tens of seconds)"
    )


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, so that paths in the output are the short ones given."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps its results in a cache of its own: none of them writes into the
    checkout, and none sees what another test's run kept."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(folder))
    return folder
