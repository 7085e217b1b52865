"""Text that must not be in a published report: template residue, a cut title,
the report naming itself with a year not its own (``other_year``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.report import finditer
from checker.findings import Finding
from checker.model import Location
from checker.numbers import to_halfwidth
from checker.rulepacks.params import Params


@dataclass(frozen=True)
class ForbiddenSpec:
    patterns: tuple[Any, ...]
    head_blocks: int | None  # only the first text blocks (scope: head); None: everywhere
    other_year: bool  # a match counts only where its ``year`` group is not the report year


def parse(params: Params) -> ForbiddenSpec:
    head = int(params.get("head_blocks", 8)) if params.get("scope") == "head" else None
    return ForbiddenSpec(params.patterns("patterns"), head, bool(params.get("other_year", False)))


def check(ctx: Context, spec: ForbiddenSpec) -> Iterator[Finding]:
    report = ctx.report
    if spec.other_year and report.year is None:
        ctx.skip("no report year")
        return
    blocks = report.blocks
    if spec.head_blocks is not None:
        blocks = report.text_blocks()[: spec.head_blocks]
    for block in blocks:
        base = report.location(block)
        places: list[tuple[Location, str]]
        if block.table is not None:
            places = [
                (
                    replace(
                        base, table=block.table.index, row=cell.row + 1, column=cell.column + 1
                    ),
                    to_halfwidth(cell.text),
                )
                for row in block.table.rows
                for cell in row
                if cell.is_anchor and cell.text
            ]
        else:
            places = [(base, report.norm[block.index])]
        for loc, text in places:
            seen: list[str] = []
            for pattern in spec.patterns:
                for m in finditer(pattern, text):
                    if any(m.group(0) in s or s in m.group(0) for s in seen):
                        continue  # one placeholder, matched by two patterns, is one finding
                    seen.append(m.group(0))
                    at = replace(loc, offset=m.start()) if block.table is None else loc
                    if not spec.other_year:
                        yield ctx.finding(at, match=m.group(0), snippet=text[:200])
                    elif (named := _year(m)) is not None and named != report.year:
                        # the report naming itself with a year not its own
                        yield ctx.finding(
                            at,
                            match=m.group(0),
                            snippet=text[:200],
                            year=named,
                            report_year=report.year,
                            expected=str(report.year),
                            actual=str(named),
                        )


def _year(m: Any) -> int | None:
    text = m.groupdict().get("year")
    return int(text) if text and text.isdigit() else None


FORBIDDEN_PATTERN = Kind("forbidden-pattern", parse, check)
