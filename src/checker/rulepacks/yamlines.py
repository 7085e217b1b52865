"""Load YAML and remember the line of every key, so errors can point at it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.errors import RulePackError

if TYPE_CHECKING:
    import yaml

Path_ = tuple[str | int, ...]

# Nodes built from one pack, aliases counted each time they are used: the shipped
# packs hold a few thousand; a "billion laughs" pack would hold billions.
MAX_NODES = 200_000
_STANDARD_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _STANDARD_TAG + t for t in ("str", "int", "bool", "null", "float", "timestamp", "map", "seq")
)


def load_with_lines(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    """Parse ``text``; return the data and a map from key path to 1-based line.

    PyYAML is imported here, not at start-up: a run whose packs are all in the
    validated cache never parses YAML.
    """
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulePackError(source, f"invalid YAML: {problem}", line=line) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    return _convert(node, (), lines, source, [MAX_NODES]), lines


def _convert(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], source: str, left: list[int]
) -> Any:
    """Plain data from ``node``; a tag other than YAML's own data types is an error."""
    import yaml

    left[0] -= 1
    if left[0] < 0:
        raise RulePackError(
            source,
            f"more than {MAX_NODES} YAML nodes (aliases expanded): refused",
            line=node.start_mark.line + 1,
        )
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace(_STANDARD_TAG, "!!")
        line = node.start_mark.line + 1
        raise RulePackError(source, f"YAML tag {shown!r} is not allowed in a rule pack", line=line)
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key, str):
                raise RulePackError(
                    source, "keys must be strings", line=key_node.start_mark.line + 1
                )
            if key in out:
                raise RulePackError(
                    source, "duplicate key", line=key_node.start_mark.line + 1, key=key
                )
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, (*path, key), lines, source, left)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, (*path, i), lines, source, left) for i, v in enumerate(node.value)]
    # scalars: the resolver already tagged them (int, bool, str, null)
    try:
        return _constructor().construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulePackError(
            source, f"invalid YAML: {problem}", line=node.start_mark.line + 1
        ) from None


_CONSTRUCTOR: yaml.SafeLoader | None = None


def _constructor() -> yaml.SafeLoader:
    import yaml

    global _CONSTRUCTOR
    if _CONSTRUCTOR is None:
        _CONSTRUCTOR = yaml.SafeLoader("")
    return _CONSTRUCTOR


def line_for(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of ``path`` or of its nearest ancestor that has one."""
    probe = tuple(path)
    while True:
        if probe in lines:
            return lines[probe]
        if not probe:
            return None
        probe = probe[:-1]
