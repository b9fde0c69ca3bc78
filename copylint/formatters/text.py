"""`--format text`: one `path:line:col: severity rule message` line per finding, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from copylint.finding import Severity
from copylint.formatters.printable import printable

if TYPE_CHECKING:
    from copylint.finding import Report, RuleInfo, RunStats

_RESET = "\x1b[0m"
_DIM = "\x1b[2m"
_SEVERITY_COLORS = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}

# "info" is a mass noun: "2 info", as in "2 errors, 2 info".
_SEVERITY_PLURALS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def render(
    reports: Sequence[Report],
    rules: Sequence[RuleInfo],
    *,
    color: bool,
    stats: RunStats | None = None,
) -> str:
    lines: list[str] = []
    for report in reports:
        lines.append(_finding_line(report, color=color))
        if report.finding.suggestions:
            lines.append(_suggestion_line(report.finding.suggestions))
    if lines:
        lines.append("")
    lines.append(_summary(reports, stats))
    return "\n".join(lines) + "\n"


def _finding_line(report: Report, *, color: bool) -> str:
    finding = report.finding
    severity = finding.severity.value
    rule = finding.rule
    if color:
        severity = f"{_SEVERITY_COLORS[finding.severity]}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    where = f"{printable(report.path)}:{report.line}:{report.column}"
    return f"{where}: {severity} {rule} {printable(finding.message)}"


def _suggestion_line(suggestions: Sequence[str]) -> str:
    best, *others = suggestions
    alternatives = f" (or: {', '.join(map(printable, others))})" if others else ""
    return f"  suggestion: {printable(best)}{alternatives}"


def _summary(reports: Sequence[Report], stats: RunStats | None) -> str:
    """`9 findings (9 warnings) in 1 file`; of a run over several files, how many were
    checked and refused too: `12 findings (12 warnings) in 2 of 5 files checked; 1 file
    refused`."""
    files = len({report.path for report in reports})
    checked = stats.checked if stats is not None else files
    refused = stats.refused if stats is not None else 0
    tail = f"; {_count(refused, 'file', 'files')} refused" if refused else ""
    if not reports:
        head = "No findings" if checked <= 1 else f"No findings in {checked} files checked"
        return f"{head}{tail}."
    by_severity = Counter(report.finding.severity for report in reports)
    breakdown = ", ".join(
        _count(by_severity[severity], severity.value, _SEVERITY_PLURALS[severity])
        for severity in sorted(by_severity, key=lambda s: s.rank, reverse=True)
    )
    findings = _count(len(reports), "finding", "findings")
    where = _count(files, "file", "files")
    if checked > files:
        where = f"{files} of {checked} files checked"
    return f"{findings} ({breakdown}) in {where}{tail}"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
