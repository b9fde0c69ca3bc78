"""Where an article's layout names a quotation's speaker, beyond its sentences.

- A quotation set apart in a block quotation is a display: the copy around it introduces it.
  It is attributed when the paragraph before or after it names people, by name, by a word for
  people (`users`, `participants`, `hiring staff`: a list a house extends) or by a pronoun, as
  user-research write-ups quote participants under each finding.
- A credit line after it (`— Jane Doe`, `-President X, tweeting after the speech`) names its
  speaker; so does a label inside the marks (`"HOST: …"`).
- In a Q&A, a question (a heading or a line that ends in `?`) is answered by the quotation after
  it, whose speaker the interview names. So is a question put in a paragraph of its own (`Was
  she a fan before she joined the show?`) where the article answers two or more such questions
  with a quotation: an interview written up, not an explainer under questions for subheads.
- A paragraph that is only a link to a source (an event's title, linked) attributes the blurb
  quoted under it.
- A pull quote repeats words that the article has already printed elsewhere.
- A list that a lead-in introduces (`Users told us they need:`) is part of that lead-in's
  sentence: the paragraph before a block quotation after such a list is the lead-in.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from copylint.text.blocks import Block, Role
from copylint.text.document import Document
from copylint.text.quotations import Quotation

_CREDIT = re.compile(r"[—–―~-]+\s*[A-Z][^\n]{0,120}\Z")
_LABEL_INSIDE = re.compile(r"[A-Z][A-Z .'-]{0,30}:\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PRONOUNS = frozenset(["i", "we", "he", "she", "they", "you"])
# Two capitalised words in a row, or an acronym: a person's name or a body's.
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[’'-][A-Za-z]+)?\s+[A-Z][a-z]+|[A-Z]{2,5}\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…][\"”’')\]]*\s+)\Z")
_REPEAT_WORDS = 4
_CREDIT_WORDS = 8
# A line set wholly in bold or italics: `**Interviewer: What brought you here?**`.
_EMPHASISED = re.compile(r"(\*\*|__|\*|_)(?!\s)[^\n]*(?<!\s)\1\Z")
_QUESTION_WORDS = 30
_ASKED_AND_ANSWERED = 2
_OPENING_MARKS = "\"“‘'"


@dataclass(frozen=True, eq=False, repr=False)
class QuoteLayout:
    doc: Document
    people: frozenset[str]

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return self.doc.prose_blocks

    def is_heading(self, index: int) -> bool:
        return self.blocks[index].role is Role.HEADING

    def is_list_item(self, index: int) -> bool:
        return self.blocks[index].role is Role.LIST_ITEM

    def before(self, index: int) -> int:
        """The paragraph that stands before paragraph `index` in the flow of the copy: the one
        before it or, for a quotation set apart, the lead-in of a list just before it."""
        previous = index - 1
        if previous < 0 or self.blocks[previous].role is not Role.LIST_ITEM:
            return previous
        if not self.blocks[index].quoted or self.blocks[index].role is Role.LIST_ITEM:
            return previous
        group = self.blocks[previous].group
        while previous >= 0 and self.blocks[previous].group == group:
            previous -= 1
        if previous >= 0 and self._text(previous).rstrip().endswith(":"):
            return previous
        return index - 1

    def attributes(self, index: int, quote: Quotation, inner: str) -> bool:
        """Whether the layout around paragraph `index` names the speaker of `quote`."""
        if _LABEL_INSIDE.match(inner.lstrip()):
            return True
        if self._credited(index) or self._answers(index) or self._blurb_of_a_link(index):
            return True
        if self.blocks[index].quoted and self._people_around(index):
            return True
        return self._repeated(quote, inner)

    def _text(self, index: int) -> str:
        block = self.blocks[index]
        return self.doc.prose[block.start : block.end]

    def _credited(self, index: int) -> bool:
        """A credit line after the quotation's paragraph, a line of its own: `— Jane Doe`."""
        after = index + 1
        if after >= len(self.blocks):
            return False
        block = self.blocks[after]
        raw = self.doc.text[block.start : block.end]
        if block.role is Role.LIST_ITEM:
            # `- Jane Doe` is a list of one item to Markdown, and a list of more is no credit.
            alone = after + 1 >= len(self.blocks) or self.blocks[after + 1].group != block.group
            if block.group == self.blocks[index].group or not alone:
                return False
            raw = "-" + raw
        return (
            "\n" not in raw
            and len(_WORD.findall(raw)) <= _CREDIT_WORDS
            and _CREDIT.match(raw.strip()) is not None
        )

    def _answers(self, index: int) -> bool:
        """The heading before is a question, or a line set in bold as one: in a Q&A, the
        interviewer's, whose answer this is."""
        previous = self.before(index)
        if previous < 0:
            return False
        block = self.blocks[previous]
        lines = self.doc.lines_of(block)
        raw = self.doc.text[lines[0].start : lines[-1].end].strip()
        set_apart = block.role is Role.HEADING or _EMPHASISED.match(raw) is not None
        if set_apart and self._text(previous).rstrip(" *_\"”’'").endswith("?"):
            return True
        return previous in self._answered and len(self._answered) >= _ASKED_AND_ANSWERED

    @cached_property
    def _answered(self) -> frozenset[int]:
        """The paragraphs that are a question alone, in no quotation marks, with a paragraph
        opening with a quotation after them: an interviewer's questions and their answers."""
        prose = self.doc.prose
        return frozenset(
            index
            for index, block in enumerate(self.blocks[:-1])
            if prose[block.end - 1] == "?"  # read first: a long text has 100,000 paragraphs
            and self._is_a_question(index)
            and self._text(index + 1).lstrip()[:1] in _OPENING_MARKS
        )

    def _is_a_question(self, index: int) -> bool:
        """A short paragraph that `_answered` has seen end in `?`, with no quotation in it."""
        block = self.blocks[index]
        if len(_WORD.findall(self._text(index))) > _QUESTION_WORDS:
            return False
        starts = self._quotation_starts
        return bisect.bisect_left(starts, block.start) == bisect.bisect_left(starts, block.end)

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [quote.start for quote in self.doc.quotations]

    def _blurb_of_a_link(self, index: int) -> bool:
        """The paragraph before is a title that is all link: the source quoted under it."""
        previous = self.before(index)
        if previous < 0 or not self.blocks[previous].links:
            return False
        block = self.blocks[previous]
        linked = "".join(self.doc.prose[link.start : link.end] for link in block.links)
        return "".join(linked.split()) == "".join(self._text(previous).split())

    def _people_around(self, index: int) -> bool:
        """Whether the paragraph before or after a block quotation names people."""
        neighbours = [self.before(index), index + 1]
        return any(
            0 <= at < len(self.blocks) and not self.blocks[at].quoted and self._names_people(at)
            for at in neighbours
        )

    def _names_people(self, index: int) -> bool:
        """A pronoun or a word for people, or a name that does not open a sentence: two
        capitalised words in a row (`Jo Bloggs`; a month alone is no one) or an acronym."""
        text = self._text(index)
        if any(
            word.lower() in _PRONOUNS or word.lower() in self.people for word in _WORD.findall(text)
        ):
            return True
        return any(
            not _SENTENCE_START.search(text[: name.start()]) for name in _NAME.finditer(text)
        )

    def _repeated(self, quote: Quotation, inner: str) -> bool:
        """A pull quote: its words stand elsewhere in the article too, however wrapped."""
        words = inner.split()
        if len(words) < _REPEAT_WORDS:
            return False
        # Sought where they stand: a copy of the prose on one line would double the memory
        # a 10 MB article takes.
        words_in_order = re.compile(r"\s+".join(map(re.escape, words)))
        return len(list(islice(words_in_order.finditer(self.doc.prose), 2))) > 1
