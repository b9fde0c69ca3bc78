"""Inline Markdown read by markdown-it-py, with the place in its source of every piece.

markdown-it-py's inline tokens say what a paragraph holds (text, code spans, links, emphasis,
entities, raw HTML) but not where. Its inline tokenizer is run here by a loop that notes the
span each of its rules consumed; from those spans, a paragraph's markup is known character by
character: a code span, an autolink, raw HTML and a footnote mark are blanked whole, a link keeps
its text, an image its alt text, an escape its character, and emphasis loses only the
delimiters the parser paired. An entity (`&#8221;`) stands for its character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from copylint.text.spans import Span, entity_offset

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.parser_inline import ParserInline
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_ENV_KEY = "copylint.inline"
_BLANKED_WHOLE = frozenset(
    {"backticks", "autolink", "html_inline", "footnote_ref", "footnote_inline"}
)
_DELIMITED = frozenset({"emphasis", "strikethrough"})
# The characters the rules `_note` records open with: backticks, autolinks, raw HTML, footnotes,
# escapes, entities, links, images, emphasis and strikethrough. Text without them is all prose.
_OPENING_MARKUP = frozenset("`<[^\\&!*_~")
# Characters of inline source past which it is no paragraph of copy but a pasted blob, read as
# all prose: markdown-it-py takes 7 s and 400 MB to parse a megabyte of emphasis (`*a* _b_ `).
# The longest in 1,900 posts and articles has 4,363.
LONGEST_PARSED = 100_000
# The footnote plugin's rules look up their data before they look at the character they start
# with; asking first spares that at every position.
_OPENING_CHARACTERS = {"footnote_ref": "[", "footnote_inline": "^"}


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
        written = [
            (entity_offset(self.source, start, end, characters), characters[: end - start])
            for start, end, characters in self.entities
        ]
        return spans, written


def read_inline(md: MarkdownIt, source: str, env: dict[str, Any]) -> InlineMarkup:
    """Parse one paragraph's, heading's or cell's inline source with a parser made by
    `track_positions`. A source without a character any noted rule opens with is all prose,
    as most are, and is not parsed; so is one past `LONGEST_PARSED`."""
    markup = InlineMarkup(source)
    if len(source) > LONGEST_PARSED or _OPENING_MARKUP.isdisjoint(source):
        return markup
    env[_ENV_KEY] = markup
    try:
        md.inline.parse(source, md, env, [])
    finally:
        del env[_ENV_KEY]
    return markup


def track_positions(md: MarkdownIt) -> None:
    """Make `md` note, for `read_inline`, where each piece of an inline source stands: its
    inline tokenizer is replaced by the same loop over the same rules (markdown-it-py's own),
    which notes the span each rule consumed. Any other source it parses as before."""
    parser = md.inline
    plain_tokenize = parser.tokenize

    def tokenize(state: StateInline) -> None:
        markup = _markup_of(state)
        if markup is None:
            plain_tokenize(state)
        else:
            _tokenize_noting(parser, state, markup)

    parser.tokenize = tokenize  # type: ignore[method-assign]
    parser.ruler2.before("fragments_join", "copylint_paired", _note_paired_delimiters)


def _tokenize_noting(parser: ParserInline, state: StateInline, markup: InlineMarkup) -> None:
    """markdown-it-py's `ParserInline.tokenize`, noting what each rule consumed."""
    markup.regions.append((state.pos, state.posMax))
    named = [
        (rule.name, _OPENING_CHARACTERS.get(rule.name, ""), rule.fn)
        for rule in parser.ruler.__rules__
        if rule.enabled
    ]
    end = state.posMax
    nesting = state.md.options["maxNesting"]
    append_pending = getattr(state, "append_pending", None)  # markdown-it-py 4
    while state.pos < end:
        start = state.pos
        matched = False
        if state.level < nesting:
            tokens, regions = len(state.tokens), len(markup.regions)
            char = state.src[start]
            for name, opening, rule in named:
                if opening and char != opening:
                    continue  # a rule that reads its environment before its first character
                if rule(state, False):
                    if state.pos <= start:
                        raise RuntimeError("inline rule didn't increment state.pos")
                    _note(markup, name, state, start, tokens, regions)
                    matched = True
                    break
        if matched:
            if state.pos >= end:
                break
            continue
        if append_pending is not None:
            append_pending(state.src[start])
        else:
            state.pending += state.src[start]
        state.pos += 1
    if state.pending:
        state.pushPending()


def _markup_of(state: StateInline) -> InlineMarkup | None:
    """The record of the source being read, if `state` reads it (an image's alt text is parsed
    as a source of its own, which nothing records)."""
    markup = state.env.get(_ENV_KEY)
    return markup if markup is not None and state.src is markup.source else None


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
