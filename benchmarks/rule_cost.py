"""What each check adds to a run over the dev set: the boilerplate-only run against runs with
more categories selected, each timed as score.py times copylint (chunks of 400 files, one
process each, best of --runs rounds).

    python benchmarks/rule_cost.py [--eval ../shared/eval] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
# Each run adds categories to the one before; None runs every enabled rule.
SELECTIONS = ("boilerplate", "boilerplate,spelling", "boilerplate,spelling,entity", None)


def run_once(selection: str | None, groups: dict[str, list[Path]]) -> float:
    seconds = 0.0
    for locale, files in groups.items():
        for start in range(0, len(files), 400):
            chunk = [str(f) for f in files[start : start + 400]]
            command = [sys.executable, "-m", "copylint", "check", "--format", "json"]
            command += ["--locale", locale, *(["--select", selection] if selection else [])]
            command += chunk
            began = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            seconds += time.perf_counter() - began
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    manifest = args.eval.parent / "corpus" / "manifest.csv"
    if not manifest.is_file():
        print(f"no dev set at {args.eval}: nothing measured")
        return
    groups: dict[str, list[Path]] = {}
    with manifest.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            article = args.eval / "articles" / f"{row['id']}.txt"
            if article.is_file():
                groups.setdefault(row["locale"], []).append(article)
    # Rounds interleave the selections, so a machine that slows down or speeds up during the
    # run weighs on each of them alike; each keeps its best round.
    best: dict[str | None, float] = {}
    for _ in range(args.runs):
        for selection in SELECTIONS:
            seconds = run_once(selection, groups)
            best[selection] = min(seconds, best.get(selection, seconds))
    base = best[SELECTIONS[0]]
    for selection, seconds in best.items():
        name = selection or "every enabled rule"
        print(f"{name:45} {seconds:6.2f} s  {100 * (seconds / base - 1):+5.1f}%")


if __name__ == "__main__":
    main()
