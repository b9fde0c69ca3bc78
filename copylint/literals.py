"""The text that every match of a regular expression holds, read from its source.

Python compiles a regex in Python, a millisecond for some of the shipped ones, and a shipped
pattern is compiled when first tried (`copylint.patterns`). Most articles hold none of what a
placeholder pattern starts with (`TK`, `XX`), so a pattern that is tried only where its
opening literal stands is never compiled for them. The literal is read from the source, not
from a parse of it, which would cost what compiling does.
"""

from __future__ import annotations

import re

# Characters that mean something outside a character class.
_SPECIAL = frozenset(".^$*+?{}[]()|\\")
# After a character, these let it be absent (`ab?`, `ab*`, `ab{0,2}`); `+` does not.
_OPTIONAL = frozenset("*?{")


def required_literal(source: str, flags: int = 0) -> str:
    """A text that every match of `source` opens with: its first characters up to the first
    that is not a literal, less the last if a quantifier may drop it. '' where there is none
    to read: a pattern that opens with a group, a class or an escape such as `\\b`, one with a
    `|` outside any group, and one read case-insensitively or verbosely."""
    if flags & (re.IGNORECASE | re.VERBOSE) or _alternatives_at_top(source):
        return ""
    literal: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            escaped = source[at + 1 : at + 2]
            if not escaped or escaped.isalnum():  # a class, an assertion, a group's number
                break
            literal.append(escaped)
            at += 2
        elif char in _SPECIAL:
            break
        else:
            literal.append(char)
            at += 1
    if literal and source[at : at + 1] in _OPTIONAL:
        literal.pop()
    return "".join(literal)


def _alternatives_at_top(source: str) -> bool:
    """Whether a `|` stands outside every group and character class: then a match may hold
    either side, and neither side's opening is needed."""
    depth, in_class, at = 0, False, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += 1 + (source[at + 1 : at + 2] == "^")
            at += source[at : at + 1] == "]"  # a `]` first in a class is one of its characters
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        at += 1
    return False
