"""YAML that remembers where each key and value stood, so config errors name line and column."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader

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
    return parse_yaml(read_text(path, max_bytes), str(path))


def parse_yaml(text: str, name: str) -> YamlFile:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _bound_expansion(node, name)
        data = _constructed(loader, node, name) if node is not None else {}
        result = YamlFile(name, {} if data is None else data)
        if node is not None:
            _record(result, node, ())
    except yaml.MarkedYAMLError as error:
        raise _marked(error, name) from None
    except yaml.reader.ReaderError as error:
        raise _unreadable(error, text, name) from None
    except yaml.YAMLError as error:
        raise ConfigError(name, 1, 1, f"invalid YAML: {_one_line(str(error))}") from None
    except RecursionError:
        raise ConfigError(name, 1, 1, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    return result


def _constructed(loader: Any, root: yaml.Node, name: str) -> Any:
    """The file's values. A value its tag cannot make (`!!float x`, `!!timestamp 2024-13-45`)
    is an error at its place, found again one scalar at a time."""
    try:
        return loader.construct_document(root)
    except (ValueError, TypeError, AttributeError, OverflowError) as error:
        for node in _scalars(root):
            probe = _Loader("")  # the failed build has left its own loader half-way
            try:
                probe.construct_object(node, deep=True)
            except (ValueError, TypeError, AttributeError, OverflowError):
                mark = node.start_mark
                tag = node.tag.rpartition(":")[2]
                problem = f"invalid YAML: {node.value!r} is not a valid {tag}"
                raise ConfigError(name, mark.line + 1, mark.column + 1, problem) from None
        raise ConfigError(name, 1, 1, f"invalid YAML: {_one_line(str(error))}") from None


def _scalars(root: yaml.Node) -> list[yaml.Node]:
    found, stack, seen = [], [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.append(node)
        stack.extend(reversed(_children(node)))
    return sorted(found, key=lambda node: (node.start_mark.line, node.start_mark.column))


def _bound_expansion(root: yaml.Node, name: str) -> None:
    """Aliases (`*name`) repeat what an anchor names, and the composed file shares the node
    rather than copying it; a few nested ones can make a file of 400 bytes expand to
    gigabytes when it is built, and one inside its own anchor never ends. So the size the file
    would expand to is counted on the shared nodes first, each once."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _children(node)
        if children_done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_NODES:
                mark = node.start_mark
                problem = f"expands to more than {MAX_NODES:,} values (through its aliases)"
                raise ConfigError(name, mark.line + 1, mark.column + 1, problem)
            continue
        if key in sizes:
            continue
        if key in on_path:
            mark = node.start_mark
            problem = "an alias stands inside the anchor it names: the value never ends"
            raise ConfigError(name, mark.line + 1, mark.column + 1, problem)
        on_path.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                mark = child.start_mark
                problem = "an alias stands inside the anchor it names: the value never ends"
                raise ConfigError(name, mark.line + 1, mark.column + 1, problem)
            if id(child) not in sizes:
                stack.append((child, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _marked(error: yaml.MarkedYAMLError, name: str) -> ConfigError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return ConfigError(name, line, column, f"invalid YAML: {error.problem or error.context}")


def _unreadable(error: yaml.reader.ReaderError, text: str, name: str) -> ConfigError:
    """A character YAML does not allow (a control character), at its line and column."""
    at = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    problem = f"invalid YAML: the character U+{ord(character):04X} is not allowed"
    return ConfigError(name, line, column, problem)


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
