"""An attachment table named in the text must be in the document."""

from __future__ import annotations

import re
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
    blocks = report.text_blocks()
    for at, block in enumerate(blocks):
        text = report.norm[block.index]
        for pattern in spec.references:
            m = search(pattern, text)
            if m:
                if _laid_out(blocks[at + 1 :]):
                    return  # the table follows as text, its columns parted by spaces
                yield ctx.finding(report.location(block), name=m["name"].strip(), snippet=text)
                return


_COLUMNS = re.compile(r"\S(?: {2,}|\t)\S")
_LAID_OUT = 3  # lines of columns after the reference: the table, as a PDF's text lays it out


def _laid_out(blocks: list[Any]) -> bool:
    return sum(1 for b in blocks[: 4 * _LAID_OUT] if _COLUMNS.search(b.text)) >= _LAID_OUT


ATTACHMENT = Kind("attachment", parse, check)
