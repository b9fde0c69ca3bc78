"""Regenerate copylint/data/variants.tsv, the UK/US spelling table, from SCOWL's word lists.

Needs the lists only to regenerate (Debian: `apt-get install scowl`); copylint reads the TSV.

    python scripts/build_variants.py [--scowl-dir /usr/share/dict/scowl] [--max-size 70]

How a row is found. SCOWL splits its words into `english` (spelled alike everywhere),
`american`, `british` (-ise) and `british_z` (Oxford -ize) lists. Every lower-case word of the
British list is rewritten with the spelling rules below (UK -> US, up to three rewrites at
once); a rewrite that lands on an American or common word is a candidate pair. When a word
has several candidates the one with the fewest rewrites wins (concretise -> concretize, not
concertize). Each pair is then classified from the lists alone:

- uk_only: the US form is also valid British (in `english`, `british` or `british_variant_1`):
  program/programme, check/cheque, judgment/judgement. Only the UK form is ever wrong.
- oxford: the US form is Oxford spelling (in `british_z`): organize/organise.
- pair: each form is wrong in the other locale: color/colour, analyze/analyse.

A UK form that is also valid American is dropped: a word right everywhere has nothing to flag
(SCOWL's British list has dialog, so dialog/dialogue goes). Validity is asymmetric on purpose.
British counts `british_variant_1`, SCOWL's "almost equal" British variants (judgment, instil,
aging), so judgment is never flagged in en-GB. American does not count `variant_1`: it holds
cancelled, catalogue and acknowledgement, which US style corrects (CNN: canceled 66 times,
cancelled 8), and counting them would drop those pairs in both directions.

Also dropped: pairs where either form is listed capitalised (a name) at least as commonly as in
lower case, since lookups fold case and would flag Manila, Louvre or Caesar; and the few
FALSE_FRIENDS, two different words that the rules happen to join.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from scowl import scowl_version  # scripts/, beside this one

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCOWL_DIR = Path("/usr/share/dict/scowl")
DEFAULT_DOC_DIR = Path("/usr/share/doc/scowl")
DEFAULT_OUTPUT = REPO / "copylint" / "data" / "variants.tsv"
# Size 80 and up is ENABLE, UKACD and Moby: mostly obscure words, and spellings no newsroom
# uses. 70 adds real pairs over 60 (apnea, celiac, hematoma, vaporware) and, with the
# contexts below, little junk.
DEFAULT_MAX_SIZE = 70
MIN_LENGTH = 3
MAX_REWRITES = 3

WORD_CATEGORIES = ("english", "american", "british", "british_z", "british_variant_1")
NAME_SPELLINGS = ("english", "american", "british", "british_z")
NAME_CATEGORIES = ("upper", "proper-names")
KINDS = ("pair", "uk_only", "oxford")

CONSONANT = "bcdfghjklmnpqrstvwxz"


class Rewrite(NamedTuple):
    """A British spelling (the regex) and what American spelling puts in its place.
    With `not_in_common_stem`, a match ending a common word (pour|er) is not a difference."""

    uk: re.Pattern[str]
    us: str
    not_in_common_stem: bool = False


def rewrite(uk: str, us: str, *, not_in_common_stem: bool = False) -> Rewrite:
    return Rewrite(re.compile(uk), us, not_in_common_stem)


# The contexts keep each rule to the places the spelling difference lives; the lists then
# decide whether the result is a word. Each comment names the pair it is for.
REWRITES = (
    # colour, honourable, neighbourhood; at least two letters before it, and not a common
    # word's "our" (pour -> pourer, amour -> amourist, dour -> doura).
    rewrite(r"(?<=[a-z]{2})our", "or", not_in_common_stem=True),
    # centre, fibreglass, sombrely; not pre-/per- (preformative), not before a vowel.
    rewrite(rf"(?<=[a-z]{{2}}[{CONSONANT}])re(?=$|s$|[{CONSONANT.replace('s', '')}y])", "er"),
    rewrite(r"(?<=[a-z]{2}[bcghtv])r(?=ed$|ing$|ings$)", "er"),  # centred, mitring
    rewrite(r"(?<=[fct])ence(?=$|s$|less)", "ense"),  # defence, licence, pretence
    rewrite(r"ogue(?=$|s$)", "og"),  # catalogue
    rewrite(r"ogu(?=ed$|ing$)", "og"),  # catalogued
    rewrite(r"(?<=[a-z]{2})is(?=e|ing|ation|ab)", "iz"),  # organise, organisation
    rewrite(r"ys(?=e|ing|ab|at)", "yz"),  # analyse, paralysing
    rewrite(r"(?<=[aeiou])ll(?=[a-z])", "l"),  # travelled, counsellor, woollen
    rewrite(r"(?<=[aeiou])l(?=$|s$|ment|ful|dom)", "ll"),  # fulfil, enrolment, skilful
    rewrite(r"(?<![aeou])ae(?!r|s?$)", "e"),  # anaemia, palaeontology; not Latin -ae
    rewrite(r"(?<![aeou])oe(?!s?$|d$|r$|rs$|y$)", "e"),  # oestrogen; not shoed, vetoer
    rewrite(r"ey", "ay"),  # grey
    rewrite(r"que", "ck"),  # cheque, chequebook
    rewrite(r"qu(?=er)", "ck"),  # chequered, chequering
    rewrite(r"(?<=^[a-z])y(?=[a-z])", "i"),  # tyre, dyke
    rewrite(r"(?<=[a-z]{4})ey$", "y"),  # storey, phoney
    rewrite(r"(?<=[a-z]{4})eys$", "ies"),  # storeys
    rewrite(r"ou(?=l[dt])", "o"),  # mould, moult, smoulder
    rewrite(r"ou(?=stach)", "u"),  # moustache
    rewrite(r"ough(?!t)", "ow"),  # plough; not nought
    rewrite(r"(?<=in)ium", "um"),  # aluminium
    rewrite(r"amme(?=$|s$)", "am"),  # programme
    rewrite(r"llery", "lry"),  # jewellery
    rewrite(r"e(?=ment|able|ably|ing)", ""),  # judgement, ageing, likeable
    rewrite(r"(?<=sul)ph", "f"),  # sulphur, sulphate
    rewrite(r"sc(?=eptic|$|s$)", "sk"),  # sceptic, mollusc
    rewrite(r"(?<=co)s(?=y|ie|ily|iness)", "z"),  # cosy
    rewrite(r"(?<=act)is(?=e|ing)", "ic"),  # practise (the British verb)
    rewrite(r"(?<=p)y(?=jama)", "a"),  # pyjamas
    rewrite(r"^ker(?=b)", "cur"),  # kerb
    rewrite(r"(?<=art)e(?=fact)", "i"),  # artefact
)

# Pairs the rules produce between two different words, not two spellings of one.
FALSE_FRIENDS = frozenset(
    {
        ("bel", "bael"),  # a unit / a tree
        ("bels", "baels"),
        ("tels", "taels"),
        ("hem", "haem"),  # haem is the US heme
        ("ecus", "oecus"),  # ecus: the European currency unit
        ("lesses", "loesses"),
        ("premial", "proemial"),
        ("gibe", "gybe"),  # gybe is the sailing term, US jibe
        ("gibed", "gybed"),
        ("gibes", "gybes"),
        ("gibing", "gybing"),
        ("pedology", "paedology"),  # soil science / child study
        ("checkers", "chequers"),  # US checkers is UK draughts; Chequers, the PM's house
        ("stor", "stour"),
        ("stentor", "stentour"),
        ("stentors", "stentours"),
    }
)


@dataclass(frozen=True)
class WordLists:
    """Lower-case words by SCOWL category, and the smallest size each word appears at."""

    words: dict[str, frozenset[str]]
    word_size: dict[str, int]
    name_size: dict[str, int]
    files: dict[str, list[int]]  # category -> sizes read, for the header

    @cached_property
    def valid_us(self) -> frozenset[str]:
        return self.words["english"] | self.words["american"]

    @cached_property
    def valid_uk(self) -> frozenset[str]:
        return self.words["english"] | self.words["british"] | self.words["british_variant_1"]

    @cached_property
    def valid_oxford(self) -> frozenset[str]:
        return self.words["english"] | self.words["british_z"]


class Row(NamedTuple):
    kind: str
    us: str
    uk: str
    oxford: str


def list_files(directory: Path, category: str, max_size: int) -> list[tuple[int, Path]]:
    found = []
    for path in directory.glob(f"{category}.*"):
        size = path.suffix.lstrip(".")
        if size.isdigit() and int(size) <= max_size:
            found.append((int(size), path))
    return sorted(found)


def read_words(path: Path) -> Iterator[str]:
    """The entries of one list file, without possessives (copylint strips those at lookup)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and "'" not in line:
            yield line


def load_word_lists(directory: Path, max_size: int) -> WordLists:
    words: dict[str, set[str]] = {category: set() for category in WORD_CATEGORIES}
    word_size: dict[str, int] = {}
    name_size: dict[str, int] = {}
    files: dict[str, list[int]] = {}
    for category in WORD_CATEGORIES:
        for size, path in list_files(directory, f"{category}-words", max_size):
            files.setdefault(f"{category}-words", []).append(size)
            for word in read_words(path):
                if word.islower() and len(word) >= MIN_LENGTH:
                    words[category].add(word)
                    word_size[word] = min(size, word_size.get(word, size))
    for spelling, kind in itertools.product(NAME_SPELLINGS, NAME_CATEGORIES):
        for size, path in list_files(directory, f"{spelling}-{kind}", max_size):
            files.setdefault(f"{spelling}-{kind}", []).append(size)
            for word in read_words(path):
                name_size[word] = min(size, name_size.get(word, size))
    if not words["british"] or not words["american"]:
        raise SystemExit(f"no SCOWL american/british word lists in {directory}")
    frozen = {category: frozenset(found) for category, found in words.items()}
    return WordLists(frozen, word_size, name_size, files)


def rewrite_sites(word: str, common: frozenset[str]) -> list[tuple[int, int, str]]:
    return [
        (match.start(), match.end(), rule.us)
        for rule in REWRITES
        for match in rule.uk.finditer(word)
        if not (rule.not_in_common_stem and word[: match.end()] in common)
    ]


def us_candidates(uk: str, common: frozenset[str]) -> Iterator[tuple[str, int]]:
    """Every spelling reached by applying 1..MAX_REWRITES non-overlapping rewrites to `uk`,
    with the number of rewrites used."""
    sites = sorted(rewrite_sites(uk, common))
    for count in range(1, MAX_REWRITES + 1):
        for chosen in itertools.combinations(sites, count):
            if any(left[1] > right[0] for left, right in itertools.pairwise(chosen)):
                continue
            parts, position = [], 0
            for start, end, replacement in chosen:
                parts += [uk[position:start], replacement]
                position = end
            yield "".join(parts) + uk[position:], count


def candidate_pairs(lists: WordLists) -> list[tuple[int, str, str]]:
    """(rewrites, us, uk) for every British-only word whose rewrite is an American word."""
    valid_us, english, american = lists.valid_us, lists.words["english"], lists.words["american"]
    found = set()
    for uk in lists.words["british"] - valid_us:
        for us, count in us_candidates(uk, english):
            if us in american or us in english:
                found.add((count, us, uk))
    return sorted(found)


def one_to_one(candidates: Iterable[tuple[int, str, str]]) -> Iterator[tuple[str, str]]:
    """Each word in at most one pair, the pair with the fewest rewrites winning."""
    taken: set[str] = set()
    for _, us, uk in candidates:
        if us not in taken and uk not in taken:
            taken.update((us, uk))
            yield us, uk


def mostly_a_name(word: str, lists: WordLists) -> bool:
    """True when SCOWL lists the capitalised word at least as commonly as the word itself
    (Caesar, Louvre): case-folded lookups would flag the name."""
    name = lists.name_size.get(word.capitalize())
    return name is not None and name <= lists.word_size[word]


def oxford_form(us: str, uk: str, lists: WordLists) -> str:
    """Oxford spelling is British but for -ize, so the British form wins when it is Oxford's."""
    oxford = lists.valid_oxford
    if uk in oxford:
        return uk
    if us in oxford:
        return us
    # colourise: Oxford keeps the British -our but takes -ize (colourize).
    for site_start, site_end, _ in rewrite_sites(uk, lists.words["english"]):
        if uk[site_start:site_end] == "is":
            third = uk[:site_start] + "iz" + uk[site_end:]
            if third in oxford:
                return third
    return uk


def classify(us: str, uk: str, lists: WordLists) -> Row:
    oxford = oxford_form(us, uk, lists)
    if us in lists.valid_uk:
        return Row("uk_only", us, uk, oxford)
    if oxford == us:
        return Row("oxford", us, uk, oxford)
    return Row("pair", us, uk, oxford)


def build_rows(lists: WordLists) -> list[Row]:
    rows = []
    for us, uk in one_to_one(candidate_pairs(lists)):
        if (us, uk) in FALSE_FRIENDS or mostly_a_name(us, lists) or mostly_a_name(uk, lists):
            continue
        rows.append(classify(us, uk, lists))
    check_unique(rows)
    return sorted(rows, key=lambda row: (row.us, row.uk))


def check_unique(rows: list[Row]) -> None:
    """A form in two rows would make lookups ambiguous; the loader relies on this."""
    seen: dict[str, Row] = {}
    for row in rows:
        for form in {row.us, row.uk, row.oxford}:
            if form in seen:
                raise SystemExit(f"{form!r} is in two rows: {seen[form]} and {row}")
            seen[form] = row


def header(lists: WordLists, version: str, max_size: int, rows: list[Row]) -> list[str]:
    counts = {kind: sum(row.kind == kind for row in rows) for kind in KINDS}
    lines = [
        "UK/US spelling variants for copylint, made by scripts/build_variants.py: do not edit.",
        f"Source: {version}, lists of size <= {max_size} (-words: the spellings;"
        " -upper, -proper-names: names, whose pairs are left out):",
        *(f"  {category}.{','.join(map(str, sizes))}" for category, sizes in lists.files.items()),
        "Licence: SCOWL, VarCon and Ispell notices in SCOWL-LICENSE.txt next to this file.",
        "Rows: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()) + ".",
        "kind: pair (each form is wrong in the other locale), uk_only (the US form is valid"
        " British too: only the UK form is wrong, in en-US), oxford (the US form is also Oxford"
        " -ize spelling).",
        "Columns: kind, the en-US, en-GB and en-GB-oxendict spellings.",
    ]
    return [f"# {line}" for line in lines]


def write_table(path: Path, comments: list[str], rows: list[Row]) -> None:
    lines = [*comments, "kind\tus\tuk\toxford", *("\t".join(row) for row in rows)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scowl-dir", type=Path, default=DEFAULT_SCOWL_DIR)
    parser.add_argument("--doc-dir", type=Path, default=DEFAULT_DOC_DIR, help="for the version")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.scowl_dir.is_dir():
        print(f"{args.scowl_dir}: no such directory (apt-get install scowl)", file=sys.stderr)
        return 2
    lists = load_word_lists(args.scowl_dir, args.max_size)
    rows = build_rows(lists)
    comments = header(lists, scowl_version(args.doc_dir), args.max_size, rows)
    write_table(args.output, comments, rows)
    print(f"{args.output}: {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
