"""Dates: malformed, impossible, the statistical period, and the report year."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from checker.checks.base import Context, Kind, NoSpec, no_params
from checker.extract.dates import CN_DATE, FULL_DATE, parse_date
from checker.extract.report import SOURCE_NAMES, Report, YearSource, finditer
from checker.findings import Finding
from checker.i18n import Text
from checker.model import Block
from checker.rulepacks.params import Params
from checker.rulepacks.patterns import screen


def _suggest(y: str | None, m: str | None, d: str | None) -> Text:
    if y and (d or not m):  # what it should be, as far as the draft lets us read it
        written = f"{int(y)}年" + (f"{int(m)}月{int(d)}日" if m and d else "")
        return Text(f"（应写作“{written}”）", f" (write {written})")
    return Text("（年、月、日须写全）", " (write the year, month and day in full)")


@dataclass(frozen=True)
class FormatSpec:
    patterns: tuple[Any, ...]  # malformed dates; groups y, m, d when they can be read
    any: Any = None  # all patterns as one screen (``patterns.screen``); None: search each


def parse_format(params: Params) -> FormatSpec:
    patterns = params.patterns("patterns")
    return FormatSpec(patterns, screen(patterns))


def _blocks(report: Report, patterns: Sequence[Any], any_of: Any) -> list[Block]:
    """The text blocks one of ``patterns`` finds something in, in order."""
    if any_of is not None:
        return report.matching(any_of)
    hits = {id(b) for p in patterns for b in report.matching(p)}
    return [b for b in report.text_blocks() if id(b) in hits]


def check_format(ctx: Context, spec: FormatSpec) -> Iterator[Finding]:
    report = ctx.report
    for block in _blocks(report, spec.patterns, spec.any):
        text = report.norm[block.index]
        for pattern in spec.patterns:
            for m in finditer(pattern, text):
                groups = m.groupdict()
                yield ctx.finding(
                    report.location(block, m.start()),
                    match=m.group(0).strip(),
                    hint=_suggest(groups.get("y"), groups.get("m"), groups.get("d")),
                    snippet=text[:200],
                )


def check_valid(ctx: Context, spec: NoSpec) -> Iterator[Finding]:
    report = ctx.report
    for block in _blocks(report, (FULL_DATE, CN_DATE), _any_date()):
        text = report.norm[block.index]
        for pattern in (FULL_DATE, CN_DATE):
            for m in pattern.finditer(text):
                if _impossible(m.group(0)):
                    yield ctx.finding(
                        report.location(block, m.start()), match=m.group(0), snippet=text[:200]
                    )


@functools.lru_cache(maxsize=4096)
def _impossible(written: str) -> bool:
    """Whether a date as written names no calendar day; read once per wording (a report
    repeats its few dates, a huge one thousands of times)."""
    found = parse_date(written)
    return found is not None and found.date is None


@functools.cache
def _any_date() -> Any:
    return screen([FULL_DATE, CN_DATE])


@dataclass(frozen=True)
class PeriodSpec:
    later_starts: dict[int, tuple[int, int]]  # year -> (month, day) its period may begin on


def parse_period(params: Params) -> PeriodSpec:
    starts = params.get("later_starts") or {}
    return PeriodSpec(
        {int(y): (int(md[:2]), int(md[3:])) for y, md in dict(starts).items()}
    )


def check_period(ctx: Context, spec: PeriodSpec) -> Iterator[Finding]:
    report = ctx.report
    if report.period is None:
        ctx.skip("no statistical period sentence")
        return
    start, end = report.period
    year = start.year
    begins = {(1, 1), spec.later_starts.get(year, (1, 1))}
    if (start.month, start.day) in begins and (end.year, end.month, end.day) == (year, 12, 31):
        return
    yield ctx.finding(
        start.location,
        year=year,
        start=start.text,
        end=end.text,
        expected=f"{year}-01-01/{year}-12-31",
        actual=f"{start.iso()}/{end.iso()}",
    )


def check_year(ctx: Context, spec: NoSpec) -> Iterator[Finding]:
    """Title and statistical period name one year; a signature dated in or
    before that year cannot close a report on it. A signature years later is
    lateness, which the deadline rule reports, not a wrong year."""
    strong = [s for s in ctx.report.year_sources if s.name in ("title", "period")]
    first_year = strong[0].year if strong else None
    sources = [
        s
        for s in ctx.report.year_sources
        if s.name in ("title", "period")
        or (s.name == "signature" and first_year is not None and s.year < first_year)
    ]
    if len(sources) < 2:
        ctx.skip("fewer than two places state the year")
        return
    first = sources[0]
    if all(s.year == first.year for s in sources):
        return

    def zh(s: YearSource) -> str:
        if s.name == "signature":
            return f"落款日期“{s.text}”早于报告年度结束"
        return f"{SOURCE_NAMES[s.name].zh}“{s.text}”对应{s.year}年度"

    def en(s: YearSource) -> str:
        if s.name == "signature":
            return f"the signature date '{s.text}' is before the report year ended"
        return f"{SOURCE_NAMES[s.name].en} '{s.text}' means {s.year}"

    described = Text("；".join(map(zh, sources)), "; ".join(map(en, sources)))
    odd = next(s for s in sources if s.year != first.year)
    yield ctx.finding(
        odd.location, sources=described, expected=str(first.year), actual=str(odd.year)
    )


DATE_FORMAT = Kind("date-format", parse_format, check_format)
DATE_VALID = Kind("date-valid", no_params, check_valid)
PERIOD = Kind("period", parse_period, check_period)
YEAR_CONSISTENCY = Kind("year-consistency", no_params, check_year)
