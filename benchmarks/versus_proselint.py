"""copylint against proselint 0.16 on the same files in the same run: words per second.

    pip install "proselint>=0.16,<0.17"   # a benchmark tool only, not a dependency
    python benchmarks/versus_proselint.py [--corpus ../shared/corpus] [--runs 3]
        [--proselint PATH] [--copylint "python -m copylint"]

Two ways, each timed as whole processes, the two tools in turn (A B A B …) so that drift in
the machine's speed weighs on both alike; the figure is the median of the runs, and the ratio
is taken pair by pair:

- one command over the whole corpus, as an editor or a hook runs it;
- as `../shared/eval/score.py` runs it: one process per 400 files and per locale.

copylint runs with its default rules and no cache (`--no-cache`), proselint with its defaults;
both write JSON (`proselint check --output-format json`: given before `check`, proselint 0.16
takes the subcommand's default instead). Without the corpus or proselint this says so and exits
0.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
CHUNK = 400


def articles_by_locale(corpus: Path) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    with (corpus / "manifest.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            article = corpus / f"{row['id']}.txt"
            if article.is_file():
                groups.setdefault(row["locale"], []).append(str(article))
    return groups


def seconds(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    for command in commands:
        result = subprocess.run(command, capture_output=True, check=False)
        if result.returncode not in (0, 1):
            sys.exit(
                f"{shlex.join(command[:3])} … exited {result.returncode}: {result.stderr[:300]!r}"
            )
    return time.perf_counter() - started


def compare(
    label: str, ours: list[list[str]], theirs: list[list[str]], words: int, runs: int
) -> None:
    pairs = [(seconds(ours), seconds(theirs)) for _ in range(runs)]
    copylint = statistics.median(a for a, _ in pairs)
    proselint = statistics.median(b for _, b in pairs)
    ratio = statistics.median(b / a for a, b in pairs)
    print(
        f"{label}: copylint {words / copylint:,.0f} words/s ({copylint:.2f} s), "
        f"proselint {words / proselint:,.0f} words/s ({proselint:.2f} s): {ratio:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--proselint", default=shutil.which("proselint"))
    parser.add_argument("--copylint", default=f"{sys.executable} -m copylint")
    args = parser.parse_args()
    if not (args.corpus / "manifest.csv").is_file() or not args.proselint:
        print("needs the corpus and proselint: nothing measured")
        return
    groups = articles_by_locale(args.corpus)
    files = [path for paths in groups.values() for path in paths]
    words = sum(len(Path(path).read_text("utf-8").split()) for path in files)
    copylint = [*shlex.split(args.copylint), "check", "--no-cache", "--format", "json"]
    proselint = [args.proselint, "check", "--output-format", "json"]
    print(f"{len(files)} articles, {words:,} words; median of {args.runs} interleaved runs")
    compare("one command", [[*copylint, *files]], [[*proselint, *files]], words, args.runs)
    ours, theirs = [], []
    for locale, paths in groups.items():
        for start in range(0, len(paths), CHUNK):
            chunk = paths[start : start + CHUNK]
            ours.append([*copylint, "--locale", locale, *chunk])
            theirs.append([*proselint, *chunk])
    compare("as score.py runs it", ours, theirs, words, args.runs)


if __name__ == "__main__":
    main()
