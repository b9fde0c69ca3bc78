"""Plain text read as it always was: paragraphs are runs of lines between blank lines, and
everything but front matter, URLs and e-mail addresses is prose."""

from __future__ import annotations

import re

from copylint.text.addresses import bare_addresses
from copylint.text.blocks import Block, Reading, Role
from copylint.text.front_matter import front_matter_parts
from copylint.text.spans import Span, overwrite
from copylint.text.templates import front_matter_end

# An editor's directive (see `copylint.suppressions`): in plain text, a line of its own, its kind
# and then its codes and reason. Each opens with the mark, so that a text without the mark, as
# most are, is known to have none without the pattern, which is tried at every character.
DIRECTIVE_KINDS = "disable-next-line|disable-file|disable|enable"
DIRECTIVE_MARK = "copylint-"
DIRECTIVE_ON_A_LINE = re.compile(
    rf"^[ \t]*{DIRECTIVE_MARK}({DIRECTIVE_KINDS})\b([^\n]*)$", re.MULTILINE
)
_TEXT_OF_A_LINE = r"\S(?:.*\S)?"  # from its first character that is not a space to its last
# A run of lines with text on them: the group leaves out the spaces before and after it.
_PARAGRAPH = re.compile(
    rf"^[^\S\n]*({_TEXT_OF_A_LINE}(?:[^\S\n]*\n[^\S\n]*{_TEXT_OF_A_LINE})*)", re.MULTILINE
)


def read_plain(text: str) -> Reading:
    body = front_matter_end(text)
    hidden, published = front_matter_parts(text, body)
    # A line that tells copylint what to silence is no copy (see `copylint.suppressions`).
    blanks = bare_addresses(text, body) + _directives(text, body)
    prose = overwrite(text, [*hidden, *blanks])
    blocks = [Block(Role.FRONT_MATTER, 0, body), *published] if body else []
    blocks += [Block(Role.PARAGRAPH, *match.span(1)) for match in _PARAGRAPH.finditer(prose, body)]
    return Reading(prose, tuple(blocks))


def _directives(text: str, start: int) -> list[Span]:
    if DIRECTIVE_MARK not in text:
        return []
    return [match.span() for match in DIRECTIVE_ON_A_LINE.finditer(text, start)]
