"""Bare URLs and e-mail addresses: not prose, wherever they stand."""

from __future__ import annotations

import re

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
# start, then match there.
_ADDRESS_HINT = re.compile(r"https?://|www\.|@")
# What every hint holds: most articles hold none of these, which a search for each fixed
# string finds far faster than the hint pattern, tried at every character, finds nothing.
_HINT_MARKS = ("://", "www.", "@")
_URL_AT_HINT = re.compile(_URL)
_EMAIL_AT_LOCAL_PART = re.compile(_EMAIL)
_EMAIL_LOCAL_PART = re.compile(r"[\w.+-]{1,64}\Z")


def bare_addresses(text: str, start: int = 0) -> list[Span]:
    """The spans of bare URLs and e-mail addresses in `text` from `start`."""
    spans: list[Span] = []
    if all(text.find(mark, start) == -1 for mark in _HINT_MARKS):
        return spans
    for hint in _ADDRESS_HINT.finditer(text, start):
        if spans and hint.start() < spans[-1][1]:
            continue
        address = _address_at(text, hint.start())
        if address is not None:
            spans.append(address.span())
    return spans


def _address_at(text: str, hint: int) -> re.Match[str] | None:
    if text[hint] != "@":
        return _URL_AT_HINT.match(text, hint)
    local_part = _EMAIL_LOCAL_PART.search(text, max(0, hint - 64), hint)
    return None if local_part is None else _EMAIL_AT_LOCAL_PART.match(text, local_part.start())
