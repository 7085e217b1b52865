"""The parts a preamble announces against the parts the body has.

"本报告由总体情况、……、其他需要报告的事项等六部分组成" states a count and a list:
the count must equal the list, every part listed must be a section of the
body, the body's required sections must be listed, and no part of another
edition's format (概述, 收费及减免 in a 2021 report) may be announced. The
preamble shapes, separators and the other editions' part names are the pack's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from checker.checks.base import Context, Kind
from checker.checks.required_section import SectionSpec
from checker.extract.report import any_match, search
from checker.findings import Finding
from checker.i18n import Text
from checker.labels import normalise_label
from checker.numbers import parse_chinese_numeral
from checker.rulepacks.params import Params


@dataclass(frozen=True)
class PartsSpec:
    preambles: tuple[Any, ...]  # groups: list (the parts), count (optional)
    separators: Any  # compiled: what splits the list
    joins: tuple[str, ...]  # what joins two parts and stands inside part names too (和, 及)
    sections: tuple[str, ...]  # required-section rules: listed parts must cover them
    foreign: tuple[Any, ...]  # part names of other editions' formats


def parse(params: Params) -> PartsSpec:
    words = sorted(params["separators"], key=len, reverse=True)
    return PartsSpec(
        preambles=params.patterns("patterns"),
        separators=regex.compile("|".join(regex.escape(w) for w in words)),
        joins=tuple(params.get("joins") or ()),
        sections=tuple(params.get("sections") or ()),
        foreign=params.patterns("foreign"),
    )


def check(ctx: Context, spec: PartsSpec) -> Iterator[Finding]:
    report = ctx.report
    for block in report.text_blocks()[:12]:
        text = report.norm[block.index]
        m = next((m for p in spec.preambles if (m := search(p, text))), None)
        if m is None:
            continue
        parts = _parts(ctx, spec, m["list"])
        if len(parts) < 2:
            return
        yield from _judge(ctx, spec, block, m, parts)
        return


_QUOTES = '“”"「」《》 '  # around a quoted part
_CLAUSE = frozenset("，,；;")  # what ends a list and starts a clause of its own


def _parts(ctx: Context, spec: PartsSpec, listed: str) -> list[str]:
    """The parts a list names. Its separators also stand inside a part's name
    (政府信息公开行政复议、行政诉讼情况), and a clause may follow it after a comma
    (，并附相关统计表): consecutive pieces naming the same one section are one
    part, a piece naming two sections is two parts where a 和 or 及 cuts it into
    one each, and pieces after a comma naming no section end the list."""
    pieces: list[tuple[str, str]] = []  # (separator before, piece)
    at = 0
    for sep in spec.separators.finditer(listed):
        pieces.append((listed[at - 1 : at] if at else "", listed[at : sep.start()]))
        at = sep.end()
    pieces.append((listed[at - 1 : at] if at else "", listed[at:]))
    named = [(before, p) for before, piece in pieces if (p := piece.strip().strip(_QUOTES))]
    if not spec.sections:
        return [piece for _, piece in named]
    merged: list[tuple[str, str, frozenset[str]]] = []
    for before, piece in named:
        sections = _sections(ctx, spec, piece)
        if merged and sections and len(sections) == 1 and merged[-1][2] == sections:
            merged[-1] = (merged[-1][0], merged[-1][1] + "、" + piece, sections)
            continue
        merged.extend((before, part, _sections(ctx, spec, part)) for part in _cut(ctx, spec, piece))
    while len(merged) > 1 and not merged[-1][2] and merged[-1][0] in _CLAUSE:
        if any(_same(merged[-1][1], normalise_label(h.title)) for h in ctx.report.outline.headings):
            break  # a section of the body after all
        merged.pop()
    return [part for _, part, _ in merged]


def _cut(ctx: Context, spec: PartsSpec, piece: str) -> list[str]:
    """``piece``, or its two halves where one of the pack's joins (和, 及) cuts it into
    parts naming one section each, different ones (…改进情况和其他需要报告的事项)."""
    if len(_sections(ctx, spec, piece)) < 2:
        return [piece]
    for word in spec.joins:
        at = piece.find(word)
        while at > 0:
            left, right = piece[:at], piece[at + len(word) :]
            a, b = _sections(ctx, spec, left), _sections(ctx, spec, right)
            if len(a) == 1 and len(b) == 1 and a != b:
                return [left, right]
            at = piece.find(word, at + 1)
    return [piece]


def _sections(ctx: Context, spec: PartsSpec, part: str) -> frozenset[str]:
    """The required sections whose heading words the part holds."""
    memo: dict[str, frozenset[str]] = ctx.report.cache.setdefault(_SECTIONS, {})
    found = memo.get(part)
    if found is None:
        found = memo[part] = _sections_of(ctx, spec, part)
    return found


_SECTIONS = "announced parts: sections"  # in a report's cache: part -> its sections


def _sections_of(ctx: Context, spec: PartsSpec, part: str) -> frozenset[str]:
    rules = ctx.report.packset.rules
    found = set()
    for rule_id in spec.sections:
        rule = rules.get(rule_id)
        spec_ = rule.spec if rule is not None else None
        if isinstance(spec_, SectionSpec) and any_match(list(spec_.headings), spec_.screen, part):
            found.add(rule_id)
    return frozenset(found)


def _judge(
    ctx: Context, spec: PartsSpec, block: Any, m: Any, parts: list[str]
) -> Iterator[Finding]:
    report = ctx.report
    where = report.location(block, m.start())
    problems: list[Text] = []
    count_text = m.groupdict().get("count")
    if count_text:
        count = int(count_text) if count_text.isdigit() else parse_chinese_numeral(count_text)
        if count is not None and count != len(parts):
            problems.append(
                Text(
                    f"称{count_text}部分，实列{len(parts)}项",
                    f"says {count} parts but lists {len(parts)}",
                )
            )
    foreign = [p for p in parts if any(search(f, p) for f in spec.foreign)]
    if foreign:
        problems.append(
            Text(
                "列有其他格式的部分：" + "、".join(foreign),
                "lists parts of another format: " + ", ".join(foreign),
            )
        )
    top = report.outline.top
    tops = [normalise_label(h.title) for h in report.outline.headings if h.level in (None, top)]
    # a part names a heading by its words, or as the same required section in other
    # words (总体情况 for 一、总体概况, 存在的主要问题及改进情况 for 五、存在问题及改进措施)
    named = frozenset().union(*(_sections(ctx, spec, t) for t in tops))
    absent = [
        p
        for p in parts
        if p not in foreign
        and not any(_same(p, t) for t in tops)
        and not _sections(ctx, spec, p) & named
    ]
    if absent:
        problems.append(
            Text(
                "正文中没有：" + "、".join(absent),
                "not a section of the body: " + ", ".join(absent),
            )
        )
    unlisted = []
    for rule_id in spec.sections:
        rule = report.packset.rules.get(rule_id)
        if rule is None or not isinstance(rule.spec, SectionSpec):
            continue
        in_body = next(report.headings_found(rule.spec.headings), None) is not None
        if in_body and not any(search(p, part) for part in parts for p in rule.spec.headings):
            unlisted.append(rule.spec.item)
    if unlisted and (count_text or not m.groupdict().get("etc")):  # 等 without a count: "and so on"
        problems.append(
            Text(
                "未列出：" + "、".join(t.zh for t in unlisted),
                "does not list: " + ", ".join(t.en for t in unlisted),
            )
        )
    if problems:
        yield ctx.finding(
            where,
            match=m.group(0)[:80],
            problems=Text("；".join(p.zh for p in problems), "; ".join(p.en for p in problems)),
            snippet=m.group(0)[:200],
        )


def _same(part: str, heading: str) -> bool:
    """A listed part names a heading: one holds the other, or most character pairs agree."""
    a = normalise_label(part)
    if not a or not heading:
        return False
    if a in heading or heading in a:
        return True
    pa = {a[i : i + 2] for i in range(len(a) - 1)}
    pb = {heading[i : i + 2] for i in range(len(heading) - 1)}
    return bool(pa and pb) and len(pa & pb) / min(len(pa), len(pb)) >= 0.6


ANNOUNCED_PARTS = Kind("announced-parts", parse, check)
