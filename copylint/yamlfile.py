"""YAML that remembers where each key and value stood, so config errors name line and column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from copylint.errors import ConfigError

Where = tuple[str | int, ...]

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    column: int


@dataclass
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


def load_yaml(path: str | Path) -> YamlFile:
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(name, 1, 1, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(name, 1, 1, f"cannot read: {error}") from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlFile:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = f"invalid YAML: {error.problem or error.context}"
        raise ConfigError(name, line, column, problem) from None
    except yaml.YAMLError as error:
        raise ConfigError(name, 1, 1, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    result = YamlFile(name, {} if data is None else data)
    if node is not None:
        _record(result, node, ())
    return result


def _record(file: YamlFile, node: yaml.Node, where: Where) -> None:
    file.value_marks[where] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                mark = key_node.start_mark
                problem = f"duplicate key {key!r}"
                raise ConfigError(file.path, mark.line + 1, mark.column + 1, problem)
            seen.add(key)
            inner = (*where, key)
            file.key_marks[inner] = Mark(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            _record(file, value_node, inner)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(file, item, (*where, index))


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
        unknown = sorted(str(key) for key in error.instance if key not in allowed)
        known = ", ".join(sorted(allowed))
        raise file.error(
            (*at, unknown[0]), f"unknown key {unknown[0]!r} (known: {known})", at_key=True
        )
    raise file.error(at, _plain(error))


def _plain(error: Any) -> str:
    place = ".".join(str(part) for part in error.absolute_path)
    return f"{place}: {error.message}" if place else str(error.message)
