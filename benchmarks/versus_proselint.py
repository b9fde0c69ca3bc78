"""copylint against proselint on the same files in the same run: words per second.

    pip install "proselint>=0.16,<0.17"   # a benchmark tool only, not a dependency
    python benchmarks/versus_proselint.py [--eval ../shared/eval] [--runs 3]

Both read the dev set's faulty articles in chunks of 400 files, one process per chunk, as
score.py runs copylint (with the locale of each article's outlet). The dev set lives outside
the repository; without it, or without proselint, this says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
CHUNK = 400


def articles_by_locale(eval_dir: Path) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    with (eval_dir.parent / "corpus" / "manifest.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            article = eval_dir / "articles" / f"{row['id']}.txt"
            if article.is_file():
                groups.setdefault(row["locale"], []).append(article)
    return groups


def seconds(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    for command in commands:
        subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    proselint = shutil.which("proselint")
    if not (args.eval / "articles").is_dir() or proselint is None:
        print("needs the dev set and proselint: nothing measured")
        return
    groups = articles_by_locale(args.eval)
    words = sum(len(p.read_text("utf-8").split()) for files in groups.values() for p in files)
    copylint, other = [], []
    for locale, files in groups.items():
        for start in range(0, len(files), CHUNK):
            chunk = [str(f) for f in files[start : start + CHUNK]]
            copylint.append([sys.executable, "-m", "copylint", "check", "--format", "json",
                             "--locale", locale, *chunk])  # fmt: skip
            other.append([proselint, "--output-format", "json", "check", *chunk])
    ours = min(seconds(copylint) for _ in range(args.runs))
    theirs = min(seconds(other) for _ in range(args.runs))
    print(f"{words} words: copylint {words / ours:,.0f} words/s ({ours:.2f} s), "
          f"proselint {words / theirs:,.0f} words/s ({theirs:.2f} s), "
          f"ratio {theirs / ours:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
