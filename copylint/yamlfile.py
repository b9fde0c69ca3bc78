"""YAML that remembers where each key and value stood, so config errors name line and column.

The parser itself is `copylint.yamlparse`, imported only when a YAML file is read: a run on
the shipped packs alone reads them pre-built (`copylint.packs`) and never imports PyYAML.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from copylint.errors import ConfigError

Where = tuple[str | int, ...]


class Mark(NamedTuple):
    line: int
    column: int


@dataclass(eq=False, repr=False)
class YamlFile:
    path: str
    data: Any
    value_marks: dict[Where, Mark] = field(default_factory=dict)
    key_marks: dict[Where, Mark] = field(default_factory=dict)

    def error(self, where: Where, problem: str, *, at_key: bool = False) -> ConfigError:
        """An error at the value (or, for an unknown key, the key) found at `where`, or at the
        nearest enclosing place that has a mark."""
        marks = self.key_marks if at_key else self.value_marks
        for length in range(len(where), -1, -1):
            mark = marks.get(where[:length]) or self.value_marks.get(where[:length])
            if mark is not None:
                return ConfigError(self.path, mark.line, mark.column, problem)
        return ConfigError(self.path, 1, 1, problem)


# More values than any config or lexicon has, far fewer than would fill the memory.
MAX_NODES = 1_000_000
# A config is a page or two; a lexicon `learn` wrote holds every name of an archive.
CONFIG_MAX_BYTES = 1024 * 1024
LEXICON_MAX_BYTES = 64 * 1024 * 1024


def read_text(path: str | Path, max_bytes: int) -> str:
    """A config's or lexicon's text, refused in one line if it is not a regular file, is bigger
    than `max_bytes` or is not UTF-8."""
    name = str(path)
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ConfigError(name, 1, 1, "not a regular file")
            if status.st_size > max_bytes:
                raise ConfigError(name, 1, 1, f"bigger than {max_bytes // 1024:,} KB")
            data = file.read(max_bytes + 1)
    except FileNotFoundError:
        raise ConfigError(name, 1, 1, "no such file") from None
    except IsADirectoryError:
        raise ConfigError(name, 1, 1, "is a folder, not a file") from None
    except OSError as error:
        raise ConfigError(name, 1, 1, f"cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problem = f"not valid UTF-8 (byte 0x{data[error.start]:02x})"
        raise ConfigError(name, line, column, problem) from None


def load_yaml(path: str | Path, max_bytes: int = CONFIG_MAX_BYTES) -> YamlFile:
    from copylint.yamlparse import parse_yaml

    return parse_yaml(read_text(path, max_bytes), str(path))


def validate(
    file: YamlFile, schema: Mapping[str, Any], data: Any = None, where: Where = ()
) -> None:
    """Check `data` (by default the whole file) against a JSON Schema; the first error becomes
    a ConfigError at its place in the file."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    instance = file.data if data is None else data
    error = best_match(Draft202012Validator(schema).iter_errors(instance))
    if error is None:
        return
    at = (*where, *error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        first = min((key for key in error.instance if key not in allowed), key=str)
        known = ", ".join(sorted(allowed))
        marked = "" if first is None else str(first)  # marks are kept by the key as written
        raise file.error((*at, marked), f"{_unknown_key(first)} (known: {known})", at_key=True)
    raise file.error(at, _plain(error))


def _unknown_key(key: object) -> str:
    """How to name a key no schema knows: YAML allows keys that are not names (`? ` is null)."""
    if isinstance(key, str):
        return f"unknown key {key!r}"
    return "a key with no name" if key is None else f"a key that is not a name ({key})"


_TYPES = {
    "array": "a list",
    "object": "a mapping of keys to values",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _plain(error: Any) -> str:
    """A schema error said in the config's own terms: YAML values, not Python's."""
    place = ".".join(str(part) for part in error.absolute_path)
    value, rule, expected = error.instance, error.validator, error.validator_value
    if rule == "type":
        wanted = " or ".join(_TYPES.get(kind, kind) for kind in _listed(expected))
        problem = f"expected {wanted}, not {_yaml(value)}"
    elif rule == "enum":
        problem = f"{_yaml(value)} is not one of: {', '.join(map(_yaml, expected))}"
    elif rule in ("minItems", "minLength", "minProperties") and not value:
        problem = "is empty"
        if rule == "minProperties" and place.startswith("rules."):
            problem += (
                ": a rule needs kind, category, severity and message (or false, to switch it off)"
            )
    elif rule == "minimum":
        problem = f"{_yaml(value)} is less than {expected}"
    elif rule in ("oneOf", "anyOf"):
        problem = f"{_yaml(value)} is not any of the forms this key takes"
        descriptions = error.schema.get("description")
        if descriptions:
            problem += f" ({descriptions})"
    elif rule == "pattern":
        form = error.schema.get("description", "the form this key takes")
        problem = f"{_yaml(value)} is not {form}"
    else:
        problem = str(error.message)
    return f"{place}: {problem}" if place else problem


def _listed(value: Any) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _yaml(value: Any) -> str:
    """A value as the config writes it: null, true, 'text', [a list]."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return str(value)
