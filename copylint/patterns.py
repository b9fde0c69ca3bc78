"""Regular expressions that a house writes, run so that none can stall a run.

A house pattern is compiled on its own (never joined with others into one alternation, which
changes what a backreference or an inline flag means) and run by a linear-time engine, RE2
(`google-re2`), wherever RE2 accepts it with the meaning Python gives it; Python's `\\w`, `\\d`
and `\\s` are Unicode classes, so they are written out as RE2's Unicode classes first. A pattern
RE2 refuses (a backreference, a lookaround, `\\b`) runs on the `regex` module with a time
limit: one that takes longer than that on an article is stopped, reported once, and not run
again. The shipped packs' patterns are written to run in linear time on Python's own engine
(their tests give them long hostile lines) and run there, which is several times faster for the
thousands of short lines a run reads.

A pattern that matches the empty string would flag nothing at every position; it is refused
when the rule is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

Span = tuple[int, int]

# Past this, a pattern on one article is taken to be backtracking without end.
TIME_LIMIT = 0.5


class PatternError(ValueError):
    """A pattern that cannot be used: it does not compile, or it matches the empty string."""


class PatternStalled(Exception):
    """A house pattern ran past the time limit; it is not run again."""

    def __init__(self, source: str) -> None:
        super().__init__(f"the pattern {source!r} ran for over {TIME_LIMIT:g} s and was stopped")
        self.source = source


class Pattern(Protocol):
    source: str

    def search(self, text: str, start: int = 0) -> Span | None:
        """The first match at or after `start`, or None."""
        ...

    def spans(self, text: str) -> Iterator[Span]:
        """Every match, left to right, none empty and none overlapping."""
        ...


def compile_pattern(source: str, *, ignorecase: bool = False, trusted: bool = False) -> Pattern:
    """A pattern as Python reads it. `trusted` (a shipped pack's) runs on Python's engine; any
    other on RE2, or on the `regex` module under a time limit."""
    flags = re.IGNORECASE if ignorecase else 0
    try:
        python = re.compile(source, flags)
    except re.error as error:
        raise PatternError(f"invalid regex {source!r}: {error}") from None
    except (RecursionError, OverflowError, ValueError):
        raise PatternError(f"invalid regex {source!r}: too complex") from None
    if _matches_nothing(python, source):
        raise PatternError(f"the regex {source!r} matches the empty string, so it flags nothing")
    if trusted:
        return _Python(source, python)
    linear = _re2(source, ignorecase)
    if linear is not None:
        return _Linear(source, linear)
    return _Limited(source, _regex(source, flags))


def _matches_nothing(python: re.Pattern[str], source: str) -> bool:
    """Whether the pattern matches an empty span of a few texts, its own letters among them:
    `x*`, `(?=x)` and `\\b` flag nothing wherever they match."""
    probes = ("", " ", "a", "A1 b_c.", "".join(ch for ch in source if ch.isalnum())[:20])
    return any(match.end() == match.start() for probe in probes for match in python.finditer(probe))


@dataclass
class _Python:
    source: str
    compiled: re.Pattern[str]

    def search(self, text: str, start: int = 0) -> Span | None:
        match = self.compiled.search(text, start)
        return None if match is None else match.span()

    def spans(self, text: str) -> Iterator[Span]:
        for match in self.compiled.finditer(text):
            if match.end() > match.start():
                yield match.span()


@dataclass
class _Linear:
    source: str
    compiled: Any  # re2._Regexp

    def search(self, text: str, start: int = 0) -> Span | None:
        match = self.compiled.search(text, start)
        return None if match is None else (match.start(), match.end())

    def spans(self, text: str) -> Iterator[Span]:
        for match in self.compiled.finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end()


@dataclass
class _Limited:
    source: str
    compiled: Any  # regex.Pattern
    stalled: bool = field(default=False)

    def search(self, text: str, start: int = 0) -> Span | None:
        if self.stalled:
            return None
        try:
            match = self.compiled.search(text, start, timeout=TIME_LIMIT)
        except TimeoutError:
            self.stalled = True
            raise PatternStalled(self.source) from None
        return None if match is None else match.span()

    def spans(self, text: str) -> Iterator[Span]:
        if self.stalled:
            return
        try:
            # One budget for the whole article, not for each match.
            found = [m.span() for m in self.compiled.finditer(text, timeout=TIME_LIMIT)]
        except TimeoutError:
            self.stalled = True
            raise PatternStalled(self.source) from None
        yield from (span for span in found if span[1] > span[0])


def _regex(source: str, flags: int) -> Any:
    import regex

    try:
        return regex.compile(source, flags | regex.VERSION0)
    except (regex.error, RecursionError, OverflowError, ValueError):
        raise PatternError(f"invalid regex {source!r}") from None


def _re2(source: str, ignorecase: bool) -> Any:
    """The pattern compiled by RE2 with Python's meaning, or None if RE2 cannot have it."""
    translated = _unicode_classes(source)
    if translated is None:
        return None
    try:
        import re2
    except ImportError:  # an optional speed-up: the limited engine does the same work
        return None
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignorecase
    try:
        return re2.compile(translated, options)
    except Exception:  # re2.error: a construct RE2 does not have
        return None


# Python's classes as RE2 writes them, outside a character class and inside one.
_CLASSES = {
    "w": (r"[\p{L}\p{N}_]", r"\p{L}\p{N}_"),
    "W": (r"[^\p{L}\p{N}_]", None),
    "d": (r"\p{Nd}", r"\p{Nd}"),
    "D": (r"\P{Nd}", None),
    "s": (r"[\s\p{Z}\x{85}\x{1c}-\x{1f}]", r"\s\p{Z}\x{85}\x{1c}-\x{1f}"),
    "S": (r"[^\s\p{Z}\x{85}\x{1c}-\x{1f}]", None),
    "Z": (r"\z", None),
}
# Escapes whose meaning RE2 does not share: word boundaries, backreferences.
_NOT_TRANSLATED = frozenset("bB123456789")


def _unicode_classes(source: str) -> str | None:
    """`source` with Python's Unicode classes written as RE2's, or None where a construct has
    no RE2 equivalent of the same meaning."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escaped = source[index + 1]
            if escaped in _NOT_TRANSLATED:
                return None
            if escaped in _CLASSES:
                outside, inside = _CLASSES[escaped]
                written = inside if in_class else outside
                if written is None:
                    return None
                out.append(written)
            else:
                out.append(source[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            # A `]` or `^]` right after the opening bracket is a member, not the end.
            rest = source[index + 1 : index + 3]
            if rest.startswith("]"):
                out.append("]")
                index += 1
            elif rest == "^]":
                out.append("^]")
                index += 2
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)
