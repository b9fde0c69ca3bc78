"""languagetool: grammar from a LanguageTool server, where a newsroom has one.

The house config names it (`grammar: {server: https://lt.example.org}`, or `{local: true}` for
a LanguageTool that language-tool-python starts from `LTP_JAR_DIR_PATH`); without one, the rule
does nothing and costs nothing. Only prose is sent: the article with its front matter, code and
markup blanked to spaces, the same length as the file, so every match stands at its place in
the file; a match that reaches into a blanked span, or is about spacing, is dropped.
LanguageTool's speller is off (copylint's own checks cover names and UK/US, and a speller flags
every name), and so are the rules a house lists in `disabled_rules`. Each match keeps its rule
id (`grammar/EN_A_VS_AN`). A server that cannot be reached is said once, in one line, and the
run goes on without it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings
from copylint.errors import RuleWarning
from copylint.finding import Applicability, Edit, Finding, Fix
from copylint.text.document import Document

# Spacing: the blanks where markup was would be found as doubled spaces.
_OFF_RULES = ("WHITESPACE_RULE", "CONSECUTIVE_SPACES", "EN_QUOTES", "DASH_RULE")
_LANGUAGES = {"en-GB": "en-GB", "en-US": "en-US", "en-GB-oxendict": "en-GB", "auto": "en-US"}
TIMEOUT = 20  # seconds a server may take over one article


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class LanguageTool(Rule):
    """Reports LanguageTool's grammar matches in the prose of an article. The message may use
    `{text}` and `{message}` (LanguageTool's own)."""

    server: str | None
    local: bool
    language: str
    disabled_rules: tuple[str, ...]

    KIND: ClassVar[str] = "languagetool"
    BACKEND: ClassVar[str] = "a LanguageTool server"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "message"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        grammar = settings.grammar or {}
        return {
            "server": grammar.get("server"),
            "local": bool(grammar.get("local", False)),
            "language": _LANGUAGES.get(settings.locale, "en-US"),
            "disabled_rules": tuple(grammar.get("disabled_rules", ())),
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.server is None and not self.local:
            return
        client = _client(self.server, self.language, (*_OFF_RULES, *self.disabled_rules))
        if isinstance(client, str):
            if _say_once(client):
                raise RuleWarning(client)
            return
        try:
            matches = client.check(doc.prose)
        except Exception as error:  # the server went away mid-run: said once, then skipped
            problem = f"LanguageTool at {self.server or 'localhost'} failed: {error}"
            if _say_once(problem):
                raise RuleWarning(" ".join(problem.split())) from None
            return
        for match in matches:
            finding = self._finding_of(doc, match)
            if finding is not None:
                yield finding

    def _finding_of(self, doc: Document, match: Any) -> Finding | None:
        start = int(match.offset)
        end = start + int(match.error_length)
        if not 0 <= start < end <= len(doc.text) or doc.prose[start:end] != doc.text[start:end]:
            return None  # it reaches into markup, code or front matter
        text = doc.text[start:end]
        suggestions = tuple(str(value) for value in match.replacements[:5])
        fix = None
        if suggestions:
            # A grammar fix rewords: a person reads it first.
            fix = Fix(Applicability.UNSAFE, (Edit(start, end, suggestions[0]),))
        return Finding(
            rule=f"grammar/{match.rule_id}",
            category=self.category,
            severity=self.severity,
            message=self.message.format(text=text, message=str(match.message)),
            start=start,
            end=end,
            suggestions=suggestions,
            fix=fix,
        )


_SAID: set[str] = set()


def _say_once(problem: str) -> bool:
    if problem in _SAID:
        return False
    _SAID.add(problem)
    return True


@cache
def _client(server: str | None, language: str, disabled: Sequence[str]) -> Any:
    """language-tool-python's client for a server, made once per process; or, if it cannot
    be made, why not."""
    try:
        import language_tool_python
    except ImportError:
        return "grammar: language-tool-python is not installed (pip install language-tool-python)"

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = TIMEOUT  # type: ignore[assignment]

    try:
        client = Client(language, remote_server=server) if server else Client(language)
    except Exception as error:
        where = f"at {server}" if server else "on this machine"
        first = " ".join(str(error).split())[:200]
        return f"grammar: no LanguageTool {where} ({first}); checked without grammar"
    client.disable_spellchecking()
    client.disabled_rules.update(disabled)
    return client
