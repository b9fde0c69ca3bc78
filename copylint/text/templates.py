"""What a site generator reads before the Markdown: front matter and template syntax.

Front matter is YAML between `---` lines or TOML between `+++` lines at the top of the file.
Template syntax is never prose, whatever it holds: Liquid, Jinja and Nunjucks tags (`{% … %}`),
comments (`{# … #}`) and expressions (`{{ … }}`, however many lines a call's object literal
takes), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), Go template actions (`{{image "x.png"}}`,
``{{raw `…`}}``) and kramdown attribute lists (`{: .intro}`). Each is found as the generator
finds it, before the Markdown is parsed, so that what it spans is never read as a list or a
paragraph. Braces and quoted strings inside an expression are matched; an opener that is not
closed within a bounded stretch is left as text, and the search goes on after that stretch, so
the scan stays linear in the length of the text.
"""

from __future__ import annotations

import re

from copylint.text.spans import Span

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n(?:[^\n]*\n)*?(?:---|\.\.\.)"  # YAML
    r"|\+\+\+[ \t]*\n(?:[^\n]*\n)*?\+\+\+)"  # TOML
    r"[ \t]*(?:\n|\Z)"
)
_OPENER = re.compile(r"\{[{%#]|\{::?[ \t]*[.#:\w]")
_ATTRIBUTE_LIST = re.compile(r"\{::?[^{}\n]*\}")
_EXPRESSION_PART = re.compile(r"[{}\"'`]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
# The most one template may span: more than any macro call with its object literal.
_LONGEST = 20_000
_CLOSERS = {"{%": "%}", "{#": "#}", "{{<": ">}}", "{{%": "%}}"}


def front_matter_end(text: str) -> int:
    """Where the front matter ends (0 if there is none)."""
    match = _FRONT_MATTER.match(text)
    return 0 if match is None else match.end()


def template_spans(text: str, start: int = 0) -> list[Span]:
    """The spans of template syntax in `text` from `start`, outside fenced code."""
    fences = _fenced_code(text, start)
    spans: list[Span] = []
    resume = start
    fence = 0
    for opener in _OPENER.finditer(text, start):
        at = opener.start()
        if at < resume:
            continue
        while fence < len(fences) and fences[fence][1] <= at:
            fence += 1
        if fence < len(fences) and fences[fence][0] <= at:
            continue
        end = _template_end(text, at)
        if end is None:
            resume = at + 2
            continue
        if end < 0:  # nothing closes it in reach: neither can an opener inside the stretch
            resume = -end
            continue
        spans.append((at, end))
        resume = end
    return spans


def _template_end(text: str, at: int) -> int | None:
    """Where the template opening at `at` ends; None if it is no template after all, or minus
    the offset to resume the search from if it is never closed."""
    if text.startswith("{:", at):
        attributes = _ATTRIBUTE_LIST.match(text, at)
        return None if attributes is None else attributes.end()
    limit = min(len(text), at + _LONGEST)
    opener = text[at : at + 3]
    closer = _CLOSERS.get(opener) or _CLOSERS.get(opener[:2])
    if closer is not None:
        close = text.find(closer, at + len(opener), limit)
        return -limit if close == -1 else close + len(closer)
    return _expression_end(text, at, limit)


def _expression_end(text: str, at: int, limit: int) -> int:
    """The end of a `{{ … }}` expression: braces balanced, quoted strings skipped."""
    depth = 0
    position = at
    while True:
        part = _EXPRESSION_PART.search(text, position, limit)
        if part is None:
            return -limit
        char = part[0]
        position = part.end()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 1 and text.startswith("}", position):
                return position + 1
            if depth <= 0:
                return -position
        else:
            close = text.find(char, position, limit)
            if close == -1:
                return -limit
            position = close + 1


def _fenced_code(text: str, start: int) -> list[Span]:
    """The fenced code blocks from `start`, roughly: a fence line down to the next fence of the
    same character and at least its length, or the end of the text."""
    spans: list[Span] = []
    position = start
    while (opening := _FENCE.search(text, position)) is not None:
        fence = opening[1]
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end_of_line = text.find("\n", opening.end())
        if end_of_line == -1:
            spans.append((opening.start(), len(text)))
            break
        close = closing.search(text, end_of_line + 1)
        end = len(text) if close is None else close.end()
        spans.append((opening.start(), end))
        position = end
    return spans
