"""A required part of the report: found by its heading, or where the pack
allows it, by body text that covers the item (legacy reports often fold an
item into another section)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Context
from checker.extract.report import search
from checker.findings import Finding
from checker.i18n import Text
from checker.model import Location
from checker.numbers import to_halfwidth


def check(ctx: Context) -> Iterator[Finding]:
    headings = ctx.rule.patterns.get("headings", [])
    texts = ctx.rule.patterns.get("text", [])
    report = ctx.report
    for heading in report.outline.headings:
        words = to_halfwidth(heading.text)
        if any(search(p, words) for p in headings):
            return
    for block in report.text_blocks():
        if any(search(p, report.norm[block.index]) for p in texts):
            return
    yield ctx.finding(Location(), item=Text.of(ctx.params["item"]))
