"""The UK/US variant words of an article, and which of them are names that keep their spelling.

Shared by the spelling kinds. Finding them is cheap: the article's lower-cased words are
intersected with the table's spellings, and only the few hits are then located and weighed.

A capitalised variant is a name — `Pearl Harbor`, `Lincoln Center`, `Labour` — and keeps its
own spelling when it stands inside a capitalised name in mid-sentence. Three things make it
copy again, to be spelt the house way: a following title word (`UK Defense Secretary` is an
office, spelt as the house spells it), or the headline, where title case capitalises every
word. At the start of a sentence a capitalised variant is copy unless the next word is
capitalised too (`Arbor Networks`) or the article capitalises it mid-sentence elsewhere
(`Gray`). Names that keep their spelling even at those places are the config's `proper_nouns`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from copylint.document import Document
from copylint.variants import Locale, Variant, load_variants

# The table is ASCII, so the article's words are found as bytes: one C pass maps letters to
# lower case and everything else to a space, and a split gives the words. It is twice as fast
# as a regex, and this runs on every article.
_LETTERS_LOWERED = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)
_WORD = re.compile(r"[^\W\d_]+")
_FIRST_PROSE = re.compile(r"\S")
# What may stand between a sentence's start and its first word: space, quotes, brackets.
_SENTENCE_LEAD = " \t“\"‘'([*_—–-"
_SENTENCE_END = ".!?:;"

SPELLING_NAMES: dict[Locale, str] = {
    "en-US": "American",
    "en-GB": "British",
    "en-GB-oxendict": "Oxford",
}


@dataclass(frozen=True, slots=True)
class VariantUse:
    """One variant word in an article, as written there."""

    start: int
    end: int
    text: str
    variant: Variant
    compound: str  # the part before a hyphen it is joined to (`self-` in `self-defence`), or ""

    @property
    def family(self) -> tuple[str, str]:
        """Words that are one word spelt two ways: `self-defence` and `self-defense`, not
        `defence` and `self-defense`."""
        return self.compound.lower(), self.variant.us

    def spelling(self) -> str:
        """Whose spelling this form is, for a message: American, British, Oxford."""
        variant = self.variant
        if variant.form == variant.us:
            return "American"
        if variant.form == variant.uk:
            return "British -ise" if variant.kind == "oxford" else "British"
        return "Oxford"


@dataclass(frozen=True)
class VariantFinder:
    """Finds the variant words of a document. Two finders with the same names and title words
    are equal, so rules that share them share the work (`Document.derived`)."""

    proper_nouns: tuple[str, ...]
    title_words: frozenset[str]

    @classmethod
    def build(cls, proper_nouns: Iterable[str], title_words: Iterable[str]) -> VariantFinder:
        return cls(tuple(proper_nouns), frozenset(word.lower() for word in title_words))

    @cached_property
    def _names_by_word(self) -> Mapping[str, tuple[tuple[str, int], ...]]:
        """For each word of a listed name, the names it stands in and where: "Harbor" →
        (("Pearl Harbor", 6),), so a hit is checked against the few names that could hold it."""
        names: dict[str, list[tuple[str, int]]] = {}
        for name in self.proper_nouns:
            for word in _WORD.finditer(name):
                names.setdefault(word[0], []).append((name, word.start()))
        return {word: tuple(places) for word, places in names.items()}

    def uses(
        self,
        doc: Document,
        wanted: Callable[[Variant], bool] | None = None,
        quotations: bool = True,
    ) -> list[VariantUse]:
        """The variant words of the article that are copy, not part of a name: those whose
        spelling `wanted` accepts (all by default) and, with `quotations` False, none inside a
        quotation. Finding where words stand is most of the work, and a rule seldom needs
        more than the few spelt against the house, so only those are looked for."""
        hits = doc.derived(_HITS, lambda: _variant_hits(doc))
        forms = [form for form, variant in hits if wanted is None or wanted(variant)]
        found = self._locate(doc.prose, forms) if forms else []
        return found if quotations else [u for u in found if not doc.in_quotation(u.start)]

    def _locate(self, prose: str, forms: list[str]) -> list[VariantUse]:
        found = []
        page = _Page(prose)
        table = load_variants()
        for start, end in _occurrences(prose, forms):
            if self._is_name(page, start, end):
                continue
            text = prose[start:end]
            variant = table.lookup(text)
            if variant is not None:
                found.append(VariantUse(start, end, text, variant, _compound(prose, start)))
        return found

    def _in_listed_name(self, prose: str, start: int, end: int) -> bool:
        for name, offset in self._names_by_word.get(prose[start:end], ()):
            name_start = start - offset
            name_end = name_start + len(name)
            if (
                name_start >= 0
                and prose.startswith(name, name_start)
                and not (name_start > 0 and prose[name_start - 1].isalnum())
                and not (name_end < len(prose) and prose[name_end].isalnum())
            ):
                return True
        return False

    def _is_name(self, page: _Page, start: int, end: int) -> bool:
        """Whether a capitalised variant is part of a name (see the module's docstring)."""
        prose = page.prose
        if not prose[start].isupper() or prose[start:end].isupper():
            return False  # lower case, or capitals throughout: emphasis, not a name
        if self._in_listed_name(prose, start, end):
            return True
        following = _WORD.match(prose, _skip_spaces(prose, end))
        if following and following[0].lower() in self.title_words:
            return False
        if start < page.headline_end:
            return False
        if not _starts_sentence(prose, start):
            return True
        # At the start of a sentence a capital says nothing by itself: the word is a name if
        # the next word is capitalised too (Arbor Networks) or it is one elsewhere (Gray).
        named = following is not None and following[0][0].isupper()
        return named or page.capitalised_mid_sentence(prose[start:end])


# The variant words of an article do not depend on a finder's names, so every finder shares them.
_HITS = "spelling.variant-hits"


def _variant_hits(doc: Document) -> list[tuple[str, Variant]]:
    """The table's spellings that the article uses, in lower case, with their families."""
    table = load_variants()
    words = doc.prose.encode().translate(_LETTERS_LOWERED).split()
    hits = []
    for found in table.ascii_forms.intersection(words):
        form = found.decode()
        variant = table.lookup(form)
        assert variant is not None  # every form of the set is a spelling of the table
        hits.append((form, variant))
    return hits


class _Page:
    """What the name tests ask of a whole article, worked out once for it."""

    def __init__(self, prose: str) -> None:
        self.prose = prose
        self._mid_sentence: dict[str, bool] = {}

    @cached_property
    def headline_end(self) -> int:
        """The headline is the first line of prose, where title case makes a capital
        meaningless."""
        first = _FIRST_PROSE.search(self.prose)
        line_end = self.prose.find("\n", first.start()) if first else -1
        return len(self.prose) if line_end < 0 else line_end

    def capitalised_mid_sentence(self, word: str) -> bool:
        if word not in self._mid_sentence:
            self._mid_sentence[word] = any(
                not _starts_sentence(self.prose, start)
                for start, _ in _whole_words(self.prose, [word])
            )
        return self._mid_sentence[word]


# Past this many characters searched (text length times words sought), one pass over every
# word of the text beats a search for each word: a 10 MB file is read once, not 500 times.
_SEARCH_LIMIT = 2_000_000
_ASCII_WORD = re.compile(r"[A-Za-z]+")


def _occurrences(prose: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each of `words` (lower case) stands as a whole word in `prose`, in lower case,
    capitalised or in capitals, in order. (Lowering the whole text to search it once costs more
    than three searches for the few words an article has, and could move offsets: `İ`.)"""
    if len(prose) * len(words) > _SEARCH_LIMIT:
        wanted = set(words)
        return [
            match.span()
            for match in _ASCII_WORD.finditer(prose)
            if match[0].lower() in wanted and _whole(prose, *match.span())
        ]
    cased = {form for word in words for form in (word, word.capitalize(), word.upper())}
    return sorted(_whole_words(prose, cased))


def _whole_words(text: str, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Where each of `words` stands in `text` as a whole word (a hyphen or an apostrophe ends
    a word), matching case exactly."""
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if _whole(text, at, end):
                yield at, end
            at = text.find(word, end)


def _whole(text: str, start: int, end: int) -> bool:
    """No letter touches the span: it is a word, not part of one (café, naïve)."""
    return not (start > 0 and text[start - 1].isalpha()) and not (
        end < len(text) and text[end].isalpha()
    )


def _skip_spaces(prose: str, at: int) -> int:
    while at < len(prose) and prose[at] in " \t":
        at += 1
    return at


def _starts_sentence(prose: str, start: int) -> bool:
    at = start - 1
    while at >= 0 and prose[at] in _SENTENCE_LEAD:
        at -= 1
    return at < 0 or prose[at] == "\n" or prose[at] in _SENTENCE_END


def _compound(prose: str, start: int) -> str:
    """The word joined to this one by a hyphen before it, with the hyphen: `self-`."""
    if start == 0 or prose[start - 1] != "-":
        return ""
    before = prose.rfind(" ", 0, start - 1) + 1
    return prose[before:start]
