"""The fields of an article's front matter that its readers see: its title, its standfirst, its
summary. A site prints them above the copy, in the page's title and in search results, so they
are prose, where the rest of the front matter (dates, tags, layouts) is not.

A field is published when its key, or the key's last part (`seo_title`, `post-excerpt`), names
published text. Only a value on its key's line is read, plain or quoted, and only where its
characters are the text a reader sees: a quoted value with an escape (`\\"`, `''`), a block
scalar (`|`, `>`), a list or a value that runs on to the next line is passed over.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from copylint.text.blocks import Block, Role
from copylint.text.spans import Span

# Fields a page shows as a headline, and fields it shows as a line of copy under one.
HEADLINE_KEYS = frozenset({"title", "headline", "subtitle", "subheading", "subhead"})
STANDFIRST_KEYS = frozenset(
    {"description", "summary", "excerpt", "standfirst", "dek", "teaser", "lede", "caption"}
)
# A key and its value on one line, at the left margin: YAML's `key: value`, TOML's `key = value`.
_YAML_FIELD = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$", re.MULTILINE)
_TOML_FIELD = re.compile(r"^([A-Za-z][\w-]*)[ \t]*=[ \t]*(\S[^\n]*?)[ \t]*$", re.MULTILINE)
_KEY_PARTS = re.compile(r"[-_]")
# What a plain YAML scalar may not open with (an indicator), and the comment it may end with.
_NOT_PLAIN = frozenset("[]{}&*!|>%@`#,?:-'\"")
_COMMENT = re.compile(r"[ \t]+#")


class Field(NamedTuple):
    start: int  # where the value's text starts in the file
    end: int
    headline: bool  # a title rather than a line of copy under one


def published_fields(text: str, end: int) -> list[Field]:
    """The published values of the front matter that ends at `end`, in order."""
    if end == 0:
        return []
    toml = text.startswith("+++")
    fields = []
    for match in (_TOML_FIELD if toml else _YAML_FIELD).finditer(text, 0, end):
        last_part = _KEY_PARTS.split(match[1].lower())[-1]
        headline = last_part in HEADLINE_KEYS
        if not headline and last_part not in STANDFIRST_KEYS:
            continue
        if text.startswith((" ", "\t"), match.end() + 1):
            continue  # a value that runs on to the next line
        span = _quoted(match, 2) if match[2][0] in "'\"" else None if toml else _plain(match, 2)
        if span is not None and text[span[0] : span[1]].strip():
            fields.append(Field(*span, headline))
    return fields


def _quoted(match: re.Match[str], group: int) -> tuple[int, int] | None:
    """The inside of a value in quotes that holds no escape and ends the line."""
    value, start = match[group], match.start(group)
    mark = value[0]
    if len(value) < 2 or value[-1] != mark or "\\" in value or mark in value[1:-1]:
        return None
    return start + 1, start + len(value) - 1


def _plain(match: re.Match[str], group: int) -> tuple[int, int] | None:
    """A plain scalar, without a comment after it."""
    value, start = match[group], match.start(group)
    if value[0] in _NOT_PLAIN or ": " in value:
        return None
    comment = _COMMENT.search(value)
    return start, start + (comment.start() if comment else len(value))


def front_matter_parts(text: str, end: int) -> tuple[list[Span], list[Block]]:
    """What of the front matter ending at `end` is not prose (every character but the published
    values), and a block for each published value: a heading for a title, a paragraph for a
    line of copy under one."""
    hidden, done, blocks = [], 0, []
    for field in published_fields(text, end):
        hidden.append((done, field.start))
        done = field.end
        role = Role.HEADING if field.headline else Role.PARAGRAPH
        blocks.append(Block(role, field.start, field.end, 1 if field.headline else 0))
    if end:
        hidden.append((done, end))
    return hidden, blocks
