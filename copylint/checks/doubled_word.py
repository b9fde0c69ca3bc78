"""doubled-word: the same word, or two words, twice in a row within a sentence.

`the the`, `to to`, `on the on the`: a slip of editing that a reader sees at once and a spell
checker never does. A doubling counts only where a reader meets it: within one block of prose
(a paragraph, heading, list item or table cell), with nothing but spaces between the copies, or
a line break where Markdown runs the lines together (a hard-wrapped paragraph). So a heading
repeated as the first words under it, a list item that starts like the one before, two table
cells or two lines of plain text are never a doubling, and neither is punctuation (`that,
that`), a number (`in 2001 in`), code or an image between the copies.

Only English words count: a handle, a name or a word of code said twice is meant. And English
doubles some words on purpose, and those pass: grammar's `had had` and `that that` (the rule's
`allowed` words), a name (`Sri Sri`, `Bora Bora`: capitalised mid-sentence, where `the The IOPC
reports` is a slip, since no name opens with `The` after `the`), a repetition joined by a
connector (`on and on and on`, `back to back`, `years and years`: `connectors`), a word whose
second copy opens a set phrase (`showed up at at least one`: `phrases`), a word said three times
that ends its phrase (`still hot hot hot`: a refrain), and anything inside a quotation, where
speech is kept as said (`very very`).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar, NamedTuple

from copylint.checks.base import Rule, Settings
from copylint.finding import Applicability, Edit, Finding, Fix
from copylint.language.words import load_words
from copylint.text.blocks import Block
from copylint.text.chunks import character_offsets
from copylint.text.document import Document

# Letters lower-cased, digits, apostrophes and every byte of a non-ASCII character kept, the
# rest spaces: a quick look for a word that follows itself, before any real reading.
_KEPT = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha()
    else byte if chr(byte).isdigit() or byte in b"'" or byte >= 0x80
    else 32
    for byte in range(256)
)  # fmt: skip
# Blanked markup that stands between two words on the page: a link's address, emphasis. Any of
# these between the copies means code, HTML, a template, an image, a table's pipe or a footnote.
_NOT_BETWEEN = frozenset("`<>{}|!^\\")
# Glued to a copy's outer side, these make it part of something else: `break-in in`.
_GLUED = frozenset("-/@#_.:'’")
_SENTENCE_END = frozenset(".!?:;")
# Articles never stand on both sides of a connector in a repetition: `the to the` is a slip.
_ARTICLES = frozenset({"a", "an", "the"})
# Doubled words and pairs looked at in a text, and their places: see `check`.
_MOST = 64
_MOST_PLACES = 1_000
# At the space before each word, the doubling that starts there: that word and the next,
# where the two after them are the same pair (`on the on the`), else the word alone, where
# the next is the same (`the the`). Possessive repeats (Python 3.11 on) take a word whole, so
# that the engine never backtracks into one: twice as fast. Without them, on Python 3.10, the
# pattern finds the same doublings, since a word cut short is followed by no space.
_WHOLE = "+" if sys.version_info >= (3, 11) else ""
_DOUBLING = re.compile(
    (
        f" (?=(?P<doubling>(?P<first>[^ ]+{_WHOLE}) +{_WHOLE}"
        f"(?:(?P<second>[^ ]+{_WHOLE}) +{_WHOLE}(?P=first) +{_WHOLE}(?P=second)|(?P=first)))"
        "(?![^ ]))"
    ).encode()
)
# The words a doubling at the very start of the text could span: four, as `a b a b`.
_OPENING_WORDS = re.compile(f"(?:[^ ]+{_WHOLE} +{_WHOLE}){{0,3}}[^ ]+".encode())
_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)")
# The word before a copy, a space or two before it: `jumping` in `jumping in in the middle`.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+\Z")
# Endings a verb takes, and what its base then ends with: logging, logged (log), moving, moved
# (move), kicks, kicked (kick).
_INFLECTIONS = (
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("es", ""),
    ("s", ""),
)
_SPACES_IN_A_LINE = re.compile(r"[^\S\n]*")
# Copies of a word counted to tell a refrain: more than any refrain has, few enough that a text
# of one word said thousands of times is read in linear time.
_LONGEST_REFRAIN = 8
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    folded: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class DoubledWord(Rule):
    """Flags a word or a pair of words written twice in a row in one sentence, with nothing
    but spaces (or a soft line break in Markdown) between the copies: `the the`, `on the on
    the`. Suggests the single form; deleting the second copy is a safe fix. `allowed` words
    are doubled by grammar (`had had`); `connectors` make a repetition of the words around
    them (`on and on and on`, `back to back`); `phrases` are set phrases a preposition may
    stand before, so that a second copy opening one is meant (`at at least`); `particles` give
    the verbs each particle completes, after which the same word may open a phrase of its
    own (`kicked in in April`). Names, refrains (`hot hot hot`), quotations, and copies in
    different blocks or split by punctuation pass. The message may
    use `{text}`, `{suggestion}` and `{what}` (`word` or `words`)."""

    allowed: frozenset[str]
    connectors: frozenset[str]
    phrases: frozenset[str]
    particles: Mapping[str, frozenset[str]]

    KIND: ClassVar[str] = "doubled-word"
    FIX: ClassVar[Applicability | None] = Applicability.SAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "allowed": {"description": "Words English doubles on purpose: had had.", **_STRINGS},
        "connectors": {"description": "Words that join a repetition: on and on.", **_STRINGS},
        "phrases": {"description": "Set phrases a copy may open: at least.", **_STRINGS},
        "particles": {
            "description": "Verbs each particle completes, which the same word may follow as a"
            " preposition: kicked in in April.",
            "type": "object",
            "additionalProperties": _STRINGS,
        },
    }
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "suggestion", "what"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return {
            "allowed": frozenset(word.lower() for word in raw.get("allowed", ())),
            "connectors": frozenset(word.lower() for word in raw.get("connectors", ())),
            "phrases": frozenset(
                " ".join(phrase.lower().split()) for phrase in raw.get("phrases", ())
            ),
            "particles": {
                particle.lower(): frozenset(verb.lower() for verb in verbs)
                for particle, verbs in raw.get("particles", {}).items()
            },
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        encoded = doc.prose_utf8
        doublings = _doublings(encoded)
        if not doublings:
            return
        blocks = doc.prose_blocks
        starts = [block.start for block in blocks]
        # Copy doubles a word or two; a text that doubles hundreds is not copy, and only so
        # many are looked at in it, the first in the text, so that no input makes the run
        # crawl (`word word word…`, 1 MB, made 150,000 findings in 5 s).
        looked_at = sorted(doublings)[:_MOST]
        places = sorted((start, words) for words in looked_at for start in doublings[words])[
            :_MOST_PLACES
        ]
        reported: dict[int, tuple[int, tuple[str, ...]]] = {}  # by words a copy: end, words
        for tokens in _places(doc.prose, encoded, places):
            index = bisect.bisect_right(starts, tokens[0].start) - 1
            if index < 0 or tokens[-1].end > blocks[index].end:
                continue
            half = len(tokens) // 2
            first, second = tokens[:half], tokens[half:]
            if not self._doubled(doc, blocks[index], first, second):
                continue
            words = tuple(token.folded for token in first)
            end, before = reported.get(half, (-1, ()))
            if tokens[0].start < end and _turned(words, before):
                continue  # the doubling just reported, a word on: `he said he said he`
            reported[half] = (tokens[-1].end, words)
            yield self._finding(doc, first, second)

    def _doubled(
        self, doc: Document, block: Block, first: list[_Token], second: list[_Token]
    ) -> bool:
        words = [token.folded for token in first]
        if len(words) == 1 and words[0] in self.allowed:
            return False
        if not all(_english(word) for word in words):
            return False  # a handle, a name or code said twice: `[dnlup](…) **dnlup**`
        if len(words) == 2 and self._repetition(*words):
            return False
        if len(words) == 1 and self._opens_phrase(doc.prose, second[0]):
            return False
        if len(words) == 1 and self._ends_a_phrasal_verb(doc.prose, first[0]):
            return False
        if len(words) == 1 and _a_refrain(doc.prose, first[0], second[0]):
            return False
        tokens = [*first, *second]
        start, end = tokens[0].start, tokens[-1].end
        if not all(_adjacent(doc, a, b) for a, b in pairwise(tokens)):
            return False
        prose = doc.prose
        if (start and prose[start - 1] in _GLUED) or (end < len(prose) and prose[end] in _GLUED):
            return False
        if not all(token.text.islower() for token in second) and not _article_again(first, second):
            return False  # a title or a name: `Measure for Measure`, `Bora Bora`
        if first[0].text[:1].isupper() and not _starts_sentence(prose, block, start):
            return False  # a name before a word: `the National Rally rally`
        if any(a <= start < b or a < end <= b for a, b in block.images):
            return False
        return not doc.in_quotation(start)

    def _repetition(self, first: str, second: str) -> bool:
        """`on and on and on`, `to back to back`: the doubled pair is a word repeated around a
        connector (`on and on`, `back to back`), which English uses for emphasis."""
        return (second in self.connectors and first not in _ARTICLES) or (
            first in self.connectors and second not in _ARTICLES
        )

    def _ends_a_phrasal_verb(self, prose: str, copy: _Token) -> bool:
        """Whether the first copy is the particle of the verb before it, so that the second
        opens a phrase of its own: `the tax kicked in in April`, `people jumping in in the
        middle`, where `was in in the` is a slip."""
        verbs = self.particles.get(copy.folded)
        if not verbs:
            return False
        word = _word_before(prose, copy.start)
        if word is None:
            return False
        return word in verbs or any(
            word.endswith(ending) and _base(word, ending, base) in verbs
            for ending, base in _INFLECTIONS
        )

    def _opens_phrase(self, prose: str, copy: _Token) -> bool:
        """Whether the second copy and the word after it make a set phrase: `showed up at at
        least one`, where the first copy ends one phrase and the second opens another."""
        following = _NEXT_WORD.match(prose, copy.end)
        return following is not None and f"{copy.folded} {following[1].lower()}" in self.phrases

    def _finding(self, doc: Document, first: list[_Token], second: list[_Token]) -> Finding:
        """The whole doubling, with its single form, where the copies share a line with only
        spaces between; else the second copy, deleted with the space beside it, so that a
        line break or a link's markup between them stays as it is (`the [the designs](…)`)."""
        single = " ".join(token.text for token in first)
        shown = " ".join(token.text for token in (*first, *second))
        what = "word" if len(first) == 1 else "words"
        message = self.message.format(text=shown, suggestion=single, what=what)
        start, end = first[0].start, second[-1].end
        text = doc.text
        between = text[first[-1].end : second[0].start]
        if between.isspace() and "\n" not in between:
            return self.finding(start, end, message, (text[start : first[-1].end],))
        start = second[0].start
        if between.isspace():
            cut = Edit(first[-1].end, end, "")  # the line break and the copy after it
        else:
            # The spaces after the copy, to the end of its line: sought there, not by slicing
            # the rest of the line, which in a line of 100,000 links is most of the article.
            spaces = _SPACES_IN_A_LINE.match(text, end)
            after = 0 if spaces is None else spaces.end() - end
            before = 0 if after else len(between) - len(between.rstrip())
            cut = Edit(start - before, end + after, "")
        return self.finding(start, end, message, (), Fix(Applicability.SAFE, (cut,)))


def _base(word: str, ending: str, added: str) -> str:
    """The verb `word` inflects with `ending`, with `added` put back (mov-ing: move), and its
    doubled last consonant undone (logg-ed: log)."""
    stem = word[: -len(ending)]
    if not added and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem + added


def _english(word: str) -> bool:
    """Whether the dictionary has the word (each part of `it’s`)."""
    words = load_words()
    parts = word.replace("’", "'").split("'")
    return all(part.isascii() and words.is_word(part.encode()) for part in parts if part)


def _doublings(encoded: bytes) -> dict[tuple[bytes, ...], list[int]]:
    """A quick look over the article's words: each word, and pair of words, that follows
    itself there (with anything but letters and digits between), with where each doubling
    of it starts in the prose's UTF-8 `encoded`. Doublings of one word do not overlap: `the
    the the` doubles `the` once. Most articles have none, and are done with here, in one pass
    of the regex engine that makes no object for a word unless it is doubled."""
    starts: dict[tuple[bytes, ...], list[int]] = {}
    ends: dict[tuple[bytes, ...], int] = {}

    def add(words: tuple[bytes, ...], start: int, end: int) -> None:
        if start >= ends.get(words, 0):
            starts.setdefault(words, []).append(start)
            ends[words] = end

    # The subject is `encoded` with only its words' characters kept, ASCII letters lower-cased.
    for match, shift in _after_spaces(encoded.translate(_KEPT)):
        start, end = match.start("doubling") - shift, match.end("doubling") - shift
        first, second = match["first"], match["second"]
        if second is None:
            add((first,), start, end)
            continue
        add((first, second), start, end)
        if first == second:  # `a a a a` doubles the word as well as the pair
            add((first,), start, match.end("second") - shift)
    return starts


def _after_spaces(kept: bytes) -> Iterator[tuple[re.Match[bytes], int]]:
    """Each match of `_DOUBLING` in " " + `kept`, with its offsets' shift: the space is put
    before the words a doubling at the start could span, not before a copy of the whole text."""
    opening = _OPENING_WORDS.match(kept)
    if opening and (found := _DOUBLING.match(b" " + kept[: opening.end()])):
        yield found, 1
    for match in _DOUBLING.finditer(kept):
        yield match, 0


def _places(
    prose: str, encoded: bytes, places: list[tuple[int, tuple[bytes, ...]]]
) -> Iterator[list[_Token]]:
    """Where each doubling stands in the prose with only spaces between its words, as tokens,
    from its start in the kept bytes and its word or pair."""
    offsets = character_offsets(encoded, [at for at, _ in places])
    for (_, words), start in zip(places, offsets, strict=True):
        tokens = _sequence(prose, start, [word.decode() for word in (*words, *words)])
        if tokens:
            yield tokens


def _sequence(prose: str, at: int, words: list[str]) -> list[_Token]:
    """The words in order from `at`, with only spaces between; [] if they are not there so."""
    tokens = []
    for index, word in enumerate(words):
        if index:
            gap = at
            while at < len(prose) and prose[at].isspace():
                at += 1
            if at == gap:
                return []
        text = prose[at : at + len(word)]
        folded = text.lower()
        if folded != word.lower():
            return []
        tokens.append(_Token(at, at + len(word), text, folded))
        at += len(word)
    return tokens


def _word_before(prose: str, at: int) -> str | None:
    """The word a space or two before `at`, in lower case, if one stands there."""
    before = _WORD_BEFORE.search(prose, max(0, at - 40), at)
    return None if before is None else before[1].lower()


def _turned(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether `words` are `other` begun at another of its words: (said, he) of (he, said)."""
    return len(words) == len(other) and any(
        words == other[at:] + other[:at] for at in range(len(other))
    )


def _article_again(first: list[_Token], second: list[_Token]) -> bool:
    """An article, then the same one capitalised: `the The IOPC reports`. A name or a title
    may open with `The`, but never after `the`: one of the two is left over from an edit."""
    if len(first) != 1:
        return False
    copy, again = first[0], second[0]
    return copy.folded in _ARTICLES and copy.text.islower() and again.text.istitle()


def _a_refrain(prose: str, first: _Token, second: _Token) -> bool:
    """Whether the word stands three times or more in a row and the run ends its phrase:
    `we're still hot hot hot`, `Ha ha ha, she wrote`. A slip doubles a word in the middle of a
    phrase (`on on on the table`); a refrain is a phrase of its own."""
    copies, end = 2, second.end
    while copies < _LONGEST_REFRAIN and (more := _NEXT_WORD.match(prose, end)) is not None:
        if more[1].lower() != first.folded:
            break
        copies, end = copies + 1, more.end()
    if _word_before(prose, first.start) == first.folded:
        copies += 1
    spaces = _SPACES_IN_A_LINE.match(prose, end)
    following = end if spaces is None else spaces.end()
    return copies >= 3 and not prose[following : following + 1].isalnum()


def _adjacent(doc: Document, a: _Token, b: _Token) -> bool:
    """Nothing but spaces between two words on the page: no punctuation, no code or HTML, and
    no line break unless Markdown runs the lines together."""
    if not doc.prose[a.end : b.start].isspace():
        return False
    between = doc.text[a.end : b.start]
    if any(char in _NOT_BETWEEN for char in between):
        return False
    soft = doc.soft_breaks
    return all(char != "\n" or (a.end + offset) in soft for offset, char in enumerate(between))


def _starts_sentence(prose: str, block: Block, start: int) -> bool:
    at = start - 1
    while at >= block.start and (prose[at].isspace() or prose[at] in "\"“‘'([*_—–-"):
        at -= 1
    return at < block.start or prose[at] in _SENTENCE_END
