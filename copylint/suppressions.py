"""Findings an editor has silenced in the article itself.

In Markdown the directives are HTML comments, which the page never shows:

    <!-- copylint-disable-next-line entity/near-miss -- a columnist, not the minister -->
    <!-- copylint-disable quote -->  …  <!-- copylint-enable quote -->
    <!-- copylint-disable-file boilerplate -->

In plain text, where there are no comments, the same words stand on a line of their own, which
is never a finding itself. A directive takes rule ids or categories, several comma-separated
(none: every rule), and a reason after `--`. `disable-next-line` covers the next line with
text on it; `disable` covers the lines down to the `enable` that names the same codes, or to
the end of the file; `disable-file` the whole file. A directive that silences nothing is itself
reported when asked (`--report-unused-suppressions`): a rule fixed or a sentence rewritten
leaves it behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from copylint.finding import Finding, Report, Severity
from copylint.text.document import Document
from copylint.text.plain import DIRECTIVE_KINDS, DIRECTIVE_MARK, DIRECTIVE_ON_A_LINE

UNUSED_RULE = "copylint/unused-suppression"
_IN_COMMENT = re.compile(rf"<!--[ \t]*{DIRECTIVE_MARK}({DIRECTIVE_KINDS})\b([^\n]*?)-->")


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]  # empty: every rule
    start: int  # offsets of the directive in the text
    end: int
    line: int  # where it stands
    first: int  # the lines it covers, inclusive
    last: int
    used: bool = field(default=False)

    def covers(self, report: Report) -> bool:
        if not self.first <= report.line <= self.last:
            return False
        return not self.codes or any(_names(code, report.finding.rule) for code in self.codes)


def _names(code: str, rule_id: str) -> bool:
    return rule_id == code or rule_id.startswith(code + "/")


def directives(doc: Document) -> list[Directive]:
    """The directives of an article, each with the lines it covers."""
    if DIRECTIVE_MARK not in doc.text:
        return []
    pattern = _IN_COMMENT if doc.is_markdown else DIRECTIVE_ON_A_LINE
    found = []
    for match in pattern.finditer(doc.text):
        kind = match[1]
        words = match[2].split("--", 1)[0].replace(",", " ").split()
        line = doc.position(match.start())[0]
        found.append(Directive(kind, tuple(words), match.start(), match.end(), line, line, line))
    return _with_reach(doc, found)


def _with_reach(doc: Document, found: list[Directive]) -> list[Directive]:
    last_line = len(doc.line_starts)
    covering = []
    for index, directive in enumerate(found):
        if directive.kind == "enable":
            continue
        if directive.kind == "disable-file":
            directive.first, directive.last = 1, last_line
        elif directive.kind == "disable-next-line":
            directive.first = directive.last = _next_line_with_text(doc, directive.end)
        else:
            closing = next(
                (
                    later
                    for later in found[index + 1 :]
                    if later.kind == "enable" and set(later.codes) == set(directive.codes)
                ),
                None,
            )
            directive.last = closing.line if closing is not None else last_line
        covering.append(directive)
    return covering


def _next_line_with_text(doc: Document, after: int) -> int:
    line = doc.position(after)[0] + 1
    starts = doc.line_starts
    while line <= len(starts):
        end = starts[line] - 1 if line < len(starts) else len(doc.text)
        if doc.text[starts[line - 1] : end].strip():
            return line
        line += 1
    return line


def suppress(doc: Document, reports: Sequence[Report], report_unused: bool = False) -> list[Report]:
    """The reports no directive silences; with `report_unused`, one more for each directive
    that silenced nothing."""
    found = directives(doc)
    if not found:
        return list(reports)
    kept = []
    for report in reports:
        silencing = [directive for directive in found if directive.covers(report)]
        for directive in silencing:
            directive.used = True
        if not silencing:
            kept.append(report)
    if report_unused:
        kept += [_unused(doc, directive) for directive in found if not directive.used]
    kept.sort(key=lambda r: (r.line, r.column, r.finding.rule))
    return kept


def _unused(doc: Document, directive: Directive) -> Report:
    codes = ", ".join(directive.codes) or "every rule"
    finding = Finding(
        rule=UNUSED_RULE,
        category="style",
        severity=Severity.WARNING,
        message=f"This copylint-{directive.kind} ({codes}) silences nothing: delete it.",
        start=directive.start,
        end=directive.end,
    )
    line, column = doc.position(directive.start)
    end_line, end_column = doc.position(directive.end)
    text = doc.text[directive.start : directive.end]
    return Report(doc.path, line, column, end_line, end_column, text, finding)
