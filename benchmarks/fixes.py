"""`--fix --unsafe-fixes` on copies of the dev set's Markdown articles: what it fixes, what it
leaves, and that no quotation is changed but by a respelling inside it.

    python benchmarks/fixes.py [--eval ../shared/eval-md] [--limit N]

The articles are copied to a temporary folder first; the set itself is never written. Without
it, this says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from copylint.text.document import Document  # noqa: E402


def locales(corpus: Path) -> dict[str, str]:
    with (corpus / "manifest.csv").open(encoding="utf-8") as rows:
        return {row["id"]: row["locale"] for row in csv.DictReader(rows)}


def findings(folder: Path, locale: str, names: list[str]) -> list[dict[str, object]]:
    command = [sys.executable, "-m", "copylint", "check", "--no-cache", "--format", "json"]
    result = subprocess.run(
        [*command, "--locale", locale, *names], cwd=folder, capture_output=True, text=True
    )
    if result.returncode not in (0, 1):
        sys.exit(f"copylint exited {result.returncode}: {result.stderr[:300]}")
    found: list[dict[str, object]] = json.loads(result.stdout or "[]")
    return found


def quotations(path: Path) -> list[str]:
    doc = Document(path.name, path.read_text("utf-8"))
    return [doc.text[q.start : q.end] for q in doc.quotations if q.depth == 0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=SHARED / "eval-md")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not (args.eval / "articles").is_dir() or not (SHARED / "corpus").is_dir():
        print(f"no dev set at {args.eval}: nothing to measure")
        return 0
    by_locale: dict[str, list[str]] = {}
    for article_id, locale in sorted(locales(SHARED / "corpus").items()):
        if (args.eval / "articles" / f"{article_id}.md").exists():
            by_locale.setdefault(locale, []).append(f"{article_id}.md")
    if args.limit:
        by_locale = {locale: names[: args.limit] for locale, names in by_locale.items()}
    before: Counter[str] = Counter()
    safe: Counter[str] = Counter()
    after: Counter[str] = Counter()
    changed_quotes = safe_quotes = files = 0
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for locale, names in by_locale.items():
            for name in names:
                shutil.copy(args.eval / "articles" / name, folder / name)
            quoted = {name: quotations(folder / name) for name in names}
            before.update(str(f["category"]) for f in findings(folder, locale, names))
            command = [sys.executable, "-m", "copylint", "check", "--no-cache", "--fix"]
            subprocess.run([*command, "--locale", locale, *names], cwd=folder, capture_output=True)
            safe.update(str(f["category"]) for f in findings(folder, locale, names))
            safe_quotes += sum(quotations(folder / name) != quoted[name] for name in names)
            subprocess.run(
                [*command, "--unsafe-fixes", "--locale", locale, *names],
                cwd=folder,
                capture_output=True,
            )
            after.update(str(f["category"]) for f in findings(folder, locale, names))
            files += len(names)
            changed_quotes += sum(quotations(folder / name) != quoted[name] for name in names)
    print(f"{files} articles: findings before, after --fix, after --fix --unsafe-fixes")
    for category in sorted(before):
        print(f"  {category:12} {before[category]:5} {safe[category]:5} {after[category]:5}")
    print(f"  articles whose quotations --fix changed: {safe_quotes}")
    print(f"  whose quotations --unsafe-fixes changed (a word respelt inside): {changed_quotes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
