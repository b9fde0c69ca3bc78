"""A regular expression's source read without compiling it: its pieces, whether it is
alternatives at the top, and the text every match of it opens with; and a pattern compiled
only when it is first used (`compiled_when_used`).

Python compiles a regex in Python, a millisecond for some of the shipped ones, and a shipped
pattern is compiled when first tried (`copylint.patterns`). Most articles hold none of what a
placeholder pattern opens with (`TK`, `XX`), so a pattern tried only where its opening literal
stands is never compiled for them. Reading the source costs far less than compiling it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

# Characters that mean something outside a character class.
_SPECIAL = frozenset(".^$*+?{}()|\\")
# After a character, these let it be absent (`ab?`, `ab*`, `ab{0,2}`); `+` does not.
_OPTIONAL = frozenset("*?{")


def pieces(source: str) -> Iterator[tuple[str, bool]]:
    """`source` in pieces, an escape (`\\d`), the opening of a character class or a character,
    each with whether it stands inside a character class (its brackets do)."""
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        piece = source[index : index + 2] if char == "\\" else char
        inside = in_class
        if char == "[" and not in_class:
            # A `]` or `^]` right after the opening bracket is a member, not the end.
            rest = source[index + 1 : index + 3]
            piece = "[]" if rest.startswith("]") else "[^]" if rest == "^]" else "["
            inside = in_class = True
        elif char == "]" and in_class:
            in_class = False
        yield piece, inside
        index += len(piece)


def branches_at_top(source: str) -> bool:
    """Whether `source` is alternatives outside any group."""
    depth = 0
    for piece, in_class in pieces(source):
        if in_class:
            continue
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        elif piece == "|" and depth == 0:
            return True
    return False


def required_literal(source: str, flags: int = 0) -> str:
    """A text that every match of `source` opens with: its first characters up to the first
    that is not a literal, less the last if a quantifier may drop it. '' where there is none
    to read: a pattern that opens with a group, a class or an escape such as `\\b`, one that
    is alternatives at the top, and one read case-insensitively or verbosely."""
    if flags & (re.IGNORECASE | re.VERBOSE) or branches_at_top(source):
        return ""
    literal: list[str] = []
    stop = ""
    for piece, _ in pieces(source):
        escaped = piece[1:] if piece[0] == "\\" else ""
        if piece[0] == "[" or (escaped and escaped.isalnum()) or piece == "\\":
            stop = piece  # a class, an assertion, a group's number
            break
        if escaped:
            literal.append(escaped)
        elif piece in _SPECIAL:
            stop = piece
            break
        else:
            literal.append(piece)
    if literal and stop in _OPTIONAL:
        literal.pop()
    return "".join(literal)


@cache
def compiled_when_used(source: str) -> re.Pattern[str]:
    """`source` compiled the first time a text needs it, and kept: a pattern only some texts
    need (an address, front matter, MDX) costs a start nothing."""
    return re.compile(source)
