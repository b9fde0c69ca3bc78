"""Runs the enabled rules on each document and places, filters and sorts what they find."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import NamedTuple

from copylint.checks.base import MOST_FINDINGS, Rule
from copylint.errors import RuleWarning
from copylint.finding import Finding, Report, Severity
from copylint.patterns import PatternStalled
from copylint.shared_rules import shared_findings, worth_sharing
from copylint.suppressions import suppress
from copylint.text.document import Document


class Selection(NamedTuple):
    """`--select` / `--ignore`: rule ids or prefixes of them (`boilerplate` is every
    `boilerplate/…` rule)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def allows(self, rule_id: str) -> bool:
        if self.select and not any(_names(code, rule_id) for code in self.select):
            return False
        return not any(_names(code, rule_id) for code in self.ignore)

    def unknown(self, rules: Iterable[Rule]) -> list[str]:
        """The codes that name no rule: a typo there would silently check nothing."""
        ids = [rule.id for rule in rules]
        codes = (*self.select, *self.ignore)
        return [code for code in codes if not any(_names(code, rule_id) for rule_id in ids)]

    def filter(self, rules: Iterable[Rule]) -> list[Rule]:
        return [rule for rule in rules if self.allows(rule.id)]


def _names(code: str, rule_id: str) -> bool:
    code = code.rstrip("/")
    return rule_id == code or rule_id.startswith(code + "/")


def check_document(
    doc: Document,
    rules: Sequence[Rule],
    warn: Callable[[str], None] | None = None,
    report_unused_suppressions: bool = False,
    share_long: bool = False,
) -> list[Report]:
    """Every finding of `rules` in `doc` that the article's own directives do not silence,
    placed and sorted. A house pattern that stalls is stopped, told to `warn` once, and the
    other rules go on; so is a rule past `MOST_FINDINGS`, with the findings it made. With
    `share_long`, a long article's rules are shared by two processes (`copylint.shared_rules`),
    with the same outcome."""
    said: dict[str, str] = {}  # by rule id, what a rule that could not finish says

    def run(rule: Rule) -> list[Finding]:
        """The rule's findings, one past `MOST_FINDINGS` at most, which says it was stopped."""
        try:
            return list(islice(rule.check(doc), MOST_FINDINGS + 1))
        except PatternStalled as stalled:
            said[rule.id] = f"{doc.path}: {rule.id}: {stalled}; it will not be run again"
        except RuleWarning as problem:
            said[rule.id] = str(problem)
        return []

    if share_long and worth_sharing(doc, rules):
        found = shared_findings(doc, rules, run)
    else:
        found = [run(rule) for rule in rules]
    for rule, findings in zip(rules, found, strict=True):
        if len(findings) > MOST_FINDINGS:
            del findings[MOST_FINDINGS:]
            said[rule.id] = (
                f"{doc.path}: {rule.id}: stopped at {MOST_FINDINGS:,} findings, more than any"
                " article has"
            )
    if warn is not None:
        for rule in rules:  # in the order of the rules, whichever process ran them
            if rule.id in said:
                warn(said[rule.id])
    reports = [place(doc, finding) for findings in found for finding in findings]
    reports.sort(key=lambda r: (r.line, r.column, r.finding.rule))
    return suppress(doc, reports, report_unused_suppressions)


def place(doc: Document, finding: Finding) -> Report:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    text = doc.text[finding.start : finding.end]
    edits: tuple[tuple[int, int, int, int, str], ...] = ()
    if finding.fix is not None:
        edits = tuple(
            (*doc.position(edit.start), *doc.position(edit.end), edit.text)
            for edit in finding.fix.edits
        )
    return Report(doc.path, line, column, end_line, end_column, text, finding, edits)


def fails(reports: Iterable[Report], fail_on: Severity) -> bool:
    return any(report.finding.severity.rank >= fail_on.rank for report in reports)
