"""Every output format, rendered from hand-built reports and compared with exact output."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from copylint import __version__
from copylint.checks.base import Rule
from copylint.finding import Applicability, Edit, Fix, Report, Severity
from copylint.formatters import FORMATTERS

NEAR_MISS = Rule(
    id="entity/near-miss",
    category="entity",
    severity=Severity.ERROR,
    message="Entity spelled differently elsewhere.",
    description="Flags a name spelled two ways in one article. Readers notice, e.g. a council.",
    pack="entities",
)
VARIANT_MIX = Rule(
    id="spelling/variant-mix",
    category="spelling",
    severity=Severity.WARNING,
    message="UK and US spellings mixed.",
    pack="spelling",
)
SHARE_BUTTONS = Rule(
    id="boilerplate/share-buttons",
    category="boilerplate",
    severity=Severity.WARNING,
    message="Leftover share buttons.",
    description="Flags web chrome pasted with the copy.",
    pack="boilerplate",
)
UNATTRIBUTED = Rule(
    id="quote/unattributed",
    category="quote",
    severity=Severity.INFO,
    message="Quotation without a speaker.",
    pack="quotes",
)
RULES = (NEAR_MISS, VARIANT_MIX, SHARE_BUTTONS, UNATTRIBUTED)

ZURICH = "news/Zürich-vote.md"
LEADER = "opinion/leader, draft: v2.txt"


def report(
    rule: Rule,
    path: str,
    line: int,
    column: int,
    text: str,
    message: str | None = None,
    suggestions: tuple[str, ...] = (),
) -> Report:
    """A report as the engine places it; a suggestion comes with its fix, as the spelling and
    entity rules give it."""
    fix = Fix(Applicability.SAFE, (Edit(0, len(text), suggestions[0]),)) if suggestions else None
    finding = rule.finding(0, len(text), message, suggestions, fix)
    edits = ((line, column, line, column + len(text), suggestions[0]),) if suggestions else ()
    return Report(path, line, column, line, column + len(text), text, finding, edits)


REPORTS = (
    report(
        NEAR_MISS, ZURICH, 3, 5, "Zurich", "“Zurich” here, “Zürich” in 4 places.", ("Zürich",)
    ),
    report(
        VARIANT_MIX, ZURICH, 7, 12, "color", "“color” in 50% of uses;\nkeep one form.",
        ("colour", "color"),
    ),
    report(SHARE_BUTTONS, LEADER, 2, 1, "Share this article"),
    report(UNATTRIBUTED, LEADER, 9, 3, "“We will win.”"),
)  # fmt: skip


def render(name: str, reports: tuple[Report, ...] = REPORTS, *, color: bool = False) -> str:
    return FORMATTERS[name](reports, RULES, color=color)


def test_registry_lists_the_four_formats() -> None:
    assert sorted(FORMATTERS) == ["github", "json", "sarif", "text"]


def test_importing_the_formatters_loads_nothing_heavy() -> None:
    code = "import sys, copylint.formatters; print('jsonschema' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- text -------------------------------------------------------------------------------------


def test_text_lists_findings_suggestions_and_a_summary() -> None:
    assert render("text") == (
        "news/Zürich-vote.md:3:5: error entity/near-miss “Zurich” here, “Zürich” in 4 places.\n"
        "  suggestion: Zürich\n"
        "news/Zürich-vote.md:7:12: warning spelling/variant-mix “color” in 50% of uses;\\n"
        "keep one form.\n"
        "  suggestion: colour (or: color)\n"
        "opinion/leader, draft: v2.txt:2:1: warning boilerplate/share-buttons"
        " Leftover share buttons.\n"
        "opinion/leader, draft: v2.txt:9:3: info quote/unattributed Quotation without a speaker.\n"
        "\n"
        "4 findings (1 error, 2 warnings, 1 info) in 2 files\n"
    )


def test_text_in_colour_colours_the_severity_and_dims_the_rule() -> None:
    first, _, third, fourth = REPORTS
    assert render("text", (first, third, fourth), color=True) == (
        "news/Zürich-vote.md:3:5: \x1b[31merror\x1b[0m \x1b[2mentity/near-miss\x1b[0m"
        " “Zurich” here, “Zürich” in 4 places.\n"
        "  suggestion: Zürich\n"
        "opinion/leader, draft: v2.txt:2:1: \x1b[33mwarning\x1b[0m"
        " \x1b[2mboilerplate/share-buttons\x1b[0m Leftover share buttons.\n"
        "opinion/leader, draft: v2.txt:9:3: \x1b[36minfo\x1b[0m"
        " \x1b[2mquote/unattributed\x1b[0m Quotation without a speaker.\n"
        "\n"
        "3 findings (1 error, 1 warning, 1 info) in 2 files\n"
    )


def test_text_without_colour_has_no_escape_codes() -> None:
    assert "\x1b" not in render("text", color=False)


def test_text_summary_is_singular_for_one_finding() -> None:
    assert render("text", REPORTS[2:3]).endswith("\n\n1 finding (1 warning) in 1 file\n")


def test_text_says_so_when_there_are_no_findings() -> None:
    assert render("text", ()) == "No findings.\n"
    assert render("text", (), color=True) == "No findings.\n"


# --- github -----------------------------------------------------------------------------------


def test_github_prints_one_escaped_workflow_command_per_finding() -> None:
    assert render("github").splitlines() == [
        "::error file=news/Zürich-vote.md,line=3,col=5,endLine=3,endColumn=11,"
        "title=entity/near-miss::“Zurich” here, “Zürich” in 4 places. (suggestion: Zürich)",
        "::warning file=news/Zürich-vote.md,line=7,col=12,endLine=7,endColumn=17,"
        "title=spelling/variant-mix::“color” in 50%25 of uses;%0Akeep one form."
        " (suggestion: colour)",
        "::warning file=opinion/leader%2C draft%3A v2.txt,line=2,col=1,endLine=2,endColumn=19,"
        "title=boilerplate/share-buttons::Leftover share buttons.",
        "::notice file=opinion/leader%2C draft%3A v2.txt,line=9,col=3,endLine=9,endColumn=17,"
        "title=quote/unattributed::Quotation without a speaker.",
    ]


def test_github_escapes_carriage_returns_and_prints_nothing_without_findings() -> None:
    line = render("github", (report(UNATTRIBUTED, "a\rb.md", 1, 1, "x", "one\r\ntwo"),))
    assert line == (
        "::notice file=a%0Db.md,line=1,col=1,endLine=1,endColumn=2,"
        "title=quote/unattributed::one%0D%0Atwo\n"
    )
    assert render("github", ()) == ""


# --- json and its schema ----------------------------------------------------------------------

CONTRACT_FIELDS = [
    "path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
    "message", "text", "suggestions",
]  # fmt: skip


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(
        files("copylint").joinpath("schemas/findings.schema.json").read_text(encoding="utf-8")
    )
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_json_is_the_contract_in_order_and_keeps_unicode() -> None:
    output = render("json")
    findings = json.loads(output)
    assert findings == [r.to_json() for r in REPORTS]
    # The contract's fields in its order; `fix`, where there is one, after them.
    assert all(list(finding)[: len(CONTRACT_FIELDS)] == CONTRACT_FIELDS for finding in findings)
    assert [list(finding)[len(CONTRACT_FIELDS) :] for finding in findings] == [
        ["fix"],
        ["fix"],
        [],
        [],
    ]
    assert "Zürich" in output
    assert findings[2]["suggestions"] == []


def test_json_output_validates_against_the_shipped_schema(
    validator: Draft202012Validator,
) -> None:
    validator.validate(json.loads(render("json")))
    validator.validate(json.loads(render("json", ())))


def valid_finding() -> dict[str, Any]:
    return REPORTS[0].to_json()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: f.pop("suggestions"), id="missing field"),
        pytest.param(lambda f: f.pop("end_column"), id="missing position"),
        pytest.param(lambda f: f.update(fix="Zürich"), id="extra field"),
        pytest.param(lambda f: f.update(line=0), id="line 0"),
        pytest.param(lambda f: f.update(column="5"), id="column as string"),
        pytest.param(lambda f: f.update(rule="NearMiss"), id="rule without pack"),
        pytest.param(lambda f: f.update(category="typo"), id="unknown category"),
        pytest.param(lambda f: f.update(severity="fatal"), id="unknown severity"),
        pytest.param(lambda f: f.update(suggestions=[1]), id="suggestion not a string"),
    ],
)
def test_schema_rejects_a_finding_that_breaks_the_contract(
    validator: Draft202012Validator, change: Any
) -> None:
    finding = valid_finding()
    validator.validate([finding])
    change(finding)
    assert not validator.is_valid([finding])


def test_schema_rejects_a_bare_object(validator: Draft202012Validator) -> None:
    assert not validator.is_valid(valid_finding())


# --- sarif ------------------------------------------------------------------------------------


def sarif_run(reports: tuple[Report, ...] = REPORTS) -> dict[str, Any]:
    log = json.loads(render("sarif", reports))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    return run  # type: ignore[no-any-return]


def test_sarif_describes_the_tool_and_every_rule_that_ran() -> None:
    run = sarif_run(())
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert driver["name"] == "copylint"
    assert driver["version"] == __version__
    assert driver["informationUri"] == "https://github.com/copylint/copylint"
    assert [rule["id"] for rule in driver["rules"]] == [rule.id for rule in RULES]
    assert driver["rules"][0] == {
        "id": "entity/near-miss",
        "name": "NearMiss",
        "shortDescription": {"text": "Flags a name spelled two ways in one article."},
        "fullDescription": {"text": NEAR_MISS.description},
        "defaultConfiguration": {"level": "error"},
        "properties": {"category": "entity", "pack": "entities"},
    }
    # Without a description, the rule's message stands in for it.
    assert driver["rules"][1]["shortDescription"] == {"text": "UK and US spellings mixed."}
    assert driver["rules"][1]["fullDescription"] == {"text": "UK and US spellings mixed."}
    assert [rule["defaultConfiguration"]["level"] for rule in driver["rules"]] == [
        "error", "warning", "warning", "note",
    ]  # fmt: skip


def test_sarif_result_has_location_snippet_fix_and_category() -> None:
    result = sarif_run()["results"][1]
    region = {"startLine": 7, "startColumn": 12, "endLine": 7, "endColumn": 17}
    assert result == {
        "ruleId": "spelling/variant-mix",
        "ruleIndex": 1,
        "level": "warning",
        "message": {"text": "“color” in 50% of uses;\nkeep one form."},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "news/Z%C3%BCrich-vote.md"},
                    "region": {**region, "snippet": {"text": "color"}},
                }
            }
        ],
        "fixes": [
            {
                "description": {"text": "Replace with 'colour' (safe fix)"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "news/Z%C3%BCrich-vote.md"},
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": "colour"}}
                        ],
                    }
                ],
            }
        ],
        "properties": {"category": "spelling"},
    }


def test_sarif_results_point_at_their_rules_and_omit_fixes_without_suggestions() -> None:
    run = sarif_run()
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r.finding.rule for r in REPORTS]
    assert [r["level"] for r in results] == ["error", "warning", "warning", "note"]
    assert ["fixes" in r for r in results] == [True, True, False, False]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("opinion/leader, draft: v2.txt", "opinion/leader%2C%20draft%3A%20v2.txt"),
        ("news\\2024\\story.md", "news/2024/story.md"),
        ("/srv/news/a b.md", "file:///srv/news/a%20b.md"),
        ("C:\\news\\story.md", "file:///C:/news/story.md"),
    ],
)
def test_sarif_uri_is_a_valid_uri_that_keeps_relative_paths_relative(path: str, uri: str) -> None:
    (result,) = sarif_run((report(UNATTRIBUTED, path, 1, 1, "x"),))["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_installed_copylint_writes_all_its_output_before_it_leaves(tmp_path: Path) -> None:
    # It leaves without the interpreter's teardown: what it buffered must still be written,
    # here far more than a pipe holds.
    for number in range(400):
        (tmp_path / f"article{number:03}.txt").write_text(
            "The council said its colour scheme and its color chart would change.\n",
            encoding="utf-8",
        )
    done = subprocess.run(
        ["copylint", "check", "--no-cache", "--locale", "en-GB", "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    findings = json.loads(done.stdout)
    assert (done.returncode, done.stderr, len(done.stdout) > 100_000) == (1, "", True)
    assert [(f["path"], f["column"], f["text"]) for f in findings] == [
        (f"./article{number:03}.txt", 44, "color") for number in range(400)
    ]
