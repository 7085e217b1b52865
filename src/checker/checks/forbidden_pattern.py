"""Text that must not be in a published report: template residue, a cut title,
the report naming itself with a year not its own (``other_year``).

Most text holds none of it, so the rule's patterns are first searched as one
alternation, once over the joined paragraphs and once over the joined table
cells (folded once per report, for every rule); only a text where that finds
something is searched pattern by pattern (which decides what is reported),
and only then is its location built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.joined import Joined
from checker.extract.report import Report, finditer, search
from checker.findings import Finding
from checker.model import Block, BlockKind, Cell, Location
from checker.numbers import to_halfwidth_all
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
    return ForbiddenSpec(patterns, head, bool(params.get("other_year", False)), screen(patterns))


def check(ctx: Context, spec: ForbiddenSpec) -> Iterator[Finding]:
    report = ctx.report
    if spec.other_year and report.year is None:
        ctx.skip("no report year")
        return
    blocks = report.blocks
    screened = False  # the text blocks walked are those one joined search found something in
    cells = None  # the table cells it finds something in, by their block, likewise
    if spec.head_blocks is not None:
        blocks = report.text_blocks()[: spec.head_blocks]
    elif spec.any is not None:
        # by position among the text blocks: those ``report.matching`` would give
        screened, hit_texts = True, report.text_view()[1].matching(spec.any)
        cells = _cell_hits(report, spec.any)
        blocks = _visited(report, hit_texts)
    for block in blocks:
        if block.table is None:
            text = report.norm[block.index]
            by_screen = screened and block.kind != BlockKind.TABLE
            if not by_screen and spec.any is not None and not search(spec.any, text):
                continue
            base = report.location(block)
            for m in _matches(spec, text):
                yield from _found(ctx, spec, replace(base, offset=m.start()), m, text)
            continue
        if cells is not None:
            found = cells.get(id(block))
            if not found:
                continue
        else:
            found = _anchors(report).by_block.get(id(block), [])
        for cell, text in found:
            if cells is None and spec.any is not None and not search(spec.any, text):
                continue
            at = replace(
                report.location(block),
                table=block.table.index,
                row=cell.row + 1,
                column=cell.column + 1,
            )
            for m in _matches(spec, text):
                yield from _found(ctx, spec, at, m, text)


def _visited(report: Report, found: list[int]) -> list[Block]:
    """The blocks the walk below can find something in, in order: the text blocks the
    screen found (``found``: their positions among the text blocks) and every table
    block (its cells, or a table's text kept as a paragraph, searched alone). The
    rest the walk would pass over: a huge report's walk visits a handful of blocks,
    not every paragraph."""
    text_at, tables = report.of_blocks("forbidden_positions", _positions)
    wanted = sorted({text_at[k] for k in found}.union(tables))
    blocks = report.blocks
    return [blocks[i] for i in wanted]


def _positions(blocks: list[Block]) -> tuple[list[int], list[int]]:
    """Where each text block stands among all blocks (``report.text_view``'s order),
    and where every table block stands."""
    text_at = [i for i, b in enumerate(blocks) if b.kind != BlockKind.TABLE]
    tables = [i for i, b in enumerate(blocks) if b.table is not None or b.kind == BlockKind.TABLE]
    return text_at, tables


class _Anchors:
    """A report's table cells that hold text, folded once for every rule that searches them."""

    def __init__(self, blocks: list[Block]) -> None:
        owners: list[int] = []
        found: list[Cell] = []
        for block in blocks:
            table = block.table
            if table is None:
                continue
            # ``Cell.is_anchor`` written out: a report has hundreds of cells to test
            cells = [
                c
                for row in table.rows
                for c in row
                if c.text and c.origin[0] == c.row and c.origin[1] == c.column
            ]
            owners.extend([id(block)] * len(cells))
            found.extend(cells)
        self.owners = owners
        self.texts = to_halfwidth_all([c.text for c in found])
        self.cells = found
        self.joined = Joined(self.texts)
        self._by_block: dict[int, list[tuple[Cell, str]]] | None = None

    @property
    def by_block(self) -> dict[int, list[tuple[Cell, str]]]:
        """Every such cell and its folded text, by its block's id (for a rule whose
        pattern gives no joined search: most rules ask ``joined`` alone)."""
        if self._by_block is None:
            self._by_block = {}
            for owner, cell, text in zip(self.owners, self.cells, self.texts, strict=True):
                self._by_block.setdefault(owner, []).append((cell, text))
        return self._by_block


def _anchors(report: Report) -> _Anchors:
    return report.of_blocks("anchor_cells", _Anchors)


def _cell_hits(report: Report, pattern: Any) -> dict[int, list[tuple[Cell, str]]]:
    """The cells ``pattern`` finds something in, by their block's id, in table order."""
    anchors = _anchors(report)
    out: dict[int, list[tuple[Cell, str]]] = {}
    for i in anchors.joined.finding(pattern):
        out.setdefault(anchors.owners[i], []).append((anchors.cells[i], anchors.texts[i]))
    return out


def _found(ctx: Context, spec: ForbiddenSpec, at: Location, m: Any, text: str) -> Iterator[Finding]:
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
