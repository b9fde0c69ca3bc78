"""Spans of text and the masks built from them: the same length as the text, newlines kept, so
that an offset into a mask is an offset into the file."""

from __future__ import annotations

import re

Span = tuple[int, int]

_NOT_NEWLINE = re.compile(r"[^\n]")


def fill(text: str, char: str = " ") -> str:
    """`text` with every character but a newline replaced by `char`."""
    if "\n" in text:
        return _NOT_NEWLINE.sub(char, text)
    return char * len(text)


def overwrite(text: str, spans: list[Span], char: str = " ") -> str:
    """Fill the spans of `text` with `char`; spans may overlap and come in any order."""
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    add = pieces.append
    done = 0
    for start, end in spans:
        if end > done:
            add(text[done:start])
            add(fill(text[max(start, done) : end], char))
            done = end
    add(text[done:])
    return "".join(pieces)


def reveal(text: str, spans: list[Span], replacements: list[tuple[int, str]]) -> str:
    """A mask of `text` that shows only the characters of `spans` (sorted, not overlapping),
    with each `(offset, string)` of `replacements` written over what it shows there."""
    pieces: list[str] = []
    add = pieces.append
    done = 0
    for start, end in spans:
        if start < done:
            start = done
        if end <= start:
            continue
        add(fill(text[done:start]))
        add(text[start:end])
        done = end
    add(fill(text[done:]))
    mask = "".join(pieces)
    if not replacements:
        return mask
    pieces = []
    done = 0
    for at, string in sorted(replacements):
        if at < done:
            continue
        pieces.append(mask[done:at])
        pieces.append(string)
        done = at + len(string)
    pieces.append(mask[done:])
    return "".join(pieces)


def entity_offset(text: str, start: int, end: int, characters: str) -> int:
    """Where to write what an entity at `start:end` stands for: next to the word it touches, so
    that a closing quotation mark follows its last word (`yes&#8221;`) and an opening one
    precedes its first (`&#8220;yes`)."""
    before = text[start - 1 : start]
    return start if before and not before.isspace() else max(start, end - len(characters))
