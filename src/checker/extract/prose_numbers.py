"""Figures in a sentence: counts with their unit, percentages, and stray numbers.

A figure is only a *quantity* when a unit from the pack follows the number
directly; that alone keeps dates (2019年), document numbers (〔2021〕30号) and
phone numbers out. Ordinals (第二十条) are no figures at all; approximations
(10余条, 约50件, 100条左右, 10-20条) are marked so that the grammar can stay
silent about them. Digits that belong to no quantity, percentage, date or document number
are reported as *stray*: a list containing one is not understood.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

import regex

from checker import budget
from checker.extract.prose_vocab import Vocabulary, alternation
from checker.numbers import (
    NUMBER_OPENS,
    NUMBER_PATTERN,
    PROSE_DIGITS,
    SMALL_UNITS,
    parse_chinese_numeral,
    parse_number,
)
from checker.rulepacks.compiled import cached

_CN_DIGITS = PROSE_DIGITS
_RANGE = r"(?:[-~～—–]|至|到)"


@dataclass(slots=True, unsafe_hash=True)  # not frozen: one per figure, 4x cheaper to make
class Quantity:
    """A number with its unit, as stated; ``start``/``end`` span number and unit.
    Treat it as immutable."""

    value: Decimal
    unit: str
    start: int
    end: int
    text: str
    approx: bool = False  # 约, 余, 左右, a range, an ordinal…
    arabic: bool = True  # written in digits, not 一千二百

    @property
    def clean(self) -> bool:
        return not self.approx


@dataclass(frozen=True)
class Percent:
    """A percentage as stated, with the number of decimals it was given to."""

    value: Decimal
    decimals: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Figures:
    quantities: tuple[Quantity, ...]
    percents: tuple[Percent, ...]
    stray: tuple[int, ...]  # offsets of digits that belong to nothing above
    _q_starts: list[int] = field(init=False, repr=False, compare=False)
    _p_starts: list[int] = field(init=False, repr=False, compare=False)

    # Each lookup bisects the figures (found in order by one scan): a text with
    # many figures must not cost the square of their number.
    def __post_init__(self) -> None:
        object.__setattr__(self, "_q_starts", [q.start for q in self.quantities])
        object.__setattr__(self, "_p_starts", [p.start for p in self.percents])
        object.__setattr__(self, "stray", tuple(sorted(self.stray)))

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        return _within(self.quantities, self._q_starts, start, end)

    def percents_in(self, start: int, end: int) -> list[Percent]:
        return _within(self.percents, self._p_starts, start, end)

    def next_quantity(self, start: int, default: int) -> int:
        """Where the first quantity at or after ``start`` begins, else ``default``."""
        i = bisect.bisect_left(self._q_starts, start)
        return self._q_starts[i] if i < len(self._q_starts) else default

    def stray_in(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.stray, start)
        return i < len(self.stray) and self.stray[i] < end


_F = TypeVar("_F", Quantity, Percent)


def _within(items: Sequence[_F], starts: list[int], start: int, end: int) -> list[_F]:
    out = []
    for i in range(bisect.bisect_left(starts, start), len(items)):
        item = items[i]
        if item.start >= end:
            break
        if item.end <= end:
            out.append(item)
    return out


class Scanner:
    """Finds the figures of a text with one vocabulary's units."""

    def __init__(self, vocab: Vocabulary) -> None:
        units = alternation(vocab.unit_group)
        between = alternation(vocab.approx_between)
        # the lookahead names every character a number can open with: the regex
        # module then rules a position out at once instead of trying the number
        # and the lookbehind there (a third of the cost on prose)
        self._quantity = cached(
            rf"(?={NUMBER_OPENS})(?<![\d.])(?P<num>{NUMBER_PATTERN})"
            rf"(?P<between>\s*{between})?\s*(?P<unit>{units})"
        )
        # the groups by index: the regex module looks a name up in a microsecond
        index = self._quantity.groupindex
        self._num, self._between, self._unit = index["num"], index["between"], index["unit"]
        self._percent = cached(
            r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*%"
            rf"|百分之(?P<cn>[{_CN_DIGITS}十百]+)(?:点(?P<frac>[{_CN_DIGITS}]+))?"
            r"|百分之(?P<dnum>\d+(?:\.\d+)?)"
        )
        before = rf"{alternation(vocab.approx_before)}\s*$"
        range_before = rf"(?:\d|{units})\s*{_RANGE}\s*$"
        self._before = cached(before)
        self._range_before = cached(range_before)
        # both in one search of the 8 characters before a figure; the second is a group
        # (lastindex 1), the first must start within 6 of them (else both are asked apart)
        self._before_any = cached(rf"{before}|({range_before})")
        # what may follow a figure to make it approximate, as one pattern: 左右, or a range
        self._after_any = cached(
            rf"\s*(?:{alternation(vocab.approx_after)}"
            rf"|{_RANGE}\s*[\d{_CN_DIGITS}{SMALL_UNITS}])"
        )
        self._digits = cached(r"\d+(?:\.\d+)?")
        # a cheap search every text with a figure matches (a numeral, a unit's first
        # character after it, or a percent sign), so that a text it misses need not be
        # scanned; a quarter of the cost of searching with the figures' own patterns
        unit_starts = "".join(sorted({u[0] for u in vocab.unit_group if u}))
        hint = (
            rf"{NUMBER_OPENS}\s*(?:{between}\s*)?[{regex.escape(unit_starts)}]|%|百分之"
            if unit_starts
            else "%|百分之"
        )
        self.hint = cached(hint)
        self.wide_hint = wide_hint(hint)
        self._date_or_code = cached(r"\s*(?:年|月|日|号|时|点|〕|\]|\))")  # matched after digits

    def scan(self, text: str) -> Figures:
        quantities, percents, ordinals = self._found(text)
        return Figures(quantities, percents, self._stray(text, quantities, percents, ordinals))

    def figures(self, text: str) -> Figures | None:
        """``scan(text)``, or None when the text holds no quantity and no percentage
        (then its stray digits, which only qualify those, are not looked for)."""
        quantities, percents, ordinals = self._found(text)
        if not (quantities or percents):
            return None
        return Figures(quantities, percents, self._stray(text, quantities, percents, ordinals))

    def _found(
        self, text: str
    ) -> tuple[tuple[Quantity, ...], tuple[Percent, ...], tuple[tuple[int, int], ...]]:
        """The quantities, the percentages and the ordinals' spans of ``text``."""
        quantities = []
        ordinals = []  # 第二十条, 第3期: positions, not figures
        for m in self._quantity.finditer(text, timeout=budget.timeout()):
            if _ordinal(text, m.start()):
                ordinals.append(m.span())
            elif (q := self._to_quantity(text, m)) is not None:
                quantities.append(q)
        percents = (
            [
                p
                for m in self._percent.finditer(text, timeout=budget.timeout())
                if (p := _to_percent(m)) is not None
            ]
            if "%" in text or "百分之" in text  # what every percentage is written with
            else []
        )
        return tuple(quantities), tuple(percents), tuple(ordinals)

    def _stray(
        self,
        text: str,
        quantities: tuple[Quantity, ...],
        percents: tuple[Percent, ...],
        ordinals: tuple[tuple[int, int], ...],
    ) -> tuple[int, ...]:
        """Offsets of the digits that belong to no quantity, percentage, ordinal, date or code."""
        covered = [(q.start, q.end) for q in quantities] + [(p.start, p.end) for p in percents]
        is_covered = _cover(covered + list(ordinals))
        stray = []
        date_or_code = self._date_or_code.match
        for m in self._digits.finditer(text, timeout=budget.timeout()):
            start, end = m.span()
            if is_covered(start):
                continue
            if date_or_code(text, end, end + _NEAR) or text[start - 1 : start] in ("〔", "["):
                continue
            stray.append(start)
        return tuple(stray)

    def _to_quantity(self, text: str, m: regex.Match[str]) -> Quantity | None:
        groups = m.groups()
        num = groups[self._num - 1]
        arabic = num[0].isdigit()
        # plain ASCII digits are most figures: what parse_number would make of them
        value = Decimal(num) if num.isascii() and num.isdigit() else parse_number(num)
        if value is None:
            return None
        if not arabic and value < 2 and len(num) == 1:
            return None  # 一次性, 一件事: a lone 一 is a word, not a count
        # only the few characters around the figure count: searching the whole text
        # for every figure would cost the square of its length
        start, end = m.span()
        approx = bool(
            groups[self._between - 1]
            or self._approx_before(text, start)
            or self._after_any.match(text, end, end + _NEAR)
            # 数十, 上百, 成千
            or (not arabic and text[start - 1 : start] in _CN_DIGITS + SMALL_UNITS + "几数上成")
        )
        return Quantity(value, groups[self._unit - 1], start, end, m.group(), approx, arabic)

    def _approx_before(self, text: str, start: int) -> bool:
        """Whether a word of approximation (within 6 characters) or the first half of
        a range (within 8) ends right before ``start``."""
        m = self._before_any.search(text, max(0, start - 8), start)
        if m is None:
            return False
        if m.lastindex == 1 or m.start() >= start - 6:
            return True
        # a long word of approximation opened further back: ask each question apart
        return bool(
            self._before.search(text, max(0, start - 6), start)
            or self._range_before.search(text, max(0, start - 8), start)
        )


def _ordinal(text: str, start: int) -> bool:
    """Whether ``第`` (and nothing but spaces) stands right before ``start`` (第二十条)."""
    at = text.rfind("第", max(0, start - _NEAR), start)
    return at >= 0 and (at + 1 == start or text[at + 1 : start].isspace())


def wide_hint(source: str) -> re.Pattern[str] | None:
    """The figure hint for the stdlib ``re``, which scans a leading class about twice as
    fast as the regex module: a pattern that finds at least what ``source`` finds.

    The two modules' ``\\d`` and ``\\s`` come from different Unicode tables. ``re``'s
    ``\\s`` holds every character the regex module's does (and U+001C-U+001F); the digits
    the regex module knows beyond ``re``'s are of newer scripts, all outside the BMP, so
    every such character is let through as a digit. Finding more only costs a scan
    of a block that then yields nothing. None: search with ``source`` itself.
    """
    wider = source.replace("[\\d", "[\\d\\U00010000-\\U0010ffff", 1)
    try:
        return re.compile(wider)
    except re.error:
        return None


_NEAR = 32  # characters either side of a figure that can qualify it (约, 左右, 第, 年)


def _cover(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in one of ``spans``, answered by bisection."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))

    def covered(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    return covered


def _to_percent(m: regex.Match[str]) -> Percent | None:
    digits = m["num"] or m["dnum"]
    if digits:
        value = Decimal(digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
    else:
        whole = parse_chinese_numeral(m["cn"])
        if whole is None:
            return None
        frac = m["frac"] or ""
        frac_digits = "".join(str(parse_chinese_numeral(ch)) for ch in frac)
        value = Decimal(f"{whole}.{frac_digits}" if frac else str(whole))
        decimals = len(frac)
    return Percent(value, decimals, m.start(), m.end(), m.group(0))
