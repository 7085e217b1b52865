"""A required part of the report: found by its heading, or where the pack
allows it, by body text that covers the item (legacy reports often fold an
item into another section)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.outline import Heading
from checker.extract.report import search
from checker.findings import Finding
from checker.i18n import Text
from checker.model import BlockKind, Location
from checker.rulepacks.params import Params
from checker.rulepacks.patterns import screen


@dataclass(frozen=True)
class SectionSpec:
    item: Text  # the part, in words
    headings: tuple[Any, ...]
    text: tuple[Any, ...]  # body text that covers the item without a heading
    top_level: bool
    cells: tuple[Any, ...] = ()  # table text that covers it (a row of the statistics table)
    screen: Any = None  # the headings as one pattern (``patterns.screen``), None when not joined


def parse(params: Params) -> SectionSpec:
    headings = params.patterns("headings")
    return SectionSpec(
        item=Text.of(params["item"]),
        headings=headings,
        screen=screen(list(headings)),
        text=params.patterns("text"),
        top_level=bool(params.get("top_level", False)),
        cells=params.patterns("cells"),
    )


def check(ctx: Context, spec: SectionSpec) -> Iterator[Finding]:
    headings = spec.headings
    texts = spec.text
    report = ctx.report
    top_only = spec.top_level
    every = report.outline.headings
    top = report.outline.top if top_only else 1
    if any(not top_only or _top_level(every[i], top) for i in report.headings_found(headings)):
        return
    for block in report.text_blocks():
        if any(search(p, report.norm[block.index]) for p in texts):
            return
    if spec.cells:
        for block in report.blocks:
            if block.kind == BlockKind.TABLE and any(
                search(p, report.norm[block.index]) for p in spec.cells
            ):
                return
    yield ctx.finding(Location(), item=spec.item)


def _top_level(heading: Heading, top: int = 1) -> bool:
    if heading.level is not None:
        return heading.level == top
    return (heading.block.level or 1) <= 2


@dataclass(frozen=True)
class TopicsSpec:
    section: tuple[Any, ...]  # the heading the topics stand under; () for the whole text
    topics: tuple[tuple[Text, tuple[Any, ...]], ...]  # name, any of these patterns


def parse_topics(params: Params) -> TopicsSpec:
    return TopicsSpec(
        section=params.patterns("section"),
        topics=tuple(
            (Text.of(topic["name"]), params.patterns("topics", i, "any"))
            for i, topic in enumerate(params["topics"])
        ),
    )


def check_topics(ctx: Context, spec: TopicsSpec) -> Iterator[Finding]:
    """Topics a section must cover, each by keyword alternatives.

    With ``section``, only the text under a heading matching it counts; a
    section that is absent is left to the required-section rules.
    """
    report = ctx.report
    section_patterns = spec.section
    blocks = report.text_blocks()
    anchor = None
    if section_patterns:
        first = next(report.headings_found(section_patterns), None)
        if first is None:
            ctx.skip("section not found")
            return
        anchor = report.outline.headings[first]
        title = anchor.block.index
        # blocks whose section path starts under this heading
        prefix = report.outline.section_of.get(title, ())
        blocks = [
            b for b in blocks if report.outline.section_of.get(b.index, ())[: len(prefix)] == prefix
        ]
    text = "\n".join(report.norm[b.index] for b in blocks)
    missing = []
    for name, patterns in spec.topics:
        if not any(search(p, text) for p in patterns):
            missing.append(name)
    if missing:
        loc = report.location(anchor.block) if anchor else Location()
        yield ctx.finding(
            loc,
            missing=Text("、".join(m.zh for m in missing), ", ".join(m.en for m in missing)),
        )


REQUIRED_SECTION = Kind("required-section", parse, check)
PROSE_TOPICS = Kind("prose-topics", parse_topics, check_topics)
