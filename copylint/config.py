"""House configs and rule packs: find them, merge them in order, validate them, build the rules.

A file sets `extends` (packs or files applied first), `locale`, `proper_nouns` (added to those
of the files before it), and `rules` by id. A rule's
settings merge key by key across files, later files winning, so a house config can change one
field of a shipped rule; each value keeps the file and place it came from for error messages.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from copylint.acceptance import Accepted, accepted
from copylint.checks import KINDS
from copylint.checks.base import Examples, OptionError, Rule, Settings
from copylint.digests import hex_digest
from copylint.errors import ConfigError
from copylint.finding import Severity
from copylint.packaged import read_packaged
from copylint.packs import read_pack
from copylint.patterns import PatternError
from copylint.text.sources import DEFAULT_MAX_FILE_SIZE
from copylint.yamlfile import Where, YamlFile, load_yaml, validate

HOUSE_CONFIG_NAMES = (".copylint.yaml", ".copylint.yml")
DEFAULT_PACKS = "default"
SHARED_KEYS = ("kind", "enabled", "category", "severity", "message", "description", "examples")
NEEDED_KEYS = ("category", "severity", "message")
EXTEND = "extend"


@cache
def config_schema() -> dict[str, Any]:
    text = read_packaged("schemas/config.schema.json")
    schema: dict[str, Any] = json.loads(text)
    return schema


def shipped_packs_dir() -> Path:
    """The rule packs: inside the installed package, or beside it in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


def shipped_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(shipped_packs_dir().glob("*.yaml"))}


def find_house_config(start: Path) -> Path | None:
    """The nearest .copylint.yaml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        for name in HOUSE_CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


class Setting(NamedTuple):
    value: Any
    file: YamlFile
    where: Where

    def error(self, problem: str, *, at_key: bool = False) -> ConfigError:
        return self.file.error(self.where, problem, at_key=at_key)


@dataclass(frozen=True)
class Config:
    path: str | None
    locale: str
    rules: tuple[Rule, ...]
    disabled: tuple[Rule, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    accept: tuple[Accepted, ...] = ()
    # What the config says that is legal but likely a mistake: one line each, said once.
    warnings: tuple[str, ...] = ()
    # Changes whenever anything the rules were built from changes: the files applied, in
    # order, the locale, the lexicon. A cached result is one of this config's only.
    fingerprint: str = ""


@dataclass(eq=False, repr=False)
class _Layers:
    """What the files said so far, in the order they were applied."""

    locale: str = "auto"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    proper_nouns: list[str] = field(default_factory=list)
    accept: list[Accepted] = field(default_factory=list)
    lexicon: str | None = None
    spacy_model: str | None = None
    rules: dict[str, dict[str, Setting]] = field(default_factory=dict)
    applied: set[Path] = field(default_factory=set)
    shipped: set[str] = field(default_factory=set)
    extending: list[Path] = field(default_factory=list)  # the files being applied, outermost first
    trusted: set[str] = field(default_factory=set)  # every string of the shipped packs
    read: list[str] = field(default_factory=list)  # what each file applied said, in order
    grammar: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)


def load_config(house: str | Path | None, locale: str | None = None) -> Config:
    """The rules for a house config (or, with none, the shipped packs), with `locale` from the
    command line winning over the config's."""
    layers = _Layers()
    if house is None:
        _extend(layers, DEFAULT_PACKS, None)
    else:
        file = load_yaml(house)
        layers.applied.add(Path(house).resolve())
        layers.extending.append(Path(house).resolve())
        _apply(layers, file, shipped=False, implicit_extends=DEFAULT_PACKS)
        if "extends" in file.data and not layers.shipped:
            layers.warnings.append(
                f"{house}: extends names no shipped pack, so no shipped rule runs"
                " (add 'default' to keep them)"
            )
    chosen = locale or layers.locale
    run = Settings(
        locale=chosen,
        proper_nouns=tuple(dict.fromkeys(layers.proper_nouns)),
        lexicon=layers.lexicon,
        spacy_model=layers.spacy_model,
        trusted=frozenset(layers.trusted),
        grammar=layers.grammar,
    )
    built = [
        (_build(rule_id, settings, layers, run), _enabled(settings))
        for rule_id, settings in layers.rules.items()
    ]
    rules = tuple(rule for rule, enabled in built if enabled)
    if house is not None and not rules:
        layers.warnings.append(f"{house}: this config runs no rule at all")
    return Config(
        str(house) if house else None,
        chosen,
        rules=rules,
        disabled=tuple(rule for rule, enabled in built if not enabled),
        max_file_size=layers.max_file_size,
        accept=tuple(layers.accept),
        warnings=tuple(layers.warnings),
        fingerprint=_fingerprint(layers, chosen),
    )


def _apply(layers: _Layers, file: YamlFile, *, shipped: bool, implicit_extends: str = "") -> None:
    if shipped:
        layers.shipped.add(file.path)
        layers.trusted.update(_strings(file.data))
    else:
        validate(file, config_schema())
    # After validation: a key that is no string (`? ` is a null key) cannot be sorted.
    layers.read.append(json.dumps(file.data, sort_keys=True, default=str))
    data = file.data
    extends = data.get("extends", implicit_extends or [])
    for index, name in enumerate([extends] if isinstance(extends, str) else extends):
        where: Where = ("extends",) if isinstance(extends, str) else ("extends", index)
        _extend(layers, name, Setting(name, file, where))
    if "locale" in data:
        layers.locale = data["locale"]
    if "max_file_size" in data:
        layers.max_file_size = _bytes(data["max_file_size"])
    layers.proper_nouns += data.get("proper_nouns", [])
    for code, texts in data.get("accept", {}).items():
        for index, text in enumerate(texts):
            try:
                layers.accept += accepted({code: [text]})
            except PatternError as error:
                raise file.error(("accept", code, index), str(error)) from None
    if "lexicon" in data.get("entities", {}):
        lexicon = Path(file.path).parent / data["entities"]["lexicon"]
        if not lexicon.is_file():
            raise file.error(("entities", "lexicon"), f"no lexicon at {lexicon}")
        layers.lexicon = str(lexicon)
    if "grammar" in data:
        layers.grammar = {**(layers.grammar or {}), **data["grammar"]}
    if "model" in data.get("entities", {}):
        layers.spacy_model = data["entities"]["model"]
    for rule_id, value in data.get("rules", {}).items():
        settings = layers.rules.setdefault(rule_id, {})
        if isinstance(value, bool):
            settings["enabled"] = Setting(value, file, ("rules", rule_id))
            continue
        for key, item in value.items():
            if key == EXTEND:
                _extend_lists(settings, item, file, ("rules", rule_id, key))
            else:
                settings[key] = Setting(item, file, ("rules", rule_id, key))


def _extend_lists(
    settings: dict[str, Setting], extra: dict[str, list[Any]], file: YamlFile, where: Where
) -> None:
    """`extend: {option: [...]}` adds to a list option instead of replacing it, so a house
    can add its own names to a shipped rule's without repeating them."""
    for option, items in extra.items():
        before = settings.get(option)
        if before is not None and not isinstance(before.value, list):
            raise file.error((*where, option), f"{option!r} is not a list", at_key=True)
        merged = [*(before.value if before else []), *items]
        settings[option] = Setting(merged, file, (*where, option))


def _extend(layers: _Layers, name: str, named_at: Setting | None) -> None:
    for path, shipped in _resolve(name, named_at):
        resolved = path.resolve()
        if resolved in layers.extending and named_at is not None:
            cycle = " -> ".join(str(p) for p in [*layers.extending, resolved])
            raise named_at.error(f"extends {name!r} goes round in a circle: {cycle}")
        if resolved in layers.applied:
            continue  # applied already, through another file: once is enough
        layers.applied.add(resolved)
        layers.extending.append(resolved)
        _apply(layers, read_pack(path) if shipped else load_yaml(path), shipped=shipped)
        layers.extending.pop()


def _resolve(name: str, named_at: Setting | None) -> Iterator[tuple[Path, bool]]:
    packs = shipped_packs()
    if name == DEFAULT_PACKS:
        yield from ((path, True) for path in packs.values())
    elif name in packs:
        yield packs[name], True
    else:
        base = Path(named_at.file.path).parent if named_at else Path.cwd()
        path = base / name
        if not path.is_file():
            known = ", ".join([DEFAULT_PACKS, *packs])
            problem = f"extends {name!r}: no such pack ({known}) or file"
            raise named_at.error(problem) if named_at else ConfigError(name, 1, 1, problem)
        yield path, False


def _fingerprint(layers: _Layers, locale: str) -> str:
    parts = [*layers.read, locale, layers.spacy_model or ""]
    if layers.lexicon is not None:
        status = Path(layers.lexicon).stat()
        parts.append(f"{layers.lexicon}:{status.st_size}:{status.st_mtime_ns}")
    return hex_digest(*parts)


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


# No article comes near this; a bigger limit would only let a run take minutes.
MAX_FILE_SIZE_LIMIT = 1024 * 1024 * 1024
_UNITS = {"B": 1, "KB": 1024, "MB": 1024 * 1024, "GB": 1024 * 1024 * 1024}


def _bytes(value: int | str) -> int:
    """`max_file_size` in bytes: a count, or a number and a unit (the schema has checked it)."""
    if isinstance(value, int):
        return min(value, MAX_FILE_SIZE_LIMIT)
    number, unit = value[: len(value.rstrip("BKMG"))], value[len(value.rstrip("BKMG")) :]
    size = float(number.strip()) * _UNITS[unit]
    return max(1, int(min(size, MAX_FILE_SIZE_LIMIT)))


def _enabled(settings: dict[str, Setting]) -> bool:
    enabled = settings.get("enabled")
    return enabled is None or bool(enabled.value)


def _build(rule_id: str, settings: dict[str, Setting], layers: _Layers, run: Settings) -> Rule:
    first = next(iter(settings.values()))
    kind_setting = settings.get("kind")
    if kind_setting is None:
        raise first.error(
            f"no rule {rule_id!r} to change (a new rule needs kind, {', '.join(NEEDED_KEYS)})"
        )
    kind = KINDS.get(kind_setting.value)
    if kind is None:
        raise kind_setting.error(
            f"unknown rule kind {kind_setting.value!r} (known: {', '.join(sorted(KINDS))})"
        )
    missing = [key for key in (*NEEDED_KEYS, *kind.REQUIRED) if key not in settings]
    if missing:
        raise kind_setting.error(f"rule {rule_id!r} needs {', '.join(missing)}")
    _check_message(settings["message"], kind)
    options: dict[str, Any] = {}
    for key, setting in settings.items():
        if key in SHARED_KEYS:
            continue
        if key not in kind.OPTIONS:
            known = ", ".join(sorted((*SHARED_KEYS, *kind.OPTIONS)))
            raise setting.error(
                f"unknown key {key!r} for the {kind.KIND} kind (known: {known})", at_key=True
            )
        if setting.file.path not in layers.shipped:
            schema = {"type": "object", "properties": {key: kind.OPTIONS[key]}}
            validate(setting.file, schema, {key: setting.value}, setting.where[:-1])
        options[key] = setting.value
    try:
        return kind(
            id=rule_id,
            category=settings["category"].value,
            severity=Severity(settings["severity"].value),
            message=settings["message"].value,
            description=settings["description"].value if "description" in settings else "",
            examples=_examples(settings.get("examples")),
            pack=_pack_name(kind_setting.file.path, layers),
            **kind.options(options, run),
        )
    except OptionError as error:
        setting = settings[error.key]
        raise setting.file.error(
            (*setting.where, *error.at), str(error), at_key=error.at_key
        ) from None


def _check_message(setting: Setting, kind: type[Rule]) -> None:
    """A message may name only what its kind fills in: a typo there would otherwise surface as
    a crash in the middle of a run."""
    known = ", ".join(f"{{{name}}}" for name in sorted(kind.MESSAGE_FIELDS))
    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(setting.value)
            if name is not None
        ]
    except ValueError as error:
        raise setting.error(f"message: {error} (write {{{{ and }}}} for braces)") from None
    for name, spec, conversion in fields:
        # Only a name, as it is: `{text}`, never `{}`, `{text[0]}`, `{text!r}` or `{text:>9}`.
        if name not in kind.MESSAGE_FIELDS or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            raise setting.error(
                f"message: {_article(kind.KIND)} {kind.KIND} rule fills in only {known},"
                f" not {written} (write {{{{ and }}}} for braces)"
            )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _examples(setting: Setting | None) -> Examples:
    if setting is None:
        return Examples()
    value = setting.value
    return Examples(tuple(value.get("fail", ())), tuple(value.get("ok", ())), value.get("locale"))


def _pack_name(path: str, layers: _Layers) -> str:
    return Path(path).stem if path in layers.shipped else path
