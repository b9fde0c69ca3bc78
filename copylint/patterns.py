"""Regular expressions that a house writes, run so that none can stall a run.

A house pattern is compiled on its own (never joined with others into one alternation, which
changes what a backreference or an inline flag means) and run by a linear-time engine, RE2
(`google-re2`), wherever RE2 accepts it with the meaning Python gives it; Python's `\\w`, `\\d`
and `\\s` are Unicode classes, so they are written out as RE2's Unicode classes first. A pattern
RE2 refuses (a backreference, a lookaround, `\\b`) runs on the `regex` module with a time
limit: one that takes longer than that on an article is stopped, reported once, and not run
again. The shipped packs' patterns are written to run in linear time on Python's own engine
(their tests give them long hostile lines) and run there, which is several times faster for the
thousands of short lines a run reads; where a rule tries several of them in turn on each line,
those that can only match at its start are tried together, as one regex (`OrderedPatterns`).

A pattern that matches the empty string would flag nothing at every position; it is refused
when the rule is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from typing import Any, NamedTuple, Protocol

from copylint.regex_source import branches_at_top, pieces, required_literal

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
    other on RE2, or on the `regex` module under a time limit, checked here.

    A trusted pattern is compiled when it is first tried, not here: Python compiles a regex in
    Python, the shipped packs' in about 8 ms, which a run that tries none (every result kept
    from an earlier run) need not pay. Their tests check each as a house's is checked here."""
    flags = re.IGNORECASE if ignorecase else 0
    if trusted:
        return _Python(source, flags)
    try:
        python = re.compile(source, flags)
    except re.error as error:
        raise PatternError(f"invalid regex {source!r}: {error}") from None
    except (RecursionError, OverflowError, ValueError):
        raise PatternError(f"invalid regex {source!r}: too complex") from None
    if _matches_nothing(python, source):
        raise PatternError(f"the regex {source!r} matches the empty string, so it flags nothing")
    linear = _re2(source, ignorecase)
    if linear is not None:
        return _Linear(source, linear)
    return _Limited(source, _regex(source, flags))


def _matches_nothing(python: re.Pattern[str], source: str) -> bool:
    """Whether the pattern matches an empty span of a few texts, its own letters among them:
    `x*`, `(?=x)` and `\\b` flag nothing wherever they match."""
    probes = ("", " ", "a", "A1 b_c.", "".join(ch for ch in source if ch.isalnum())[:20])
    return any(match.end() == match.start() for probe in probes for match in python.finditer(probe))


@dataclass(eq=False, repr=False)
class _Python:
    source: str
    flags: int

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source, self.flags)

    @cached_property
    def needs(self) -> str:
        """What every match opens with: a text without it is neither searched nor the pattern
        compiled for it (`copylint.regex_source`)."""
        return required_literal(self.source, self.flags)

    def search(self, text: str, start: int = 0) -> Span | None:
        if text.find(self.needs, start) == -1:
            return None
        match = self.compiled.search(text, start)
        return None if match is None else match.span()

    def spans(self, text: str) -> Iterator[Span]:
        if self.needs not in text:
            return
        for match in self.compiled.finditer(text):
            if match.end() > match.start():
                yield match.span()


@dataclass(eq=False, repr=False)
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


@dataclass(eq=False, repr=False)
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


# A screen costs about what its patterns cost to compile (3 to 4 ms for the boilerplate pack's,
# paid by every process that builds one) and saves a few microseconds a line: it is built once
# this many texts have been tried without one, about where the time it would have saved
# matches what it costs. A pre-commit run on an article or two never builds it.
SCREEN_AFTER = 1_000


@dataclass(frozen=True, eq=False, repr=False)
class OrderedPatterns:
    """Patterns tried in turn on a text for the first of them that matches it, as a rule whose
    patterns each name a kind of line tries them.

    Once a run has tried enough texts, shipped patterns side by side in the list are screened
    together first: those that can only match at a text's start as one regex, the others as
    another. A line none of them matches, which most lines are, then costs a call or two of the
    engine where it cost one a pattern; only a line the screen passes is tried again pattern by
    pattern, to say which. A house's own pattern is never joined with others: it runs on its
    own engine, in its turn, as it always has."""

    patterns: tuple[Pattern, ...]
    screen_after: int = SCREEN_AFTER
    # Texts tried so far without the screen: the only state, on which no result depends.
    _unscreened: list[int] = field(
        default_factory=lambda: [0], init=False, compare=False, repr=False
    )

    @cached_property
    def turns(self) -> tuple[_Turn, ...]:
        return tuple(_turns(self.patterns))

    def first(self, text: str) -> int | None:
        """The index of the first pattern that matches somewhere in `text`, or None."""
        if self._unscreened[0] < self.screen_after:
            self._unscreened[0] += 1
            return self._first_among(range(len(self.patterns)), text)
        for turn in self.turns:
            if turn.may_match(text):
                found = self._first_among(range(turn.start, turn.end), text)
                if found is not None:
                    return found
        return None

    def _first_among(self, indexes: range, text: str) -> int | None:
        for index in indexes:
            if self.patterns[index].search(text) is not None:
                return index
        return None


class _Turn(NamedTuple):
    """The patterns `start` to `end` of a list, with a screen where there are several: those of
    them that can only match at a text's start as one regex, the others as another."""

    start: int
    end: int
    anchored: re.Pattern[str] | None = None
    unanchored: re.Pattern[str] | None = None

    def may_match(self, text: str) -> bool:
        """False only where the screen tells that none of the turn's patterns matches."""
        anchored, unanchored = self.anchored, self.unanchored
        if anchored is None and unanchored is None:
            return True  # no screen: the turn's one pattern is tried
        return (anchored is not None and anchored.match(text) is not None) or (
            unanchored is not None and unanchored.search(text) is not None
        )


class _Alternative(NamedTuple):
    """A shipped pattern written to mean the same as one alternative of a larger regex."""

    text: str
    anchored: bool  # whether it can only match at a text's start


def _turns(patterns: Sequence[Pattern]) -> Iterator[_Turn]:
    """Each run of shipped patterns that can be joined in a turn with a screen, every other
    pattern in a turn of its own."""
    alternatives = [_alternative(pattern) for pattern in patterns]
    for _, run in groupby(enumerate(alternatives), key=lambda item: item[1] is not None):
        members = list(run)
        joined = [alternative for _, alternative in members if alternative is not None]
        screen = _screen(joined) if len(joined) > 1 else None
        if screen is None:
            yield from (_Turn(index, index + 1) for index, _ in members)
        else:
            yield _Turn(members[0][0], members[-1][0] + 1, *screen)


def _screen(
    alternatives: Sequence[_Alternative],
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None:
    """The anchored alternatives as one regex and the others as another; None if they are no
    regex together (two name a group alike)."""
    try:
        return (
            _joined([alternative.text for alternative in alternatives if alternative.anchored]),
            _joined([alternative.text for alternative in alternatives if not alternative.anchored]),
        )
    except re.error:
        return None


def _joined(alternatives: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(alternatives)) if alternatives else None


# Leading global flags, `(?i)`: in a regex of several patterns each must have its own.
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")
_SCOPED_FLAGS = ((re.IGNORECASE, "i"), (re.DOTALL, "s"))
# What means something else beside other patterns: a numbered backreference (the numbers
# change), a condition on a group, a comment (its text is not pieces of a regex), a global
# flag past the start (Python 3.10 takes one, for the whole regex).
_OWN_CONTEXT = re.compile(r"\\[1-9]|\(\?[(#]|\(\?[aiLmsux]+\)")


def _alternative(pattern: Pattern) -> _Alternative | None:
    """A shipped pattern as one alternative of a larger regex, its flags scoped to it; None for
    a house's pattern and for one that would mean something else there."""
    if not isinstance(pattern, _Python):
        return None
    flags = pattern.compiled.flags & ~re.UNICODE
    leading = _GLOBAL_FLAGS.match(pattern.source)
    body = pattern.source[leading.end() if leading else 0 :]
    if flags & ~(re.IGNORECASE | re.DOTALL) or _OWN_CONTEXT.search(body):
        return None
    letters = "".join(letter for flag, letter in _SCOPED_FLAGS if flags & flag)
    # `^…` with no `|` outside a group can only match at the start (`^a|b` matches anywhere).
    anchored = body.startswith("^") and not branches_at_top(body)
    return _Alternative(f"(?{letters}:{body})", anchored)


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
    for piece, in_class in pieces(source):
        if len(piece) == 2 and piece[0] == "\\":
            escaped = piece[1]
            if escaped in _NOT_TRANSLATED:
                return None
            if escaped in _CLASSES:
                outside, inside = _CLASSES[escaped]
                written = inside if in_class else outside
                if written is None:
                    return None
                out.append(written)
                continue
        out.append(piece)
    return "".join(out)
