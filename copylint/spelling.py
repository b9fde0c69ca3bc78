"""The UK/US variant words of an article, and which of them are names that keep their spelling.

Shared by the spelling kinds. Finding them is cheap: the article's lower-cased words are
intersected with the table's spellings, and only the few hits are then located and weighed.

A capitalised variant is a name — `Pearl Harbor`, `Lincoln Center`, `Labour` — and keeps its
own spelling when it stands inside a capitalised name in mid-sentence. Three things make it
copy again, to be spelt the house way: a following title word (`UK Defense Secretary` is an
office, spelt as the house spells it), the start of a sentence, or a title-case line such as a
headline, where every word is capitalised and a capital says nothing. Names that must keep their
spelling even there are listed in the rule's `proper_nouns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from copylint.document import Document
from copylint.variants import Locale, Variant, VariantTable, load_variants

# Every spelling in the table has three letters or more: shorter words need not be looked up.
_LOWER_WORD = re.compile(r"[a-z]{3,}")
_WORD = re.compile(r"[^\W\d_]+")
# What may stand between a sentence's start and its first word: space, quotes, brackets.
_SENTENCE_LEAD = " \t“\"‘'([*_—–-"
_SENTENCE_END = ".!?:;"
_TITLE_CASE_SHARE = 0.75
_HEADLINE_WORDS = 30

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
        valid = self.variant.valid_in
        if "en-US" in valid and "en-GB" not in valid:
            return "American"
        if "en-GB" in valid and "en-US" not in valid:
            return "British -ise" if self.variant.kind == "oxford" else "British"
        return "Oxford"


@dataclass(frozen=True)
class VariantFinder:
    # For each word of a listed name, the names it stands in and where: "Harbor" →
    # [("Pearl Harbor", 6)], so a hit is checked against the few names that could hold it.
    proper_nouns: Mapping[str, tuple[tuple[str, int], ...]]
    title_words: frozenset[str]

    @classmethod
    def build(cls, proper_nouns: Iterable[str], title_words: Iterable[str]) -> VariantFinder:
        names: dict[str, list[tuple[str, int]]] = {}
        for name in proper_nouns:
            for word in _WORD.finditer(name):
                names.setdefault(word[0], []).append((name, word.start()))
        by_word = {word: tuple(places) for word, places in names.items()}
        return cls(by_word, frozenset(word.lower() for word in title_words))

    @property
    def table(self) -> VariantTable:
        return load_variants()

    def uses(self, doc: Document) -> list[VariantUse]:
        """Every variant word of the article that is copy, not part of a name."""
        prose = doc.prose
        lowered = prose.lower()
        hits = self.table.forms.intersection(_LOWER_WORD.findall(lowered))
        if not hits:
            return []
        found = []
        for start, end in sorted(span for hit in hits for span in _occurrences(lowered, hit)):
            if self._is_name(prose, start, end):
                continue
            text = prose[start:end]
            variant = self.table.lookup(text)
            if variant is not None:
                found.append(VariantUse(start, end, text, variant, _compound(prose, start)))
        return found

    def _in_listed_name(self, prose: str, start: int, end: int) -> bool:
        for name, offset in self.proper_nouns.get(prose[start:end], ()):
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

    def _is_name(self, prose: str, start: int, end: int) -> bool:
        if not prose[start].isupper():
            return False
        if self._in_listed_name(prose, start, end):
            return True
        if _starts_sentence(prose, start) or _in_title_case_line(prose, start):
            return False
        following = _WORD.match(prose, _skip_spaces(prose, end))
        return not (following and following[0].lower() in self.title_words)


def _occurrences(lowered: str, word: str) -> Iterator[tuple[int, int]]:
    """Where `word` stands as a whole word (a hyphen or an apostrophe ends a word)."""
    at = lowered.find(word)
    while at != -1:
        end = at + len(word)
        if not (at > 0 and lowered[at - 1].isalpha()) and not (
            end < len(lowered) and lowered[end].isalpha()
        ):
            yield at, end
        at = lowered.find(word, end)


def _skip_spaces(prose: str, at: int) -> int:
    while at < len(prose) and prose[at] in " \t":
        at += 1
    return at


def _starts_sentence(prose: str, start: int) -> bool:
    at = start - 1
    while at >= 0 and prose[at] in _SENTENCE_LEAD:
        at -= 1
    return at < 0 or prose[at] == "\n" or prose[at] in _SENTENCE_END


def _in_title_case_line(prose: str, start: int) -> bool:
    """A headline-like line: short, most of its longer words capitalised."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line_end = len(prose) if line_end < 0 else line_end
    if prose.count(" ", line_start, line_end) > _HEADLINE_WORDS:
        return False
    words = [w for w in _WORD.findall(prose, line_start, line_end) if len(w) > 3]
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 3 and capitalised >= _TITLE_CASE_SHARE * len(words)


def _compound(prose: str, start: int) -> str:
    """The word joined to this one by a hyphen before it, with the hyphen: `self-`."""
    if start == 0 or prose[start - 1] != "-":
        return ""
    before = prose.rfind(" ", 0, start - 1) + 1
    return prose[before:start]
