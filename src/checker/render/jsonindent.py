"""Indented JSON as ``json`` writes it, without its chain of generators.

``json`` encodes in C only without ``indent``; with it, every piece of text
passes up a chain of nested generators, one per level, and encoding was a
twelfth of a batch. This writer appends the same pieces to a list instead,
strings escaped by ``json``'s own C function, so the text is byte for byte
what ``json.JSONEncoder(ensure_ascii=False, indent=n).iterencode`` gives: the
same separators, number forms, key conversions and errors.

The outer levels, where the lazily made arrays of ``checker.render.safe`` sit
(the files, the results), are walked by generators that hand out the text made
so far every few hundred pieces, so a large run is still written as it is
made; below them (a finding's fields) plain recursion appends everything. A
list subclass is asked for its truth and its items as ``json`` asks them.
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

OUTER = 4  # levels walked by generators: SARIF's results are at level 3
_PARTS = 256  # pieces held before the text made so far is handed out


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _scalar(value: Any) -> str | None:
    """The text of a string, number, boolean or null; None for anything else."""
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _refused(value: Any) -> TypeError:
    return TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


class _Writer:
    def __init__(self, indent: int, outer: int) -> None:
        self.indent = " " * indent
        self.outer = outer
        self.parts: list[str] = []
        self.ready: list[str] = []  # text to hand out at the next pause
        self.markers: set[int] = set()

    def _enter(self, value: Any) -> int:
        marker = id(value)
        if marker in self.markers:
            raise ValueError("Circular reference detected")
        self.markers.add(marker)
        return marker

    def _pause(self) -> bool:
        if len(self.parts) < _PARTS:
            return False
        self.ready.append("".join(self.parts))
        self.parts = []
        return True

    # -- the outer levels: generators that pause ------------------------------------

    def walk(self, value: Any, level: int) -> Iterator[None]:
        if level >= self.outer:
            self.dump(value, level)
            return
        if isinstance(value, (list, tuple)):
            yield from self.walk_array(value, level)
        elif isinstance(value, dict):
            yield from self.walk_object(value, level)
        else:
            raise _refused(value)

    def walk_array(self, items: Any, level: int) -> Iterator[None]:
        if not items:
            self.parts.append("[]")
            return
        marker = self._enter(items)
        inner = "\n" + self.indent * (level + 1)
        self.parts.append("[" + inner)
        first = True
        for item in items:
            if not first:
                self.parts.append("," + inner)
            first = False
            text = _scalar(item)
            if text is not None:
                self.parts.append(text)
            else:
                yield from self.walk(item, level + 1)
            if self._pause():
                yield
        self.parts.append("\n" + self.indent * level + "]")
        self.markers.discard(marker)

    def walk_object(self, mapping: dict[Any, Any], level: int) -> Iterator[None]:
        if not mapping:
            self.parts.append("{}")
            return
        marker = self._enter(mapping)
        inner = "\n" + self.indent * (level + 1)
        self.parts.append("{" + inner)
        first = True
        for key, item in mapping.items():
            name = encode_basestring(_key(key))
            self.parts.append((name if first else "," + inner + name) + ": ")
            first = False
            text = _scalar(item)
            if text is not None:
                self.parts.append(text)
            else:
                yield from self.walk(item, level + 1)
            if self._pause():
                yield
        self.parts.append("\n" + self.indent * level + "}")
        self.markers.discard(marker)

    # -- the inner levels: plain recursion -------------------------------------------

    def dump(self, value: Any, level: int) -> None:
        parts = self.parts
        if isinstance(value, dict):
            if not value:
                parts.append("{}")
                return
            marker = self._enter(value)
            inner = "\n" + self.indent * (level + 1)
            parts.append("{" + inner)
            first = True
            for key, item in value.items():
                name = encode_basestring(_key(key))
                parts.append((name if first else "," + inner + name) + ": ")
                first = False
                text = _scalar(item)
                if text is not None:
                    parts.append(text)
                else:
                    self.dump(item, level + 1)
            parts.append("\n" + self.indent * level + "}")
            self.markers.discard(marker)
        elif isinstance(value, (list, tuple)):
            if not value:
                parts.append("[]")
                return
            marker = self._enter(value)
            inner = "\n" + self.indent * (level + 1)
            parts.append("[" + inner)
            first = True
            for item in value:
                if not first:
                    parts.append("," + inner)
                first = False
                text = _scalar(item)
                if text is not None:
                    parts.append(text)
                else:
                    self.dump(item, level + 1)
            parts.append("\n" + self.indent * level + "]")
            self.markers.discard(marker)
        else:
            raise _refused(value)


def indented(value: Any, indent: int, outer: int = OUTER) -> Iterator[str]:
    """The text of ``json.JSONEncoder(ensure_ascii=False, indent=indent)`` for ``value``,
    in pieces of a few hundred of that encoder's; ``outer``: the levels that may pause."""
    text = _scalar(value)
    if text is not None:
        yield text
        return
    writer = _Writer(indent, outer)
    for _ in writer.walk(value, 0):
        yield from writer.ready
        writer.ready = []
    if writer.parts:
        writer.ready.append("".join(writer.parts))
    yield from writer.ready
