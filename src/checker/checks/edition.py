"""A report built on another edition's tables (F0): a 2022 report with
本年新制作数量, or a 2020 report with 本年制发件数."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checker.checks.base import Context
from checker.extract.tables import normalise_label
from checker.findings import Finding
from checker.i18n import Text
from checker.model import Location


def check(ctx: Context) -> Iterator[Finding]:
    wanted = {normalise_label(label): label for label in ctx.params["labels"]}
    found: dict[str, Location] = {}
    for block in ctx.report.blocks:
        if block.table is None:
            continue
        for row in block.table.rows:
            for cell in row:
                key = normalise_label(cell.text)
                if key in wanted and key not in found:
                    found[key] = replace(
                        ctx.report.location(block),
                        table=block.table.index,
                        row=cell.origin[0] + 1,
                        column=cell.origin[1] + 1,
                    )
    if not found:
        return
    labels = [wanted[k] for k in found]
    first = next(iter(found.values()))
    other = Text.of(ctx.params["other_edition"])
    yield ctx.finding(
        first,
        labels="、".join(labels),
        other=other,
        year=str(ctx.report.year or ""),
        expected=ctx.report.edition or "",
        actual=str(ctx.params.get("other_edition_id", "")),
    )
