"""Who says what: an article's paragraphs read as sentences, each with what it quotes and what it
says about who spoke.

A sentence is read through its *frame*: its text with the words of its quotations blanked, so
that a speech verb counts only where the copy says it (`he said`) and never where the quoted
speaker does. Sentences end at `.`, `?` or `!` outside a quotation, or at the end of a quotation
that ends a sentence (`“We lost.” The team…`), before a capital, a digit or an opening mark;
`Mr.`, `Sen.` and initials do not end one, and nor does a quotation's `?` or `!`, since what
follows it is its tag as often as not (`“Why?” Mrs Patel asked`). Only the shape of the copy is
read: no parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from copylint.text.quotations import Quotation

# Stands in for each quoted character in a frame: not a letter, not white space, not punctuation.
FILL = "\ue000"
_BOUNDARY = re.compile(r"[.?!…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[\w\ue000])")
_WORD_BEFORE = re.compile(r"(\w+)[.?!…]*\Z")
# Words a full stop follows without ending the sentence.
_ABBREVIATED = (
    "mr mrs ms dr st sen rep gen gov lt col sgt capt cpl adm prof rev jr sr no vs etc inc corp "
    "co ltd jan feb mar apr aug sept sep oct nov dec ft mt pres supt insp det"
)
_ABBREVIATIONS = frozenset(_ABBREVIATED.split())
_LETTER = re.compile(r"[^\W\d_]")
_QUOTE_CLOSERS = frozenset("\"”’'")


class Sentence(NamedTuple):
    start: int
    end: int
    frame: str  # the sentence, its quotations' words blanked to FILL
    quotes: tuple[Quotation, ...]  # the outermost quotations that open in it

    def after(self, quote: Quotation) -> str:
        """The frame of this sentence after a quotation of it."""
        return self.frame[quote.end - self.start :]

    @property
    def bare(self) -> bool:
        """A sentence of quotation only: no word of its own."""
        return bool(self.quotes) and _LETTER.search(self.frame) is None


class Paragraph(NamedTuple):
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quotation, ...]  # its outermost quotations


def frame(prose: str, start: int, end: int, quotes: Sequence[Quotation]) -> str:
    """The text from `start` to `end` with the words of `quotes`, its outermost quotations in
    order, blanked to FILL. Their marks stay, and so does the stop that ends a quotation, if one
    does: it may end the sentence too."""
    parts, last = [], start
    for quote in quotes:
        inner_end = quote.end - 1 if quote.closed else quote.end
        inner = prose[quote.start + 1 : inner_end]
        words = len(inner.rstrip().rstrip(".?!…"))
        parts += [prose[last : quote.start + 1], FILL * words, inner[words:]]
        last = inner_end
    parts.append(prose[last:end])
    return "".join(parts)


def read_paragraph(prose: str, start: int, end: int, quotes: Sequence[Quotation]) -> Paragraph:
    """A paragraph of `prose` as sentences; `quotes` are its outermost quotations, in order."""
    framed = frame(prose, start, end, quotes)
    sentences, begun, index = [], 0, 0
    for match in _BOUNDARY.finditer(framed):
        if not _ends_sentence(framed, match):
            continue
        sentences.append((begun, match.end()))
        begun = match.end()
    sentences.append((begun, len(framed)))
    read = []
    for first, after in sentences:
        mine = []
        while index < len(quotes) and quotes[index].start < start + after:
            mine.append(quotes[index])
            index += 1
        read.append(Sentence(start + first, start + after, framed[first:after], tuple(mine)))
    return Paragraph(start, end, tuple(read), tuple(quotes))


def _ends_sentence(frame: str, match: re.Match[str]) -> bool:
    stop = match[0].rstrip()
    if stop[-1] in _QUOTE_CLOSERS and "." not in stop:
        return False  # `“…!” CNE president Elvis Amoroso announced`: what follows is its tag
    following = frame[match.end()]
    if following in "\"“‘'([":
        following = frame[match.end() + 1 : match.end() + 2] or " "
    if not (following.isupper() or following.isdigit() or following == FILL):
        return False
    word = _WORD_BEFORE.search(frame[max(0, match.start() - 12) : match.start() + 1])
    if word is None:
        return True
    stem = word[1]
    if frame[match.start()] != ".":
        return True
    return not (stem.lower() in _ABBREVIATIONS or (len(stem) == 1 and stem.isupper()))
