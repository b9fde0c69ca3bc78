"""existence: words, phrases or patterns that must not appear in copy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import OptionError, Rule, Settings, house_pattern, whole_words
from copylint.finding import Finding
from copylint.patterns import Pattern
from copylint.text.document import Document

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Existence(Rule):
    """Flags every occurrence of `tokens` (literal words or phrases, matched as whole words) and
    of each of `patterns` (regular expressions, each matched on its own, as whole words). The
    message may name the match as `{text}`."""

    tokens: re.Pattern[str] | None
    patterns: tuple[Pattern, ...]

    KIND: ClassVar[str] = "existence"
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "tokens": _STRINGS,
        "patterns": _STRINGS,
        "ignorecase": {"type": "boolean"},
    }

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        if not raw.get("tokens") and not raw.get("patterns"):
            raise OptionError("kind", "a tokens or patterns list is needed")
        ignorecase = bool(raw.get("ignorecase", False))
        return {
            "tokens": literal_words(raw.get("tokens", ()), ignorecase),
            "patterns": tuple(
                house_pattern("patterns", pattern, settings, ignorecase=ignorecase, at=(index,))
                for index, pattern in enumerate(raw.get("patterns", ()))
            ),
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        spans: set[tuple[int, int]] = set()
        if self.tokens is not None:
            spans.update(match.span() for match in self.tokens.finditer(prose))
        for pattern in self.patterns:
            spans.update(whole_words(pattern, prose))
        for start, end in sorted(spans):
            yield self.finding(start, end, self.message.format(text=prose[start:end]))


def literal_words(words: Iterable[str], ignorecase: bool) -> re.Pattern[str] | None:
    """One regex for literal words and phrases, whole: escaped, it cannot backtrack."""
    parts = [_whole_word(word) for word in sorted(set(words), key=len, reverse=True)]
    if not parts:
        return None
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile(rf"(?:{'|'.join(parts)})(?!\w)", flags)


def _whole_word(word: str) -> str:
    r"""A word that no letter, digit or underscore comes just before. That is asked just after
    its first character (`T(?<!\wT)KTK`), not before it: a regex that opens with a character
    is one Python's engine skips ahead to, where one that opens with a look-behind is tried at
    every position of the text."""
    first = re.escape(word[0])
    return rf"{first}(?<!\w{first}){re.escape(word[1:])}"
