"""`--format github`: GitHub Actions workflow commands, shown as annotations on a pull request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copylint.finding import Severity
from copylint.formatters.printable import without_surrogates

if TYPE_CHECKING:
    from copylint.finding import Report, RuleInfo, RunStats

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# GitHub's workflow-command escaping: `%` first, or the escapes themselves would be re-escaped.
_MESSAGE_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_MESSAGE_ESCAPES, (":", "%3A"), (",", "%2C"))


def render(
    reports: Sequence[Report],
    rules: Sequence[RuleInfo],
    *,
    color: bool,
    stats: RunStats | None = None,
) -> str:
    return "".join(_command(report) + "\n" for report in reports)


def _command(report: Report) -> str:
    finding = report.finding
    properties = {
        "file": without_surrogates(report.path),
        "line": report.line,
        "col": report.column,
        "endLine": report.end_line,
        "endColumn": report.end_column,
        "title": finding.rule,
    }
    rendered = ",".join(
        f"{key}={_escape(str(value), _PROPERTY_ESCAPES)}" for key, value in properties.items()
    )
    message = finding.message
    if finding.suggestions:
        message += f" (suggestion: {finding.suggestions[0]})"
    return f"::{_COMMANDS[finding.severity]} {rendered}::{_escape(message, _MESSAGE_ESCAPES)}"


def _escape(value: str, escapes: Sequence[tuple[str, str]]) -> str:
    for raw, escaped in escapes:
        value = value.replace(raw, escaped)
    return value
