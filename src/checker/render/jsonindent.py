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


def _key(key: Any) -> str:
    """A key as json writes it: a string, or a number, boolean or null as text."""
    if isinstance(key, str):
        return key
    text = _scalar(key)
    if text is None:
        name = key.__class__.__name__
        raise TypeError(f"keys must be str, int, float, bool or None, not {name}")
    return text


def _refused(value: Any) -> TypeError:
    return TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


class _Writer:
    def __init__(self, indent: int, outer: int) -> None:
        self.indent = " " * indent
        self.outer = outer
        self.parts: list[str] = []
        self.ready: list[str] = []  # text to hand out at the next pause
        self.markers: set[int] = set()

    def _open(self, value: Any, level: int, bracket: str) -> tuple[int, str] | None:
        return _open(value, level, bracket, self.parts.append, self.indent, self.markers)

    def _close(self, marker: int, level: int, bracket: str) -> None:
        _close(marker, level, bracket, self.parts.append, self.indent, self.markers)

    def _member(self, key: Any, first: bool, inner: str) -> None:
        name = encode_basestring(_key(key))
        self.parts.append((name if first else "," + inner + name) + ": ")

    def _put(self, value: Any) -> bool:
        """Append a scalar's text; False for an array or object, left to the caller."""
        text = _scalar(value)
        if text is None:
            return False
        self.parts.append(text)
        return True

    def _pause(self) -> bool:
        if len(self.parts) < _PARTS:
            return False
        self.ready.append("".join(self.parts))
        self.parts = []
        return True

    def walk(self, value: Any, level: int) -> Iterator[None]:
        """The outer levels: generators that pause (yield) every few hundred pieces."""
        if level >= self.outer:
            self.dump(value, level)
        elif isinstance(value, (list, tuple)):
            if opened := self._open(value, level, "["):
                marker, inner = opened
                for i, item in enumerate(value):
                    if i:
                        self.parts.append("," + inner)
                    if not self._put(item):
                        yield from self.walk(item, level + 1)
                    if self._pause():
                        yield
                self._close(marker, level, "]")
        elif isinstance(value, dict):
            if opened := self._open(value, level, "{"):
                marker, inner = opened
                for i, (key, item) in enumerate(value.items()):
                    self._member(key, not i, inner)
                    if not self._put(item):
                        yield from self.walk(item, level + 1)
                    if self._pause():
                        yield
                self._close(marker, level, "}")
        else:
            raise _refused(value)

    def dump(self, value: Any, level: int) -> None:
        """The inner levels (a finding's fields): plain recursion, no pauses."""
        _dump(value, level, self.parts.append, self.indent, self.markers)


def _open(
    value: Any, level: int, bracket: str, append: Any, pad: str, markers: set[int]
) -> tuple[int, str] | None:
    """Append the opening bracket (or the empty pair, and None); the marker that finds
    a circular reference, and the line break and indent before each member."""
    if not value:
        append(bracket + ("]" if bracket == "[" else "}"))
        return None
    marker, inner = _entered(value, level, pad, markers)
    append(bracket + inner)
    return marker, inner


def _entered(value: Any, level: int, pad: str, markers: set[int]) -> tuple[int, str]:
    """A non-empty object or array entered: its marker, and the line break and indent
    before each of its members."""
    marker = id(value)
    if marker in markers:
        raise ValueError("Circular reference detected")
    markers.add(marker)
    return marker, "\n" + pad * (level + 1)


def _close(marker: int, level: int, bracket: str, append: Any, pad: str, markers: set[int]) -> None:
    append("\n" + pad * level + bracket)
    markers.discard(marker)


def _dump(value: Any, level: int, append: Any, pad: str, markers: set[int]) -> None:
    """``_Writer.dump``: a member's name and a scalar value appended as one piece, and
    strings (most values) escaped without asking what else the value might be. The
    loops are written out for objects and arrays alike: this is the writer's inner
    loop, where a call per item would cost a fifth of its time."""
    encode = encode_basestring
    if isinstance(value, dict):
        if not value:
            append("{}")
            return
        marker, inner = _entered(value, level, pad, markers)
        sep, comma = "{" + inner, "," + inner  # before the first member, before each other
        for key, item in value.items():
            head = f"{sep}{encode(key if isinstance(key, str) else _key(key))}: "
            if isinstance(item, str):
                append(head + encode(item))
            elif (text := _scalar(item)) is not None:
                append(head + text)
            else:
                append(head)
                _dump(item, level + 1, append, pad, markers)
            sep = comma
        _close(marker, level, "}", append, pad, markers)
    elif isinstance(value, (list, tuple)):
        if not value:
            append("[]")
            return
        marker, inner = _entered(value, level, pad, markers)
        sep, comma = "[" + inner, "," + inner
        for item in value:
            if isinstance(item, str):
                append(sep + encode(item))
            elif (text := _scalar(item)) is not None:
                append(sep + text)
            else:
                append(sep)
                _dump(item, level + 1, append, pad, markers)
            sep = comma
        _close(marker, level, "]", append, pad, markers)
    else:
        raise _refused(value)


def nested(value: Any, indent: int, level: int) -> str:
    """The text of ``value`` as ``indented`` writes it ``level`` levels deep (its first
    line not indented): an array's item written on its own, to be put in place later."""
    text = _scalar(value)
    if text is not None:
        return text
    parts: list[str] = []
    _dump(value, level, parts.append, " " * indent, set())
    return "".join(parts)


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
