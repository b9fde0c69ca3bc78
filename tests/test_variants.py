"""The shipped UK/US spelling table: exact entries, what must stay out, and the loader."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from copylint.language.variants import EVERYWHERE, Locale, Variant, VariantTable, load_variants

ROOT = Path(__file__).resolve().parent.parent
SCOWL_DIR = Path("/usr/share/dict/scowl")
UK: frozenset[Locale] = frozenset({"en-GB", "en-GB-oxendict"})
US: frozenset[Locale] = frozenset({"en-US"})


@pytest.fixture(scope="module")
def table() -> VariantTable:
    return load_variants()


TWO_WAY = [
    ("color", "colour"),
    ("colors", "colours"),
    ("discolored", "discoloured"),
    ("centered", "centred"),
    ("defense", "defence"),
    ("offense", "offence"),
    ("pretense", "pretence"),
    ("traveled", "travelled"),
    ("counselor", "counsellor"),
    ("fulfill", "fulfil"),
    ("enrollment", "enrolment"),
    ("skillful", "skilful"),
    ("gray", "grey"),
    ("honor", "honour"),
    ("favorite", "favourite"),
    ("neighbor", "neighbour"),
    ("catalog", "catalogue"),
    ("anemia", "anaemia"),
    ("estrogen", "oestrogen"),
    ("maneuver", "manoeuvre"),
    ("plow", "plough"),
    ("mold", "mould"),
    ("aluminum", "aluminium"),
    ("jewelry", "jewellery"),
    ("pajamas", "pyjamas"),
    ("artifact", "artefact"),
    ("analyze", "analyse"),  # Oxford keeps -yse: analyse is right in en-GB-oxendict too
]


@pytest.mark.parametrize(("us", "uk"), TWO_WAY)
def test_two_way_pair(table: VariantTable, us: str, uk: str) -> None:
    assert table.lookup(us) == Variant("pair", us, uk, uk, us, US)
    assert table.lookup(uk) == Variant("pair", us, uk, uk, uk, UK)


# The US form is a British word too, in another sense (a computer program, a chess check, a
# parking meter, the verb to license, the noun practice): only the UK form is ever wrong, and
# only in en-US.
UK_ONLY = [
    ("program", "programme"),
    ("license", "licence"),
    ("practice", "practise"),
    ("check", "cheque"),
    ("tire", "tyre"),
    ("curb", "kerb"),
    ("story", "storey"),
    ("meter", "metre"),
    ("judgment", "judgement"),
]


@pytest.mark.parametrize(("us", "uk"), UK_ONLY)
def test_uk_only_pair_never_flags_the_us_form(table: VariantTable, us: str, uk: str) -> None:
    assert table.lookup(us) == Variant("uk_only", us, uk, uk, us, EVERYWHERE)
    assert table.lookup(uk) == Variant("uk_only", us, uk, uk, uk, UK)


@pytest.mark.parametrize(
    ("uk", "oxford"),
    [
        ("emphasised", "emphasized"),
        ("organisation", "organization"),
        ("authorise", "authorize"),
        ("organise", "organize"),
    ],
)
def test_oxford_takes_the_ize_form(table: VariantTable, uk: str, oxford: str) -> None:
    assert table.lookup(uk) == Variant("oxford", oxford, uk, oxford, uk, frozenset({"en-GB"}))
    ize = table.lookup(oxford)
    assert ize is not None
    assert ize.valid_in == {"en-US", "en-GB-oxendict"}
    assert ize.spelling_for("en-GB") == uk


def test_oxford_third_spelling_keeps_our_and_takes_ize(table: VariantTable) -> None:
    oxford = table.lookup("colourize")
    assert oxford == Variant(
        "pair", "colorize", "colourise", "colourize", "colourize", frozenset({"en-GB-oxendict"})
    )
    assert oxford.spelling_for("en-US") == "colorize"
    assert oxford.spelling_for("en-GB") == "colourise"


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("Defense", "defense"),
        ("DEFENCE", "defence"),
        ("Colour's", "colour"),
        ("colour\u2019s", "colour"),
        ("colours'", "colours"),
        ("Neighbours\u2019", "neighbours"),
    ],
)
def test_lookup_ignores_case_and_possessive(table: VariantTable, word: str, form: str) -> None:
    found = table.lookup(word)
    assert found is not None
    assert found.form == form


@pytest.mark.parametrize(
    "word",
    [
        "minor",  # -or but not a variant
        "honorary",  # spelled alike
        "dialogue",  # SCOWL's British list has dialog (computing), so both are valid both sides
        "dialog",
        "manila",  # the city: SCOWL lists Manila as a name as often as the word
        "louvre",
        "caesar",
        "pourer",  # pour + er, not pour/por
        "previousness",
        "colour-blind",  # compounds are the rule's to split
        "",
    ],
)
def test_not_in_table(table: VariantTable, word: str) -> None:
    assert table.lookup(word) is None


def test_spelling_for_each_locale(table: VariantTable) -> None:
    found = table.lookup("grey")
    assert found is not None
    assert [found.spelling_for(locale) for locale in ("en-US", "en-GB", "en-GB-oxendict")] == [
        "gray",
        "grey",
        "grey",
    ]
    assert found.is_valid_in("en-GB") and not found.is_valid_in("en-US")


def test_table_size_and_kinds(table: VariantTable) -> None:
    kinds = Counter(row[0] for row in table.rows())
    print(f"variant table: {len(table)} rows, {dict(kinds)}")
    assert 3000 <= len(table) <= 4500
    assert 900 <= kinds["pair"] <= 1600
    assert 40 <= kinds["uk_only"] <= 120
    assert 1800 <= kinds["oxford"] <= 2800


def test_rows_are_lower_case_and_each_form_in_one_row(table: VariantTable) -> None:
    for row in table.rows():
        _, us, uk, oxford = row
        assert all(form == form.lower() and len(form) >= 3 for form in (us, uk, oxford)), row
        assert us != uk, row
        for form in (us, uk, oxford):
            found = table.lookup(form)
            assert found is not None and (found.us, found.uk) == (us, uk), (form, row)


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-GB-oxendict"])
def test_forms_against_a_locale_are_the_forms_not_valid_there(
    table: VariantTable, locale: Locale
) -> None:
    every_form = {form for row in table.rows() for form in row[1:]}
    wrong = {form for form in every_form if not table.lookup(form).is_valid_in(locale)}  # type: ignore[union-attr]
    assert table.forms_against(locale) == {form.encode() for form in wrong}
    assert table.ascii_forms == {form.encode() for form in every_form}


def test_rows_of_one_kind(table: VariantTable) -> None:
    uk_only = list(table.rows("uk_only"))
    assert ("uk_only", "program", "programme", "programme") in uk_only
    assert {row[0] for row in uk_only} == {"uk_only"}
    assert len(uk_only) == sum(row[0] == "uk_only" for row in table.rows())


def test_loader_reads_the_installed_data_file() -> None:
    data = files("copylint") / "data"
    assert (data / "SCOWL-LICENSE.txt").is_file()
    text = (data / "variants.tsv").read_text(encoding="utf-8")
    assert "# Source: SCOWL 2020.12.07" in text
    assert load_variants() is load_variants()
    assert len(load_variants()) == len(VariantTable.from_tsv(text))


def test_from_tsv_rejects_a_bad_table() -> None:
    with pytest.raises(ValueError, match="header"):
        VariantTable.from_tsv("kind\tus\tuk\n")
    with pytest.raises(ValueError, match="row 3"):
        VariantTable.from_tsv("kind\tus\tuk\toxford\npair\tcolor\tcolour\tcolour\nx\ta\tb\tc\n")


def test_from_tsv_reads_an_edited_table_line_by_line() -> None:
    # Blank lines, comments among the rows, no newline at the end: not the generator's layout.
    text = "# made by hand\n\nkind\tus\tuk\toxford\n# colours\npair\tcolor\tcolour\tcolour\n"
    table = VariantTable.from_tsv(text + "\npair\tgray\tgrey\tgrey")
    assert len(table) == 2
    assert [table.lookup(word).uk for word in ("Color", "gray")] == ["colour", "grey"]  # type: ignore[union-attr]


@pytest.mark.slow
def test_loader_works_from_a_built_wheel(tmp_path: Path) -> None:
    # Without isolation when the backend is at hand: no package index needed, and faster.
    no_isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", *no_isolation, "--outdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = tmp_path.glob("copylint-*.whl")
    # -I -S: no site-packages, so only the zipped wheel can provide copylint.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import copylint.language.variants as v; "
        "assert v.__file__.startswith(sys.argv[1]), v.__file__; "
        "print(v.load_variants().lookup('Colour').us)"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-c", probe, str(wheel)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "color"
