"""The word lists in the package are what their scripts build from Debian's SCOWL lists today:
nobody edits them by hand, and a change to a script is committed with its output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCOWL_DIR = Path("/usr/share/dict/scowl")


# CI installs Debian's scowl (.ci/run) and must not pass by skipping this; elsewhere it may.
@pytest.mark.skipif(
    not SCOWL_DIR.is_dir() and not os.environ.get("COPYLINT_CI"),
    reason="SCOWL word lists not installed",
)
@pytest.mark.parametrize(
    ("script", "built"), [("build_variants.py", "variants.tsv"), ("build_words.py", "words.txt")]
)
def test_committed_data_matches_a_fresh_build(tmp_path: Path, script: str, built: str) -> None:
    out = tmp_path / built
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--output", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    fresh = out.read_text(encoding="utf-8")
    committed = (ROOT / "copylint" / "data" / built).read_text(encoding="utf-8")
    if source_line(fresh) != source_line(committed):
        pytest.skip(f"installed SCOWL differs from the committed {built}: {source_line(fresh)}")
    assert fresh == committed


def source_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("# Source:"))
