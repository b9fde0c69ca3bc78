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
