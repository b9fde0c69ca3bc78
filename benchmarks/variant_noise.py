"""How noisy is the UK/US table on real copy? Flags every word of the other locale's spelling.

    python benchmarks/variant_noise.py [--corpus ../shared/corpus] [--per-article] [--top 30]

Reads the evaluation corpus (BBC articles are en-GB, CNN en-US, per its manifest.csv) and, for
each outlet, counts the words a naive rule would flag: a word in the table whose `valid_in`
does not include the article's locale. Professional copy in its own locale should give almost
none, so what shows up is noise: names (Labour, World Trade Center), quotations, words the
table gets wrong. Each top word says how often it was capitalised mid-sentence (a name) or
inside quotation marks (approximate: counts quote marks earlier in the paragraph).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from copylint.language.variants import Locale, Variant, VariantTable, load_variants  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*'?")
SENTENCE_END = ".!?:\"\u201c\u201d'\u2018\u2019"
OPENING_QUOTES = ('"', "\u201c")


LOCALES: dict[str, Locale] = {
    "en-US": "en-US",
    "en-GB": "en-GB",
    "en-GB-oxendict": "en-GB-oxendict",
}


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    locale: Locale
    words: int
    path: Path


@dataclass(frozen=True, slots=True)
class Hit:
    """One word of an article spelled the other locale's way."""

    variant: Variant
    capitalised_mid_sentence: bool
    quoted: bool


@dataclass
class WordStats:
    count: int = 0
    articles: set[str] = field(default_factory=set)
    mid_sentence_capitals: int = 0
    quoted: int = 0


def read_manifest(corpus: Path) -> list[Article]:
    with (corpus / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Article(row["id"], row["outlet"], LOCALES[row["locale"]], int(row["words"]), path)
        for row in rows
        if (path := corpus / f"{row['id']}.txt").is_file()
    ]


def is_mid_sentence(line: str, start: int) -> bool:
    before = line[:start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_END


def is_quoted(line: str, start: int) -> bool:
    """Odd straight quotes, or more opening than closing curly quotes, before `start`."""
    before = line[:start]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def wrong_locale_words(text: str, locale: Locale, table: VariantTable) -> Iterator[Hit]:
    for line in text.splitlines():
        for match in WORD.finditer(line):
            word = match.group()
            variant = table.lookup(word)
            if variant is None or variant.is_valid_in(locale):
                continue
            capital = word[0].isupper() and is_mid_sentence(line, match.start())
            yield Hit(variant, capital, is_quoted(line, match.start()))


def scan(article: Article, table: VariantTable) -> list[Hit]:
    return list(wrong_locale_words(article.path.read_text(encoding="utf-8"), article.locale, table))


def bucket(count: int) -> str:
    return "0" if count == 0 else "1" if count == 1 else "2-3" if count <= 3 else "4+"


def word_stats(hits_by_article: dict[str, list[Hit]]) -> dict[str, WordStats]:
    per_word: dict[str, WordStats] = defaultdict(WordStats)
    for article_id, hits in hits_by_article.items():
        for hit in hits:
            stats = per_word[hit.variant.form]
            stats.count += 1
            stats.articles.add(article_id)
            stats.mid_sentence_capitals += hit.capitalised_mid_sentence
            stats.quoted += hit.quoted
    return per_word


def report_outlet(outlet: str, articles: list[Article], table: VariantTable, top: int) -> None:
    hits_by_article = {article.id: scan(article, table) for article in articles}
    hits = [hit for article_hits in hits_by_article.values() for hit in article_hits]
    words = sum(article.words for article in articles)
    locale = articles[0].locale
    flagged = sum(1 for article_hits in hits_by_article.values() if article_hits)
    buckets = Counter(bucket(len(article_hits)) for article_hits in hits_by_article.values())
    kinds = Counter(hit.variant.kind for hit in hits)
    names = sum(hit.capitalised_mid_sentence for hit in hits)
    quoted = sum(hit.quoted and not hit.capitalised_mid_sentence for hit in hits)
    print(f"\n{outlet} ({locale}): {len(articles)} articles, {words:,} words")
    print(f"  {len(hits)} wrong-locale words in {flagged} articles", end="")
    print(f" ({1000 * len(hits) / words:.2f} per 1,000 words)")
    print(
        "  articles by flags: " + ", ".join(f"{k}: {buckets[k]}" for k in ("0", "1", "2-3", "4+"))
    )
    print("  flags by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    print(f"  capitalised mid-sentence (names): {names}; other, in quotes: {quoted}", end="")
    print(f"; rest: {len(hits) - names - quoted}")
    print(f"  top {top}: word, flags, articles, kind, suggestion, capitalised mid-sentence, quoted")
    ranked = sorted(word_stats(hits_by_article).items(), key=lambda item: (-item[1].count, item[0]))
    for form, stats in ranked[:top]:
        variant = table.lookup(form)
        assert variant is not None
        suggestion = variant.spelling_for(locale)
        print(
            f"    {form:<18} {stats.count:>4} {len(stats.articles):>4}  {variant.kind:<8}", end=""
        )
        print(f" -> {suggestion:<18} {stats.mid_sentence_capitals:>4} {stats.quoted:>4}")


def print_per_article(articles: list[Article], table: VariantTable) -> None:
    print("id\toutlet\tlocale\twords\twrong_locale\tforms")
    for article in articles:
        hits = scan(article, table)
        forms = ",".join(sorted({hit.variant.form for hit in hits}))
        print(f"{article.id}\t{article.outlet}\t{article.locale}\t{article.words}", end="")
        print(f"\t{len(hits)}\t{forms}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-article", action="store_true", help="one line per article")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    if not (args.corpus / "manifest.csv").is_file():
        print(f"skipped: no corpus at {args.corpus} (needs manifest.csv)")
        return 0
    articles = read_manifest(args.corpus)
    table = load_variants()
    if args.per_article:
        print_per_article(articles, table)
        return 0
    kinds = Counter(row[0] for row in table.rows())
    print(f"variant table: {len(table)} rows ({', '.join(f'{n} {k}' for k, n in kinds.items())})")
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet].append(article)
    for outlet, outlet_articles in sorted(by_outlet.items()):
        report_outlet(outlet, outlet_articles, table, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
