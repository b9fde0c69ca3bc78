"""The UK/US variant words of an article, and which of them are names that keep their spelling.

Shared by the spelling kinds. Finding them is cheap: the article's lower-cased words are
intersected with the table's spellings, and only the few hits are then located and weighed.

A capitalised variant is a name — `Pearl Harbor`, `Lincoln Center`, `Labour` — and keeps its
own spelling when it stands inside a capitalised name in mid-sentence. Three things make it
copy again, to be spelt the house way: a following title word (`UK Defense Secretary` is an
office, spelt as the house spells it), or a headline in title case, which capitalises every
word (a first line in sentence case keeps its names). At the start of a sentence a capitalised
variant is copy unless the next word is capitalised too (`Arbor Networks`) or the article
capitalises it mid-sentence elsewhere (`Gray`). Names that keep their spelling even at those
places are the config's `proper_nouns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import Any, NamedTuple

from copylint.language.variants import Locale, Variant, load_variants
from copylint.text.chunks import character_offsets, split_words
from copylint.text.document import Document

_SPACE = ord(" ")
_WORD = re.compile(r"[^\W\d_]+")
_FIRST_PROSE = re.compile(r"\S")
# Words title case capitalises, whatever the house: all but the short ones (a, of, the, with).
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")
# What may stand between a sentence's start and its first word: space, quotes, brackets.
_SENTENCE_LEAD = " \t“\"‘'([*_—–-"
_SENTENCE_END = ".!?:;"

SPELLING_NAMES: dict[Locale, str] = {
    "en-US": "American",
    "en-GB": "British",
    "en-GB-oxendict": "Oxford",
}


class VariantUse(NamedTuple):
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
        if variant.form == variant.us:  # -ize is Oxford spelling too, which British houses use
            return "American and Oxford" if variant.kind == "oxford" else "American"
        if variant.form == variant.uk:
            return "British -ise" if variant.kind == "oxford" else "British"
        return "Oxford"


@dataclass(frozen=True, eq=False, repr=False)
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
        forms: frozenset[bytes] | None = None,
        quotations: bool = True,
    ) -> list[VariantUse]:
        """The variant words of the article that are copy, not part of a name: those among
        `forms` (all by default; say, the table's `forms_against` the house) and, with
        `quotations` False, none inside a quotation. Finding where words stand is most of the
        work, and a rule seldom needs more than the few spelt against the house, so only
        those are looked for."""
        scan = _scanned(doc)
        wanted = scan.hits if forms is None else scan.hits & forms
        found = self._locate(doc, scan, wanted) if wanted else []
        return found if quotations else [u for u in found if not doc.in_quotation(u.start)]

    def _locate(self, doc: Document, scan: _Scan, forms: frozenset[bytes]) -> list[VariantUse]:
        found = []
        prose = doc.prose
        places = scan.occurrences(prose, forms)
        page = _Page(prose, doc.soft_breaks, places)
        table = load_variants()
        for start, end in places:
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
        if not _starts_sentence(prose, start, page.soft_breaks):
            return True
        # At the start of a sentence a capital says nothing by itself: the word is a name if
        # the next word is capitalised too (Arbor Networks) or it is one elsewhere (Gray).
        named = following is not None and following[0][0].isupper()
        return named or page.capitalised_mid_sentence(prose[start:end])


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class _Scan:
    """An article's prose as the variant scan reads it, and the table's spellings in it."""

    encoded: bytes  # the prose in UTF-8
    words: bytes  # the same bytes, letters lower-cased and the rest spaces
    hits: frozenset[bytes]
    # For a text too long to search form by form: every hit's place, found in one pass that
    # the rules share.
    passed: list[tuple[int, int, bytes]] = field(default_factory=list)

    def occurrences(self, prose: str, forms: frozenset[bytes]) -> list[tuple[int, int]]:
        """Where each of `forms` stands as a whole word in `prose`, in any case, in order.
        Searched in the scanned bytes, a form is one search whatever its case, and a space or
        the text's edge on each side make it a whole word there; a letter beyond ASCII beside
        it (café) is checked in the prose."""
        if len(self.words) * len(forms) > _SEARCH_LIMIT:
            if not self.passed:
                self.passed.extend(_occurrences_in_one_pass(prose, self))
            return [(start, end) for start, end, form in self.passed if form in forms]
        starts = []
        words = self.words
        for form in forms:
            # Sought alone, not between spaces: a search skips along on its last byte.
            at = words.find(form)
            while at != -1:
                end = at + len(form)
                if (at == 0 or words[at - 1] == _SPACE) and (
                    end == len(words) or words[end] == _SPACE
                ):
                    starts.append((at, len(form)))
                at = words.find(form, end)
        starts.sort()
        offsets = character_offsets(self.encoded, [at for at, _ in starts])
        return [
            (start, start + length)
            for (_, length), start in zip(starts, offsets, strict=True)
            if _whole(prose, start, start + length)
        ]


# An article's scan does not depend on a finder's names, so every finder shares it.
_SCANNED = "spelling.scan"


def variant_hits(doc: Document) -> frozenset[bytes]:
    """The table's spellings that the article uses, lower-cased, as the table's `ascii_forms`
    holds them: a rule narrows them with set operations before it decodes or looks up any."""
    return _scanned(doc).hits


def _scanned(doc: Document) -> _Scan:
    return doc.derived(_SCANNED, lambda: _scan(doc))


def _scan(doc: Document) -> _Scan:
    # The table is ASCII, so the article's words are found as bytes: one C pass maps letters
    # to lower case and everything else to a space, and a split gives the words. It is twice
    # as fast as a regex, and this runs on every article.
    words = doc.prose_letters
    forms = load_variants().ascii_forms
    hits = frozenset().union(*map(forms.intersection, split_words(words)))
    return _Scan(doc.prose_utf8, words, hits)


class _Page:
    """What the name tests ask of a whole article, worked out once for it. `places` are where
    the variants sought stand, in any case: a word's other uses are among them."""

    def __init__(
        self, prose: str, soft_breaks: frozenset[int], places: list[tuple[int, int]]
    ) -> None:
        self.prose = prose
        self.soft_breaks = soft_breaks
        self._places = places
        self._mid_sentence: dict[str, bool] = {}

    @cached_property
    def headline_end(self) -> int:
        """The headline is the first line of prose, where title case makes a capital
        meaningless; a first line in sentence case (a caption, a lede, a headline as the BBC
        writes one) is 0 long, since its capitals mean what they do anywhere."""
        first = _FIRST_PROSE.search(self.prose)
        line_end = self.prose.find("\n", first.start()) if first else -1
        end = len(self.prose) if line_end < 0 else line_end
        # Read only as far as a second word in lower case: a text of one line is all first line.
        lower = (word for word in _LONG_WORD.finditer(self.prose, 0, end) if word[0].islower())
        return end if len(list(islice(lower, 2))) <= 1 else 0

    def capitalised_mid_sentence(self, word: str) -> bool:
        if word not in self._mid_sentence:
            self._mid_sentence[word] = any(
                not _starts_sentence(self.prose, start, self.soft_breaks)
                for start in self._starts_as_written.get(word, ())
            )
        return self._mid_sentence[word]

    @cached_property
    def _starts_as_written(self) -> dict[str, list[int]]:
        starts: dict[str, list[int]] = {}
        for start, end in self._places:
            starts.setdefault(self.prose[start:end], []).append(start)
        return starts


# Past this many bytes searched (text length times forms sought), see _occurrences_in_one_pass.
_SEARCH_LIMIT = 2_000_000
_ASCII_WORD = re.compile(r"[A-Za-z]+")
# What RE2 may take to hold every form of the variant table at once (its default is 8 MB).
_AUTOMATON_MEMORY = 64 << 20


def _occurrences_in_one_pass(prose: str, scan: _Scan) -> list[tuple[int, int, bytes]]:
    """Past `_SEARCH_LIMIT`, one pass over the text beats a search for each form: a 10 MB file
    is read once, not 500 times. Each place comes with its form. The pass is RE2's, over the
    scanned bytes: an alternation of the forms between word boundaries is one automaton, so a
    hit costs what a search does and a word that is none costs nothing in Python."""
    automaton = _forms_automaton(scan.hits)
    if automaton is None:
        return _occurrences_word_by_word(prose, scan.hits)
    spans = [match.span() for match in automaton.finditer(scan.words)]
    starts = character_offsets(scan.encoded, [start for start, _ in spans])
    return [
        (start, start + end - at, scan.words[at:end])
        for (at, end), start in zip(spans, starts, strict=True)
        if _whole(prose, start, start + end - at)
    ]


def _forms_automaton(forms: frozenset[bytes]) -> Any:
    """The forms as one RE2 pattern over scanned bytes, where only letters are word characters;
    None where RE2 is not installed or will not take that many."""
    try:
        import re2
    except ImportError:  # an optional speed-up, as for the house's patterns
        return None
    options = re2.Options()
    options.log_errors = False
    options.max_mem = _AUTOMATON_MEMORY
    try:
        return re2.compile(rb"\b(?:" + b"|".join(sorted(forms)) + rb")\b", options)
    except Exception:  # re2.error: past its memory
        return None


def _occurrences_word_by_word(prose: str, forms: frozenset[bytes]) -> list[tuple[int, int, bytes]]:
    wanted = {form.decode(): form for form in forms}
    found = []
    for match in _ASCII_WORD.finditer(prose):
        form = wanted.get(match[0].lower())
        if form is not None and _whole(prose, *match.span()):
            found.append((*match.span(), form))
    return found


def _whole(text: str, start: int, end: int) -> bool:
    """No letter touches the span: it is a word, not part of one (café, naïve)."""
    return not (start > 0 and text[start - 1].isalpha()) and not (
        end < len(text) and text[end].isalpha()
    )


def _skip_spaces(prose: str, at: int) -> int:
    while at < len(prose) and prose[at] in " \t":
        at += 1
    return at


def _starts_sentence(prose: str, start: int, soft_breaks: frozenset[int]) -> bool:
    at = start - 1
    while at >= 0 and (prose[at] in _SENTENCE_LEAD or at in soft_breaks):
        at -= 1
    return at < 0 or prose[at] == "\n" or prose[at] in _SENTENCE_END


def _compound(prose: str, start: int) -> str:
    """The word joined to this one by a hyphen before it, with the hyphen: `self-`."""
    if start == 0 or prose[start - 1] != "-":
        return ""
    before = prose.rfind(" ", 0, start - 1) + 1
    return prose[before:start]
