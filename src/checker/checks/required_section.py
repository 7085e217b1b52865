"""A required part of the report: found by its heading, or where the pack
allows it, by body text that covers the item (legacy reports often fold an
item into another section)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Context
from checker.extract.outline import Heading
from checker.extract.report import search
from checker.findings import Finding
from checker.i18n import Text
from checker.model import Location
from checker.numbers import to_halfwidth


def check(ctx: Context) -> Iterator[Finding]:
    headings = ctx.rule.patterns.get("headings", [])
    texts = ctx.rule.patterns.get("text", [])
    report = ctx.report
    top_only = ctx.params.get("top_level", False)
    for heading in report.outline.headings:
        if top_only and not _top_level(heading):
            continue
        words = to_halfwidth(heading.text)
        if any(search(p, words) for p in headings):
            return
    for block in report.text_blocks():
        if any(search(p, report.norm[block.index]) for p in texts):
            return
    yield ctx.finding(Location(), item=Text.of(ctx.params["item"]))


def _top_level(heading: Heading) -> bool:
    if heading.level is not None:
        return heading.level == 1
    return (heading.block.level or 1) <= 2


def check_topics(ctx: Context) -> Iterator[Finding]:
    """Topics a section must cover, each by keyword alternatives.

    With ``section``, only the text under a heading matching it counts; a
    section that is absent is left to the required-section rules.
    """
    report = ctx.report
    section_patterns = ctx.rule.patterns.get("section", [])
    blocks = report.text_blocks()
    anchor = None
    if section_patterns:
        heads = [
            h
            for h in report.outline.headings
            if any(search(p, to_halfwidth(h.text)) for p in section_patterns)
        ]
        if not heads:
            ctx.skip("section not found")
            return
        anchor = heads[0]
        title = anchor.block.index
        # blocks whose section path starts under this heading
        prefix = report.outline.section_of.get(title, ())
        blocks = [
            b for b in blocks if report.outline.section_of.get(b.index, ())[: len(prefix)] == prefix
        ]
    text = "\n".join(report.norm[b.index] for b in blocks)
    missing = []
    for i, topic in enumerate(ctx.params["topics"]):
        if not any(search(p, text) for p in ctx.rule.patterns[f"topics.{i}"]):
            missing.append(Text.of(topic["name"]))
    if missing:
        loc = report.location(anchor.block) if anchor else Location()
        yield ctx.finding(
            loc,
            missing=Text("、".join(m.zh for m in missing), ", ".join(m.en for m in missing)),
        )
