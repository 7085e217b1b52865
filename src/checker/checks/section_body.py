"""A required section that is there but says nothing, or next to nothing.

Inspections name content that is not complete or substantial (不全面、不翔实):
a heading kept from the template with nothing under it, or a problems section
that says only "无". The sections are those of the pack's required-section
rules (``of``: their headings and names), so that a heading variant added
there is found here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Context, Kind
from checker.checks.required_section import SectionSpec
from checker.extract.outline import Heading, stack_level
from checker.extract.report import Report, search
from checker.findings import Finding
from checker.model import Block, BlockKind
from checker.rulepacks import compiled
from checker.rulepacks.params import Params

_NOT_WORDS = compiled.cached(r"[\s\p{P}\p{S}]+")
_SENTENCE = compiled.cached(r"[。！？；!?;\n]")


@dataclass(frozen=True)
class BodySpec:
    of: tuple[str, ...]  # required-section rules whose sections these are
    thin: bool  # check "thin" (next to nothing) rather than "empty"
    min_chars: int  # thin: one sentence shorter than this
    says_nothing: tuple[Any, ...]  # thin: a body matching one of these ("无")


def parse(params: Params) -> BodySpec:
    return BodySpec(
        of=tuple(params["of"]),
        thin=params["check"] == "thin",
        min_chars=int(params.get("min_chars", 0)),
        says_nothing=params.patterns("patterns"),
    )


def check(ctx: Context, spec: BodySpec) -> Iterator[Finding]:
    report = ctx.report
    for rule_id in spec.of:
        rule = report.packset.rules.get(rule_id)
        if rule is None or not isinstance(rule.spec, SectionSpec):
            continue
        heading = _find(report, rule.spec.headings, rule.spec.top_level)
        if heading is None:
            continue  # an absent section is the required-section rule's finding
        text, tables, first = _body(report, heading)  # tables: pictures counted in
        words = _NOT_WORDS.sub("", text)
        item = rule.spec.item
        where = report.location(heading.block)
        if not spec.thin:
            if not words and not tables:
                yield ctx.finding(where, item=item, heading=heading.text)
            continue
        if not words:
            continue  # empty: the other check's finding
        says_nothing = any(search(p, text.strip()) for p in spec.says_nothing)
        sentences = [x for x in _SENTENCE.split(text) if _NOT_WORDS.sub("", x)]
        if says_nothing or (len(sentences) <= 1 and len(words) < spec.min_chars):
            yield ctx.finding(
                report.location(first),  # where the few words stand, which the snippet quotes
                item=item,
                heading=heading.text,
                body=text.strip()[:60],
                count=len(words),
                snippet=text[:200],
            )


def _find(report: Report, patterns: tuple[Any, ...], top_only: bool) -> Heading | None:
    # a top-level heading first: a sub-heading of the overview may share its words
    headings = report.outline.headings
    top = report.outline.top
    other = None  # the first heading found below the top level
    for i in report.headings_found(patterns):
        heading = headings[i]
        if top_only and heading.level not in (None, top):
            continue
        if stack_level(heading) == top:
            return heading
        if other is None:
            other = heading
    return other


def _body(report: Report, heading: Heading) -> tuple[str, int, Block]:
    """The section's own words (text after the heading on its line included),
    how many tables (or pictures, which may be tables) it holds, up to the next
    heading of its level or the closing lines, and the first block with words
    (the heading when none)."""
    headings: dict[int, Heading] | None = report.cache.get("headings:by-block")
    if headings is None:
        headings = {h.block.index: h for h in report.outline.headings}
        report.cache["headings:by-block"] = headings
    level = stack_level(heading)
    parts = [_after_title(report, heading)]
    first = heading.block if _NOT_WORDS.sub("", parts[0]) else None
    tables = heading.block.pictures
    blocks = report.blocks
    at = next(i for i, b in enumerate(blocks) if b.index == heading.block.index)
    closing = _closing(report)
    for block in blocks[at + 1 :]:
        if closing is not None and block.index >= closing:
            break  # the signer and date close the report, whatever section they follow
        sub = headings.get(block.index)
        if sub is not None and stack_level(sub) <= level:
            break
        tables += block.pictures
        if sub is not None:
            parts.append(_after_title(report, sub))
        elif block.kind == BlockKind.TABLE:
            tables += 1
            continue
        else:
            parts.append(report.norm[block.index])
        if first is None and _NOT_WORDS.sub("", parts[-1]):
            first = block
    return "\n".join(p for p in parts if p), tables, first or heading.block


def _closing(report: Report) -> int | None:
    """The block where the closing lines begin: the signature date, or the
    signer's name on the line above it."""
    if report.signature is None or report.signature.location.paragraph is None:
        return None
    start = report.signature.location.paragraph
    at = next((i for i, b in enumerate(report.blocks) if b.index == start), None)
    if at:
        before = report.blocks[at - 1]
        signer = report.packset.document.get("signer", [])
        if before.kind != BlockKind.TABLE and any(
            search(p, report.norm[before.index]) for p in signer
        ):
            start = before.index
    return start


def _after_title(report: Report, heading: Heading) -> str:
    text = report.norm.get(heading.block.index, "")
    return text[text.find(heading.title) + len(heading.title) :] if heading.title in text else ""


SECTION_BODY = Kind("section-body", parse, check)
