"""spaCy imported without its command line and the model loaded without the tokenizer it
replaces: the same tokens and entities as `spacy.load`, and spaCy's own API left whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy

from copylint.language.nlp import _NOT_NER, FALLBACK_MODELS, ner_pipeline
from copylint.language.spacy_start import load_standard_pipeline

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
SPECIAL_CASES = (
    "Mr. O'Neill didn't say it at 9 a.m. in the U.S. :) -- he said it in St. Ives, "
    "and Dr. Patel can't confirm the organisation's colour scheme for Tesco (yet).\n"
)


def test_the_pipeline_tokenizes_and_recognises_as_spacy_load_does() -> None:
    name = next(name for name in FALLBACK_MODELS if spacy.util.is_package(name))
    ours, plain = ner_pipeline(None), spacy.load(name, exclude=list(_NOT_NER))
    assert {**ours.tokenizer.rules, **ours.tokenizer.unmet} == plain.tokenizer.rules
    assert len(plain.tokenizer.rules) > 1000
    texts = [SPECIAL_CASES, *SEED.read_text("utf-8").split("\n\n")]
    for mine, theirs in zip(ours.pipe(texts), plain.pipe(texts), strict=True):
        assert [t.text for t in mine] == [t.text for t in theirs]
        assert [(e.start_char, e.end_char, e.label_) for e in mine.ents] == [
            (e.start_char, e.end_char, e.label_) for e in theirs.ents
        ]
    said = [(e.text, e.label_) for e in ours(SPECIAL_CASES).ents]
    assert ("O'Neill", "PERSON") in said


def test_a_special_case_is_added_when_a_text_first_holds_it() -> None:
    name = next(name for name in FALLBACK_MODELS if spacy.util.is_package(name))
    fresh, plain = load_standard_pipeline(spacy, name, list(_NOT_NER)), spacy.load(name)
    assert fresh.tokenizer.rules == {}
    assert fresh.tokenizer.unmet == plain.tokenizer.rules
    for text in ("At 9 a.m. it rained.", SPECIAL_CASES, "Then 9 a.m. came (a.m.)."):
        assert [t.text for t in fresh(text)] == [t.text for t in plain(text)]
    assert {"a.m.", "Dr.", "didn't", "St.", ":)"} <= set(fresh.tokenizer.rules)
    assert ":-)" in fresh.tokenizer.unmet
    assert {**fresh.tokenizer.rules, **fresh.tokenizer.unmet} == plain.tokenizer.rules


def test_spacy_s_command_line_is_imported_only_when_asked_for() -> None:
    """A fresh interpreter, as a run is: loading the recogniser leaves `spacy.cli` unimported,
    and `spacy.info` and `import spacy.cli` still reach the real ones."""
    program = (
        "import json, sys\n"
        "from copylint.language.nlp import ner_pipeline\n"
        "ner_pipeline()\n"
        "before = 'spacy.cli' in sys.modules\n"
        "import spacy\n"
        "info = spacy.info()\n"
        "import spacy.cli\n"
        "print(json.dumps([before, info['spacy_version'], hasattr(spacy.cli, 'setup_cli')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [False, spacy.__version__, True]
