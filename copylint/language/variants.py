"""The UK/US spelling table: which spelling family a word is in, and where that spelling is right.

The table (`data/variants.tsv`) is generated from the SCOWL word lists by
`scripts/build_variants.py`; this module only looks words up. Deciding what to flag, and
splitting hyphenated compounds, is the rule's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal, NamedTuple, cast

from copylint.packaged import read_packaged

Kind = Literal["pair", "uk_only", "oxford"]
Locale = Literal["en-US", "en-GB", "en-GB-oxendict"]
Row = tuple[Kind, str, str, str]  # kind, us, uk, oxford

KINDS: frozenset[str] = frozenset({"pair", "uk_only", "oxford"})
_KIND_BYTES = frozenset(kind.encode() for kind in KINDS)
EVERYWHERE: frozenset[Locale] = frozenset({"en-US", "en-GB", "en-GB-oxendict"})
HEADER = "kind\tus\tuk\toxford"
# Longest first: "colour's" must lose "'s", not just the "s".
POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")


class Variant(NamedTuple):
    """One spelling family (`us`, `uk`, `oxford`) and the `form` that was looked up.

    `kind` is how the family differs:
    - `pair`: each form is wrong in the other locale (color/colour, traveled/travelled).
    - `uk_only`: the US form is also a British word in another sense (program, check, meter,
      licence's verb license), so only the UK form is ever wrong, and only in en-US.
    - `oxford`: the US form is also Oxford spelling (organize: en-US and en-GB-oxendict;
      organise: en-GB only).

    `valid_in` is where `form` is right, so a rule flags `form` in any locale not in it and
    suggests `spelling_for(locale)`.
    """

    kind: Kind
    us: str
    uk: str
    oxford: str
    form: str
    valid_in: frozenset[Locale]

    def spelling_for(self, locale: Locale) -> str:
        if locale == "en-US":
            return self.us
        return self.uk if locale == "en-GB" else self.oxford

    def is_valid_in(self, locale: Locale) -> bool:
        return locale in self.valid_in


Columns = tuple[list[bytes], list[bytes], list[bytes], list[bytes]]  # kinds, us, uk, oxford


class VariantTable:
    """Every form of every row, case-folded, mapped to its row.

    It is loaded on every run, so it is kept as the file's own ASCII words: four columns of
    bytes and a map from each form to its row number, filled a column at a time in C. No object
    is made per row (a few thousand tuples would also wake the garbage collector at start), and
    a rule's sets of forms are set operations on the bytes an article is scanned into.
    """

    __slots__ = ("_against", "_columns", "_looked_up", "_row_number", "ascii_forms")

    def __init__(self, columns: Columns) -> None:
        self._columns = columns
        _, us, uk, oxford = columns
        rows = range(len(us))
        # Every form is in one row only (the generator makes it so), so a later column never
        # moves a form to another row.
        self._row_number: dict[bytes, int] = dict(zip(us, rows, strict=True))
        self._row_number.update(zip(uk, rows, strict=True))
        self._row_number.update(zip(oxford, rows, strict=True))
        self._looked_up: dict[str, Variant | None] = {}
        self._against: dict[Locale, frozenset[bytes]] = {}
        self.ascii_forms = frozenset(self._row_number)

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> VariantTable:
        columns: Columns = ([], [], [], [])
        for row in rows:
            for column, field in zip(columns, row, strict=True):
                column.append(field.encode())
        return cls(columns)

    @classmethod
    def from_tsv(cls, text: str) -> VariantTable:
        """Parse the generated file: `#` comments, the header line, then one row per line."""
        columns = _columns(text)
        return cls.from_rows(_rows_by_line(text)) if columns is None else cls(columns)

    def __len__(self) -> int:
        return len(self._columns[0])

    def rows(self, kind: Kind | None = None) -> Iterator[Row]:
        """The rows, or those of one kind, in the file's order."""
        wanted = None if kind is None else kind.encode()
        for number, row_kind in enumerate(self._columns[0]):
            if wanted is None or row_kind == wanted:
                yield self._row(number)

    def lookup(self, word: str) -> Variant | None:
        """The family `word` belongs to, ignoring case and a possessive ending ('s, ’s, ')."""
        if word not in self._looked_up:
            self._looked_up[word] = self._lookup(word)
        return self._looked_up[word]

    def forms_against(self, locale: Locale) -> frozenset[bytes]:
        """Every form that is wrong in `locale`, as `ascii_forms` holds it: the forms not in the
        locale's column, but for the US forms of `uk_only` rows, which are right everywhere.
        Worked out once per locale, so a rule picks an article's few wrong words out of its
        hits without looking each hit up."""
        if locale not in self._against:
            kinds, us, uk, oxford = self._columns
            column = {"en-US": us, "en-GB": uk, "en-GB-oxendict": oxford}[locale]
            pairs = zip(kinds, us, strict=True)
            right_everywhere = [form for kind, form in pairs if kind == b"uk_only"]
            self._against[locale] = self.ascii_forms.difference(column, right_everywhere)
        return self._against[locale]

    def _lookup(self, word: str) -> Variant | None:
        form = normalise(word)
        number = self._row_number.get(form.encode())
        if number is None:
            return None
        row = self._row(number)
        kind, us, uk, oxford = row
        return Variant(kind, us, uk, oxford, form, valid_locales(row, form))

    def _row(self, number: int) -> Row:
        kind, us, uk, oxford = (column[number].decode() for column in self._columns)
        return cast(Kind, kind), us, uk, oxford


def _columns(text: str) -> Columns | None:
    """The columns of a file laid out as the generator writes it (comments, header, full
    rows), read at C speed: fields are single words, so the body splits into tokens four to a
    row, sliced into columns. This runs at every start. None for any other layout."""
    header_at = 0
    while text.startswith("#", header_at):
        header_at = text.find("\n", header_at) + 1 or len(text)
    body_at = header_at + len(HEADER) + 1
    if text[header_at:body_at] != HEADER + "\n":
        return None
    tokens = text[body_at:].encode().split()
    kinds = tokens[0::4]
    if len(tokens) != 4 * text.count("\n", body_at) or not _KIND_BYTES.issuperset(kinds):
        return None
    return kinds, tokens[1::4], tokens[2::4], tokens[3::4]


def _rows_by_line(text: str) -> list[Row]:
    """Any other layout, line by line: blank and `#` lines skipped, the header and each row
    checked, so that an error names its line."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line and line[0] != "#"]
    if not lines or lines[0][1] != HEADER:
        raise ValueError(f"variant table: expected the header {HEADER!r}")
    return [parse_row(number, line) for number, line in lines[1:]]


def parse_row(number: int, line: str) -> Row:
    fields = line.split("\t")
    if len(fields) != 4 or fields[0] not in KINDS:
        raise ValueError(f"variant table, row {number}: expected kind, us, uk, oxford: {line!r}")
    return cast(Row, tuple(fields))


def normalise(word: str) -> str:
    folded = word.casefold()
    for ending in POSSESSIVE_ENDINGS:
        if folded.endswith(ending):
            return folded[: -len(ending)]
    return folded


def valid_locales(row: Row, form: str) -> frozenset[Locale]:
    kind, us, uk, oxford = row
    if kind == "uk_only" and form == us:
        return EVERYWHERE
    spellings: tuple[tuple[Locale, str], ...] = (
        ("en-US", us),
        ("en-GB", uk),
        ("en-GB-oxendict", oxford),
    )
    return frozenset(locale for locale, spelling in spellings if spelling == form)


@cache
def load_variants() -> VariantTable:
    """The shipped table, read once per process."""
    return VariantTable.from_tsv(read_packaged("data/variants.tsv"))
