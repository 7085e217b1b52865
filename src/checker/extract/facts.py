"""Evaluate a rule pack's fact definitions against a report.

A fact is a named figure ("active.total") with its value and where it was
found. Prose facts come from the pack's patterns, whose ``value`` group is the
number; table facts are addressed by row and column labels (see ``tables``).
"""

from __future__ import annotations

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
    """Lazily evaluated, cached facts of one report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._cache: dict[str, list[Fact]] = {}

    def all(self, name: str) -> list[Fact]:
        if name not in self._cache:
            definition = self.report.packset.facts[name]
            self._cache[name] = self._evaluate(definition)
        return self._cache[name]

    def get(self, name: str) -> Fact | None:
        found = self.all(name)
        return found[0] if found else None

    def label(self, name: str) -> Text:
        return self.report.packset.facts[name].label

    def _evaluate(self, definition: FactDef) -> list[Fact]:
        if definition.table is not None:
            from checker.extract.tables import table_fact

            return table_fact(self.report, definition)
        found: list[Fact] = []
        # a sentence about another year ("2019年…418条", "上年同期…") is never this year's fact
        report = self.report
        screen = definition.screen
        for block in report.text_blocks() if screen is None else report.matching(screen):
            text = self.report.norm[block.index]
            for pattern in definition.patterns:
                here = [
                    Fact(
                        definition.name,
                        value,
                        definition.unit,
                        m.group(0),
                        self.report.location(block),
                    )
                    for m in finditer(pattern, text)
                    if (value := parse_number(m["value"])) is not None
                    and not other_year(self.report, text, m.start("value"))
                ]
                if here:  # the first pattern that matches a block wins there
                    found.extend(here)
                    break
        if not found and definition.none_patterns:  # in words only: "本年度未收到政府信息公开申请"
            said = {id(b) for p in definition.none_patterns for b in report.matching(p)}
            for block in report.text_blocks():
                if id(block) not in said:
                    continue
                text = self.report.norm[block.index]
                for pattern in definition.none_patterns:
                    m = search(pattern, text)
                    if m:
                        loc = self.report.location(block)
                        value = definition.none_value
                        return [Fact(definition.name, value, definition.unit, m.group(0), loc)]
        return found
