"""An attachment table named in the text must be in the document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.report import search
from checker.findings import Finding
from checker.rulepacks.params import Params


@dataclass(frozen=True)
class AttachmentSpec:
    references: tuple[Any, ...]  # patterns naming an attachment; group ``name``


def parse(params: Params) -> AttachmentSpec:
    return AttachmentSpec(params.patterns("references"))


def check(ctx: Context, spec: AttachmentSpec) -> Iterator[Finding]:
    report = ctx.report
    meta = report.document.meta
    if report.document.tables or meta.get("images") or meta.get("linked_files"):
        return  # a table, a picture that may be the table, or a file linked for download
    for block in report.text_blocks():
        text = report.norm[block.index]
        for pattern in spec.references:
            m = search(pattern, text)
            if m:
                yield ctx.finding(report.location(block), name=m["name"].strip(), snippet=text)
                return


ATTACHMENT = Kind("attachment", parse, check)
