"""Plain text read as it always was: paragraphs are runs of lines between blank lines, and
everything but front matter, URLs and e-mail addresses is prose."""

from __future__ import annotations

import re

from copylint.text.addresses import bare_addresses
from copylint.text.blocks import Block, Reading, Role
from copylint.text.spans import Span, overwrite
from copylint.text.templates import front_matter_end

_DIRECTIVE = re.compile(
    r"^[ \t]*copylint-(?:disable-next-line|disable-file|disable|enable)\b[^\n]*$", re.MULTILINE
)
_PARAGRAPH = re.compile(r"^[^\S\n]*\S.*(?:\n[^\S\n]*\S.*)*", re.MULTILINE)


def read_plain(text: str) -> Reading:
    body = front_matter_end(text)
    # A line that tells copylint what to silence is no copy (see `copylint.suppressions`).
    blanks = bare_addresses(text, body) + _directives(text, body)
    prose = overwrite(text, [(0, body), *blanks] if body else blanks)
    blocks = [Block(Role.FRONT_MATTER, 0, body)] if body else []
    for match in _PARAGRAPH.finditer(prose):
        start, end = match.span()
        piece = prose[start:end]
        start += len(piece) - len(piece.lstrip())
        blocks.append(Block(Role.PARAGRAPH, start, start + len(piece.strip())))
    return Reading(prose, tuple(blocks))


def _directives(text: str, start: int) -> list[Span]:
    # The pattern is tried at every character, where a search for its one fixed string skips
    # through the text: most articles have no directive, and are done with at that.
    if "copylint-" not in text:
        return []
    return [match.span() for match in _DIRECTIVE.finditer(text, start)]
