"""typo: a lower-case word no dictionary knows, one slip from a common word.

A spell checker flags every word it does not know: names, jargon, coinages. This kind flags
only what is almost surely a slip, at a precision an editor trusts:

- a word of prose (never code, a URL, markup or front matter), in lower case (capitalised
  words are names, the entity rule's), standing alone (not glued to digits, a dot, an @, an
  apostrophe's contraction; in a hyphenated compound only a long part of an all-lower-case
  compound that is not a word when joined: `one-hundreth`);
- that SCOWL's lists do not know (`copylint/data/words.txt`, both locales, to size 80), nor
  make with an affix (`delisted`, `influencer`, `unsee`: `copylint.language.slips`);
- that the article uses once, counting its code, links and front matter too: a word written
  twice was meant;
- one slip from exactly one common word, not at its first or last letter (`correction`).

It scans the prose as bytes, as the spelling rules do: most words are settled by one set
difference, the few left by a dictionary lookup each, and only a handful an article reach the
slip search.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings
from copylint.finding import Applicability, Finding
from copylint.language.lexicon import load_lexicon
from copylint.language.slips import correction, derivations
from copylint.language.words import Words, load_words
from copylint.text.chunks import LETTERS_LOWERED, character_offsets, pieces, split_words
from copylint.text.document import Document

# ASCII letters as they are, everything else a space: the article's words, cased.
_LETTERS = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else 32 for byte in range(256))
# What may stand just before a word, and just after it, for it to be a word of copy.
_OPENING = frozenset('(["“‘«—–*_')
_CLOSING = frozenset(')]"”»,;:!?—–…*_')
_APOSTROPHES = frozenset("'’")
_QUOTE_OPENING = frozenset("\"“‘'")
_QUOTE_CLOSING = frozenset("\"”’'")
_HYPHEN = "-"
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(rb"[A-Za-z]+")
_NOT_IN_COMPOUND = re.compile(r"[^\w-]|_")
# Past this many bytes searched (text length times words sought), one pass over the text.
_SEARCH_LIMIT = 2_000_000
# Unknown words weighed for a slip: this many an article, and one for each so many words.
_BUDGET, _WORDS_A_SLIP = 20, 100
# A part of a hyphenated compound shorter than this is not judged: `de-facto`, `touchy-feely`.
_MIN_PART = 6


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Typo(Rule):
    """Flags a lower-case word of prose that no dictionary knows, that the article uses once,
    and that is one slip (a letter dropped, doubled or swapped, a neighbouring key) from
    exactly one common word, suggesting that word (`reseach` → `research`). Names,
    words of code, URLs and markup, words the house lexicon or `accept` list has, and, with
    `quotations: speaker`, words inside quotations are never flagged. The message may use
    `{text}` and `{suggestion}`."""

    min_length: int
    quotations_as_said: bool
    lexicon_path: str | None

    KIND: ClassVar[str] = "typo"
    # A correction may be wrong (the writer may have meant a rarer word): applied only with
    # --unsafe-fixes.
    FIX: ClassVar[Applicability | None] = Applicability.UNSAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "min_length": {
            "description": "Shorter words are not judged: one slip from many words.",
            "type": "integer",
            "minimum": 3,
        },
        "quotations": {
            "description": "house: quotations are checked too; speaker: kept as said.",
            "enum": ["house", "speaker"],
        },
    }
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "suggestion"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return {
            "min_length": raw.get("min_length", 5),
            "quotations_as_said": raw.get("quotations", "house") == "speaker",
            "lexicon_path": settings.lexicon,
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        words = load_words()
        prose = doc.prose
        encoded = doc.prose_utf8
        scanned = encoded.translate(_LETTERS)
        unknown = self._unknown(scanned, words)
        if not unknown:
            return
        counted = _Counter(doc, unknown)
        once = [word for word in unknown if counted.count(word) == 1]
        places = _places(prose, encoded, scanned, once)
        # Real copy has a few typos an article; a text of nothing else is not copy, and only so
        # many of its words are weighed, so that no input makes the run crawl.
        budget = _Budget(scanned)
        for word in once:
            # Where it stands first, as that is cheap, and most unknown words fail there.
            starts = [
                start for start in places.get(word, ()) if self._copy(doc, start, word, words)
            ]
            if not starts or counted.used_again(word):
                continue
            text = word.decode()
            made = derivations(text, words.is_word, words.is_common)
            if any(derived.kind != "suffix" for derived in made) or words.starts_common(word):
                continue  # a word made of words (unsee, skillset), or clipped (struct)
            if not budget.spend():
                return
            slip = correction(text, words)
            if slip is None or not all(derived.respelt_by(slip.meant) for derived in made):
                continue
            if self.lexicon_path is not None and text in _lexicon_words(self.lexicon_path):
                continue
            message = self.message.format(text=text, suggestion=slip.meant)
            for start in starts:
                yield self.finding(start, start + len(text), message, (slip.meant,))

    def _copy(self, doc: Document, start: int, word: bytes, words: Words) -> bool:
        """Whether the word at `start` is a word of copy to judge: standing alone, among
        English words, and outside a quotation if quotations are kept as said."""
        end = start + len(word)
        prose = doc.prose
        if not _standalone(prose, start, end, words) or _among_strangers(prose, start, end, words):
            return False
        if _named(prose, start, end):
            return False
        return not (self.quotations_as_said and doc.in_quotation(start))

    def _unknown(self, scanned: bytes, words: Words) -> list[bytes]:
        """The words to judge that the dictionary does not have, in order. Each word found to
        be known is remembered for the process, so that a run of many articles looks each up
        once: most of an article's words are settled, and dropped as they are gathered (a
        lookup each costs half what putting them all in a set would)."""
        settled = _settled(words, self.min_length)
        judged = _judged_words(self.min_length)
        unsettled: set[bytes] = set()
        for piece in pieces(scanned):
            found = judged.findall(b" " + piece + b" ")
            unsettled.update(filterfalse(settled.__contains__, found))
        unknown = []
        for word in unsettled:
            if words.is_word(word):
                settled.add(word)
            else:
                unknown.append(word)
        return sorted(unknown)


@cache
def _judged_words(min_length: int) -> re.Pattern[bytes]:
    """The scanned words of at least `min_length` lower-case letters, in a text padded with
    spaces: only they are judged, and gathering only them spares a set of every word."""
    return re.compile(rb" ([a-z]{%d,})(?= )" % min_length)


class _Budget:
    """Unknown words weighed for a slip: _BUDGET an article, and one for each _WORDS_A_SLIP
    of its words, counted (a pass over the text) only once the first are spent."""

    def __init__(self, scanned: bytes) -> None:
        self._scanned = scanned
        self._left = _BUDGET
        self._counted = False

    def spend(self) -> bool:
        """Whether one more word may be weighed."""
        self._left -= 1
        if self._left < 0 and not self._counted:
            self._counted = True
            count = sum(len(chunk) for chunk in split_words(self._scanned))
            self._left += count // _WORDS_A_SLIP
        return self._left >= 0


@cache
def _settled(words: Words, min_length: int) -> set[bytes]:
    """The words no article needs to look up again: at first the most frequent ones."""
    return set(words.frequent)


class _Counter:
    """How often a word stands in the whole text, in any case: prose, code, links and front
    matter alike. A few words are counted by searching the text; many, in one pass that
    counts only them and their inflections, as most of a long text is neither."""

    def __init__(self, doc: Document, wanted: list[bytes]) -> None:
        # Plain text without addresses is its own prose, whose words are scanned already.
        lowered = (
            doc.prose_letters if doc.text is doc.prose else doc.utf8.translate(LETTERS_LOWERED)
        )
        self._counts: Counter[bytes] | None = None
        if len(lowered) * len(wanted) > _SEARCH_LIMIT:
            forms = {form for word in wanted for form in _forms(word)}
            self._counts = Counter()
            for chunk in split_words(lowered):
                self._counts.update([word for word in chunk if word in forms])
        self._words = lowered

    def count(self, word: bytes) -> int:
        if self._counts is not None:
            return self._counts[word]
        # Sought between spaces, and at either edge, where the text has no space to pad it
        # with (a padded copy of a 10 MB text is 10 MB more).
        words = self._words
        edges = words.startswith(word + b" ") + words.endswith(b" " + word) + (words == word)
        return words.count(b" " + word + b" ") + edges

    def used_again(self, word: bytes) -> bool:
        """Whether it and its inflections stand in the text more than once. Every use of them
        begins with the shortest form (`_forms`), so a count of the words that begin so, one
        pass, most often settles it."""
        if self._counts is None:
            shortest = word[:-1] if word.endswith(b"s") else word
            if self._words.count(b" " + shortest) + self._words.startswith(shortest) < 2:
                return False
        return sum(self.count(form) for form in _forms(word)) > 1


def _forms(word: bytes) -> set[bytes]:
    """A word and its inflections: `structs` in the copy, `struct` in the code."""
    forms = {word, word + b"s", word + b"es", word + b"ed", word + b"d", word + b"ing"}
    if word.endswith(b"s"):
        forms.add(word[:-1])
    return forms


def _places(
    prose: str, encoded: bytes, scanned: bytes, wanted: list[bytes]
) -> dict[bytes, list[int]]:
    """Where each wanted word stands in the prose as a whole word: character offsets. A few
    words are sought one by one in the scanned bytes, many in one pass over them."""
    found: dict[bytes, list[int]] = {}
    if len(scanned) * len(wanted) > _SEARCH_LIMIT:
        wanted_set = set(wanted)
        for match in _ASCII_WORD.finditer(scanned):
            if match[0] in wanted_set:
                found.setdefault(match[0], []).append(match.start())
    else:
        for word in wanted:
            at = scanned.find(word)
            while at != -1:
                end = at + len(word)
                if (at == 0 or scanned[at - 1] == 32) and (
                    end == len(scanned) or scanned[end] == 32
                ):
                    found.setdefault(word, []).append(at)
                at = scanned.find(word, end)
    if len(encoded) != len(prose):  # byte offsets are character offsets up to the first é
        ordered = sorted(at for ats in found.values() for at in ats)
        offsets = dict(zip(ordered, character_offsets(encoded, ordered), strict=True))
        found = {word: [offsets[at] for at in ats] for word, ats in found.items()}
    return found


def _standalone(prose: str, start: int, end: int, words: Words) -> bool:
    """Whether the word stands on its own as a word of copy: spaces or punctuation around it,
    not digits, letters beyond ASCII, an @, a dot inside a name (`example.com`) or a
    contraction (`couldn’t`); a possessive is its word."""
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before == _HYPHEN or after == _HYPHEN:
        return _judged_part(prose, start, end, words)
    if not (before.isspace() or before in _OPENING):
        return False
    following = prose[end + 1 : end + 2]
    if after.isspace() or after in _CLOSING:
        return True
    if after == ".":
        return not following.isalnum()
    if after in _APOSTROPHES:  # a possessive (reseach’s), not a contraction or an elision
        return following == "s" and not prose[end + 2 : end + 3].isalnum()
    return False


def _judged_part(prose: str, start: int, end: int, words: Words) -> bool:
    """A part of a hyphenated compound is judged only when it is long, the compound is all
    lower-case letters (not `Suk-yeol`, `K-pop`, `covid-19`), and joined it is no word
    (`pre-empted`)."""
    if end - start < _MIN_PART:
        return False
    lo, hi = max(0, start - _NEAR), min(len(prose), end + _NEAR)
    left = _NOT_IN_COMPOUND.search(prose[lo:start][::-1])
    right = _NOT_IN_COMPOUND.search(prose, end, hi)
    first = start - left.start() if left else lo
    last = right.start() if right else hi
    compound = prose[first:last]
    joined = compound.replace(_HYPHEN, "")
    if not (joined.isascii() and joined.isalpha() and joined.islower()):
        return False
    return not words.is_word(joined.encode())


# Words either side that make a word's company, sought within so many characters.
_COMPANY, _NEAR = 2, 60


def _named(prose: str, start: int, end: int) -> bool:
    """Whether the word is all of a quotation: `what we call "framily"`, `the so-called
    ‘lawfare’`. A word set in marks on its own is named, not used (a coinage, a brand, a word as
    someone wrote it), and a slip of the keyboard is seldom put in marks."""
    closing = end + 1 if prose[end : end + 1] in (",", ".") else end
    opened = prose[start - 1 : start] in _QUOTE_OPENING
    return opened and prose[closing : closing + 1] in _QUOTE_CLOSING


def _among_strangers(prose: str, start: int, end: int, words: Words) -> bool:
    """Whether a word near it is foreign to English too: a phrase of another language or
    slang (`joie de vivre`, `au naturales`), where an unknown word is no slip."""
    line_start = prose.rfind("\n", max(0, start - _NEAR), start) + 1
    line_end = prose.find("\n", end, end + _NEAR)
    before = _WORD.findall(prose, max(line_start, start - _NEAR), start)[-_COMPANY:]
    after = _WORD.findall(prose, end, min(end + _NEAR, len(prose)) if line_end < 0 else line_end)
    after = after[:_COMPANY]
    return any(_stranger(word, words) for word in (*before, *after))


def _stranger(word: str, words: Words) -> bool:
    if not word.isascii():
        return True
    return len(word) >= 3 and word.islower() and not words.is_word(word.encode())


@cache
def _lexicon_words(path: str) -> frozenset[str]:
    """The house lexicon's names, lower-cased: a word it has is the house's to spell."""
    return frozenset(name.lower() for name in load_lexicon(path).counts)
