r"""Words every match of a pattern contains: which blocks a search need not look at.

A joined search (``joined.py``) scans the whole text of a report once per
pattern; a pattern that opens with a character class or a lookbehind makes the
regex module try it at every character, and on a report of a hundred thousand
paragraphs that costs a tenth of a second for each of a dozen patterns, though
most of them match a handful of blocks. Most pack patterns name a word that
every match holds (首页, 填写, 年…月…日): ``str.find`` locates it at memory
speed, and only the blocks that hold it need a search at all.

``needs(source, flags)`` reads a pattern's source into a small requirement
tree: ``_Lits`` (one of these strings is in every match), ``_All`` (each of
its requirements holds, pick the cheapest) and ``_Either`` (a branch of an
alternation: each branch's requirement, so their union). Anything it does not
read (inline flags, references, case-insensitive or verbose patterns, escapes
it does not know) gives None or no requirement for that part, never a wrong
one: dropping a requirement only lets more blocks be searched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

_MAX_STRINGS = 32  # strings a part may spell out before it counts as unknown
_MAX_CLASS = 24  # characters a class may hold to be read as a set of one-character strings
# flags under which a pattern's literals are its source's characters, case and all
_PLAIN_FLAGS = regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.ASCII | regex.V0
_SPECIAL = set("\\^$.|?*+()[]{}")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CLASS_ESCAPES = set("dDsSwWhHX")  # one character (or a grapheme) of a class: unknown
_ZERO_ESCAPES = set("bBAZmM")  # zero-width: anchors and word boundaries
_BOUNDS = regex.compile(r"\{(\d*)(,?)(\d*)\}")


@dataclass(frozen=True)
class _Lits:
    strings: frozenset[str]  # none empty


@dataclass(frozen=True)
class _All:
    parts: tuple[Req, ...]


@dataclass(frozen=True)
class _Either:
    branches: tuple[Req, ...]


Req = _Lits | _All | _Either


class _Unread(Exception):
    """The source holds something this reader does not understand."""


@dataclass(frozen=True)
class _Node:
    exact: frozenset[str] | None  # every string the part can match, when few and known
    req: Req | None  # what every match of the part contains, if anything known


_EMPTY = _Node(frozenset([""]), None)
_UNKNOWN = _Node(None, None)


@lru_cache(maxsize=4096)
def needs(source: str, flags: int = 0) -> Req | None:
    """What every match of the pattern contains, or None when nothing is known."""
    if flags & ~_PLAIN_FLAGS:
        return None
    try:
        node, end = _alternation(source, 0)
    except (_Unread, IndexError):
        return None
    if end != len(source):
        return None
    return _requirement(node)


def _requirement(node: _Node) -> Req | None:
    strings = _Lits(node.exact) if node.exact is not None and "" not in node.exact else None
    if strings is not None and node.req is not None:
        return _All((strings, node.req))
    return strings or node.req


def _alternation(source: str, i: int) -> tuple[_Node, int]:
    branches = []
    node, i = _sequence(source, i)
    branches.append(node)
    while i < len(source) and source[i] == "|":
        node, i = _sequence(source, i + 1)
        branches.append(node)
    if len(branches) == 1:
        return branches[0], i
    exact: frozenset[str] | None = None
    if all(b.exact is not None for b in branches):
        union = frozenset().union(*(b.exact for b in branches if b.exact is not None))
        exact = union if len(union) <= _MAX_STRINGS else None
    reqs = [_requirement(b) for b in branches]
    req = None if any(r is None for r in reqs) else _Either(tuple(r for r in reqs if r))
    return _Node(exact, req), i


def _sequence(source: str, i: int) -> tuple[_Node, int]:
    """Items up to ``|``, ``)`` or the end: the strings they spell together, in runs, and
    the words spelled by the items that can be one string only (each a choice of its own:
    one word needs one pass over the text, a run of many variants one pass each)."""
    parts: list[Req] = []
    run = frozenset([""])  # the strings of the exact items since the last unknown one
    word = ""  # the string of the one-string items since the last other one
    exact = True  # every item so far was exact and the run never overflowed
    while i < len(source) and source[i] not in "|)":
        item, i = _atom(source, i)
        item, i = _quantified(item, source, i)
        if item.exact is not None and len(item.exact) == 1:
            word += next(iter(item.exact))
        else:
            if word:
                parts.append(_Lits(frozenset([word])))
            word = ""
            if (requirement := _requirement(item)) is not None:
                parts.append(requirement)
        if item.exact is not None:
            joined = frozenset(a + b for a in run for b in item.exact)
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
        exact = False
        if "" not in run:
            parts.append(_Lits(run))
        run = item.exact if item.exact is not None else frozenset([""])
    if word:
        parts.append(_Lits(frozenset([word])))
    if "" not in run and not exact:
        parts.append(_Lits(run))
    return _Node(run if exact else None, _All(tuple(parts)) if parts else None), i


def _quantified(item: _Node, source: str, i: int) -> tuple[_Node, int]:
    if i >= len(source):
        return item, i
    c = source[i]
    low: int
    high: int | None
    if c in "*+?":
        low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
        i += 1
    elif c == "{":
        m = _BOUNDS.match(source, i)
        if m is None:
            raise _Unread(source)  # fuzzy matching, or a brace the regex module may read
        low = int(m.group(1) or 0)
        high = low if not m.group(2) else (int(m.group(3)) if m.group(3) else None)
        i = m.end()
    else:
        return item, i
    if i < len(source) and source[i] in "?+":  # lazy or possessive: no new strings
        i += 1
    if low == 0:
        if high == 1 and item.exact is not None:
            return _Node(item.exact | {""}, None), i
        return _UNKNOWN, i
    if low == high == 1:
        return item, i
    return _Node(None, _requirement(item)), i  # at least one copy: what it needs holds


def _atom(source: str, i: int) -> tuple[_Node, int]:
    c = source[i]
    if c == "(":
        return _group(source, i)
    if c == "[":
        return _class(source, i)
    if c == "\\":
        return _escape(source, i)
    if c in "^$":
        return _EMPTY, i + 1
    if c == ".":
        return _UNKNOWN, i + 1
    if c in "*+?{":
        raise _Unread(source)  # a quantifier with nothing before it
    return _Node(frozenset([c]), None), i + 1


def _group(source: str, i: int) -> tuple[_Node, int]:
    lookaround = next((o for o in ("(?=", "(?!", "(?<=", "(?<!") if source.startswith(o, i)), None)
    if lookaround is not None:
        _, end = _alternation(source, i + len(lookaround))
        return _EMPTY, _close(source, end)
    if source.startswith(("(?:", "(?>", "(?|"), i):
        start = i + 3
    elif source.startswith(("(?P<", "(?<"), i):
        close = source.find(">", i)
        if close < 0:
            raise _Unread(source)
        start = close + 1
    elif source.startswith("(?", i):
        raise _Unread(source)  # inline flags, comments, conditionals, recursion
    else:
        start = i + 1
    node, end = _alternation(source, start)
    return node, _close(source, end)


def _close(source: str, i: int) -> int:
    if i >= len(source) or source[i] != ")":
        raise _Unread(source)
    return i + 1


def _escape(source: str, i: int) -> tuple[_Node, int]:
    e = source[i + 1]
    if e in _CONTROL_ESCAPES:
        return _Node(frozenset([_CONTROL_ESCAPES[e]]), None), i + 2
    if e in _ZERO_ESCAPES:
        return _EMPTY, i + 2
    if e in _CLASS_ESCAPES:
        return _UNKNOWN, i + 2
    if e in "pP":
        if source.startswith("{", i + 2):
            close = source.find("}", i + 2)
            if close < 0:
                raise _Unread(source)
            return _UNKNOWN, close + 1
        return _UNKNOWN, i + 3
    if e.isalnum():
        raise _Unread(source)  # references, \x \u \N code points, \K, \G…: not read here
    return _Node(frozenset([e]), None), i + 2


def _class(source: str, i: int) -> tuple[_Node, int]:
    """A set of plain characters, as one-character strings; any other class is unknown."""
    j = i + 1
    negated = source.startswith("^", j)
    if negated:
        j += 1
    chars: list[str] = []
    plain = not negated
    first = True
    while True:
        c = source[j]  # an IndexError (no closing bracket) is caught by ``needs``
        if c == "]" and not first:
            break
        first = False
        if c == "[":
            raise _Unread(source)  # a POSIX class or a nested set
        if c == "\\":
            e = source[j + 1]
            if e.isalnum():
                plain = False
                if e in "pPxuUN" and source.startswith("{", j + 2):
                    close = source.find("}", j + 2)
                    if close < 0:
                        raise _Unread(source)
                    j = close + 1
                    continue
                j += 2
                continue
            chars.append(e)
            j += 2
            continue
        if c == "-" and chars and source[j + 1] != "]":
            high = source[j + 1]
            if high in "\\[":
                plain = False
                j += 1
                continue
            low = chars.pop()
            if ord(high) - ord(low) > _MAX_CLASS:
                plain = False
            else:
                chars.extend(chr(k) for k in range(ord(low), ord(high) + 1))
            j += 2
            continue
        chars.append(c)
        j += 1
    if not plain or not chars or len(set(chars)) > _MAX_CLASS:
        return _UNKNOWN, j + 1
    return _Node(frozenset(chars), None), j + 1


def cheapest(req: Req, cost: Callable[[str], int]) -> tuple[int, frozenset[str]] | None:
    """The strings of ``req`` whose occurrences cost least to visit, with that cost."""
    if isinstance(req, _Lits):
        return sum(cost(s) for s in req.strings), req.strings
    if isinstance(req, _All):
        options = [c for part in req.parts if (c := cheapest(part, cost)) is not None]
        return min(options, key=lambda o: o[0]) if options else None
    total, strings = 0, frozenset[str]()
    for branch in req.branches:
        chosen = cheapest(branch, cost)
        if chosen is None:
            return None
        total += chosen[0]
        strings |= chosen[1]
    return total, strings
