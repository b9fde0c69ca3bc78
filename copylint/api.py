"""copylint as a library: what the command line, the language server and the web server call.

    from copylint import Linter

    linter = Linter(locale="en-GB")            # the nearest house config, found per file
    findings = linter.lint_text(text, "news/budget.md")
    findings = linter.lint_paths(["news/"])    # every article under news/

Each finding is a dict of the JSON contract (README, "JSON output"). A `Linter` reads each
house config once, however many files it checks, and can be kept for the life of an editor.
A file it cannot read raises `InputError` from `check_file`; `lint_paths` skips it and says
so to `warn`. A mistake in a config raises `ConfigError`, a `select` naming no rule `UsageError`
(all three are `CopylintError`s, whose message is one line).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copylint.acceptance import drop_accepted
from copylint.cache import ResultCache
from copylint.checks.base import Rule
from copylint.config import Config, find_house_config, load_config
from copylint.engine import Selection, check_document
from copylint.errors import InputError, UsageError
from copylint.finding import Report
from copylint.language.nlp import keep_answers_in
from copylint.text.document import Document
from copylint.text.sources import STDIN, decode, discover, read_document

Warn = Callable[[str], None]


@dataclass(frozen=True, eq=False, repr=False)
class Checked:
    """One article checked: the document as read, and what was found in it."""

    doc: Document
    reports: tuple[Report, ...]
    config: Config


@dataclass(eq=False, repr=False)
class Linter:
    """Checks articles with a house config: the one named by `config`, or else the nearest
    `.copylint.yaml` to each file (text named by a path is placed where that path is)."""

    config: str | Path | None = None
    locale: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    report_unused_suppressions: bool = False
    warn: Warn | None = None
    cache: ResultCache | None = None  # results kept between runs (see `copylint.cache`)
    # Whether a long article's rules may be shared by two processes (`copylint.shared_rules`):
    # for a run that uses no pool of processes.
    share_long: bool = False
    _houses: dict[str, str | None] = field(default_factory=dict, repr=False)
    _configs: dict[str | None, Config] = field(default_factory=dict, repr=False)
    _rules: dict[str | None, list[Rule]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        keep_answers_in(None if self.cache is None else self.cache.folder)

    def lint_text(self, text: str, path: str = "<text>") -> list[dict[str, Any]]:
        """The findings of `text`, as if it were the file at `path` (its suffix says whether
        it is Markdown; its folder which house config applies)."""
        return [report.to_json() for report in self.check_text(text, path).reports]

    def lint_paths(self, paths: Iterable[str | Path]) -> list[dict[str, Any]]:
        """The findings of every article the paths name (files, folders, globs), sorted."""
        reports = [report for checked in self.check_paths(paths) for report in checked.reports]
        reports.sort(key=lambda r: (r.path, r.line, r.column, r.finding.rule))
        return [report.to_json() for report in reports]

    def check_paths(self, paths: Iterable[str | Path]) -> Iterator[Checked]:
        for path in discover([str(p) for p in paths], skipped=self._skipped):
            try:
                yield self.check_file(path)
            except InputError as error:
                self._say(str(error))

    def check_file(self, path: str, stdin_filename: str | None = None) -> Checked:
        """Read and check one file ('-': stdin); `CopylintError` if it cannot be read."""
        doc, house, config = self._read(path, stdin_filename)
        key = self._cache_key(doc, house, config)
        kept = None if key is None else self._kept(key, doc, config)
        if kept is not None:
            return kept
        checked = self._checked(doc, house, config)
        if self.cache is not None and key is not None:
            self.cache.put(key, checked.reports)
        return checked

    def kept(self, path: str, stdin_filename: str | None = None) -> Checked | None:
        """The file's result as an earlier run kept it, if one did: no rule runs."""
        doc, house, config = self._read(path, stdin_filename)
        key = self._cache_key(doc, house, config)
        return None if key is None else self._kept(key, doc, config)

    def _read(self, path: str, stdin_filename: str | None) -> tuple[Document, str | None, Config]:
        house = self.house_for(path, stdin_filename)
        config = self.config_for(house)
        return read_document(path, stdin_filename, config.max_file_size, config.path), house, config

    def _cache_key(self, doc: Document, house: str | None, config: Config) -> str | None:
        if self.cache is None or doc.raw is None:
            return None
        rules = [rule.id for rule in self.rules_for(house)]
        flags = "unused" if self.report_unused_suppressions else ""
        return self.cache.key(doc.raw, doc.path, config.fingerprint, rules, flags)

    def _kept(self, key: str, doc: Document, config: Config) -> Checked | None:
        assert self.cache is not None
        reports = self.cache.get(key, doc.path)
        return None if reports is None else Checked(doc, tuple(reports), config)

    def check_text(self, text: str, path: str = "<text>") -> Checked:
        house = self.house_for(path)
        config = self.config_for(house)
        return self._checked(Document(path, decode(text.encode("utf-8"), path)), house, config)

    def check_document(self, doc: Document) -> Checked:
        house = self.house_for(doc.path)
        return self._checked(doc, house, self.config_for(house))

    def _checked(self, doc: Document, house: str | None, config: Config) -> Checked:
        rules = self.rules_for(house)
        found = check_document(
            doc, rules, self._warning, self.report_unused_suppressions, self.share_long
        )
        return Checked(doc, tuple(drop_accepted(found, config.accept)), config)

    def house_for(self, path: str, stdin_filename: str | None = None) -> str | None:
        """The house config for a file: the one named, or the nearest to the file's folder,
        looked up once per folder."""
        if self.config is not None:
            return str(self.config)
        # Text from stdin is named as if it were in the current folder.
        where = (stdin_filename or STDIN) if path == STDIN else path
        folder = os.path.dirname(os.path.abspath(where or "."))
        if folder not in self._houses:
            found = find_house_config(Path(folder).resolve())
            self._houses[folder] = str(found) if found else None
        return self._houses[folder]

    def config_for(self, house: str | None) -> Config:
        if house not in self._configs:
            config = load_config(house, self.locale)
            for warning in config.warnings:
                self._warning(warning)
            self._configs[house] = config
        return self._configs[house]

    def rules_for(self, house: str | None) -> list[Rule]:
        """The rules that run for a house config: its rules, narrowed by `select` and
        `ignore`, which must each name a rule or a category."""
        if house not in self._rules:
            config = self.config_for(house)
            selection = Selection(self.select, self.ignore)
            unknown = selection.unknown(config.rules)
            if unknown:
                code = unknown[0]
                off = [r.id for r in config.disabled if Selection((code,)).allows(r.id)]
                if off:
                    raise UsageError(
                        f"{code!r} is off in this config: switch it on with"
                        f" `rules: {{{off[0]}: true}}` to select it"
                    )
                raise UsageError(f"no rule or category {code!r}; `copylint rules` lists them")
            self._rules[house] = selection.filter(config.rules)
        return self._rules[house]

    def _skipped(self, path: str, problem: str) -> None:
        self._say(f"{path}: skipped: {problem}")

    def _warning(self, message: str) -> None:
        self._say(f"warning: {message}")

    def _say(self, message: str) -> None:
        if self.warn is not None:
            self.warn(message)
