"""Publication on time: the page's publication date, or failing that the
signature date (a report cannot be published before it is signed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.checks.base import Context, Kind, NoSpec, no_params
from checker.extract.dates import cn_date
from checker.findings import Finding


def deadline_for(ctx: Context) -> dt.date | None:
    report = ctx.report
    if report.year is None:
        return None
    table = report.packset.deadline
    monthday = table.get(report.level) or table.get("all")
    if monthday is None:
        return None
    month, day = (int(x) for x in monthday.split("-"))
    return dt.date(report.year + 1, month, day)


def check(ctx: Context, spec: NoSpec) -> Iterator[Finding]:
    report = ctx.report
    deadline = deadline_for(ctx)
    when = report.published or report.signature
    if deadline is None or when is None or when.date is None:
        ctx.skip("no publication or signature date, or no report year")
        return
    if when.date <= deadline:
        return
    yield ctx.finding(
        when.location,
        published=cn_date(when.date),
        deadline=cn_date(deadline),
        expected=deadline.isoformat(),
        actual=when.date.isoformat(),
    )


DEADLINE = Kind("deadline", no_params, check)
