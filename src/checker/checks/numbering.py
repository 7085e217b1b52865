"""Heading numbers at levels 1 and 2: lost, skipped or repeated; and parts
numbered at another level than 一、.

A level-1 run that restarts at 一 (a numbered list inside a section, or a
table flattened into text) opens a nested run instead of counting as a repeat;
a number that continues any open run closes the runs nested inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.checks.base import Context, Kind
from checker.extract.outline import Heading
from checker.findings import Finding
from checker.i18n import Text
from checker.numbers import chinese_numeral
from checker.rulepacks.params import Params


def label_for(style: str, n: int) -> str:
    return {
        "cn": f"{chinese_numeral(n)}、",
        "missing": f"{chinese_numeral(n)}、",
        "cn-part": f"第{chinese_numeral(n)}部分",
        "cn-paren": f"（{chinese_numeral(n)}）",
    }.get(style, str(n))


@dataclass(frozen=True)
class NumberingSpec:
    check: str  # missing-number | gap | duplicate | top-style
    levels: tuple[int, ...]


def parse(params: Params) -> NumberingSpec:
    return NumberingSpec(str(params["check"]), tuple(params.get("levels", [1, 2])))


def _groups(ctx: Context, levels: tuple[int, ...]) -> list[list[Heading]]:
    """Level-1 headings as one group; level-2 headings grouped by their level-1 parent."""
    groups: list[list[Heading]] = []
    top: list[Heading] = []
    current: list[Heading] = []
    for h in ctx.report.outline.headings:
        if h.level == 1 or h.level is None:
            top.append(h)
            if h.level == 1 and current:
                groups.append(current)
                current = []
        elif h.level == 2:
            current.append(h)
    if current:
        groups.append(current)
    out = []
    if 1 in levels:
        out.append(top)
    if 2 in levels:
        out.extend(groups)
    return out


_START = Text("文档开头", "start of the document")  # a first heading that is not 一


def check(ctx: Context, spec: NumberingSpec) -> Iterator[Finding]:
    if spec.check == "top-style":
        yield from _top_style(ctx)
        return
    for group in _groups(ctx, spec.levels):
        yield from _walk(ctx, group, spec.check)


def _top_style(ctx: Context) -> Iterator[Finding]:
    """The parts numbered at another level (1、…6、, （一）…（六）): read as the
    parts all the same (``Outline.top``), and said once, at the first of them."""
    outline = ctx.report.outline
    top = outline.top
    if top == 1:
        return
    first = next(h for h in outline.headings if h.level == top)
    yield ctx.finding(ctx.report.location(first.block), heading=first.text, label=first.label)


def _walk(ctx: Context, headings: list[Heading], which: str) -> Iterator[Finding]:
    runs: list[int] = [0]  # last number of each open run, innermost last
    # how many runs outside the innermost stand at each number (a run stands still
    # while it is outside): whether a number continues one is then one look, however
    # many restarts at 一 are open
    outer: dict[int, int] = {}
    previous: Heading | None = None
    unnumbered = 0
    location = ctx.report.location  # built only for a finding: a huge report has many headings
    for h in headings:
        if h.number is None:
            if which == "missing-number" and h.style == "missing":
                yield ctx.finding(
                    location(h.block), heading=h.text, expected=label_for(h.style, runs[-1] + 1)
                )
            unnumbered += 1
            continue
        n = h.number
        if n == runs[-1] + 1:
            runs[-1] = n
        elif n == 1 and runs[-1] >= 1:
            outer[runs[-1]] = outer.get(runs[-1], 0) + 1
            runs.append(1)
        elif outer.get(n - 1):  # it continues an outer run: the runs inside it close
            while runs[-1] + 1 != n:
                runs.pop()
                outer[runs[-1]] -= 1  # the run now innermost is outside no more
            runs[-1] = n
        elif n > runs[-1] + 1:
            if which == "gap":
                missing = [label_for(h.style, k).rstrip("、") for k in range(runs[-1] + 1, n)]
                yield ctx.finding(
                    location(h.block),
                    previous=previous.text if previous else _START,
                    current=h.text,
                    missing="、".join(missing),
                    unnumbered=Text(
                        f"（其间有{unnumbered}个标题没有序号）" if unnumbered else "",
                        f" ({unnumbered} headings in between have no number)" if unnumbered else "",
                    ),
                )
            runs[-1] = n
        elif n <= runs[-1] and which == "duplicate":
            yield ctx.finding(
                location(h.block), previous=previous.text if previous else "", current=h.text
            )
        previous = h
        unnumbered = 0


NUMBERING = Kind("numbering", parse, check)
