"""Bare URLs and e-mail addresses: not prose, wherever they stand."""

from __future__ import annotations

import re

from copylint.regex_source import compiled_when_used
from copylint.text.spans import Span

# GitHub's rules for bare links: no quotes or brackets inside, balanced parentheses only, and
# trailing sentence punctuation belongs to the sentence, not the address.
_NOT_IN_URL = r"\s<>\"'`()\[\]|\u2018\u2019\u201c\u201d\u00ab\u00bb"  # and curly quotes
_URL = (
    r"(?<![\w.@/])(?:https?://|www\.)[\w-]"
    rf"(?:[^{_NOT_IN_URL}]|\([^{_NOT_IN_URL}]*\))*"
    r"(?<![.,;:!?*_~])"
)
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Matching the patterns above at every position is slow, so look for where an address could
# start (an @, www., http:// or https://), then match there. Each is a fixed string, found far
# faster by a search of its own than by a pattern of all of them tried at every character.
_HINT_MARKS = ("://", "www.", "@")
_LOCAL_PART_CHARACTER = r"[\w.+-]"
_EMAIL_LOCAL_PART = rf"{_LOCAL_PART_CHARACTER}{{1,64}}\Z"


def bare_addresses(text: str, start: int = 0) -> list[Span]:
    """The spans of bare URLs and e-mail addresses in `text` from `start`."""
    spans: list[Span] = []
    for hint in _hints(text, start):
        if spans and hint < spans[-1][1]:
            continue
        address = _address_at(text, hint)
        if address is not None:
            spans.append(address.span())
    return spans


def _hints(text: str, start: int) -> list[int]:
    """Where each @, www., http:// and https:// from `start` begins, in order."""
    hints = []
    for mark in _HINT_MARKS:
        at = text.find(mark, start)
        while at != -1:
            if mark != "://":
                hints.append(at)
            elif at - 5 >= start and text.startswith("https", at - 5):
                hints.append(at - 5)
            elif at - 4 >= start and text.startswith("http", at - 4):
                hints.append(at - 4)
            at = text.find(mark, at + 1)
    return sorted(hints)


def _address_at(text: str, hint: int) -> re.Match[str] | None:
    if text[hint] != "@":
        return compiled_when_used(_URL).match(text, hint)
    # An @ with no character of a local part before it (a handle, a run of them) is no address:
    # said by one character, not a search of the 64 before it.
    if hint == 0 or compiled_when_used(_LOCAL_PART_CHARACTER).match(text, hint - 1) is None:
        return None
    local_part = compiled_when_used(_EMAIL_LOCAL_PART).search(text, max(0, hint - 64), hint)
    return (
        None if local_part is None else compiled_when_used(_EMAIL).match(text, local_part.start())
    )
