"""Importing spaCy and loading a recogniser without the parts of either that copylint never uses.

Both are most of a second, paid by every run that asks the recogniser anything, so three costs
are left out or put off, none of which changes a token or an entity:

- spaCy's package imports its command line (typer, weasel and an HTTP client) to offer
  `spacy.info`: about a fifth of its import. A placeholder stands in for that module while the
  package is imported, and is removed at once; `import spacy.cli` then finds the real one, and
  `spacy.info` imports it when called.
- A pipeline builds its tokenizer twice: once from the language's defaults (2,694 special cases)
  and again from the model's own saved tokenizer, which replaces it. For the models copylint
  names, whose tokenizer is spaCy's standard one, the first is built empty.
- Their tokenizer's special cases (`a.m.`, `don't`, `:)`: 1,347 in the small English model)
  are added when a text first holds one's string, not all at load, where adding them is a third
  of the load: a special case changes only the tokens of text that holds its string.
- Those models' table of the 85,000 strings met in training is not read. The recogniser's
  features are hashes of a token's text, computed from the text, and the table only turns a
  hash back into its string; the strings of the text read, and the labels, are added to it as
  they come (`tests/test_spacy_start.py` compares the entities with spaCy's own load).
"""

from __future__ import annotations

import operator
import sys
import threading
from types import ModuleType
from typing import Any

_CLI = ("spacy.cli", "spacy.cli.info")
_EMPTY_TOKENIZER = "copylint.empty_tokenizer.v1"


def import_spacy() -> Any:
    """The `spacy` package, imported without its command line."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholders = _cli_placeholders()
    for name in _CLI:
        sys.modules.setdefault(name, placeholders[name])
    try:
        import spacy
    finally:
        for name in _CLI:
            if sys.modules.get(name) is placeholders[name]:
                del sys.modules[name]
    if spacy.__dict__.get("cli") is placeholders["spacy.cli"]:
        delattr(spacy, "cli")
    return spacy


def _cli_placeholders() -> dict[str, ModuleType]:
    package, info_module = ModuleType(_CLI[0]), ModuleType(_CLI[1])
    package.__path__ = []

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    return {_CLI[0]: package, _CLI[1]: info_module}


def load_standard_pipeline(spacy: Any, name: str, exclude: list[str]) -> Any:
    """`spacy.load(name)` for a model whose tokenizer is spaCy's standard one, without first
    building the language's default tokenizer that the model's saved one replaces, and
    without the model's table of strings."""
    if _EMPTY_TOKENIZER not in spacy.registry.tokenizers:
        tokenizer = _special_cases_when_met(spacy)

        def empty_tokenizer() -> Any:
            return lambda nlp: tokenizer(nlp.vocab)

        spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=empty_tokenizer)
    empty = {"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}}
    nlp = spacy.load(name, exclude=[*exclude, "strings"], config=empty)
    if not nlp.tokenizer.unmet:  # the model saved no tokenizer to replace the empty one
        return spacy.load(name, exclude=exclude)
    return nlp


def _special_cases_when_met(spacy: Any) -> Any:
    """spaCy's tokenizer, which reads a saved tokenizer's special cases into `unmet` and adds
    each to itself when a text to tokenize first holds its string. Those a text may hold are
    found by their first two characters, so that a text is not searched for every one."""
    loads = spacy.util.srsly.msgpack_loads

    class Tokenizer(spacy.tokenizer.Tokenizer):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.unmet: dict[str, Any] = {}
            self._unmet_by_start: dict[str, list[str]] = {}
            # A server checks in several threads: one adds what it met before another looks.
            self._adding = threading.Lock()

        def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> Any:
            super().from_bytes(data, exclude=(*exclude, "exceptions"))
            if "exceptions" not in exclude:
                self.unmet = dict(loads(data).get("exceptions") or {})
                for string in self.unmet:
                    self._unmet_by_start.setdefault(string[:2], []).append(string)
            return self

        def __call__(self, text: str) -> Any:
            if self.unmet:
                with self._adding:
                    for string in self._met_in(text):
                        self.add_special_case(string, self.unmet.pop(string))
            return super().__call__(text)

        def _met_in(self, text: str) -> list[str]:
            starts = {*text, *map(operator.add, text, text[1:])}
            return [
                string
                for start in starts.intersection(self._unmet_by_start)
                for string in self._unmet_by_start[start]
                if string in self.unmet and string in text
            ]

    return Tokenizer
