"""boilerplate: web-page chrome pasted in with the copy.

Chrome is recognised by its shape, not by a list of strings: a line that is not a sentence but a
label, made only of the vocabulary of a page's user interface (`Share this article`, `ON NOW`,
`Most Read`), a link label before a colon (`Read more: …`, where `Contact: …` heads a field of
a press release, and so does any label before an email address), or a line of a known form (a
"published/updated" timestamp, a picture credit, a language switcher, an agency separator).
Chrome also comes in blocks — a share bar, a topic list — where a label that alone would be a
word of copy (`Economy`) is chrome because of the block it stands in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings, house_pattern
from copylint.checks.chrome_layout import chrome_in_markdown
from copylint.finding import Applicability, Edit, Finding, Fix
from copylint.patterns import OrderedPatterns
from copylint.text.document import Document, Line

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?,;\"”’]$")
_LINE_END = re.compile(r"[.!?:;\"”’)]$")
# No label has words longer than this on average: a longer line is copy.
_LONGEST_WORD = 30
_LABEL_COLON = re.compile(r"^([^:]{1,40}):(?=\s|$)")
# A label and a colon before an email address, marked up or not: a contact's field, however
# much its label sounds like a page's (the address itself is blanked from the prose).
_ADDRESSED_FIELD = re.compile(
    r"[^:\n]{1,40}:[*_]*\s*[*_<\[]*(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII
)


# A line of chrome, and what it is.
Chrome = tuple[Line, str]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Boilerplate(Rule):
    """Flags whole lines of web chrome. The message may use `{text}` and `{what}` (the kind of
    chrome: a share prompt, navigation, a timestamp, …)."""

    vocabulary: Mapping[str, str]
    function_words: frozenset[str]
    line_kinds: tuple[str, ...]
    line_patterns: OrderedPatterns
    max_words: int
    block_label_words: int
    block_what: str
    field_labels: frozenset[str]

    KIND: ClassVar[str] = "boilerplate"
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "vocabulary": {
            "description": "Words of a web page's interface, grouped by what they are part of.",
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "function_words": {"type": "array", "items": {"type": "string"}},
        "lines": {
            "description": "Regexes for whole chrome lines, grouped by what they are.",
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "max_words": {"type": "integer", "minimum": 1},
        "block_label_words": {"type": "integer", "minimum": 1},
        "block": {"type": "string", "minLength": 1},
        "field_labels": {
            "description": "Words that before a colon head a field of the copy (Contact: …), not"
            " a link (Read more: …).",
            "type": "array",
            "items": {"type": "string"},
        },
    }
    REQUIRED: ClassVar[tuple[str, ...]] = ("vocabulary", "function_words")
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "what"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        vocabulary = {
            word.lower(): what for what, words in raw["vocabulary"].items() for word in words
        }
        lines = [
            (what, house_pattern("lines", pattern, settings, at=(what, index)))
            for what, group in raw.get("lines", {}).items()
            for index, pattern in enumerate(group)
        ]
        return {
            "vocabulary": vocabulary,
            "function_words": frozenset(word.lower() for word in raw["function_words"]),
            "line_kinds": tuple(what for what, _ in lines),
            "line_patterns": OrderedPatterns(tuple(pattern for _, pattern in lines)),
            "max_words": raw.get("max_words", 8),
            "block_label_words": raw.get("block_label_words", 5),
            "block_what": raw.get("block", "part of a block of page chrome"),
            "field_labels": frozenset(word.lower() for word in raw.get("field_labels", ())),
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        found = chrome_in_markdown(self, doc) if doc.is_markdown else self._chrome_in_plain(doc)
        for line, what in found:
            start, end = _stripped(doc.text, line)
            text = doc.text[start:end]
            # The fix deletes the line whole, its newline too (`copylint.fixes` takes the
            # blank line it leaves).
            whole = Edit(line.start, min(line.end + 1, len(doc.text)), "")
            fix = Fix(Applicability.SAFE, (whole,))
            yield self.finding(start, end, self.message.format(text=text, what=what), fix=fix)

    def _chrome_in_plain(self, doc: Document) -> Iterator[Chrome]:
        """The chrome in plain text, paragraph by paragraph, found as it is asked for."""
        prose, classify, body = doc.prose, self.classify, doc.body_start
        for block in doc.prose_blocks:
            if block.start < body:
                continue  # a published field of the front matter
            # A plain paragraph runs from its first character that is no space to its last
            # (`read_plain`): one of a line, as most are, is its line's label, and its line
            # is looked up only if it is chrome.
            label = prose[block.start : block.end]
            if "\n" not in label:  # it stands alone, and is no block
                what = classify(label)
                if what is not None and not self.is_field(doc, line := doc.lines_of(block)[0]):
                    yield line, what
            else:
                lines = doc.lines_of(block)
                yield from self.chrome_in(lines, [self.label(doc, line) for line in lines])

    def label(self, doc: Document, line: Line) -> str:
        """What a line says as a label: its prose, or nothing where it is a field."""
        if self.is_field(doc, line):
            return ""
        return doc.prose[line.start : line.end].strip()

    def is_field(self, doc: Document, line: Line) -> bool:
        """Whether a line is a contact's field, a label before an email address (`Email:
        office@…`). Read from the prose, which blanks the address, it would be a share button's
        word and a colon; it is copy, and no line of a block of chrome, so it gives no label."""
        text = doc.text
        return text.find(":", line.start, line.end) != -1 and bool(
            _ADDRESSED_FIELD.match(text[line.start : line.end].strip())
        )

    def chrome_in(
        self, lines: Sequence[Line], labels: Sequence[str], as_block: bool = False
    ) -> list[Chrome]:
        """The chrome among some lines that go together (a paragraph, a list). In a block of
        label lines every line is chrome once one is: a share bar, a topic list."""
        if len(labels) == 1:  # as most paragraphs are: it stands alone, and is no block
            what = self.classify(labels[0])
            return [] if what is None else [(lines[0], what)]
        found = {
            index: what
            for index, label in enumerate(labels)
            if self._stands_alone(labels, index) and (what := self.classify(label)) is not None
        }
        as_block = as_block or (len(lines) > 1 and all(map(self.is_block_label, labels)))
        if found and as_block:
            found = {index: found.get(index, self.block_what) for index in range(len(labels))}
        return [(lines[index], what) for index, what in sorted(found.items())]

    def classify(self, label: str) -> str | None:
        """What kind of chrome a line is, or None for a line of copy."""
        known = self.line_patterns.first(label)
        if known is not None:
            return self.line_kinds[known]
        if label[:1] == "[" and label[-1:] == "]":
            return None  # an editor's square brackets: a placeholder or an insertion
        colon = _LABEL_COLON.match(label)
        if colon and self._heads_a_field(colon[1]):
            return None  # a field of the copy, its value after the colon or on the next lines
        what = self._interface_words(label, limit=self.max_words)
        if what is not None:
            return what
        if colon and _few_words(label, self.max_words * 2):
            return self._interface_words(colon[1], limit=3, lead=True)
        return None

    def _heads_a_field(self, label: str) -> bool:
        """Whether a label before a colon names a field of the copy (`Media contact: …`), not a
        link: one of its words is a word of `field_labels`."""
        words = self.field_labels
        return bool(words) and any(
            not words.isdisjoint(_base_forms(match[0].lower())) for match in _WORD.finditer(label)
        )

    def _interface_words(self, label: str, limit: int, lead: bool = False) -> str | None:
        """The commonest kind of interface word in `label` if it has `limit` words or fewer and
        every word in it that is not a function word belongs to the interface (and, with
        `lead`, the first word does too); None otherwise."""
        if _too_long(label, limit):
            return None
        kinds = []
        # Word by word, to stop at the first that is no word of the interface: in a line of copy
        # that is most often its first or second.
        for count, match in enumerate(_WORD.finditer(label)):
            if count == limit:
                return None  # a word too many for a label
            word = match[0].lower()
            if word in self.function_words:
                if lead and count == 0:
                    return None
                continue
            what = self._vocabulary_kind(word)
            if what is None:
                return None
            kinds.append(what)
        return Counter(kinds).most_common(1)[0][0] if kinds else None

    def _vocabulary_kind(self, word: str) -> str | None:
        for form in _base_forms(word):
            what = self.vocabulary.get(form)
            if what is not None:
                return what
        return None

    def _stands_alone(self, labels: Sequence[str], index: int) -> bool:
        """Whether a line is a line of its own, not part of a sentence wrapped over several
        lines (as in hard-wrapped Markdown): the line before it ends, and it does not run on."""
        before_ends = index == 0 or self._ends_a_line(labels[index - 1])
        runs_on = (
            index + 1 < len(labels)
            and not self._ends_a_line(labels[index])
            and labels[index + 1][:1].islower()
        )
        return before_ends and not runs_on

    def _ends_a_line(self, label: str) -> bool:
        return bool(_LINE_END.search(label)) or _few_words(label, self.block_label_words)

    def is_block_label(self, label: str) -> bool:
        """A line a share bar or a topic list is made of: a few capitalised words, no sentence."""
        return (
            label[:1].isupper()
            and _few_words(label, self.block_label_words)
            and _WORD.search(label) is not None
            and not _SENTENCE_END.search(label)
        )


def _few_words(label: str, limit: int) -> bool:
    """Whether `label` has `limit` words or fewer."""
    return not _too_long(label, limit) and len(_WORD.findall(label)) <= limit


def _too_long(label: str, limit: int) -> bool:
    """Whether `label` is longer than a label of `limit` words. A line of copy is long, and a
    length no label of that many words reaches says so before its words are split."""
    return len(label) > _LONGEST_WORD * limit


def _base_forms(word: str) -> Iterator[str]:
    """The word and the stems its common inflections leave (stories → story, watched → watch)."""
    word = word.removesuffix("’s").removesuffix("'s")
    yield word
    if word.endswith(("ies", "ied")):
        yield word[:-3] + "y"
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)]


def _stripped(text: str, line: Line) -> tuple[int, int]:
    """The line without its leading and trailing white space: the span a finding covers."""
    content = text[line.start : line.end]
    start = line.start + len(content) - len(content.lstrip())
    return start, line.start + len(content.rstrip())
