"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from copylint import __version__
from copylint.finding import Severity
from copylint.formatters.printable import json_safe

if TYPE_CHECKING:
    from copylint.finding import Report, RuleInfo, RunStats

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/copylint/copylint"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# A sentence ends at . ! or ? unless a lower-case word follows, so "e.g. the" does not end one.
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s+[^\sa-z]|$)")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")

JSON = dict[str, Any]


def render(
    reports: Sequence[Report],
    rules: Sequence[RuleInfo],
    *,
    color: bool,
    stats: RunStats | None = None,
) -> str:
    unique_rules = list({rule.id: rule for rule in rules}.values())
    rule_index = {rule.id: index for index, rule in enumerate(unique_rules)}
    run: JSON = {
        "tool": {
            "driver": {
                "name": "copylint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule_descriptor(rule) for rule in unique_rules],
            }
        },
        # Our columns count code points; SARIF's default is UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "results": [_result(report, rule_index) for report in reports],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_safe(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _rule_descriptor(rule: RuleInfo) -> JSON:
    description = " ".join(rule.description.split())
    return {
        "id": rule.id,
        "name": _camel_case_name(rule.id),
        "shortDescription": {"text": _first_sentence(description) or rule.message},
        "fullDescription": {"text": description or rule.message},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"category": rule.category, "pack": rule.pack},
    }


def _camel_case_name(rule_id: str) -> str:
    name = rule_id.rpartition("/")[2]
    return "".join(word.capitalize() for word in name.split("-"))


def _first_sentence(description: str) -> str:
    match = _FIRST_SENTENCE.match(description)
    return match.group() if match else description


def _result(report: Report, rule_index: dict[str, int]) -> JSON:
    finding = report.finding
    uri = _artifact_uri(report.path)
    result: JSON = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    result["level"] = _LEVELS[finding.severity]
    result["message"] = {"text": finding.message}
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": {**_region(report), "snippet": {"text": report.text}},
            }
        }
    ]
    if report.edits:
        result["fixes"] = [_fix(report, uri)]
    result["properties"] = {"category": finding.category}
    return result


def _region(report: Report) -> JSON:
    return {
        "startLine": report.line,
        "startColumn": report.column,
        "endLine": report.end_line,
        "endColumn": report.end_column,
    }


def _fix(report: Report, uri: str) -> JSON:
    fix = report.finding.fix
    assert fix is not None
    deletes = all(text == "" for *_, text in report.edits)
    what = "Delete the line" if deletes else f"Replace with '{report.edits[0][4]}'"
    return {
        "description": {"text": f"{what} ({fix.applicability.value} fix)"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        },
                        "insertedContent": {"text": text},
                    }
                    for line, column, end_line, end_column, text in report.edits
                ],
            }
        ],
    }


def _artifact_uri(path: str) -> str:
    """The path as a URI reference: SARIF wants a valid URI, so spaces and non-ASCII letters are
    percent-encoded; a relative path stays relative, an absolute one becomes a file URI."""
    slashed = path.replace("\\", "/")
    # As the bytes of the file name, which need not be UTF-8.
    raw = os.fsencode(slashed)
    if _WINDOWS_DRIVE.match(slashed):
        return "file:///" + quote(raw, safe="/:")
    if slashed.startswith("/"):
        return "file://" + quote(raw, safe="/")
    return quote(raw, safe="/")
