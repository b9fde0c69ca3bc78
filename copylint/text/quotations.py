"""Where the quotations of an article are: spans between quotation marks, never apostrophes.

Double quotes, curly or straight, always mark a quotation. Whether a double mark opens or closes
is read from the characters around it, as CommonMark reads emphasis: a mark with white space (or
an opening bracket or dash) before it and a character after it opens; one with a character before
it and white space or punctuation after it closes, whichever way it is drawn. A mark that is
neither, or both, closes what is open; with nothing open it opens, unless white space follows it.
So a typo that sets `“` where `”` is meant (`…tickets,“ officials said`) still closes, and a mark
that closes nothing (`" he said`, left by an edit) is ignored rather than opening a quotation
that runs to the end of its paragraph.

A double quotation left open at the end of a paragraph is kept, unclosed: news copy sets a
quotation of several paragraphs so that each paragraph opens it again and only the last one
closes it. Copy that joins such paragraphs on one line (`…26 weeks. "We are going…`) shows the
same thing inside a line: a mark that opens after the end of a sentence while a quotation is
still open starts the next paragraph's quotation, and the open one ends there, unclosed.

Single quotes mark a quotation where one opens at the start of a word and a later one closes at
the end of one (`‘more for the Palestinian community’`); a mark inside a word, before a digit or
with nothing open to close is an apostrophe (`Starmer’s`, `don’t`, `’90s`, `the players’
union`), and a straight double mark after a digit is inches (`5'10"`). British copy runs a
long quotation on in single marks as in double ones, each paragraph opening it again: a single
mark left open at the end of its paragraph is kept, unclosed, where the paragraph opens with it
or the next paragraph of copy opens with one (a caption or a line of chrome between them, which
ends no sentence, is passed over). Anywhere else it may be an apostrophe (`'em`) and is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import attrgetter
from typing import NamedTuple

_DOUBLE = frozenset('"“”')
_MARK_CHARACTERS = "\"“”'‘’"
# What may stand just before an opening mark, besides white space.
_BEFORE_OPENING = frozenset("([{—–-/")
# What a quotation never opens with: a bracket that closes (`{" "}`, a spacer in MDX's markup).
_NOT_OPENING = frozenset(")]}")
# What ends a sentence, so that a mark opening after it (and white space) starts a new paragraph
# of a quotation run on from the one before.
_SENTENCE_END = frozenset(".?!…")
_CLOSING_MARKS = "\"”'’)]"
_CLOSERS = frozenset(_CLOSING_MARKS)
# A paragraph that opens with a single mark before a letter: the next paragraph of a quotation
# in single marks, run on from the one before.
_SINGLE_OPENING = re.compile(r"\s*[‘'][^\W\d_]")
_INTERRUPTIONS = 3


class Quotation(NamedTuple):
    start: int  # the opening mark
    end: int  # just after the closing mark, or where it runs on: its paragraph's end, or the
    # next quotation's opening mark in copy that joins paragraphs on one line
    double: bool
    closed: bool  # False: left open at the end of its paragraph
    depth: int  # how many quotations it stands inside


def find_quotations(prose: str, paragraphs: Iterable[tuple[int, int]]) -> list[Quotation]:
    """The quotations of each paragraph, given as (start, end) offsets in order, by opening
    mark."""
    marks = _marks(prose)
    found: list[Quotation] = []
    first = 0
    spans = list(paragraphs)
    for index, (start, end) in enumerate(spans):
        if first == len(marks):
            break
        while first < len(marks) and marks[first] < start:
            first += 1
        last = first
        while last < len(marks) and marks[last] < end:
            last += 1
        if last > first:
            reopened = _reopened(prose, spans, index + 1)
            found += _in_paragraph(prose, start, end, marks[first:last], reopened)
        first = last
    found.sort(key=attrgetter("start"))
    return found


def _reopened(prose: str, spans: list[tuple[int, int]], after: int) -> bool:
    """Whether the next paragraph of copy, from `spans[after]` on, opens with a single mark
    that opens a quotation. Paragraphs that end no sentence are passed over: a picture's
    caption or a line of web chrome pasted between the paragraphs of a long quotation."""
    for start, end in spans[after : after + _INTERRUPTIONS + 1]:
        if _SINGLE_OPENING.match(prose, start):
            return True
        if _ends_sentence(prose, start, end):
            return False
    return False


def _ends_sentence(prose: str, start: int, end: int) -> bool:
    ending = prose[max(start, end - 8) : end].rstrip().rstrip(_CLOSING_MARKS)
    return ending[-1:] in _SENTENCE_END


def _marks(prose: str) -> list[int]:
    """Where the quotation marks stand, in order: every double mark, and a single one only at
    the edge of a word, since one inside a word (`don’t`, `Starmer’s`) is an apostrophe and
    neither opens nor closes anything. Each mark is sought with `str.find`, at memory-search
    speed: a regex tests every character against the six marks, and takes twice as long."""
    found = []
    for mark in _MARK_CHARACTERS:
        at = prose.find(mark)
        while at != -1:
            if mark in _DOUBLE or not _inside_word(prose, at):
                found.append(at)
            at = prose.find(mark, at + 1)
    found.sort()
    return found


def _inside_word(prose: str, at: int) -> bool:
    """Whether a word character (a regex's `\\w`) stands on each side of `at`."""
    before, after = prose[at - 1 : at], prose[at + 1 : at + 2]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")


def _in_paragraph(
    prose: str, start: int, end: int, marks: list[int], reopened: bool
) -> list[Quotation]:
    """The paragraph's quotations. A quotation in single marks left open at its end is one
    run on, not an apostrophe, where the paragraph opens with it or the next paragraph opens
    with a single mark (`reopened`), as each paragraph of a quotation run on does."""
    found: list[Quotation] = []
    open_marks: list[tuple[int, bool]] = []  # (offset, double) of each quotation still open
    for at in marks:
        mark = prose[at]
        before = prose[at - 1] if at > start else " "
        after = prose[at + 1] if at + 1 < end else " "
        if mark in _DOUBLE:
            quotation = _double(prose, start, at, mark, before, after, open_marks)
            if quotation is not None:
                found.append(quotation)
            continue
        innermost = _innermost(open_marks, False)
        if innermost is not None and mark in "’'" and not after.isalnum():
            # ’ or ' at the end of a word; inside one it is an apostrophe
            opened, _ = open_marks[innermost]
            found.append(Quotation(opened, at + 1, False, True, innermost))
            del open_marks[innermost:]
        elif mark in "‘'" and not before.isalnum() and after.isalpha():
            # A single mark opens only at the start of a word: not `’90s`, not `don’t`.
            open_marks.append((at, False))
    for depth, (opened, double) in enumerate(open_marks):
        if double or (depth == 0 and (reopened or not prose[start:opened].strip())):
            found.append(Quotation(opened, end, double, False, depth))
    return found


def _double(
    prose: str,
    start: int,
    at: int,
    mark: str,
    before: str,
    after: str,
    open_marks: list[tuple[int, bool]],
) -> Quotation | None:
    """Reads one double mark: updates `open_marks`, returns the quotation it closes or ends."""
    innermost = _innermost(open_marks, True)
    if mark == '"' and before.isdigit() and not after.isalnum() and innermost is None:
        return None  # 5'10": inches, not a quote mark (`the form "R85",` closes a quotation)
    left = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    right = not before.isspace() and (after.isspace() or not after.isalnum())
    # A mark of neither shape, or of both, closes what is open; with nothing open it opens,
    # unless white space follows it (a mark left by an edit: `" he said`).
    ambiguous = innermost is None and (mark == "“" or not after.isspace())
    opens = (left if left != right else ambiguous) and after not in _NOT_OPENING
    ended = None
    if not opens:
        if innermost is not None:
            opened, _ = open_marks[innermost]
            ended = Quotation(opened, at + 1, True, True, innermost)
            del open_marks[innermost:]
        return ended
    run_on = _sentence_end_before(prose, start, at) if innermost is not None else None
    if innermost is not None and run_on is not None:
        # The next paragraph of a quotation run on: the open one ends with the sentence before.
        opened, _ = open_marks[innermost]
        ended = Quotation(opened, run_on, True, False, innermost)
        del open_marks[innermost:]
    open_marks.append((at, True))
    return ended


def _sentence_end_before(prose: str, start: int, at: int) -> int | None:
    """Where a sentence ends, if one does just before `at` and the white space before it."""
    index = at - 1
    if index < start or not prose[index].isspace():
        return None
    while index >= start and prose[index].isspace():
        index -= 1
    end = index + 1
    while index >= start and prose[index] in _CLOSERS:
        index -= 1
    return end if index >= start and prose[index] in _SENTENCE_END else None


def _innermost(open_marks: list[tuple[int, bool]], double: bool) -> int | None:
    for index in range(len(open_marks) - 1, -1, -1):
        if open_marks[index][1] == double:
            return index
    return None
