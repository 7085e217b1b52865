"""Text that must not be in a published report: template residue, a cut title,
the report naming itself with a year not its own (``other_year``).

Most text holds none of it, so each text is first searched once with all of
the rule's patterns as one alternation; only a text where that finds
something is searched pattern by pattern (which decides what is reported),
and only then is its location built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.report import finditer, search
from checker.findings import Finding
from checker.model import BlockKind, Location
from checker.numbers import to_halfwidth
from checker.rulepacks.params import Params
from checker.rulepacks.patterns import screen


@dataclass(frozen=True)
class ForbiddenSpec:
    patterns: tuple[Any, ...]
    head_blocks: int | None  # only the first text blocks (scope: head); None: everywhere
    other_year: bool  # a match counts only where its ``year`` group is not the report year
    any: Any  # all patterns as one screen (``patterns.screen``); None: search each


def parse(params: Params) -> ForbiddenSpec:
    head = int(params.get("head_blocks", 8)) if params.get("scope") == "head" else None
    patterns = params.patterns("patterns")
    return ForbiddenSpec(
        patterns, head, bool(params.get("other_year", False)), screen(patterns)
    )


def check(ctx: Context, spec: ForbiddenSpec) -> Iterator[Finding]:
    report = ctx.report
    if spec.other_year and report.year is None:
        ctx.skip("no report year")
        return
    blocks = report.blocks
    hits = None  # the text blocks the screen finds something in, from one joined search
    if spec.head_blocks is not None:
        blocks = report.text_blocks()[: spec.head_blocks]
    elif spec.any is not None:
        hits = {id(b) for b in report.matching(spec.any)}
    for block in blocks:
        if block.table is None:
            text = report.norm[block.index]
            if hits is not None and block.kind != BlockKind.TABLE:
                if id(block) not in hits:
                    continue
            elif spec.any is not None and not search(spec.any, text):
                continue
            base = report.location(block)
            for m in _matches(spec, text):
                yield from _found(ctx, spec, replace(base, offset=m.start()), m, text)
            continue
        for row in block.table.rows:
            for cell in row:
                if not (cell.text and cell.is_anchor):
                    continue
                text = to_halfwidth(cell.text)
                if spec.any is not None and not search(spec.any, text):
                    continue
                at = replace(
                    report.location(block),
                    table=block.table.index,
                    row=cell.row + 1,
                    column=cell.column + 1,
                )
                for m in _matches(spec, text):
                    yield from _found(ctx, spec, at, m, text)


def _found(
    ctx: Context, spec: ForbiddenSpec, at: Location, m: Any, text: str
) -> Iterator[Finding]:
    if not spec.other_year:
        yield ctx.finding(at, match=m.group(0), snippet=text[:200])
        return
    named = _year(m)
    year = ctx.report.year
    if named is not None and named != year:  # the report naming itself with another year
        yield ctx.finding(
            at,
            match=m.group(0),
            snippet=text[:200],
            year=named,
            report_year=year,
            expected=str(year),
            actual=str(named),
        )


def _year(m: Any) -> int | None:
    text = m.groupdict().get("year")
    return int(text) if text and text.isdigit() else None


def _matches(spec: ForbiddenSpec, text: str) -> Iterator[Any]:
    """Each pattern's matches in order; one placeholder matched by two patterns is one."""
    seen: list[str] = []
    for pattern in spec.patterns:
        for m in finditer(pattern, text):
            found = m.group(0)
            if any(found in s or s in found for s in seen):
                continue
            seen.append(found)
            yield m


FORBIDDEN_PATTERN = Kind("forbidden-pattern", parse, check)
