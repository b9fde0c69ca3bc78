"""The fields of an article's front matter that its readers see: its title, its standfirst, its
summary. A site prints them above the copy, in the page's title and in search results, so they
are prose, where the rest of the front matter (dates, tags, layouts) is not.

A field is published when its key, at the left margin, or the key's last part (`seo_title`,
`post-excerpt`) names published text. Its value is read where its characters are the text a
reader sees: a plain value, which may run on over indented lines; a block scalar (`|`, `>`),
each of whose indented lines is read from its first character to its last; a value in quotes on
its key's line. A quoted value with an escape (`\\"`, `''`) or over several lines, a list, a
mapping and a TOML value that is not a string are passed over.
"""

from __future__ import annotations

from typing import NamedTuple

from copylint.regex_source import compiled_when_used
from copylint.text.blocks import Block, Role
from copylint.text.spans import Span

# Fields a page shows as a headline, and fields it shows as a line of copy under one.
HEADLINE_KEYS = frozenset({"title", "headline", "subtitle", "subheading", "subhead"})
STANDFIRST_KEYS = frozenset(
    {"description", "summary", "excerpt", "standfirst", "dek", "teaser", "lede", "caption"}
)
# A key at the left margin and what follows it on its line: YAML's `key: …`, TOML's `key = …`.
# The patterns are compiled when first used (`compiled_when_used`): most plain articles have no
# front matter, and a start need not pay for them.
_YAML_FIELD = r"(?m)^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+([^\n]*?))?[ \t]*$"
_TOML_FIELD = r"(?m)^([A-Za-z][\w-]*)[ \t]*=[ \t]*([^\n]*?)[ \t]*$"
_KEY_PARTS = r"[-_]"
# A block scalar's header: `|` or `>`, a chomping and an indentation indicator, a comment.
_BLOCK_SCALAR = r"[|>][+-]?[1-9]?[+-]?(?:[ \t]+#.*)?\Z"
# What a plain YAML scalar may not open with (an indicator), and the comment it may end with.
_NOT_PLAIN = frozenset("[]{}&*!|>%@`#,?:-'\"")
_COMMENT = r"[ \t]+#"
# An indented line, what it holds from its first character that is no space to its last.
_INDENTED = r"[ \t]+(\S(?:[^\n]*\S)?)?[ \t]*(?:\n|\Z)"
_BLANK = r"[ \t]*(?:\n|\Z)"


class Field(NamedTuple):
    pieces: tuple[Span, ...]  # the value's text on each of its lines, as spans of the file
    headline: bool  # a title rather than a line of copy under one


def published_fields(text: str, end: int) -> list[Field]:
    """The published values of the front matter that ends at `end`, in order."""
    if end == 0:
        return []
    toml = text.startswith("+++")
    fields = []
    for match in compiled_when_used(_TOML_FIELD if toml else _YAML_FIELD).finditer(text, 0, end):
        last_part = compiled_when_used(_KEY_PARTS).split(match[1].lower())[-1]
        headline = last_part in HEADLINE_KEYS
        if not headline and last_part not in STANDFIRST_KEYS:
            continue
        value = match[2] or ""
        if value[:1] in ("'", '"'):
            pieces = _quoted(match.start(2), value)
        elif toml:
            pieces = []  # a number, a date, a multi-line or an array: no text of the page's
        elif compiled_when_used(_BLOCK_SCALAR).match(value):
            pieces = _run_on(text, match.end() + 1, end, plain=False) or []
        elif value and value[0] not in _NOT_PLAIN and ": " not in value:
            comment = compiled_when_used(_COMMENT).search(value)
            first = (match.start(2), match.start(2) + (comment.start() if comment else len(value)))
            more = [] if comment else _run_on(text, match.end() + 1, end, plain=True)
            pieces = [] if more is None else [first, *more]
        else:
            pieces = []
        pieces = [(start, stop) for start, stop in pieces if stop > start]
        if pieces:
            fields.append(Field(tuple(pieces), headline))
    return fields


def _quoted(start: int, value: str) -> list[Span]:
    """The inside of a value in quotes that holds no escape and ends its line."""
    mark = value[0]
    if len(value) < 2 or value[-1] != mark or "\\" in value or mark in value[1:-1]:
        return []
    return [(start + 1, start + len(value) - 1)]


def _run_on(text: str, at: int, end: int, plain: bool) -> list[Span] | None:
    """The text of the indented lines from `at` on, up to the first that is not indented (a
    blank line between them is passed over). None where a `plain` value's line holds what no
    plain text may (`: `, ` #`): it is no plain value, or not one read as written."""
    pieces: list[Span] = []
    while at < end:
        line = compiled_when_used(_INDENTED).match(text, at, end)
        if line is None:
            blank = compiled_when_used(_BLANK).match(text, at, end)
            if blank is None or blank.end() == at:
                break
            at = blank.end()
            continue
        if line[1] is not None:
            if plain and (": " in line[1] or " #" in line[1] or line[1].endswith(":")):
                return None
            pieces.append(line.span(1))
        at = line.end()
    return pieces


def front_matter_parts(text: str, end: int) -> tuple[list[Span], list[Block]]:
    """What of the front matter ending at `end` is not prose (every character but the published
    values), and a block for each published value: a heading for a title, a paragraph for a
    line of copy under one."""
    hidden, done, blocks = [], 0, []
    for field in published_fields(text, end):
        for start, stop in field.pieces:
            hidden.append((done, start))
            done = stop
        role = Role.HEADING if field.headline else Role.PARAGRAPH
        first, last = field.pieces[0][0], field.pieces[-1][1]
        blocks.append(Block(role, first, last, 1 if field.headline else 0))
    if end:
        hidden.append((done, end))
    return hidden, blocks
