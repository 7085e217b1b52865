"""Evaluate a rule pack's fact definitions against a report.

A fact is a named figure ("active.total") with its value and where it was
found. Prose facts come from the pack's patterns, whose ``value`` group is the
number; table facts are addressed by row and column labels (see ``tables``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.extract.report import Report, finditer, search
from checker.extract.year_scope import other_year
from checker.i18n import Text
from checker.model import Location
from checker.numbers import parse_number
from checker.rulepacks.pack import FactDef


@dataclass(frozen=True)
class Fact:
    name: str
    value: Decimal
    unit: str | None
    text: str  # the matched words, verbatim from the normalised text
    location: Location


class FactStore:
    """Lazily evaluated, cached facts of one report.

    A check that reads one figure asks for its first statement only: the text is
    read up to it and no further (a huge report states most figures early, and
    builds no fact for each of its later statements unless all are asked for).
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self._cache: dict[str, list[Fact]] = {}
        self._first: dict[str, Fact | None] = {}

    def all(self, name: str) -> list[Fact]:
        if name not in self._cache:
            self._cache[name] = list(self._evaluate(self.report.packset.facts[name]))
        return self._cache[name]

    def get(self, name: str) -> Fact | None:
        """The first of ``all(name)``, found without reading past it."""
        if name in self._cache:
            found = self._cache[name]
            return found[0] if found else None
        if name not in self._first:
            self._first[name] = next(self._evaluate(self.report.packset.facts[name]), None)
        return self._first[name]

    def label(self, name: str) -> Text:
        return self.report.packset.facts[name].label

    def _evaluate(self, definition: FactDef) -> Iterator[Fact]:
        """The facts of ``definition`` in the order of the text, made as they are reached."""
        if definition.table is not None:
            from checker.extract.tables import table_fact

            yield from table_fact(self.report, definition)
            return
        # a sentence about another year ("2019年…418条", "上年同期…") is never this year's fact
        report = self.report
        screen = definition.screen
        found = False
        for block in report.text_blocks() if screen is None else report.finding(screen):
            text = report.norm[block.index]
            for pattern in definition.patterns:
                here = False  # the first pattern that matches a block wins there
                for m in finditer(pattern, text):
                    value = parse_number(m["value"])
                    if value is None or other_year(report, text, m.start("value")):
                        continue
                    here = found = True
                    yield Fact(
                        definition.name, value, definition.unit, m.group(0), report.location(block)
                    )
                if here:
                    break
        if not found and definition.none_patterns:  # in words only: "本年度未收到政府信息公开申请"
            said = {id(b) for p in definition.none_patterns for b in report.matching(p)}
            for block in report.text_blocks():
                if id(block) not in said:
                    continue
                text = report.norm[block.index]
                for pattern in definition.none_patterns:
                    m = search(pattern, text)
                    if m:
                        loc = report.location(block)
                        value = definition.none_value
                        yield Fact(definition.name, value, definition.unit, m.group(0), loc)
                        return
