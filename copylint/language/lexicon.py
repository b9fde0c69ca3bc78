"""A house lexicon: the names a newsroom's archive spells, with how often it spells each.

`copylint learn` writes one from an archive; a newsroom may also write one by hand, giving a
canonical name and the forms that are not typos of it:

    names:
      Zelensky: 1043              # learnt: the archive's count
      Tsutsumi: {allow: [Tsutsumi-san]}   # by hand: canonical, with allowed variants

The entity rule then checks a name an article uses once against the house's record too.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from copylint.errors import CopylintError, InputError
from copylint.language.names import (
    LONGEST_NAME,
    NameIndex,
    is_acronym,
    known_words,
    name_forms,
)
from copylint.text.sources import read_document
from copylint.yamlfile import LEXICON_MAX_BYTES, load_yaml, read_text

# A hand-written name without a count weighs as much as a name the archive used this often.
CANONICAL_COUNT = 1000
# Every name the archive used is recorded, once-used ones too: a name the house has printed
# before is not taken for a typo of another, though it may count too little to correct others.
MIN_RECORDED = 1
MIN_LENGTH = 4


@dataclass(frozen=True, eq=False, repr=False)
class Lexicon:
    counts: Mapping[str, int]
    allowed: frozenset[str]  # forms a hand-written entry says are not typos

    def count(self, form: str) -> int:
        return self.counts.get(form, 0)

    @cached_property
    def index(self) -> NameIndex:
        """Built on first use: only an article with a name it has not met needs it."""
        return NameIndex([form for form in self.counts if len(form) <= LONGEST_NAME])


@cache
def load_lexicon(path: str) -> Lexicon:
    """The lexicon at `path`, read once per process. A learnt lexicon holds tens of thousands
    of names, so it is read without the line and column bookkeeping of config files; a
    mistake in it is found again with them, to say where."""
    text = read_text(path, LEXICON_MAX_BYTES)
    data = _parsed(text, path)
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, dict):
        raise _at(path, (), "a lexicon needs a `names:` mapping of name to count")
    counts: dict[str, int] = {}
    allowed: set[str] = set()
    for name, entry in names.items():
        if _is_count(entry):
            counts[str(name)] = entry
        elif isinstance(entry, dict) and set(entry) <= {"count", "allow"}:
            count = entry.get("count", CANONICAL_COUNT)
            if not _is_count(count):
                raise _at(path, ("names", name, "count"), "count: a whole number of 1 or more")
            forms = entry.get("allow", [])
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise _at(path, ("names", name, "allow"), "allow: a list of names")
            counts[str(name)] = count
            allowed.update(forms)
        else:
            raise _at(path, ("names", name), "expected a count or {count, allow}")
    return Lexicon(counts, frozenset(allowed))


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _parsed(text: str, path: str) -> Any:
    """A lexicon `learn` wrote is JSON below its comment lines; any other is YAML."""
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        from copylint.yamlparse import parse_yaml

        return parse_yaml(text, path).data


def _at(path: str, where: tuple[str | int, ...], problem: str) -> CopylintError:
    """The error, at its line and column, found again with the bookkeeping of configs."""
    return load_yaml(path, LEXICON_MAX_BYTES).error(where, problem)


@dataclass(frozen=True, eq=False, repr=False)
class Learnt:
    """What `learn` found: each name with its count, how many articles it read, and the files
    it could not read, each with why."""

    counts: Counter[str]
    articles: int
    refused: tuple[tuple[str, str], ...]


def learn_names(
    paths: Iterable[str], progress: Callable[[int], None] | None = None, jobs: int = 1
) -> Learnt:
    """How often the articles at `paths` use each name, read on `jobs` processes."""
    return names_learnt(_read_all(list(paths), jobs), progress)


def names_learnt(
    batches: Iterable[Learnt], progress: Callable[[int], None] | None = None
) -> Learnt:
    """The counts of batches of articles added up, in order, keeping the names that are not
    only words."""
    total: Counter[str] = Counter()
    refused: list[tuple[str, str]] = []
    articles = 0
    for batch in batches:
        total.update(batch.counts)
        articles += batch.articles
        refused += batch.refused
        if progress:
            progress(batch.articles + len(batch.refused))
    known = known_words()
    names = Counter(
        {
            name: count
            for name, count in total.items()
            if count >= MIN_RECORDED and not known.is_only_a_word(name)
        }
    )
    return Learnt(names, articles, tuple(refused))


def count_names(paths: Iterable[str]) -> Learnt:
    """How often a batch of articles uses each name, words not yet told from names."""
    counts: Counter[str] = Counter()
    refused: list[tuple[str, str]] = []
    articles = 0
    for path in paths:
        try:
            prose = read_document(path).prose
        except CopylintError as error:
            refused.append((path, str(error)))
            continue
        articles += 1
        counts.update(
            form
            for form in name_forms(prose)
            if MIN_LENGTH <= len(form) <= LONGEST_NAME and not is_acronym(form)
        )
    return Learnt(counts, articles, tuple(refused))


# Batches per process: a few large ones, since a batch costs a round trip and a Counter sent
# back, and reading an article takes half a millisecond (benchmarks/jobs.py).
_BATCHES_PER_JOB = 4


def _read_all(paths: list[str], jobs: int) -> Iterable[Learnt]:
    if jobs <= 1 or len(paths) < 2 * jobs:
        return map(count_names, ([path] for path in paths))
    import multiprocessing  # only here: a run of `check` never pays for its import

    from copylint.processes import start_method

    size = -(-len(paths) // (jobs * _BATCHES_PER_JOB))
    batches = [paths[i : i + size] for i in range(0, len(paths), size)]
    pool = multiprocessing.get_context(start_method()).Pool(jobs)
    return _closing(pool, pool.imap(count_names, batches))


def _closing(pool: Any, results: Iterable[Learnt]) -> Iterator[Learnt]:
    with pool:
        yield from results


def dump_lexicon(counts: Counter[str], articles: int) -> str:
    """YAML a person can read and edit; its body is also JSON, one name a line, because a
    learnt lexicon is large and JSON reads ten times faster than YAML."""
    header = (
        f"# copylint house lexicon: the names {articles} articles use, with their counts.\n"
        "# Written by `copylint learn`; point a config at it: entities: {lexicon: FILE}\n"
    )
    names = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = ",\n".join(
        f"  {json.dumps(name, ensure_ascii=False)}: {count}" for name, count in names
    )
    return header + '{"names": {\n' + lines + "\n}}\n"


def write_lexicon(output: Path, text: str) -> None:
    """Write whole or not at all: a half-written lexicon must never replace a good one."""
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InputError(str(output), f"cannot write: {error.strerror}") from None
