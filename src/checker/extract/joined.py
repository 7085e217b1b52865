r"""Which blocks a pattern finds something in, with one search over their joined text.

A report of a hundred thousand paragraphs makes every per-block search a
hundred thousand calls, though most patterns match a handful of blocks.
Searched once over the texts joined by a separator, a pattern costs one call
per match; each match is mapped back to its block by offset and confirmed
by a search of that block alone, so the blocks found are exactly those that
a search of each block finds.

For that, every block's own matches must be matches in the joined text too,
whatever lies beyond the block. The joined text is searched with a *wider*
pattern that drops what looks beyond a match: anchors (``^ $ \A \Z \G``)
and every lookaround that could see the separator (one holding ``.``,
``[^…]``, ``\D \W \S \p``…) become empty groups, atomic groups and
possessive quantifiers plain ones. Dropping a condition only lets more
through, and the confirming search restores it. The separator is a
private-use character: no word character (``\b`` stays as it was), not
whitespace, and in no report's words that matter. A pattern the widening
does not understand (back-references, inline flags, conditionals, fuzzy
matching, VERBOSE…) is searched block by block, as it always was.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from heapq import merge
from itertools import accumulate
from typing import Any

import regex

from checker import budget
from checker.extract.literals import cheapest, needs
from checker.rulepacks import compiled

SEPARATOR = "\ue000"  # private use: not a word character, not whitespace, not a line break

# flags under which the widening reads a pattern's source as written
_PLAIN_FLAGS = (
    regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.ASCII | regex.V0
)
_EMPTY = "(?:)"
_START = regex.escape(SEPARATOR)  # a block's start: the separator before it, consumed
_END = f"(?=\\n?{_START})"  # a block's end (or a line break ending it): the separator after it
_SAFE_ESCAPES = frozenset("dswbBntrfvmM")  # none of these matches the separator
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


@lru_cache(maxsize=4096)
def _wide(source: str, flags: int) -> Any:
    """The pattern that finds, in the joined text, every block's own matches (or None)."""
    if flags & ~_PLAIN_FLAGS:
        return None
    wider = compiled.remembered("widened", source, flags, _widened)  # kept across runs
    if wider is None:
        return None
    try:
        return compiled.cached(wider, flags)
    except regex.error:
        return None


def _widened(source: str, flags: int) -> str | None:
    return widen(source, multiline=bool(flags & regex.MULTILINE))


def wide(pattern: Any) -> Any:
    """``pattern`` widened for the joined text, or None: search it block by block."""
    return _wide(pattern.pattern, pattern.flags)


class _Frame:
    __slots__ = ("at_start", "empty", "kind", "last_safe", "leading", "opening", "parts", "safe")

    def __init__(self, kind: str, opening: str, at_start: bool) -> None:
        self.kind = kind  # top, group, look
        self.opening = opening
        self.parts: list[str] = []
        self.safe = True  # nothing in it can match the separator
        self.at_start = at_start  # it opens where a match opens
        self.empty = True  # nothing yet since it opened (or since its last ``|``)
        self.leading = False  # it opens where a match opens (set by its parent)
        self.last_safe = True  # whether its last atom surely cannot match the separator

    def add(self, part: str, safe: bool = True) -> None:
        self.parts.append(part)
        self.empty = False
        self.last_safe = safe
        if not safe:
            self.safe = False


def widen(source: str, multiline: bool = False) -> str | None:
    """The source for the joined text, or None when it is not understood.

    ``^``/``\\A`` opening a match become the separator before the block
    (the joined text opens with one); ``$``/``\\Z`` look for the separator
    after it (and one closes the text); a lookaround that could see the
    separator, or a lookbehind that opens a match, is emptied. An unbounded
    repeat of what can match the separator (``.*``, ``[^。]+``) is None: it
    could run on across blocks, and a pattern that costs the square of a
    block's length would cost the square of the document's.
    """
    stack = [_Frame("top", "", True)]
    i, n = 0, len(source)
    while i < n:
        top = stack[-1]
        c = source[i]
        if c == "\\":
            e = source[i + 1 : i + 2]
            if not e or e.isdigit() or e in "gLG":
                return None  # back-references, named lists, \\G: not read here
            if e in "AZK":
                if e == "A" and not (top.at_start and top.empty):
                    return None
                top.add({"A": _START, "Z": _END, "K": _EMPTY}[e])  # \\K would move the start
                i += 2
                continue
            end = i + 2
            if e in "pPNx" and source.startswith("{", end):
                close = source.find("}", end)
                if close < 0:
                    return None
                end = close + 1
            top.add(source[i:end], not (e.isalnum() and e not in _SAFE_ESCAPES))
            i = end
            continue
        if c == "[":
            end = _class_end(source, i)
            if end < 0:
                return None
            top.add(source[i : end + 1], _class_avoids(source[i + 1 : end]))
            i = end + 1
            continue
        if c == "(":
            opening = next((o for o in _LOOKAROUNDS if source.startswith(o, i)), None)
            if opening is not None:
                kind, shown = "look", opening
            elif source.startswith(("(?:", "(?|", "(?>"), i):
                opening = source[i : i + 3]
                kind, shown = "group", "(?:" if opening == "(?>" else opening
            elif source.startswith(("(?P<", "(?<"), i):
                close = source.find(">", i)
                if close < 0:
                    return None
                opening = source[i : close + 1]
                kind, shown = "group", opening
            elif source.startswith("(?", i):
                return None  # inline flags, comments, conditionals, recursion, references
            else:
                opening = "("
                kind, shown = "group", opening
            frame = _Frame(kind, shown, top.at_start and top.empty and kind == "group")
            frame.leading = top.at_start and top.empty
            stack.append(frame)
            i += len(opening)
            continue
        if c == ")":
            if len(stack) == 1:
                return None
            frame = stack.pop()
            body = "".join(frame.parts)
            parent = stack[-1]
            if frame.kind == "look" and frame.leading and frame.opening.startswith("(?<"):
                # a lookbehind opening a match hides what the match opens with (the
                # literal the regex module would skip to): dropped, it lets more through
                parent.parts.append(_EMPTY)
            elif frame.kind == "look":
                parent.add(f"{frame.opening}{body})" if frame.safe else _EMPTY)
            else:
                parent.add(f"{frame.opening}{body})", frame.safe)
            i += 1
            continue
        if c == "|":
            top.parts.append(c)
            top.empty = True
        elif c == "^":
            if multiline or not (top.at_start and top.empty):
                return None  # a start anchor after something else, or at every line
            top.add(_START)
        elif c == "$":
            top.add(f"(?=$|{_START})" if multiline else _END)
        elif c == "{" and source[i + 1 : i + 2].isalpha():
            return None  # fuzzy matching: {e<=1}
        elif c == "{" and (bounds := _BOUNDS.match(source, i)) is not None:
            if bounds.group(1) is not None and not bounds.group(2) and not top.last_safe:
                return None  # {n,}: unbounded
            top.parts.append(bounds.group())
            i = bounds.end()
            continue
        elif c == "+" and top.parts and _quantified(top.parts[-1]):
            pass  # possessive: the plain quantifier before it lets more through
        elif c in "*+":
            if not top.last_safe:
                return None
            top.parts.append(c)
        else:
            top.add(c, c not in (".", SEPARATOR))
        i += 1
    if len(stack) != 1:
        return None
    return "".join(stack[0].parts)


_BOUNDS = compiled.cached(r"\{\d*(,)?(\d*)\}")


def _quantified(previous: str) -> bool:
    return previous in ("*", "+", "?") or (previous.startswith("{") and previous.endswith("}"))


def _class_end(source: str, start: int) -> int:
    """Where the character class opening at ``start`` closes (-1: not understood)."""
    i = start + 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a POSIX class or a nested set: not read here
            return -1
        if c == "]":
            return i
        i += 1
    return -1


def _class_avoids(body: str) -> bool:
    """Whether a character class surely cannot match the separator."""
    if body.startswith("^"):
        return False
    items: list[str] = []  # literal characters, and escapes as two characters
    i = 0
    while i < len(body):
        if body[i] == "\\":
            e = body[i + 1 : i + 2]
            if e.isalnum() and e not in _SAFE_ESCAPES:
                return False
            items.append(body[i : i + 2])
            i += 2
        else:
            items.append(body[i])
            i += 1
    for k, item in enumerate(items):
        if item == SEPARATOR:
            return False
        if item == "-" and 0 < k < len(items) - 1:
            low, high = items[k - 1], items[k + 1]
            if len(low) != 1 or len(high) != 1:
                return False  # a range from or to an escape: not read here
            if low <= SEPARATOR <= high:
                return False
    return True


_LARGE = 1 << 18  # characters of joined text from which its words are worth looking for
_SAMPLE = 1 << 16  # characters of the joined text its words are counted in, to choose
_PASS = 1 << 10  # characters ``str.find`` passes over in the time of one search of a block
_SHARE = 4  # visit the blocks holding a word when that costs a quarter of a search of each


class Joined:
    """Texts joined by the separator, which also opens and closes the whole."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._joined: tuple[str, list[int]] | None = None
        self._costs: dict[str, int] = {}

    def _text(self) -> tuple[str, list[int]]:
        if self._joined is None:
            ends = accumulate((len(t) + 1 for t in self.texts), initial=1)
            starts = list(ends)[:-1]
            self._joined = (SEPARATOR + SEPARATOR.join(self.texts) + SEPARATOR, starts)
        return self._joined

    def matching(self, pattern: Any) -> list[int]:
        """Positions of the texts where ``pattern.search`` finds something, in order."""
        return list(self.finding(pattern))

    def finding(self, pattern: Any) -> Iterator[int]:
        """``matching``, one position at a time (stop early: search no further)."""
        texts = self.texts
        timeout = budget.timeout
        holding = self._holding(pattern) if texts else None
        if holding is not None:  # only the blocks holding a word every match holds
            yield from (k for k in holding if pattern.search(texts[k], timeout=timeout()))
            return
        wider = wide(pattern)
        if wider is None or not texts:
            yield from (i for i, t in enumerate(texts) if pattern.search(t, timeout=timeout()))
            return
        text, starts = self._text()
        last = len(texts) - 1
        done = -1  # the last block confirmed (or not)
        pos = 0
        while (m := wider.search(text, pos, timeout=timeout())) is not None:
            at = m.start()
            i = bisect_right(starts, at) - 1  # the block the match opens in, or ends at
            # on the separator between two blocks a match is either's: the later one's
            # start anchor, or an empty match at the earlier one's end
            both = text[at] == SEPARATOR and i < last and starts[i + 1] == at + 1
            for k in (i, i + 1) if both else (i,):
                if k > done:
                    done = k
                    if pattern.search(texts[k], timeout=timeout()) is not None:
                        yield k
            if done >= last:
                break
            pos = starts[done + 1] - 1  # the separator before the next block

    def containing(self, pattern: re.Pattern[str]) -> list[int]:
        """Positions of the texts a stdlib ``re`` pattern finds something in, from one scan
        of the joined text, unconfirmed: for a filter that may let more through. The
        pattern must not match the separator nor look behind a match's start, so that
        every match lies inside one text, and must not cost more than linear time
        (``re`` takes no timeout)."""
        if not self.texts:
            return []
        text, starts = self._text()
        search = pattern.search
        last = len(starts) - 1
        found = []
        pos = 0
        while (m := search(text, pos)) is not None:
            k = bisect_right(starts, m.start()) - 1
            found.append(k)
            if k >= last:
                break
            pos = starts[k + 1]  # one match is enough: on to the next text
        return found

    def _holding(self, pattern: Any) -> Iterator[int] | None:
        """The positions of the texts holding one of the words every match of ``pattern``
        holds, in order, when visiting them costs less than a scan (see ``literals.py``);
        None: scan for it."""
        text, starts = self._text()
        if len(text) < _LARGE:  # a scan of a report's text costs less than choosing words
            return None
        req = needs(pattern.pattern, pattern.flags)
        if req is None:
            return None
        chosen = cheapest(req, self._cost)
        if chosen is None or chosen[0] * _SHARE > len(self.texts):
            return None
        if any(SEPARATOR in word for word in chosen[1]):
            return None
        return _distinct(merge(*(_blocks_with(text, starts, word) for word in chosen[1])))

    def _cost(self, word: str) -> int:
        """What visiting the blocks holding ``word`` costs, in blocks searched: one pass over
        the text to find it, and a search of each block it is in (counted in a sample)."""
        cost = self._costs.get(word)
        if cost is None:
            text = self._text()[0]
            if len(text) <= _SAMPLE:
                count = text.count(word)
            else:
                count = text.count(word, 0, _SAMPLE) * (len(text) // _SAMPLE + 1)
            cost = self._costs[word] = count + len(text) // _PASS
        return cost


def _blocks_with(text: str, starts: list[int], word: str) -> Iterator[int]:
    """The positions of the texts ``word`` is in (it holds no separator: never across two)."""
    last = len(starts) - 1
    at = text.find(word)
    while at >= 0:
        k = bisect_right(starts, at) - 1
        yield k
        if k >= last:
            return
        at = text.find(word, starts[k + 1])  # one is enough: on to the next text


def _distinct(ordered: Iterator[int]) -> Iterator[int]:
    previous = -1
    for k in ordered:
        if k != previous:
            yield k
            previous = k
