"""Where the quotations of an article are: spans between quotation marks, never apostrophes.

Double quotes, curly or straight, always mark a quotation. Single quotes do where one opens at
the start of a word and a later one closes at the end of one (`‘more for the Palestinian
community’`); a mark inside a word, before a digit or with nothing open to close is an
apostrophe (`Starmer’s`, `don’t`, `’90s`, `the players’ union`), and a straight double mark
after a digit is inches (`5'10"`). A double quotation left open at the end of a paragraph is
kept, unclosed: news copy sets a quotation of several paragraphs so that each paragraph opens
it again and only the last one closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_MARKS = re.compile("[\"“”'‘’]")
_DOUBLE = frozenset('"“”')


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # the opening mark
    end: int  # just after the closing mark, or the end of the paragraph where it runs on
    double: bool
    closed: bool  # False: left open at the end of its paragraph
    depth: int  # how many quotations it stands inside


def find_quotations(prose: str, paragraphs: Iterable[tuple[int, int]]) -> list[Quotation]:
    """The quotations of each paragraph, given as (start, end) offsets, by opening mark."""
    found = [q for start, end in paragraphs for q in _in_paragraph(prose, start, end)]
    found.sort(key=lambda q: q.start)
    return found


def _in_paragraph(prose: str, start: int, end: int) -> Iterator[Quotation]:
    open_marks: list[tuple[int, bool]] = []  # (offset, double) of each quotation still open
    for match in _MARKS.finditer(prose, start, end):
        at, mark = match.start(), match[0]
        before = prose[at - 1] if at > start else " "
        after = prose[at + 1] if at + 1 < end else " "
        double = mark in _DOUBLE
        innermost = _innermost(open_marks, double)
        if _closes(mark, before, after, innermost is not None):
            assert innermost is not None
            opened, _ = open_marks[innermost]
            yield Quotation(opened, at + 1, double, True, innermost)
            del open_marks[innermost:]
        elif _opens(mark, before, after):
            open_marks.append((at, double))
    for depth, (opened, double) in enumerate(open_marks):
        if double:
            yield Quotation(opened, end, True, False, depth)


def _closes(mark: str, before: str, after: str, something_open: bool) -> bool:
    if not something_open or mark in "“‘":
        return False
    if mark == "”":
        return True
    if mark == '"':
        return not (before.isdigit() and not after.isalnum())  # 5'10" is not a quote mark
    return not after.isalnum()  # ’ or ' at the end of a word; inside one it is an apostrophe


def _opens(mark: str, before: str, after: str) -> bool:
    if mark in "“":
        return True
    if mark == '"':
        return not before.isdigit()
    # A single mark opens only at the start of a word: not `’90s`, not `don’t`.
    return mark in "‘'" and not before.isalnum() and after.isalpha()


def _innermost(open_marks: list[tuple[int, bool]], double: bool) -> int | None:
    for index in range(len(open_marks) - 1, -1, -1):
        if open_marks[index][1] == double:
            return index
    return None
