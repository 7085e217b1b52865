"""A report built on another edition's tables (F0): a 2022 report with
本年新制作数量, or a 2020 report with 本年制发件数."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from checker.checks.base import Context, Kind
from checker.findings import Finding
from checker.i18n import Text
from checker.labels import normalise_label
from checker.model import Location
from checker.rulepacks.params import Params


@dataclass(frozen=True)
class EditionSpec:
    labels: dict[str, str]  # normalised label -> as the pack wrote it
    other: Text  # the other edition, in words
    other_id: str


def parse(params: Params) -> EditionSpec:
    return EditionSpec(
        labels={normalise_label(label): label for label in params["labels"]},
        other=Text.of(params["other_edition"]),
        other_id=str(params.get("other_edition_id", "")),
    )


def check(ctx: Context, spec: EditionSpec) -> Iterator[Finding]:
    wanted = spec.labels
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
    yield ctx.finding(
        first,
        labels="、".join(labels),
        other=spec.other,
        year=str(ctx.report.year or ""),
        expected=ctx.report.edition or "",
        actual=spec.other_id,
    )


EDITION_SIGNATURE = Kind("edition-signature", parse, check)
