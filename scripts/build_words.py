"""Regenerate copylint/data/words.txt, the dictionary of the typo rule, from SCOWL's word lists.

Needs the lists only to regenerate (Debian: `apt-get install scowl`); copylint reads the file.

    python scripts/build_words.py [--scowl-dir /usr/share/dict/scowl] [--output FILE]

The file holds lower-case ASCII words of two kinds:

- `common`: the words a typo is taken to be one slip from (SCOWL sizes up to 35: some 40,000
  words with their inflections, both locales' spellings). Kept small on purpose: every rare
  word in it is a correction the rule could wrongly offer, and a rare word beside a rarer
  one is no typo.
- `known`: every other word that is no typo (sizes up to 80, both locales and their first
  variants; the second and third variant lists up to 60 and 50, past which they hold
  misspellings SCOWL records as variants, `accidently`; names and abbreviations, lower-cased).
  Size 95 is left out: it lists `committment` and `acquital`.

A word with an accent is listed without it too (café, cafe): SCOWL lists `attachés` but not
`attaches`. Words of one or two letters are left out of `known`, as the rule never asks.

Layout, chosen so that loading it builds almost nothing (under a millisecond): after the
comments, `[frequent]` and the most frequent words (size 10, some 4,000: a set that settles
most of an article's words at once), then `[words]` and one line per three-letter prefix,
sorted, holding every word of three letters or more that begins with it, common then known:

    acc: accent accents … accuse | accadian accede … |

`copylint.language.words` finds a prefix's line by binary search in the file's bytes and a
word in its line by a search for ` word `.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from scowl import scowl_version  # scripts/, beside this one

from copylint.acceptance import write_atomically

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCOWL_DIR = Path("/usr/share/dict/scowl")
DEFAULT_DOC_DIR = Path("/usr/share/doc/scowl")
DEFAULT_OUTPUT = REPO / "copylint" / "data" / "words.txt"

SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian")
LOCALES = ("", "british_", "canadian_", "australian_")
COMMON_SIZE = 35
FREQUENT_SIZE = 10
# (list categories, largest size read) for the known words.
KNOWN_LISTS: tuple[tuple[tuple[str, ...], int], ...] = (
    (tuple(f"{s}-words" for s in SPELLINGS), 80),
    (tuple(f"{locale}variant_1-words" for locale in LOCALES), 80),
    (tuple(f"{locale}variant_2-words" for locale in LOCALES), 60),
    (("variant_3-words",), 50),
    (tuple(f"{s}-{kind}" for s in SPELLINGS for kind in ("proper-names", "upper")), 80),
    (tuple(f"{s}-abbreviations" for s in SPELLINGS), 80),
)
PREFIX = 3


def list_files(directory: Path, category: str, max_size: int) -> list[Path]:
    found = []
    for path in directory.glob(f"{category}.*"):
        size = path.suffix.lstrip(".")
        if size.isdigit() and int(size) <= max_size:
            found.append(path)
    return sorted(found)


def plain(word: str) -> str:
    """The word without its accents: café → cafe."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def entries(path: Path, lower: bool) -> Iterator[str]:
    """The words of one list, as the rule sees words: ASCII letters, lower case. Names and
    abbreviations are lower-cased (`lower`); other capitalised entries are left out."""
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.lower() if lower else line
        for form in {word, plain(word)}:
            if form.isascii() and form.isalpha() and form.islower():
                yield form


def read_lists(directory: Path, categories: Iterable[str], max_size: int) -> set[str]:
    words: set[str] = set()
    for category in categories:
        lower = not category.endswith("-words")
        for path in list_files(directory, category, max_size):
            words.update(entries(path, lower))
    return words


def common_words(directory: Path, max_size: int = COMMON_SIZE) -> set[str]:
    """British and American words and their first variants: not Canadian or Australian
    ones, which would offer `cobbered` for `cobered` as often as `covered`."""
    spellings = [f"{s}-words" for s in SPELLINGS[:4]]
    spellings += [f"{x}variant_1-words" for x in LOCALES[:2]]
    return read_lists(directory, spellings, max_size)


def known_words(directory: Path) -> set[str]:
    words: set[str] = set()
    for categories, max_size in KNOWN_LISTS:
        words |= read_lists(directory, categories, max_size)
    return words


def bucket_lines(common: set[str], known: set[str]) -> Iterator[str]:
    """One line per prefix: `acc: common words | other known words |`."""
    words = sorted(word for word in common | known if len(word) >= PREFIX)
    for prefix, group in groupby(words, key=lambda word: word[:PREFIX]):
        listed = list(group)
        first = [word for word in listed if word in common]
        rest = [word for word in listed if word not in common]
        yield " ".join([f"{prefix}:", *first, "|", *rest, "|"])


def render(frequent: set[str], common: set[str], known: set[str], version: str) -> str:
    lines = [
        "# Words for copylint's typo rule, made by scripts/build_words.py: do not edit.",
        f"# Source: {version}, the lists named in the script.",
        "# Licence: the SCOWL notices in SCOWL-LICENSE.txt next to this file.",
        f"# {len(common)} common words (sizes up to {COMMON_SIZE}), a typo's possible corrections;",
        f"# {len(known - common)} other known words (sizes up to 80, names, abbreviations).",
        f"# [frequent]: {len(frequent)} words of size {FREQUENT_SIZE}, read into a set.",
        f"# [words]: per {PREFIX}-letter prefix, its common words | its other known words |",
        "[frequent]",
        *textwrap.wrap(" ".join(sorted(frequent)), 100, break_on_hyphens=False),
        "[words]",
        *bucket_lines(common, known),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scowl-dir", type=Path, default=DEFAULT_SCOWL_DIR)
    parser.add_argument("--doc-dir", type=Path, default=DEFAULT_DOC_DIR, help="for the version")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.scowl_dir.is_dir():
        print(f"{args.scowl_dir}: no such directory (apt-get install scowl)", file=sys.stderr)
        return 2
    frequent = common_words(args.scowl_dir, FREQUENT_SIZE)
    common = common_words(args.scowl_dir)
    known = known_words(args.scowl_dir) | common
    if not common:
        print(f"no SCOWL word lists in {args.scowl_dir}", file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = render(frequent, common, known, scowl_version(args.doc_dir))
    # Written beside it and renamed over it: a running copylint maps the file (`mmap`), and a
    # file cut short under a mapping kills the process that reads the lost pages.
    write_atomically(args.output, text.encode("utf-8"))
    print(f"{args.output}: {len(common)} common words, {len(known)} known", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
