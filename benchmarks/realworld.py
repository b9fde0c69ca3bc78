"""False alarms on real, unedited Markdown posts: the main scoreboard.

    python benchmarks/realworld.py [--corpus ../shared/corpus-md] [--show RULE|all] [--json]

Runs `../shared/eval/realworld.py` on `../shared/corpus-md` (568 posts from six public
repositories, British and American) with this project's record of the real faults found in that
copy, `benchmarks/corpus-md-known.jsonl` (and, for the typo and doubled-word rules,
`corpus-md-known-words.jsonl`): every other finding counts as a false alarm. Each
line of the record says why it is a fault (`why`). A false alarm is fixed in the rule, parser or
markup handling that made it, never by adding its string anywhere. The corpus lives outside
the repository; without it this says so and exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
KNOWN = [
    REPO / "benchmarks" / "corpus-md-known.jsonl",
    REPO / "benchmarks" / "corpus-md-known-words.jsonl",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus-md")
    parser.add_argument("--show", help="list the false findings of one rule (or 'all')")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--copylint", default=f"{sys.executable} -m copylint")
    args = parser.parse_args()
    script = SHARED / "eval" / "realworld.py"
    if not script.exists() or not (args.corpus / "manifest.csv").exists():
        print(f"no real-world corpus at {args.corpus} (or no {script}): nothing to measure")
        return 0
    command = [sys.executable, str(script), "--corpus", str(args.corpus)]
    for known in KNOWN:
        command += ["--known", str(known)]
    command += ["--copylint", args.copylint]
    if args.show:
        command += ["--show", args.show]
    if args.json:
        command.append("--json")
    return subprocess.run(command, cwd=REPO, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
