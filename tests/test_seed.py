"""The article copylint was specified from gives exactly the findings its expected file lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from copylint.cli import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED = json.loads((SEEDS / "000_a48f44d96701f5af.expected.json").read_text("utf-8"))
SEED = SEEDS / EXPECTED["file"]
# The categories whose rules exist so far. A category the seed expects findings of and that is
# not built yet is expected to fail, strictly, so that this set must grow the day it passes.
BUILT = {"boilerplate", "spelling", "entity"}


def findings() -> list[dict[str, object]]:
    args = ["check", "--format", "json", "--locale", EXPECTED["config"]["locale"], str(SEED)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def expected_row(must: dict[str, object]) -> tuple[object, ...]:
    return (must["line"], must.get("column"), must["text"], must.get("suggestion"))


def found_row(found: dict[str, object], must: dict[str, object]) -> tuple[object, ...]:
    suggestions = found["suggestions"]
    assert isinstance(suggestions, list)
    return (
        found["line"],
        found["column"] if "column" in must else None,
        found["text"],
        suggestions[0] if "suggestion" in must and suggestions else None,
    )


def category_params() -> list[object]:
    expected = {m["category"] for m in EXPECTED["must_find"]}
    xfail = pytest.mark.xfail(strict=True, reason="its rule is a later issue")
    return [
        pytest.param(c, marks=() if c in BUILT or c not in expected else xfail)
        for c in ("boilerplate", "entity", "spelling", "quote")
    ]


@pytest.mark.parametrize("category", category_params())
def test_seed_gives_exactly_the_expected_findings(category: str) -> None:
    musts = [m for m in EXPECTED["must_find"] if m["category"] == category]
    found = [f for f in findings() if f["category"] == category]
    by_line = {m["line"]: m for m in musts}
    rows = sorted(found_row(f, by_line.get(f["line"], {})) for f in found)
    assert rows == sorted(expected_row(m) for m in musts)
    assert {f["line"] for f in found} <= set(EXPECTED["only_on_lines"][category])


def test_no_finding_has_a_text_the_seed_says_must_pass() -> None:
    flagged = {f["text"] for f in findings() if f["category"] != "grammar"}
    assert flagged.isdisjoint(EXPECTED["must_not_flag_text"])


def test_every_boilerplate_finding_covers_its_whole_line() -> None:
    lines = SEED.read_text("utf-8").split("\n")
    for found in findings():
        if found["category"] == "boilerplate":
            line = lines[int(str(found["line"])) - 1]
            assert found["column"] == 1
            assert found["text"] == line.strip()


# The seed set as a Markdown page: front matter, its headline a heading, a subhead, a list,
# links, emphasis and an HTML comment. Markup costs it no finding and adds none.
SEED_PAGE = Path(__file__).resolve().parent / "articles" / "seed.md"
SEED_PAGE_FINDINGS = [
    (7, 1, "boilerplate/web-chrome", "• en"),
    (8, 1, "boilerplate/web-chrome", "ON NOW"),
    (16, 135, "spelling/locale", "centered"),
    (18, 344, "spelling/locale", "defense"),
    (20, 229, "spelling/locale", "Defense"),
    (28, 48, "entity/near-miss", "Starmet"),
    (47, 134, "spelling/locale", "defense"),
    (49, 1, "boilerplate/web-chrome", "Follow us on:"),
    (51, 1, "boilerplate/web-chrome", "ON NOW"),
]


def test_the_seed_as_a_markdown_page_gives_the_same_findings_at_its_positions() -> None:
    args = ["check", "--format", "json", "--locale", "en-GB"]
    page = json.loads(CliRunner().invoke(cli, [*args, str(SEED_PAGE)]).stdout)
    plain = findings()
    assert [(f["line"], f["column"], f["rule"], f["text"]) for f in page] == SEED_PAGE_FINDINGS
    same = ("rule", "text", "message", "suggestions")
    # The page's title is published copy, and names Starmer once more than the plain seed.
    said = [{**f, "message": f["message"].replace("(8 times)", "(7 times)")} for f in page]
    assert sorted(tuple(str(f[k]) for k in same) for f in said) == sorted(
        tuple(str(f[k]) for k in same) for f in plain
    )
    assert [f["message"] for f in page if f["rule"] == "entity/near-miss"] == [
        '"Starmet" may be a typo: this article elsewhere has "Starmer" (8 times).'
    ]
