"""LanguageTool's HTTP API (/v2) in copylint's terms: the request read, the matches written.

A LanguageTool client sends `text` (or `data`, annotated markup), `language` and rule filters,
and reads back matches whose `offset` and `length` count UTF-16 code units of the text as it
was sent, as Java does: an emoji counts 2, a CRLF 2, a BOM 1, and with `data` the markup
counts too. copylint's offsets are code points into the text with LF line ends and no BOM, so
each is carried back through three maps: the document to the submitted plain text (BOM and
CRs put back), the plain text to the annotated text (markup put back), and code points to
UTF-16 units.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from copylint import __version__
from copylint.finding import Report, RuleInfo

API_VERSION = 1
# LanguageTool's language codes, and the house locale each one checks with; `en` and `auto`
# let copylint's own vote decide (spelling/consistency, see the README).
LANGUAGES = {
    "en": ("English", "auto"),
    "auto": ("English", "auto"),
    "en-GB": ("English (GB)", "en-GB"),
    "en-US": ("English (US)", "en-US"),
    "en-GB-oxendict": ("English (GB, Oxford spelling)", "en-GB-oxendict"),
}
_BY_LOWER = {code.lower(): code for code in LANGUAGES}
CATEGORY_NAMES = {
    "boilerplate": "Not copy (web chrome)",
    "entity": "Names",
    "grammar": "Grammar",
    "quote": "Quotations",
    "spelling": "House spelling",
    "style": "House style",
}
SHORT_MESSAGES = {
    "boilerplate": "Not copy",
    "entity": "Possible typo in a name",
    "grammar": "Grammar",
    "quote": "Unattributed quotation",
    "spelling": "House spelling",
    "style": "House style",
}
# LanguageTool's issue types are the W3C ITS localization-quality ones.
ISSUE_TYPES = {
    "boilerplate": "addition",
    "entity": "inconsistent-entities",
    "grammar": "grammar",
    "quote": "omission",
    "spelling": "locale-violation",
    "style": "style",
}
RULE_ISSUE_TYPES = {"spelling/consistency": "inconsistency"}
CONTEXT_CHARS = 40
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")


class BadRequest(ValueError):
    """A request LanguageTool would refuse: said to the client as a 400 with this message."""


@dataclass(frozen=True, slots=True)
class LtRequest:
    """A /v2/check request, read: the text to check and how to report on it."""

    submitted: str  # what the offsets count: `text`, or the annotated text with its markup
    plain: str  # what is checked: `text`, or `data` with markup interpreted
    segments: tuple[Segment, ...]  # the annotation's parts (none for `text`)
    language: str  # LanguageTool's code, as we name it back
    locale: str  # copylint's house locale
    enabled: frozenset[str]  # rule ids and categories, lower case
    disabled: frozenset[str]
    enabled_only: bool


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of annotated text: where it is in the plain text and in the annotated one."""

    plain_start: int
    plain_length: int
    start: int
    length: int
    markup: bool


def read_request(form: Mapping[str, str]) -> LtRequest:
    """The fields of a /v2/check form; `BadRequest` if one is missing or malformed."""
    language = _language(form.get("language"), form.get("preferredVariants", ""))
    if "text" in form:
        submitted = plain = form["text"]
        segments: tuple[Segment, ...] = ()
    elif "data" in form:
        submitted, plain, segments = read_annotation(form["data"])
    else:
        raise BadRequest("missing form field 'text' (or 'data' with annotated markup)")
    enabled = _codes(form.get("enabledRules", "")) | _codes(form.get("enabledCategories", ""))
    disabled = _codes(form.get("disabledRules", "")) | _codes(form.get("disabledCategories", ""))
    enabled_only = form.get("enabledOnly", "false").strip().lower() == "true"
    if enabled_only and not enabled:
        raise BadRequest("enabledOnly=true needs enabledRules or enabledCategories")
    return LtRequest(
        submitted,
        plain,
        segments,
        language,
        LANGUAGES[language][1],
        enabled,
        disabled,
        enabled_only,
    )


def _language(given: str | None, preferred: str) -> str:
    if not given or not given.strip():
        raise BadRequest("missing form field 'language' (en-GB, en-US, en or auto)")
    code = _BY_LOWER.get(given.strip().lower())
    if code is None:
        known = ", ".join(LANGUAGES)
        raise BadRequest(f"language {given.strip()!r} is not supported (known: {known})")
    if code == "auto":
        # `auto` with a preferred variant checks as that variant, as LanguageTool does.
        for variant in _codes(preferred):
            if _BY_LOWER.get(variant, "en") != "en":
                return _BY_LOWER[variant]
    return code


def _codes(field: str) -> frozenset[str]:
    return frozenset(code.strip().lower() for code in field.split(",") if code.strip())


def read_annotation(data: str) -> tuple[str, str, tuple[Segment, ...]]:
    """`data`'s annotated text, its plain text (markup as its `interpretAs`, or nothing), and
    its segments; `BadRequest` unless it is `{"annotation": [{"text": …} | {"markup": …}]}`."""
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, RecursionError) as error:
        raise BadRequest(f"'data' is not valid JSON: {error}") from None
    parts = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(parts, list):
        raise BadRequest("'data' must be an object with an 'annotation' list")
    submitted: list[str] = []
    plain: list[str] = []
    segments: list[Segment] = []
    at = plain_at = 0
    for index, part in enumerate(parts):
        if not isinstance(part, dict):
            raise BadRequest(f"'data' annotation {index} is not an object")
        text, markup = part.get("text"), part.get("markup")
        interpret = part.get("interpretAs", "")
        if isinstance(text, str) and markup is None:
            shown, read, is_markup = text, text, False
        elif isinstance(markup, str) and text is None and isinstance(interpret, str):
            shown, read, is_markup = markup, interpret, True
        else:
            raise BadRequest(
                f"'data' annotation {index} needs a string 'text' or 'markup'"
                " (with an optional string 'interpretAs')"
            )
        segments.append(Segment(plain_at, len(read), at, len(shown), is_markup))
        submitted.append(shown)
        plain.append(read)
        at += len(shown)
        plain_at += len(read)
    return "".join(submitted), "".join(plain), tuple(segments)


class Positions:
    """Offsets into a checked document (code points, LF, no BOM) placed in the text as it was
    submitted, in UTF-16 code units: what LanguageTool's `offset` and `length` count."""

    def __init__(self, request: LtRequest) -> None:
        plain = request.plain
        # The document positions where `decode` took a character out: a BOM, each CRLF's CR.
        removed: list[int] = [0] if plain.startswith("\ufeff") else []
        for match in re.finditer("\r\n", plain):
            removed.append(match.start() - len(removed))
        self._removed = removed
        segments = [s for s in request.segments if s.plain_length]
        self._segments = segments
        self._starts = [s.plain_start for s in segments]
        self._astral = [m.start() for m in _ASTRAL.finditer(request.submitted)]
        self._total = len(request.submitted)

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """A document span in the plain text: the CRs and the BOM put back."""
        # A start on a CRLF's LF stays after the CR; an end just before one stays before it.
        plain_start = start + bisect.bisect_right(self._removed, start)
        plain_end = end + bisect.bisect_left(self._removed, end)
        return plain_start, max(plain_start, plain_end)

    def utf16_span(self, start: int, end: int) -> tuple[int, int]:
        """A document span as (offset, length) in UTF-16 units of the submitted text."""
        plain_start, plain_end = self.plain_span(start, end)
        first = self._submitted(plain_start, is_end=False)
        last = max(first, self._submitted(plain_end, is_end=True))
        offset = first + bisect.bisect_left(self._astral, first)
        return offset, last + bisect.bisect_left(self._astral, last) - offset

    def _submitted(self, plain: int, is_end: bool) -> int:
        """A plain-text offset in the annotated text: within a text part, the same character;
        within an interpreted piece of markup, the whole of the markup."""
        if not self._segments:
            return plain
        char = plain - 1 if is_end else plain
        if char < 0:
            return 0
        last = self._segments[-1]
        if char >= last.plain_start + last.plain_length:
            return self._total
        segment = self._segments[bisect.bisect_right(self._starts, char) - 1]
        if segment.markup:
            return segment.start + (segment.length if is_end else 0)
        return segment.start + plain - segment.plain_start


def wanted(report: Report, request: LtRequest) -> bool:
    """Whether the rule filters keep a finding: by rule id or by category."""
    names = {report.finding.rule.lower(), report.finding.category.lower()}
    if names & request.disabled:
        return False
    return not request.enabled_only or bool(names & request.enabled)


def match(
    report: Report,
    doc_text: str,
    request: LtRequest,
    positions: Positions,
    rules: Mapping[str, RuleInfo],
) -> dict[str, Any]:
    """One copylint finding as a LanguageTool match."""
    f = report.finding
    offset, length = positions.utf16_span(f.start, f.end)
    plain_start, plain_end = positions.plain_span(f.start, f.end)
    info = rules.get(f.rule)
    issue_type = RULE_ISSUE_TYPES.get(f.rule, ISSUE_TYPES.get(f.category, "uncategorized"))
    return {
        "message": f.message,
        "shortMessage": SHORT_MESSAGES.get(f.category, _rule_name(f.rule)),
        "replacements": [{"value": value} for value in f.suggestions],
        "offset": offset,
        "length": length,
        "context": context(request.plain, plain_start, plain_end),
        "sentence": sentence(doc_text, f.start, f.end),
        "type": {"typeName": "Other"},
        "rule": {
            "id": f.rule,
            "description": _description(info) if info else _rule_name(f.rule),
            "issueType": issue_type,
            "category": {
                "id": f.category.upper(),
                "name": CATEGORY_NAMES.get(f.category, f.category.capitalize()),
            },
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def context(text: str, start: int, end: int) -> dict[str, Any]:
    """About `CONTEXT_CHARS` characters either side of a span, on one line (line ends shown as
    spaces), "..." where it was cut; offset and length in UTF-16 units, as LanguageTool's."""
    before = max(0, start - CONTEXT_CHARS)
    after = min(len(text), end + CONTEXT_CHARS)
    head = ("..." if before else "") + text[before:start]
    middle = text[start:end]
    tail = text[end:after] + ("..." if after < len(text) else "")
    shown = re.sub("[\r\n]", " ", head + middle + tail)
    return {"text": shown, "offset": _utf16_len(head), "length": _utf16_len(middle)}


def sentence(text: str, start: int, end: int) -> str:
    """The sentence a span is in: from the end of the one before to the end of its own, within
    its line."""
    begin = 0
    for found in _SENTENCE_END.finditer(text, max(0, start - 1000), start):
        begin = found.end()
    stop = _SENTENCE_END.search(text, end)
    finish = len(text) if stop is None else stop.end()
    return text[begin:finish].strip()


def check_response(request: LtRequest, matches: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The body of a /v2/check answer."""
    name = LANGUAGES[request.language][0]
    return {
        "software": {
            "name": "copylint",
            "version": __version__,
            "buildDate": None,
            "apiVersion": API_VERSION,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": request.language,
            "detectedLanguage": {
                "name": name,
                "code": request.language,
                "confidence": 1.0,
                "source": "copylint",
            },
        },
        "matches": list(matches),
    }


def languages() -> list[dict[str, str]]:
    """The body of a /v2/languages answer."""
    return [
        {"name": name, "code": "en", "longCode": code}
        for code, (name, _) in LANGUAGES.items()
        if code != "auto"  # not a language: a client adds it itself
    ]


def _description(info: RuleInfo) -> str:
    """A rule's description in a line: the first clause of its own, or its id."""
    text = " ".join(info.description.split())
    if not text:
        return _rule_name(info.id)
    cut = min((i for i in (text.find(". "), text.find(": ")) if i > 0), default=len(text))
    text = text[:cut].rstrip(".")
    return text if len(text) <= 120 else text[:119].rstrip() + "…"


def _rule_name(rule_id: str) -> str:
    return rule_id.rsplit("/", 1)[-1].replace("-", " ").capitalize()


def _utf16_len(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))
