"""Importing spaCy and loading a recogniser without the parts of either that copylint never uses.

Both are most of a second, paid by every run that asks the recogniser anything, so three costs
are left out, none of which changes a token or an entity:

- spaCy's package imports its command line (typer, weasel and an HTTP client) to offer
  `spacy.info`: about a fifth of its import. A placeholder stands in for that module while the
  package is imported, and is removed at once; `import spacy.cli` then finds the real one, and
  `spacy.info` imports it when called.
- A pipeline builds its tokenizer twice: once from the language's defaults (2,694 special cases)
  and again from the model's own saved tokenizer, which replaces it. For the models copylint
  names, whose tokenizer is spaCy's standard one, the first is built empty.
- Those models' table of the 85,000 strings met in training is not read. The recogniser's
  features are hashes of a token's text, computed from the text, and the table only turns a
  hash back into its string; the strings of the text read, and the labels, are added to it as
  they come (`tests/test_spacy_start.py` compares the entities with spaCy's own load).
"""

from __future__ import annotations

import sys
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
        tokenizer = spacy.tokenizer.Tokenizer

        def empty_tokenizer() -> Any:
            return lambda nlp: tokenizer(nlp.vocab)

        spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=empty_tokenizer)
    empty = {"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}}
    nlp = spacy.load(name, exclude=[*exclude, "strings"], config=empty)
    if not nlp.tokenizer.rules:  # the model saved no tokenizer to replace the empty one
        return spacy.load(name, exclude=exclude)
    return nlp
