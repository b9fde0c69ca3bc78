"""Every finding of spelling/typo and grammar/doubled-word on the dev corpus and the real
Markdown posts, each with its line, for reading and judging one by one.

    python benchmarks/words_review.py [--corpus DIR ...] [--rule spelling/typo] [--known FILE]

Each finding is printed as `id:line:column rule "text" -> suggestion` followed by its line of
the article (shortened around the finding). With `--known` (default: the real faults of
both corpora, benchmarks/corpus-md-known-words.jsonl and corpus-known-words.jsonl), findings
recorded there are marked `real` and the others `?`, and a summary counts both, so a change
to the rules shows what it gained and lost. The corpora live outside the repository
(../shared); a missing one is skipped with a note.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from copylint.config import load_config  # noqa: E402
from copylint.engine import check_document  # noqa: E402
from copylint.text.sources import read_document  # noqa: E402

SHARED = REPO.parent / "shared"
RULES = ("spelling/typo", "grammar/doubled-word")
KNOWN = [
    REPO / "benchmarks" / "corpus-md-known-words.jsonl",
    REPO / "benchmarks" / "corpus-known-words.jsonl",
]
CONTEXT = 70


def articles(corpus: Path) -> list[tuple[str, str, Path]]:
    """(id, locale, path) of each article in the corpus's manifest."""
    with (corpus / "manifest.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    found = []
    for row in rows:
        for suffix in (".md", ".txt"):
            matches = list(corpus.rglob(f"{row['id']}{suffix}"))
            if matches:
                found.append((row["id"], row["locale"], matches[0]))
                break
    return found


def known_faults(paths: list[Path]) -> set[tuple[str, int, int]]:
    rows = []
    for path in paths:
        if path.exists():
            with path.open(encoding="utf-8") as file:
                rows += [json.loads(line) for line in file if line.strip()]
    return {(row["id"], row["line"], row["column"]) for row in rows}


def excerpt(line: str, column: int, end_column: int) -> str:
    start = max(0, column - 1 - CONTEXT)
    end = min(len(line), end_column - 1 + CONTEXT)
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")


def review(
    corpus: Path, rules: tuple[str, ...], known: set[tuple[str, int, int]]
) -> dict[str, int]:
    counts: dict[str, int] = {}
    by_locale = {locale: load_config(None, locale).rules for locale in ("en-GB", "en-US")}
    for article_id, locale, path in articles(corpus):
        selected = [rule for rule in by_locale[locale] if rule.id in rules]
        doc = read_document(str(path))
        lines = doc.text.split("\n")
        for report in check_document(doc, selected):
            rule = report.finding.rule
            mark = "real" if (article_id, report.line, report.column) in known else "?"
            counts[f"{rule} {mark}"] = counts.get(f"{rule} {mark}", 0) + 1
            suggestion = report.finding.suggestions[0] if report.finding.suggestions else ""
            print(
                f"{article_id}:{report.line}:{report.column} {rule} {mark} "
                f"{json.dumps(report.text, ensure_ascii=False)} -> {suggestion!r}"
            )
            line = lines[report.line - 1]
            print(f"    {excerpt(line, report.column, report.end_column)}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, action="append", help="default: ../shared/corpus and corpus-md"
    )
    parser.add_argument("--rule", action="append", choices=RULES, help="default: both")
    parser.add_argument(
        "--known", type=Path, action="append", help="default: both files of benchmarks/"
    )
    args = parser.parse_args()
    corpora = args.corpus or [SHARED / "corpus", SHARED / "corpus-md"]
    rules = tuple(args.rule or RULES)
    known = known_faults(args.known or KNOWN)
    for corpus in corpora:
        if not (corpus / "manifest.csv").exists():
            print(f"no corpus at {corpus}: skipped")
            continue
        print(f"== {corpus}")
        counts = review(corpus, rules, known)
        for key, count in sorted(counts.items()):
            print(f"   {key}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
