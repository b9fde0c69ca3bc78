"""Inline Markdown read by markdown-it-py, with the place in its source of every piece.

markdown-it-py's inline tokens say what a paragraph holds (text, code spans, links, emphasis,
entities, raw HTML) but not where. Its inline rules are wrapped here, as plugins wrap them, to
note the span each one consumed; from those spans, a paragraph's markup is known character by
character: a code span, an autolink, raw HTML and a footnote mark are blanked whole, a link keeps
its text, an image its alt text, an escape its character, and emphasis loses only the
delimiters the parser paired. An entity (`&#8221;`) stands for its character.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from copylint.text.spans import Span

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_ENV_KEY = "copylint.inline"
_BLANKED_WHOLE = frozenset(
    {"backticks", "autolink", "html_inline", "footnote_ref", "footnote_inline"}
)
_DELIMITED = frozenset({"emphasis", "strikethrough"})


@dataclass
class InlineMarkup:
    """What the markup of one inline source is, as spans of that source."""

    source: str
    blanks: list[Span] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # span, character(s)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # text span, destination
    images: list[Span] = field(default_factory=list)  # alt text spans
    # For the rules' bookkeeping: what each nested tokenize call covered, and the delimiters
    # of emphasis as (token, offset, length) until the parser says which it paired.
    regions: list[Span] = field(default_factory=list)
    delimiters: list[tuple[Token, int, int]] = field(default_factory=list)

    def prose(self) -> tuple[list[Span], list[tuple[int, str]]]:
        """The spans of the source that are prose, and the characters entities stand for, each
        with the offset to write it at: next to the word it touches, so that a closing quotation
        mark follows its last word and an opening one precedes its first."""
        blanks = sorted(self.blanks + [(start, end) for start, end, _ in self.entities])
        spans: list[Span] = []
        done = 0
        for start, end in blanks:
            if start > done:
                spans.append((done, start))
            done = max(done, end)
        if done < len(self.source):
            spans.append((done, len(self.source)))
        written = []
        for start, end, characters in self.entities:
            before = self.source[start - 1 : start]
            at = start if before and not before.isspace() else end - len(characters)
            written.append((max(at, start), characters[: end - start]))
        return spans, written


def read_inline(md: MarkdownIt, source: str, env: dict[str, Any]) -> InlineMarkup:
    """Parse one paragraph's, heading's or cell's inline source with a parser made by
    `track_positions`."""
    markup = InlineMarkup(source)
    env[_ENV_KEY] = markup
    try:
        md.inline.parse(source, md, env, [])
    finally:
        del env[_ENV_KEY]
    return markup


def track_positions(md: MarkdownIt) -> None:
    """Wrap the inline rules of `md` so that `read_inline` learns where each piece stands."""
    ruler = md.inline.ruler
    for rule in list(ruler.__rules__):
        ruler.at(rule.name, _tracked(rule.name, rule.fn))
    md.inline.ruler2.before("fragments_join", "copylint_paired", _note_paired_delimiters)
    tokenize = md.inline.tokenize

    def tokenize_noting_regions(state: StateInline) -> None:
        markup = _markup_of(state)
        if markup is not None:
            markup.regions.append((state.pos, state.posMax))
        tokenize(state)

    md.inline.tokenize = tokenize_noting_regions  # type: ignore[method-assign]


def _markup_of(state: StateInline) -> InlineMarkup | None:
    """The record of the source being read, if `state` reads it (an image's alt text is parsed
    as a source of its own, which nothing records)."""
    markup = state.env.get(_ENV_KEY)
    return markup if markup is not None and state.src is markup.source else None


def _tracked(
    name: str, rule: Callable[[StateInline, bool], bool]
) -> Callable[[StateInline, bool], bool]:
    def run(state: StateInline, silent: bool) -> bool:
        start, tokens, markup = state.pos, len(state.tokens), _markup_of(state)
        regions = len(markup.regions) if markup is not None else 0
        matched = rule(state, silent)
        if matched and not silent and markup is not None:
            _note(markup, name, state, start, tokens, regions)
        return matched

    return run


def _note(
    markup: InlineMarkup, name: str, state: StateInline, start: int, tokens: int, regions: int
) -> None:
    end = state.pos
    if name in _BLANKED_WHOLE:
        # Unless the rule left its characters as text: a backtick that opens no code span.
        if any(token.type != "text" for token in state.tokens[tokens:]):
            markup.blanks.append((start, end))
    elif name == "escape":
        markup.blanks.append((start, start + 1))
    elif name == "entity":
        markup.entities.append((start, end, state.tokens[-1].content))
    elif name == "link":
        label_start, label_end = markup.regions[regions]
        markup.blanks += [(start, label_start), (label_end, end)]
        opening = next(t for t in state.tokens[tokens:] if t.type == "link_open")
        markup.links.append((label_start, label_end, str(opening.attrGet("href") or "")))
    elif name == "image":
        alt_start = start + 2
        alt_end = alt_start + len(state.tokens[-1].content)
        markup.blanks += [(start, alt_start), (alt_end, end)]
        markup.images.append((alt_start, alt_end))
    elif name in _DELIMITED:
        # The delimiters pushed are the last tokens, after any text flushed before them.
        at = end
        for token in reversed(state.tokens[tokens:]):
            if at <= start or token.type != "text":
                break
            at -= len(token.content)
            markup.delimiters.append((token, at, len(token.content)))


def _note_paired_delimiters(state: StateInline) -> None:
    """Blank the delimiters emphasis paired: the parser has made them tags or emptied them."""
    markup = _markup_of(state)
    if markup is None:
        return
    for token, at, length in markup.delimiters:
        if token.type != "text" or not token.content:
            markup.blanks.append((at, at + length))
    markup.delimiters.clear()
