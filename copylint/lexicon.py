"""A house lexicon: the names a newsroom's archive spells, with how often it spells each.

`copylint learn` writes one from an archive; a newsroom may also write one by hand, giving a
canonical name and the forms that are not typos of it:

    names:
      Zelensky: 1043              # learnt: the archive's count
      Tsutsumi: {allow: [Tsutsumi-san]}   # by hand: canonical, with allowed variants

The entity rule then checks a name an article uses once against the house's record too.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from copylint.errors import CopylintError, InputError
from copylint.names import NameIndex, is_acronym, known_words, name_uses
from copylint.sources import read_document
from copylint.yamlfile import load_yaml

# A hand-written name without a count weighs as much as a name the archive used this often.
CANONICAL_COUNT = 1000
# Names the archive used once may be its own typos: they are not recorded.
MIN_RECORDED = 2
MIN_LENGTH = 4


@dataclass(frozen=True)
class Lexicon:
    counts: Mapping[str, int]
    allowed: frozenset[str]  # forms a hand-written entry says are not typos

    def count(self, form: str) -> int:
        return self.counts.get(form, 0)

    @property
    def index(self) -> NameIndex:
        return _index(self)


@cache
def _index(lexicon: Lexicon) -> NameIndex:
    return NameIndex(lexicon.counts)


@cache
def load_lexicon(path: str) -> Lexicon:
    """The lexicon at `path`, read once per process."""
    file = load_yaml(path)
    names = file.data.get("names") if isinstance(file.data, dict) else None
    if not isinstance(names, dict):
        raise file.error((), "a lexicon needs a `names:` mapping of name to count")
    counts: dict[str, int] = {}
    allowed: set[str] = set()
    for name, entry in names.items():
        if isinstance(entry, int):
            counts[str(name)] = entry
        elif isinstance(entry, dict):
            counts[str(name)] = int(entry.get("count", CANONICAL_COUNT))
            allowed.update(str(form) for form in entry.get("allow", ()))
        else:
            raise file.error(("names", name), "expected a count or {count, allow}")
    return Lexicon(counts, frozenset(allowed))


def learn(
    paths: Iterable[str], progress: Callable[[int], None] | None = None, processes: int = 2
) -> Counter[str]:
    """How often the articles at `paths` use each name, counted on `processes` cores."""
    total: Counter[str] = Counter()
    paths = list(paths)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        for counts in pool.imap_unordered(_names_in, paths, chunksize=8):
            total.update(counts)
            if progress:
                progress(1)
    known = known_words()
    return Counter(
        {
            name: count
            for name, count in total.items()
            if count >= MIN_RECORDED and not known.is_only_a_word(name)
        }
    )


def _names_in(path: str) -> Counter[str]:
    try:
        prose = read_document(path).prose
    except (CopylintError, InputError):
        return Counter()
    return Counter(
        use.form
        for use in name_uses(prose)
        if len(use.form) >= MIN_LENGTH and not is_acronym(use.form)
    )


def dump_lexicon(counts: Counter[str], articles: int) -> str:
    header = (
        f"# copylint house lexicon: the names {articles} articles use, with their counts.\n"
        "# Written by `copylint learn`; point a config at it: entities: {lexicon: FILE}\n"
    )
    names: dict[str, Any] = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return header + yaml.safe_dump({"names": names}, allow_unicode=True, sort_keys=False)


def write_lexicon(output: Path, text: str) -> None:
    """Write whole or not at all: a half-written lexicon must never replace a good one."""
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InputError(str(output), f"cannot write: {error.strerror}") from None
