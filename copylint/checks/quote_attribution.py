"""quote-attribution: quotations that no one in the text is said to have said.

A quotation of a speaker is attributed when
- its own sentence names the speaker: a speech verb outside it (`“…,” the former Conservative MP
  said`; `according to`, `in a statement`), a colon before it (`Biden said: “…”`), a tag after
  it (`“…,” one governor relayed to aides`; `“Why?” Smith asked`) or a headline's colon
  (`‘…’: Biden`);
- words of its own paragraph come before it: the paragraph has told of someone, or quoted them.
  BBC copy names a speaker and quotes them in the next sentence with no speech verb
  (`Campbell signalled his intent to move abroad. "I'm 30 now…"`);
- the next sentence of its paragraph that is not a quotation speaks, or is a short tag;
- it continues someone's words: the paragraph before speaks, quotes someone, ends with an
  introduction (`He told the BBC:`) or leaves its quotation open (each paragraph of a long
  quotation opens, only the last closes); or the paragraph after opens with a quotation whose
  speaker it names (`“…,” he added.`).

A speech verb that a negation takes back (`declined to comment`) names no one. A subhead starts a
section: it passes on no speaker, so the quotation after it must name its own, though a line of
web chrome pasted in does not break off a quotation left open. A headline's or a subhead's own
quotation is for the story beneath it to attribute.

Only a quotation of a speaker is a candidate: in the house's quotation marks, a clause of several
words that starts with a capital or a digit, or one that is most of its paragraph. A quotation a
word takes (`described the talks as “productive”`, `emphasised “deep concern”`, `NATO’s “direct
participation”`), a scare quote or a short term (`a “red line”`) and a title in title case
(`“The Return of the King”`) are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from copylint.checks.base import OptionError, Rule, Settings, compile_pattern
from copylint.checks.quote_layout import QuoteLayout
from copylint.finding import Finding
from copylint.language.attribution import Paragraph, Sentence, frame, read_paragraph
from copylint.text.document import Document
from copylint.text.quotations import Quotation

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_OPENING = "\"“‘'"
_CLOSING = "\"”’')]"
# A negation in the clause before a speech verb: no one spoke.
_NEGATED = re.compile(
    r"(?:(?<!\w)(?:not|never|neither|nor|no|declined\s+to|refused\s+to)|n[’']t)(?!\w)[^,.;:]*\Z"
)
_SENTENCE_END = re.compile(r"[.?!:;…][\"”’')\]]*\Z")
_HEADING_WORDS = 12
_HEADING_CHARACTERS = 150
_HEADLINE_WORDS = 25
_LABELS_SKIPPED = 5
# Words a title leaves in lower case: `The Making of Purple Rain`.
_SMALL_WORDS = (
    "a an the and or but nor of in on at to for by from with as into onto over than via vs "
    "de la le du von van"
)
_MINOR = frozenset(_SMALL_WORDS.split())
_TITLE_WORDS = 20
_PUNCTUATION = "\"“”‘’'()[],.:;!?…—–-"


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class QuoteAttribution(Rule):
    """Flags a quotation of a speaker with no speaker named for it in its sentence, its
    paragraph, or the paragraph before or after. The message may use `{text}`."""

    speech: re.Pattern[str]
    min_words: int
    people: frozenset[str] = frozenset()

    KIND: ClassVar[str] = "quote-attribution"
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "speech_verbs": {
            "description": "Words and phrases that say someone spoke: said, told, according to.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "minItems": 1,
        },
        "min_words": {
            "description": "The fewest words a quotation of a speaker has.",
            "type": "integer",
            "minimum": 1,
        },
        "people": {
            "description": "Words for people (users, participants): a paragraph that names them "
            "introduces the quotation set apart after it.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
        },
    }
    REQUIRED: ClassVar[tuple[str, ...]] = ("speech_verbs",)

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        words = [" ".join(word.lower().split()) for word in raw["speech_verbs"]]
        for index, word in enumerate(words):
            if not word:
                raise OptionError("speech_verbs", "a speech verb is empty", (index,))
        return {
            "speech": compile_pattern("speech_verbs", _alternation(words)),
            "min_words": raw.get("min_words", 4),
            "people": frozenset(word.lower() for word in raw.get("people", ())),
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.quotations:
            return
        reading = _Reading(doc, self)
        for index in reading.with_quotations:
            for quote in reading.quotes[index]:
                # The cheap tests first: most quotations are introduced or tagged, and the
                # headline test is asked only of the few that are not.
                if (
                    not reading.introduced_or_tagged(index, quote)
                    and reading.of_a_speaker(index, quote)
                    # a headline's or subhead's quotation: the story beneath says whose
                    and not reading.is_headline(index)
                    and not reading.said(index, quote)
                    and not reading.layout.attributes(index, quote, reading.inner(quote))
                ):
                    start, end = _on_its_line(doc, quote)
                    yield self.finding(start, end, self.message.format(text=doc.text[start:end]))


class _Reading:
    """The paragraphs of one document, read as they are needed, and what each says."""

    def __init__(self, doc: Document, rule: QuoteAttribution) -> None:
        self.doc, self.prose, self.rule = doc, doc.prose, rule
        self.spans = doc.paragraph_spans
        outermost = [q for q in doc.quotations if q.depth == 0]
        # The house's marks for quotations, those that hold most of its quoted text: where copy
        # quotes in double marks, single ones are a headline's (`US 'to raise TV fines'`) or a
        # scare quote's; where it quotes in single marks, double ones are scare quotes.
        quoted = [0, 0]
        for quote in outermost:
            quoted[quote.double] += quote.end - quote.start
        self.marks_double = quoted[True] >= quoted[False]
        self.quotes: list[list[Quotation]] = [[] for _ in self.spans]
        at = 0
        for index, (start, end) in enumerate(self.spans):
            while at < len(outermost) and outermost[at].start < end:
                if outermost[at].start >= start:
                    self.quotes[index].append(outermost[at])
                at += 1
        self.with_quotations = [index for index, quotes in enumerate(self.quotes) if quotes]
        self._read: dict[int, Paragraph] = {}
        self.layout = QuoteLayout(doc, rule.people)
        self._speaks: dict[int, bool] = {}
        self._lengths: dict[int, int] = {}

    @cached_property
    def pictured(self) -> list[tuple[int, int]]:
        """The alt text of each picture, which describes it: what it quotes, no one said."""
        return [span for block in self.doc.prose_blocks for span in block.images]

    def paragraph(self, index: int) -> Paragraph:
        if index not in self._read:
            start, end = self.spans[index]
            self._read[index] = read_paragraph(self.prose, start, end, self.quotes[index])
        return self._read[index]

    def inner(self, quote: Quotation) -> str:
        return self.prose[quote.start + 1 : quote.end - 1 if quote.closed else quote.end]

    def _before(self, index: int, quote: Quotation) -> str:
        """The last few characters of its paragraph before a quotation, without white space."""
        return self.prose[max(self.spans[index][0], quote.start - 8) : quote.start].rstrip()

    def of_a_speaker(self, index: int, quote: Quotation) -> bool:
        """Whether a quotation is someone's words: a clause in the house's marks, standing
        alone, not a title."""
        if quote.double != self.marks_double:
            return False
        if any(start <= quote.start < end for start, end in self.pictured):
            return False
        if self._before(index, quote)[-1:].isalnum():
            return False  # taken by the word before it: `described as “productive”`
        inner = self.inner(quote)
        first = _ALNUM.search(inner)
        if first is None:
            return False
        lower = not (first[0].isupper() or first[0].isdigit())
        if lower and len(inner.strip()) < 0.8 * self._length(index):
            return False  # a partial quotation, which its sentence takes
        words = inner.split()
        return len(words) >= self.rule.min_words and not _is_title(words)

    def _length(self, index: int) -> int:
        """Paragraph `index`'s length without the white space at its ends, measured once: a
        paragraph of 100,000 quotations asks for each."""
        if index not in self._lengths:
            start, end = self.spans[index]
            self._lengths[index] = len(self.prose[start:end].strip())
        return self._lengths[index]

    def introduced_or_tagged(self, index: int, quote: Quotation) -> bool:
        """The commonest attributions, read straight from the text around a quotation: a colon
        before it (`Biden said: “…”`), or a tag that goes on with its sentence (`“…,” he said`,
        `“Why?” she asked`)."""
        if self._before(index, quote).endswith(":"):
            return True
        if not quote.closed:
            return False
        end = self.spans[index][1]
        rest = self.prose[quote.end : min(end, quote.end + 8)].lstrip()
        if not rest[:1].isalpha():
            return False
        stop = self.inner(quote).rstrip()[-1:]
        return stop not in ".…" or rest[0].islower()

    def speaks(self, sentence: Sentence) -> bool:
        """Whether a sentence says, in its own words, that someone spoke: a speech verb that no
        negation takes back (`declined to comment`, `has not responded`)."""
        known = self._speaks.get(sentence.start)
        if known is None:
            known = self._speaks[sentence.start] = self._speaks_in(sentence.frame)
        return known

    def _speaks_in(self, text: str) -> bool:
        text = text.lower()
        return any(
            not _NEGATED.search(text, max(0, verb.start() - 40), verb.start())
            for verb in self.rule.speech.finditer(text)
        )

    def said(self, index: int, quote: Quotation) -> bool:
        """Whether the text says who said a quotation of paragraph `index`."""
        start, end = self.spans[index]
        quotes = self.quotes[index]
        earlier = [q for q in quotes if q.end <= quote.start]
        if _LETTER.search(frame(self.prose, start, quote.start, earlier)):
            return True  # its paragraph has told of someone before it
        if any(self._is_words(q) for q in earlier):
            return True  # or quoted them
        later: Sequence[Sentence] = ()
        if _LETTER.search(frame(self.prose, quote.end, end, quotes[len(earlier) + 1 :])):
            paragraph = self.paragraph(index)  # words after it: read its sentences
            position = next(i for i, s in enumerate(paragraph.sentences) if quote in s.quotes)
            if self._names_in(paragraph.sentences[position], quote):
                return True
            later = paragraph.sentences[position + 1 :]
        if self._named_after(index, later):
            return True
        previous = self.layout.before(index)
        if previous < 0:
            return False
        # An item of a list is no subhead, however short: a quotation listed under another is
        # voiced as that one is (`- “…”` twice under `The portal includes notes:`).
        if self.layout.is_list_item(previous) or not self._is_heading(previous):
            if self._voices(previous):
                return True
            if self._finished(previous):
                return False
        # Lines that end no sentence stand between: a subhead, which starts a section that
        # names its own speakers, so that only a quotation left open runs on past it; or web
        # chrome pasted in (`Share this article`) and pictures' captions, which the copy reads
        # on past as if they were not there.
        before, subhead = previous, False
        while before > 0 and index - before <= _LABELS_SKIPPED and self._interrupts(before):
            subhead = subhead or self._is_heading(before)
            before -= 1
        if self._interrupts(before):
            return False
        return self._runs_on(before) or (not subhead and self._voices(before))

    def _finished(self, index: int) -> bool:
        """Whether a paragraph ends a sentence, as copy does."""
        start, end = self.spans[index]
        return _SENTENCE_END.search(self.prose[max(start, end - 8) : end].rstrip()) is not None

    def _interrupts(self, index: int) -> bool:
        """A subhead, a label, a caption or a line of chrome: what a quotation runs on past."""
        return self._is_heading(index) or not (self._finished(index) or self._runs_on(index))

    def _names_in(self, sentence: Sentence, quote: Quotation) -> bool:
        """Whether a quotation's sentence, from the quotation on, names its speaker: a tag after
        it (`“…,” one governor relayed to aides`), a headline's colon (`‘…’: Biden`) or a speech
        verb. (Nothing stands before it: words there attribute it already.)"""
        after = sentence.after(quote)
        if after.lstrip(" ,").startswith(":") or _LETTER.search(after):
            return True
        return self.speaks(sentence)

    def _voices(self, index: int) -> bool:
        """Whether a paragraph leaves a speaker for the quotation after it: it speaks, quotes
        someone, ends with an introduction or runs its quotation on."""
        quotes = self.quotes[index]
        if self._runs_on(index) or any(self._is_words(q) for q in quotes):
            return True
        start, end = self.spans[index]
        text = frame(self.prose, start, end, quotes).rstrip()
        return text.endswith(":") or self._speaks_in(text)

    def _runs_on(self, index: int) -> bool:
        """Whether a paragraph ends in a quotation it leaves open for the next to continue."""
        quotes = self.quotes[index]
        return bool(quotes) and not quotes[-1].closed and quotes[-1].end == self.spans[index][1]

    def _named_after(self, index: int, later: Sequence[Sentence]) -> bool:
        """Whether the words after a quotation, up to the first sentence of their own, name its
        speaker: a tag in its paragraph (`“Why?” Smith asked.`), or a quotation opening the next
        paragraph (`“…,” he added.`)."""
        while True:
            for sentence in later:
                if not sentence.bare:
                    if sentence.quotes and sentence.frame.lstrip()[:1] in _OPENING:
                        return any(self._names_in(sentence, q) for q in sentence.quotes[:1])
                    return self.speaks(sentence) or len(_WORD.findall(sentence.frame)) <= 4
            index += 1
            if index >= len(self.spans) or not self.quotes[index]:
                return False
            start = self.spans[index][0]
            if self.quotes[index][0].start != start + _indent(self.prose, start):
                return False  # the next paragraph does not open with a quotation
            later = self.paragraph(index).sentences

    def _is_words(self, quote: Quotation) -> bool:
        """A quotation of someone's words in the house's marks, rather than a term, a headline's
        quotation or a title: three words or more, not in title case."""
        if quote.double != self.marks_double:
            return False
        words = self.inner(quote).split()
        return len(words) >= 3 and not _is_title(words)

    def is_headline(self, index: int) -> bool:
        """The article's first line, if it is short, or a subhead: a short line that ends with
        a word (`“Nobody wanted this”`, not `“Nobody wanted this,”`)."""
        if self.layout.is_heading(index):
            return True
        start, end = self.spans[index]
        if index == 0 and "\n" not in self.prose[start:end].strip():
            return (
                end - start < 300 and len(_WORD.findall(self.prose[start:end])) <= _HEADLINE_WORDS
            )
        text = self.prose[start:end].rstrip().rstrip(_CLOSING)
        return self._is_heading(index) and text[-1:].isalnum()

    def _is_heading(self, index: int) -> bool:
        """A headline, a subhead or a label: one short line that does not end a sentence."""
        if self.layout.is_heading(index):
            return True
        start, end = self.spans[index]
        if end - start > _HEADING_CHARACTERS:
            return False
        text = self.prose[start:end].strip()
        return (
            "\n" not in text
            and _SENTENCE_END.search(text[-4:]) is None
            and len(_WORD.findall(text)) <= _HEADING_WORDS
        )


def _alternation(words: Sequence[str]) -> str:
    """A regex for any of some lower-case words and phrases, whole, grouped by first letter:
    Python's regex engine then rejects a position at once, not word by word."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
    groups = [f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()]
    return rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)"


def _is_title(words: Sequence[str]) -> bool:
    """Title case: every word but the small ones capitalised (`Let’s Go Crazy: The Making of…`).
    `words` are split at white space; a title is a few words, so a long quotation is none."""
    if not 2 <= len(words) <= _TITLE_WORDS:
        return False
    for word in words:
        first = _ALNUM.search(word)
        lower = first is not None and not (first[0].isupper() or first[0].isdigit())
        if lower and word.strip(_PUNCTUATION).lower() not in _MINOR:
            return False
    return True


def _indent(text: str, start: int) -> int:
    """How much white space stands at `start`."""
    return len(text[start : start + 16]) - len(text[start : start + 16].lstrip())


def _on_its_line(doc: Document, quote: Quotation) -> tuple[int, int]:
    """The quotation from its opening mark to its closing mark, or to where it runs on, cut at
    the end of the line it opens on."""
    line, _ = doc.position(quote.start)
    line_end = doc.line_starts[line] - 1 if line < len(doc.line_starts) else len(doc.text)
    end = min(quote.end, line_end)
    while end > quote.start + 1 and doc.text[end - 1].isspace():
        end -= 1
    return quote.start, end
