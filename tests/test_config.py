"""House configs: where they are found, what `extends` brings in, how a house changes a shipped
rule or adds its own, and the `path:line:column: message` of every mistake in one. Also the
shipped packs themselves: valid against the schema, and every rule's examples true."""

from __future__ import annotations

import json
import os
from pathlib import Path
from textwrap import dedent

import pytest
import yaml
from articles import ARTICLE
from click.testing import CliRunner, Result

from copylint.checks import KINDS
from copylint.checks.base import Rule
from copylint.cli import cli
from copylint.config import config_schema, load_config, shipped_packs
from copylint.errors import ConfigError
from copylint.text.document import Document
from copylint.yamlfile import load_yaml, validate

CHROME_LINES = [1, 2, 34, 36]
AMIDST_RULE = """\
rules:
  house/amidst:
    kind: existence
    category: style
    severity: info
    message: 'Write "amid", not "{text}".'
    tokens: [amidst, amongst]
"""


def check(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", "--format", "json", *args], input=input)


def found(result: Result) -> list[tuple[str, int, int, int, str, str, str, list[str]]]:
    """(path, line, column, end column, rule, severity, text, suggestions) of each finding."""
    return [
        (
            f["path"],
            f["line"],
            f["column"],
            f["end_column"],
            f["rule"],
            f["severity"],
            f["text"],
            f["suggestions"],
        )
        for f in json.loads(result.stdout)
    ]


def rules_found(result: Result) -> list[tuple[int, str, str]]:
    return [(line, rule, severity) for _, line, _, _, rule, severity, _, _ in found(result)]


def chrome(severity: str = "warning") -> list[tuple[int, str, str]]:
    return [(line, "boilerplate/web-chrome", severity) for line in CHROME_LINES]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


def shipped_ids() -> set[str]:
    config = load_config(None)
    return {rule.id for rule in (*config.rules, *config.disabled)}


@pytest.fixture
def article(here: Path) -> str:
    (here / "article.txt").write_bytes(ARTICLE)
    return "article.txt"


# --- Finding the house config -----------------------------------------------------------------


def test_the_house_config_is_found_by_walking_up_from_the_checked_file(
    here: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(here / "paper" / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: error}}")
    story = here / "paper" / "news" / "2024" / "starmer.txt"
    story.parent.mkdir(parents=True)
    story.write_bytes(ARTICLE)
    (here / "elsewhere.txt").write_bytes(ARTICLE)
    result = check("paper/news/2024/starmer.txt", "elsewhere.txt")
    assert result.exit_code == 1
    assert [(path, line, severity) for path, line, _, _, _, severity, _, _ in found(result)] == [
        *[("elsewhere.txt", line, "warning") for line in CHROME_LINES],
        *[(os.path.join("paper", "news", "2024", "starmer.txt"), line, "error")
          for line in CHROME_LINES],
    ]  # fmt: skip
    # From the file, not from the working folder.
    monkeypatch.chdir(tmp_path_factory.mktemp("away"))
    assert rules_found(check(str(story))) == chrome("error")


def test_the_nearest_house_config_wins(here: Path, article: str) -> None:
    write(here / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: error}}")
    write(here / "desk" / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: info}}")
    (here / "desk" / "story.txt").write_bytes(ARTICLE)
    assert rules_found(check(article)) == chrome("error")
    assert rules_found(check("desk/story.txt")) == chrome("info")


def test_stdin_uses_the_house_config_of_the_working_folder_or_of_its_stdin_filename(
    here: Path,
) -> None:
    write(here / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: error}}")
    write(here / "desk" / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: info}}")
    seed = ARTICLE
    assert rules_found(check("-", input=seed)) == chrome("error")
    assert rules_found(check("--stdin-filename", "desk/a.txt", "-", input=seed)) == chrome("info")


def test_config_overrides_the_nearest_house_config(here: Path, article: str) -> None:
    write(here / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: error}}")
    write(here / "configs" / "strict.yaml", "rules: {boilerplate/web-chrome: {severity: info}}")
    assert rules_found(check("--config", "configs/strict.yaml", article)) == chrome("info")


def test_a_changed_config_is_read_again_in_the_same_process(here: Path, article: str) -> None:
    house = write(here / ".copylint.yaml", "rules: {boilerplate/web-chrome: {severity: error}}")
    assert rules_found(check(article)) == chrome("error")
    write(house, "rules: {boilerplate/web-chrome: {severity: info}}")
    assert rules_found(check(article)) == chrome("info")


# --- extends and locale -----------------------------------------------------------------------


@pytest.mark.parametrize("pack", sorted(shipped_packs()))
def test_extends_a_shipped_pack_by_name_brings_in_only_that_pack(here: Path, pack: str) -> None:
    write(here / "house.yaml", f"extends: {pack}\n")
    config = load_config("house.yaml")
    ids = {rule.id for rule in (*config.rules, *config.disabled)}
    raw = yaml.safe_load(shipped_packs()[pack].read_text(encoding="utf-8"))
    assert ids == set(raw["rules"])
    assert {rule.pack for rule in (*config.rules, *config.disabled)} == {pack}


def test_extends_default_is_every_shipped_pack_as_is_no_extends(here: Path) -> None:
    write(here / "explicit.yaml", "extends: default\n")
    write(here / "implicit.yaml", "locale: en-GB\n")
    every = {rule_id for path in shipped_packs().values()
             for rule_id in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]}  # fmt: skip
    for name in ("explicit.yaml", "implicit.yaml"):
        config = load_config(name)
        assert {rule.id for rule in (*config.rules, *config.disabled)} == every == shipped_ids()


def test_extends_a_yaml_file_relative_to_the_config_not_the_working_folder(
    here: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(here / "newsroom" / "group.yaml", AMIDST_RULE)
    write(
        here / "newsroom" / "desk" / ".copylint.yaml",
        """\
        extends: [default, ../group.yaml]
        rules:
          house/amidst: {severity: warning}
        """,
    )
    story = here / "newsroom" / "desk" / "story.txt"
    story.write_bytes(ARTICLE)
    monkeypatch.chdir(tmp_path_factory.mktemp("away"))
    result = check(str(story))
    assert result.stderr == ""
    assert (12, 23, 29, "house/amidst", "warning", "amidst") in [f[1:7] for f in found(result)]
    config = load_config(here / "newsroom" / "desk" / ".copylint.yaml")
    amidst = {rule.id: rule for rule in config.rules}["house/amidst"]
    assert amidst.pack == str(here / "newsroom" / "desk" / ".." / "group.yaml")


def test_a_file_that_extends_no_pack_has_only_its_own_rules(here: Path) -> None:
    write(here / "group.yaml", AMIDST_RULE)
    write(here / "house.yaml", "extends: group.yaml\n")
    assert [rule.id for rule in load_config("house.yaml").rules] == ["house/amidst"]


def test_extends_in_a_cycle_is_an_error_naming_the_circle(here: Path) -> None:
    write(here / "a.yaml", "extends: [default, b.yaml]\n")
    write(here / "b.yaml", "extends: a.yaml\n" + AMIDST_RULE)
    with pytest.raises(ConfigError) as error:
        load_config("a.yaml")
    assert (error.value.path, error.value.line, error.value.column) == ("b.yaml", 1, 10)
    assert error.value.problem == (
        f"extends 'a.yaml' goes round in a circle: {here / 'a.yaml'} -> {here / 'b.yaml'}"
        f" -> {here / 'a.yaml'}"
    )


def test_a_file_extended_twice_without_a_circle_is_read_once(here: Path) -> None:
    write(here / "base.yaml", AMIDST_RULE)
    write(here / "a.yaml", "extends: [default, base.yaml]\n")
    write(here / "house.yaml", "extends: [default, a.yaml, base.yaml]\n")
    config = load_config("house.yaml")
    assert {rule.id for rule in (*config.rules, *config.disabled)} == shipped_ids() | {
        "house/amidst"
    }


def test_locale_comes_from_the_config_and_the_command_line_wins(here: Path) -> None:
    write(here / "house.yaml", "locale: en-US\n")
    assert load_config("house.yaml").locale == "en-US"
    assert load_config("house.yaml", "en-GB-oxendict").locale == "en-GB-oxendict"
    assert load_config(None).locale == "auto"
    assert load_config(None, "en-GB").locale == "en-GB"
    write(here / "base.yaml", "locale: en-GB\n")
    write(here / "desk.yaml", "extends: [default, base.yaml]\n")
    assert load_config("desk.yaml").locale == "en-GB"


# --- Changing rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "setting",
    ["boilerplate/web-chrome: false", "boilerplate/web-chrome: off",
     "boilerplate/web-chrome: {enabled: false}"],
)  # fmt: skip
def test_disabling_a_rule(here: Path, article: str, setting: str) -> None:
    write(here / ".copylint.yaml", f"rules:\n  {setting}\n")
    result = check(article)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")
    listed = CliRunner().invoke(cli, ["rules"])
    assert ["boilerplate/web-chrome", "boilerplate", "off", "boilerplate"] in [
        line.split() for line in listed.stdout.splitlines()
    ]


def test_enabling_a_rule_that_is_off_by_default(here: Path) -> None:
    (here / "mail.txt").write_text("Send an e-mail to the Web site.\n", encoding="utf-8")
    assert check("mail.txt").stdout == "[]\n"
    write(here / ".copylint.yaml", "rules: {style/web-terms: {enabled: true}}")
    assert [f[1:] for f in found(check("mail.txt"))] == [
        (1, 9, 15, "style/web-terms", "info", "e-mail", ["email"]),
        (1, 23, 31, "style/web-terms", "info", "Web site", ["Website"]),
    ]


def test_changing_a_rules_severity(here: Path, article: str) -> None:
    write(here / ".copylint.yaml", "rules:\n  boilerplate/web-chrome:\n    severity: info\n")
    result = check(article)
    assert rules_found(result) == chrome("info")
    assert result.exit_code == 0  # info is below the default --fail-on warning
    assert check("--fail-on", "info", article).exit_code == 1


def test_a_new_existence_rule(here: Path, article: str) -> None:
    write(
        here / ".copylint.yaml",
        """\
        rules:
          house/amidst:
            kind: existence
            category: style
            severity: warning
            message: 'Write "amid", not "{text}".'
            tokens: [amidst, amongst]
            patterns: ['swift(?:ly)?']
        """,
    )
    result = check("--select", "house", article)
    assert result.exit_code == 1
    assert found(result) == [
        ("article.txt", 12, 23, 29, "house/amidst", "warning", "amidst", []),
        ("article.txt", 28, 172, 179, "house/amidst", "warning", "swiftly", []),
    ]
    assert json.loads(result.stdout)[0]["message"] == 'Write "amid", not "amidst".'


def test_a_new_substitution_rule_keeps_the_case(here: Path) -> None:
    write(
        here / ".copylint.yaml",
        """\
        rules:
          house/website:
            kind: substitution
            category: style
            severity: warning
            message: 'Write "{suggestion}", not "{text}".'
            swap:
              web ?site: website
              e-mail: email
        """,
    )
    (here / "story.txt").write_text(
        "Web site editors said the web site and the WEB SITE were down.\n"
        "They said so on the website and in an E-mail to staff.\n",
        encoding="utf-8",
    )
    result = check("story.txt")
    assert result.exit_code == 1
    assert [f[1:] for f in found(result)] == [
        (1, 1, 9, "house/website", "warning", "Web site", ["Website"]),
        (1, 27, 35, "house/website", "warning", "web site", ["website"]),
        (1, 44, 52, "house/website", "warning", "WEB SITE", ["WEBSITE"]),
        (2, 39, 45, "house/website", "warning", "E-mail", ["Email"]),
    ]
    assert json.loads(result.stdout)[0]["message"] == 'Write "Website", not "Web site".'


STORY_WITH_HOUSE_CHROME = """\
Reporting by Jane Doe; editing by John Roe

Ministers met on Monday.

Sentinel Plus

Updated 4:05 PM ET, Mon July 22, 2024
"""


def test_a_house_lines_override_of_web_chrome(here: Path) -> None:
    """A `lines` mapping given in a house config replaces the shipped one (rules/boilerplate.yaml
    says so), so the shipped timestamp pattern is gone and the house pattern is in."""
    write(
        here / ".copylint.yaml",
        """\
        rules:
          boilerplate/web-chrome:
            lines:
              an agency tagline: ['^Reporting by .+; editing by .+$']
        """,
    )
    (here / "story.txt").write_text(STORY_WITH_HOUSE_CHROME, encoding="utf-8")
    result = check("story.txt")
    assert [f[1:4] + f[6:7] for f in found(result)] == [
        (1, 1, 43, "Reporting by Jane Doe; editing by John Roe")
    ]
    assert json.loads(result.stdout)[0]["message"] == (
        '"Reporting by Jane Doe; editing by John Roe" is an agency tagline from a web page, not'
        " copy: delete the line."
    )
    # Without the house config, the timestamp is found and the tagline is not.
    (here / ".copylint.yaml").unlink()
    assert [f[1] for f in found(check("story.txt"))] == [7]


def test_a_house_vocabulary_override_of_web_chrome(here: Path) -> None:
    write(
        here / ".copylint.yaml",
        """\
        rules:
          boilerplate/web-chrome:
            vocabulary:
              a subscription prompt: [sentinel, plus, subscribe]
        """,
    )
    (here / "story.txt").write_text(STORY_WITH_HOUSE_CHROME, encoding="utf-8")
    result = check("story.txt")
    assert [(f[1], f[6]) for f in found(result)] == [
        (5, "Sentinel Plus"),
        (7, "Updated 4:05 PM ET, Mon July 22, 2024"),
    ]
    assert json.loads(result.stdout)[0]["message"] == (
        '"Sentinel Plus" is a subscription prompt from a web page, not copy: delete the line.'
    )


# --- Mistakes in a config: exit 2, one line, path:line:column ---------------------------------

KNOWN_KINDS = ", ".join(sorted(KINDS))
KNOWN_PACKS = ", ".join(["default", *shipped_packs()])
EXISTENCE_KEYS = ", ".join(
    sorted(["kind", "enabled", "category", "severity", "message", "description", "examples",
            *KINDS["existence"].OPTIONS])
)  # fmt: skip

CONFIG_ERRORS = [
    pytest.param(
        """\
        rules:
          boilerplate/web-chrome:
            lines: {house furniture: ['^Tap to unmute$']
            severity: error
        """,
        "4:5: invalid YAML: did not find expected ',' or '}'",
        id="broken-yaml-unclosed-bracket",
    ),
    pytest.param(
        """\
        locale: en-GB
        rule:
          boilerplate/web-chrome: false
        """,
        "2:1: unknown key 'rule'"
        " (known: accept, entities, extends, grammar, locale, max_file_size, proper_nouns, rules)",
        id="unknown-top-level-key",
    ),
    pytest.param(
        """\
        locale: en-GB
        ?
        extends: default
        """,
        "2:2: a key with no name"
        " (known: accept, entities, extends, grammar, locale, max_file_size, proper_nouns, rules)",
        id="a-null-key",
    ),
    pytest.param(
        """\
        locale: en-GB
        1: x
        """,
        "2:1: a key that is not a name (1)"
        " (known: accept, entities, extends, grammar, locale, max_file_size, proper_nouns, rules)",
        id="a-number-as-key",
    ),
    pytest.param(
        """\
        rules:
          house/amidst:
            kind: existence
            category: style
            severity: info
            message: Write "amid".
            tokens: [amidst]
            ignore_case: true
        """,
        f"8:5: unknown key 'ignore_case' for the existence kind (known: {EXISTENCE_KEYS})",
        id="unknown-key-in-a-rule",
    ),
    pytest.param(
        """\
        rules:
          house/amidst:
            kind: existance
            category: style
            severity: info
            message: Write "amid".
            tokens: [amidst]
        """,
        f"3:11: unknown rule kind 'existance' (known: {KNOWN_KINDS})",
        id="unknown-rule-kind",
    ),
    pytest.param(
        """\
        rules:
          boilerplate/web-chrome:
            severity: loud
        """,
        "3:15: rules.boilerplate/web-chrome.severity: 'loud' is not one of"
        ": 'error', 'warning', 'info'",
        id="wrong-type-severity",
    ),
    pytest.param(
        """\
        rules:
          house/amidst:
            kind: existence
            category: style
            severity: info
            message: Write "amid".
            tokens: amidst
        """,
        "7:13: tokens: expected a list, not 'amidst'",
        id="wrong-type-tokens",
    ),
    pytest.param(
        """\
        locale: en-GB
        rules:
          style/placeholder: false
        locale: en-US
        """,
        "4:1: duplicate key 'locale'",
        id="duplicate-key",
    ),
    pytest.param(
        """\
        rules:
          house/amidst: {kind: existence, category: style, severity: info, tokens: [a]}
          house/amidst: {severity: warning}
        """,
        "3:3: duplicate key 'house/amidst'",
        id="duplicate-rule",
    ),
    pytest.param(
        "extends: [default, house-style]\n",
        f"1:20: extends 'house-style': no such pack ({KNOWN_PACKS}) or file",
        id="extends-missing-pack",
    ),
    pytest.param(
        "extends: ../newsroom.yaml\n",
        f"1:10: extends '../newsroom.yaml': no such pack ({KNOWN_PACKS}) or file",
        id="extends-missing-file",
    ),
    pytest.param(
        """\
        rules:
          house/amidst:
            kind: existence
            category: style
            severity: info
            tokens: [amidst]
        """,
        "3:11: rule 'house/amidst' needs message",
        id="new-rule-without-message",
    ),
    pytest.param(
        """\
        rules:
          house/amidst:
            category: style
            severity: info
            message: Write "amid".
        """,
        "3:15: no rule 'house/amidst' to change (a new rule needs kind, category, severity,"
        " message)",
        id="new-rule-without-kind",
    ),
    pytest.param(
        """\
        rules:
          house/web-site:
            kind: substitution
            category: style
            severity: info
            message: m
            swap: {"web (site": website}
        """,
        "7:12: invalid regex 'web (site': missing ), unterminated subpattern at position 4",
        id="invalid-regex-in-substitution-swap",
    ),
    pytest.param(
        "locale: fr-FR\n",
        "1:9: locale: 'fr-FR' is not one of: 'en-GB', 'en-US', 'en-GB-oxendict', 'auto'",
        id="unknown-locale",
    ),
    pytest.param(
        "rules:\n  House/Amidst: false\n",
        "2:3: rules: 'House/Amidst' is not a rule id: two parts in lower case, as in house/my-rule",
        id="rule-id-not-lower-case",
    ),
]


@pytest.mark.parametrize(("text", "error"), CONFIG_ERRORS)
def test_a_config_mistake_is_one_line_with_its_place(
    here: Path, article: str, text: str, error: str
) -> None:
    write(here / "house.yaml", text)
    result = check("--config", "house.yaml", article)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"copylint: house.yaml:{error}\n",
    )


INVALID_PATTERN = """\
rules:
  house/hedges:
    kind: existence
    category: style
    severity: info
    message: Who said so?
    patterns:
      - '\\bit is (?:said|thought)\\b'
      - '\\bsources? (say|said'
"""


def test_an_invalid_regex_in_a_patterns_list_points_at_the_bad_pattern(
    here: Path, article: str
) -> None:
    write(here / "house.yaml", INVALID_PATTERN)
    result = check("--config", "house.yaml", article)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "copylint: house.yaml:9:9: invalid regex '\\\\bsources? (say|said': missing ),"
        " unterminated subpattern at position 11\n"
    )


def test_a_mistake_in_the_nearest_config_names_its_full_path(here: Path, article: str) -> None:
    house = write(here / ".copylint.yaml", "locale: en-GB\nrule: {}\n")
    result = check(article)
    assert result.exit_code == 2
    assert result.stderr == (
        f"copylint: {house}:2:1: unknown key 'rule' "
        "(known: accept, entities, extends, grammar, locale, max_file_size, proper_nouns, rules)\n"
    )


def test_a_mistake_in_an_extended_file_names_that_file(here: Path, article: str) -> None:
    write(here / "group.yaml", "rules:\n  boilerplate/web-chrome:\n    severity: loud\n")
    write(here / "house.yaml", "extends: [default, group.yaml]\n")
    result = check("--config", "house.yaml", article)
    assert result.exit_code == 2
    assert result.stderr == (
        "copylint: group.yaml:3:15: rules.boilerplate/web-chrome.severity: 'loud' is not one of"
        ": 'error', 'warning', 'info'\n"
    )


def test_a_missing_config_file_is_one_line(here: Path, article: str) -> None:
    result = check("--config", "nowhere.yaml", article)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "copylint: nowhere.yaml:1:1: no such file\n",
    )


# --- The shipped packs ------------------------------------------------------------------------


@pytest.mark.parametrize("pack", sorted(shipped_packs()))
def test_every_shipped_pack_is_valid_against_the_config_schema(pack: str) -> None:
    """Shipped packs are not validated at run time, for speed: this test guards them."""
    file = load_yaml(shipped_packs()[pack])
    validate(file, config_schema())
    for rule_id, settings in file.data["rules"].items():
        kind = KINDS[settings["kind"]]
        options = {key: value for key, value in settings.items() if key in kind.OPTIONS}
        schema = {"type": "object", "properties": kind.OPTIONS, "additionalProperties": True}
        validate(file, schema, options, ("rules", rule_id))


def _every_rule() -> list[Rule]:
    config = load_config(None)
    return sorted((*config.rules, *config.disabled), key=lambda rule: rule.id)


EXAMPLES = [
    pytest.param(rule, outcome, text, id=f"{rule.id}-{outcome}-{index}")
    for rule in _every_rule()
    if not rule.BACKEND  # a server's rule runs its examples where a test provides the server
    for outcome, texts in (("fail", rule.examples.fail), ("ok", rule.examples.ok))
    for index, text in enumerate(texts, 1)
]


@pytest.mark.parametrize(("rule", "outcome", "text"), EXAMPLES)
def test_every_rule_example_behaves(rule: Rule, outcome: str, text: str) -> None:
    if rule.examples.locale:
        (rule,) = [r for r in load_config(None, rule.examples.locale).rules if r.id == rule.id]
    hits = [finding for finding in rule.check(Document("example.txt", text))]
    if outcome == "fail":
        assert hits, f"{rule.id} should flag its fail example {text!r}"
        assert {finding.rule for finding in hits} == {rule.id}
    else:
        assert hits == [], f"{rule.id} should pass its ok example {text!r}"


@pytest.mark.parametrize("rule", _every_rule(), ids=lambda rule: rule.id)
def test_every_shipped_rule_has_an_example_that_fails_and_one_that_passes(rule: Rule) -> None:
    assert rule.examples.fail and rule.examples.ok


def test_a_message_naming_an_unknown_placeholder_is_a_config_error(
    here: Path, article: str
) -> None:
    write(
        here / "house.yaml",
        """\
        rules:
          house/amidst:
            kind: existence
            category: style
            severity: info
            message: 'Write "{suggestion}", not "{text}".'
            tokens: [amidst]
        """,
    )
    result = check("--config", "house.yaml", article)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("copylint: house.yaml:6:14: ")
    assert result.stderr.count("\n") == 1
