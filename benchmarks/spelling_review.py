"""Sorts the spelling findings score.py counts as false by what they are, and lists the
findings on the clean articles, so a note can cite real faults of the copy instead of hiding them.

    python benchmarks/spelling_review.py [--eval ../shared/eval] [--list]

A spelling finding on a faulty article that matches no label stands in one of three places:

- the injected quotation: the eval's quote fault lifts a quotation from another article, often
  one of the other outlet, spelt its way. The house spells quotations its way too (unless its
  config says `quotations: speaker`), so flagging it is what the rule is asked to do;
- the original copy: the same word is flagged in the clean article, whose copy really mixes
  locales (`--list` prints each, with whether it stands in a quotation);
- neither: a false finding of the rule.

The rules run in this process, on the articles read as the command line reads them. The dev set
lives outside the repository; without it, this says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from copylint.config import load_config  # noqa: E402
from copylint.engine import check_document  # noqa: E402
from copylint.text.sources import read_document  # noqa: E402

DEFAULT_EVAL = REPO.parent / "shared" / "eval"


@dataclass(frozen=True)
class Flagged:
    article: str
    line: int
    column: int
    end_column: int
    text: str
    suggestion: str
    quoted: bool


def spelling_findings(path: Path, locale: str) -> Iterator[Flagged]:
    rules = [rule for rule in load_config(None, locale).rules if rule.category == "spelling"]
    doc = read_document(str(path), None)
    for report in check_document(doc, rules):
        suggestions = report.finding.suggestions
        yield Flagged(
            path.stem,
            report.line,
            report.column,
            report.end_column,
            report.text,
            suggestions[0] if suggestions else "",
            doc.in_quotation(report.finding.start),
        )


def matches(found: Flagged, label: dict[str, Any]) -> bool:
    """As score.py matches: the same line, overlapping columns."""
    start: int = label["column"]
    end: int = label["end_column"]
    return found.line == label["line"] and found.column < end and found.end_column > start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--list", action="store_true", help="print every finding reviewed")
    args = parser.parse_args()
    corpus = args.eval.parent / "corpus"
    if not (corpus / "manifest.csv").is_file() or not (args.eval / "labels.jsonl").is_file():
        print(f"no dev set at {args.eval}: nothing reviewed")
        return
    with (corpus / "manifest.csv").open(encoding="utf-8") as rows:
        locales = {row["id"]: row["locale"] for row in csv.DictReader(rows)}
    labels: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with (args.eval / "labels.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            label = json.loads(line)
            labels.setdefault((label["id"], label["category"]), []).append(label)

    kinds: Counter[str] = Counter()
    clean_findings: list[Flagged] = []
    matched = 0
    for article, locale in sorted(locales.items()):
        faulty = args.eval / "articles" / f"{article}.txt"
        if not faulty.is_file():
            continue
        clean = list(spelling_findings(corpus / f"{article}.txt", locale))
        clean_findings += clean
        in_clean = Counter(found.text.lower() for found in clean)
        spelling_labels = labels.get((article, "spelling"), [])
        quote_lines = {label["line"] for label in labels.get((article, "quote"), [])}
        for found in spelling_findings(faulty, locale):
            if any(matches(found, label) for label in spelling_labels):
                matched += 1
                continue
            if found.line in quote_lines:
                kind = "in the injected quotation"
            elif in_clean[found.text.lower()]:
                in_clean[found.text.lower()] -= 1
                kind = "in the original copy"
            else:
                kind = "neither: a false finding"
            kinds[kind] += 1
            if args.list:
                print(f"faulty {found.article}:{found.line}:{found.column} {found.text} ({kind})")

    if args.list:
        for found in clean_findings:
            where = "in a quotation" if found.quoted else "in the copy"
            print(
                f"clean {found.article}:{found.line}:{found.column} "
                f"{found.text} -> {found.suggestion} ({where})"
            )
    total = matched + sum(kinds.values())
    print(f"spelling findings on the faulty articles: {total}, matching a label: {matched}")
    for kind, count in kinds.most_common():
        print(f"  {kind}: {count}")
    real = matched + kinds["in the injected quotation"] + kinds["in the original copy"]
    print(f"precision counting faults of the copy as faults: {real / total:.3f}" if total else "")
    quoted = sum(found.quoted for found in clean_findings)
    print(
        f"findings on the clean articles: {len(clean_findings)} "
        f"({quoted} in quotations), {len(clean_findings) / len(locales):.3f} per article"
    )


if __name__ == "__main__":
    main()
