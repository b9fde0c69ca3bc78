"""The YAML parser behind `copylint.yamlfile`: PyYAML (its C loader where built), with aliases
bounded, every key and value marked with its line and column, and each way a file can be
broken said in one line at its place."""

from __future__ import annotations

from typing import Any

import yaml
import yaml.reader

from copylint.errors import ConfigError
from copylint.yamlfile import MAX_NODES, Mark, Where, YamlFile

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


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
