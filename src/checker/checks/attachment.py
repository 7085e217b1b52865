"""An attachment table named in the text must be in the document."""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks.base import Context
from checker.extract.report import search
from checker.findings import Finding


def check(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    if report.document.tables or report.document.meta.get("images"):
        return  # a table, or a picture that may be the table
    for block in report.text_blocks():
        text = report.norm[block.index]
        for pattern in ctx.rule.patterns["references"]:
            m = search(pattern, text)
            if m:
                yield ctx.finding(report.location(block), name=m["name"].strip(), snippet=text)
                return
