"""Arithmetic stated in prose: breakdowns, shares, growth, the same figure twice.

The recogniser (``extract/prose.py``) decides what a sentence states; these
kinds only judge it. Counts are compared exactly; percentages within the
rounding of the decimals they were written with (Arelle-style: 66.3 written
as 66.3 or 66.28 passes, 58.1 fails). A list whose parts do not add up is
reported once, by the breakdown rule, not again through every share in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.prose import BlockProse, Breakdown, Growth, Prose, Statement, recognise
from checker.extract.prose_numbers import Percent
from checker.extract.prose_vocab import Vocabulary
from checker.findings import Finding, Item
from checker.i18n import Text
from checker.numbers import format_number
from checker.rulepacks.params import Params

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ProseSpec:
    vocabulary: Vocabulary
    # breakdown: complete | within; share: part | sum | earlier; growth: amount | direction
    check: str = ""
    min_parts: int = 2
    tolerance: dict[str, Any] = field(default_factory=dict)  # decimals, truncation


def parse(params: Params) -> ProseSpec:
    return ProseSpec(
        vocabulary=Vocabulary.of(params.get("vocabulary") or {}),
        check=str(params.get("check", "")),
        min_parts=int(params.get("min_parts", 2)),
        tolerance=dict(params.get("tolerance") or {}),
    )


def _prose(ctx: Context, spec: ProseSpec) -> Prose:
    return recognise(ctx.report, spec.vocabulary)


def _text(zh: str) -> Text:
    return Text(zh, zh)


def _parts_text(parts: list[tuple[str, Decimal]], suffix: str = "") -> Text:
    return Text(
        "，".join(f"{label}{format_number(v)}{suffix}" for label, v in parts),
        ", ".join(f"{label} {format_number(v)}{suffix}" for label, v in parts),
    )


# -- tolerance for stated percentages


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent_agrees(stated: Percent, computed: Decimal, tolerance: dict[str, Any]) -> bool:
    """Whether a percentage written with ``stated.decimals`` decimals can be ``computed``.

    It can when it is the computed value rounded to those decimals, or cut to
    them (with ``truncation``), or when both agree at the coarser of its own
    decimals and the pack's ``decimals``.
    """
    step = Decimal(1).scaleb(-stated.decimals)
    if abs(computed - stated.value) <= step / 2:
        return True
    if tolerance.get("truncation") and stated.value <= computed < stated.value + step:
        return True
    coarse = min(stated.decimals, int(tolerance.get("decimals", stated.decimals)))
    return rounded(stated.value, coarse) == rounded(computed, coarse)


def _slack(stated: Percent, tolerance: dict[str, Any]) -> Decimal:
    """How far one stated percentage may be from its exact value."""
    step = Decimal(1).scaleb(-min(stated.decimals, int(tolerance.get("decimals", 1))))
    return step if tolerance.get("truncation") else step / 2


# -- breakdown


def _counted(bd: Breakdown) -> bool:
    return all(p.quantity is not None for p in bd.parts)


def _sum(bd: Breakdown) -> Decimal:
    return sum((p.quantity.value for p in bd.parts if p.quantity is not None), Decimal(0))


def broken(bd: Breakdown) -> bool:
    """A complete list whose parts do not make its total: the root cause of its shares."""
    return bd.catch_all and not bd.overlap and _counted(bd) and _sum(bd) != bd.total.value


def _items(prose: Prose, where: BlockProse, bd: Breakdown) -> list[Item]:
    items = [Item(_text(bd.total_label), bd.total.value, prose.location(where, bd.total.start))]
    for p in bd.parts:
        if p.quantity is not None:
            items.append(Item(_text(p.label), p.quantity.value, prose.location(where, p.start)))
    return items


def check_breakdown(ctx: Context, spec: ProseSpec) -> Iterator[Finding]:
    prose = _prose(ctx, spec)
    complete = spec.check == "complete"
    min_parts = spec.min_parts
    for where, bd in prose.breakdowns():
        if bd.overlap or not _counted(bd) or len(bd.parts) < min_parts:
            continue
        total, parts_sum = bd.total.value, _sum(bd)
        if complete:
            wrong = bd.catch_all and parts_sum != total
        else:
            wrong = not bd.catch_all and parts_sum > total
        if not wrong:
            continue
        yield ctx.finding(
            prose.location(where, bd.total.start),
            expected=total,
            actual=parts_sum,
            items=_items(prose, where, bd),
            snippet=where.sentence(bd.start, bd.end),
            total_label=_text(bd.total_label),
            unit=bd.total.unit,
            difference=abs(total - parts_sum),
            items_text=_parts_text(
                [(p.label, p.quantity.value) for p in bd.parts if p.quantity is not None]
            ),
        )


# -- share


def check_share(ctx: Context, spec: ProseSpec) -> Iterator[Finding]:
    prose = _prose(ctx, spec)
    tolerance = spec.tolerance
    if spec.check == "earlier":
        yield from _earlier_shares(ctx, prose, tolerance)
        return
    for where, bd in prose.breakdowns():
        if bd.total.value == 0 or broken(bd):
            continue
        wrong = _wrong_shares(bd, tolerance)
        if spec.check == "part":
            for part, computed in wrong:
                assert part.quantity is not None and part.share is not None
                yield ctx.finding(
                    prose.location(where, part.share.start),
                    expected=rounded(computed, part.share.decimals),
                    actual=part.share.value,
                    items=[
                        Item(
                            _text(bd.total_label),
                            bd.total.value,
                            prose.location(where, bd.total.start),
                        ),
                        Item(
                            _text(part.label),
                            part.quantity.value,
                            prose.location(where, part.start),
                        ),
                    ],
                    snippet=where.sentence(bd.start, part.share.end),
                    part_label=_text(part.label),
                    part=part.quantity.value,
                    total_label=_text(bd.total_label),
                    total=bd.total.value,
                    unit=bd.total.unit,
                )
        elif not wrong:
            finding = _share_sum(ctx, prose, where, bd, tolerance)
            if finding is not None:
                yield finding


def _earlier_shares(ctx: Context, prose: Prose, tolerance: dict[str, Any]) -> Iterator[Finding]:
    """Shares of a whole stated earlier in the paragraph; silent when the share fits
    any other whole the writer may have meant."""
    for where, es in prose.earlier_shares():
        part = es.part.value
        computed = part * HUNDRED / es.base.value
        if percent_agrees(es.share, computed, tolerance) or any(
            percent_agrees(es.share, part * HUNDRED / other, tolerance) for other in es.alternatives
        ):
            continue
        yield ctx.finding(
            prose.location(where, es.share.start),
            expected=rounded(computed, es.share.decimals),
            actual=es.share.value,
            items=[
                Item(_text(es.base_label), es.base.value, prose.location(where, es.base.start)),
                Item(_text(es.label), part, prose.location(where, es.start)),
            ],
            snippet=where.sentence(es.start, es.share.end),
            part_label=_text(es.label),
            part=part,
            total_label=_text(es.base_label),
            total=es.base.value,
            unit=es.part.unit,
        )


def _wrong_shares(bd: Breakdown, tolerance: dict[str, Any]) -> list[tuple[Any, Decimal]]:
    out = []
    for part in bd.parts:
        if part.quantity is None or part.share is None or part.share_approx:
            continue
        computed = part.quantity.value * HUNDRED / bd.total.value
        if not percent_agrees(part.share, computed, tolerance):
            out.append((part, computed))
    return out


def _share_sum(
    ctx: Context, prose: Prose, where: BlockProse, bd: Breakdown, tolerance: dict[str, Any]
) -> Finding | None:
    shares = [p.share for p in bd.parts]
    if bd.overlap or len(bd.parts) < 2 or any(p.share_approx for p in bd.parts):
        return None
    whole = bd.catch_all or (_counted(bd) and _sum(bd) == bd.total.value)
    if not whole or any(s is None for s in shares):
        return None
    stated = [s for s in shares if s is not None]
    total = sum((s.value for s in stated), Decimal(0))
    slack = sum((_slack(s, tolerance) for s in stated), Decimal(0))
    if abs(total - HUNDRED) <= slack:
        return None
    return ctx.finding(
        prose.location(where, bd.total.start),
        expected=HUNDRED,
        actual=total,
        items=[
            Item(_text(p.label), p.share.value, prose.location(where, p.share.start))
            for p in bd.parts
            if p.share is not None
        ],
        snippet=where.sentence(bd.start, bd.end),
        total_label=_text(bd.total_label),
        items_text=_parts_text(
            [(p.label, p.share.value) for p in bd.parts if p.share is not None], "%"
        ),
    )


# -- growth

_SIGN = {"up": 1, "down": -1, "flat": 0}
_WORD = {
    1: Text("增长", "an increase of "),
    -1: Text("下降", "a decrease of "),
    0: Text("持平", "no change"),
}


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


def _change_text(value: Decimal, suffix: str, en_suffix: str = "") -> Text:
    """A signed change in words: 增长20% / an increase of 20%."""
    word = _WORD[_sign(value)]
    if value == 0:
        return word
    shown = format_number(abs(value))
    return Text(f"{word.zh}{shown}{suffix}", f"{word.en}{shown}{en_suffix}")


def check_growth(ctx: Context, spec: ProseSpec) -> Iterator[Finding]:
    """``check: direction`` reports a stated direction the figures contradict,
    ``check: amount`` a change or rate that does not match (and never a statement
    whose direction is already wrong); without ``check``, the first of either."""
    prose = _prose(ctx, spec)
    tolerance = spec.tolerance
    for where, g in prose.growths():
        finding = _growth_finding(ctx, prose, where, g, tolerance, spec.check)
        if finding is not None:
            yield finding


def _contradicts(g: Growth, sign: int, change: Decimal) -> bool:
    """A stated direction the figures (or the statement's other verb) contradict."""
    rate_sign = _SIGN[g.rate_direction] if g.rate_direction else sign
    if g.rate is not None and g.rate.value and rate_sign != sign:
        return True  # 增加13件，同比下降2%: the two verbs disagree
    if g.previous is None:
        return False  # last year's figure derived from the change agrees with it
    return _sign(change) != sign


def _growth_finding(
    ctx: Context,
    prose: Prose,
    where: BlockProse,
    g: Growth,
    tolerance: dict[str, Any],
    check: str = "",
) -> Finding | None:
    """The first thing a growth statement gets wrong: direction, change, then rate."""
    sign = _SIGN[g.direction]
    unit = g.current.unit
    if g.previous is not None:
        previous = g.previous.value
    elif g.change is not None:
        previous = g.current.value - sign * g.change.value  # derived from the change
    else:
        return None
    change = g.current.value - previous
    emit = _Emitter(ctx, prose, where, g, previous)
    contradicts = _contradicts(g, sign, change)
    if contradicts:
        return None if check == "amount" else _direction_finding(emit, g, sign, change, previous)
    if check == "direction" or (g.change is None and g.rate is None):
        return None
    if g.change is not None and g.previous is not None and change != sign * g.change.value:
        stated = sign * g.change.value
        return emit(
            Text("增减数", "change"),
            _change_text(change, unit),
            _change_text(stated, unit),
            change,
            stated,
        )
    if g.rate is not None and previous > 0:
        computed = change * HUNDRED / previous
        if percent_agrees(g.rate, abs(computed), tolerance):
            return None
        expected = rounded(computed, g.rate.decimals)
        return emit(
            Text("增减幅度", "rate"),
            _change_text(expected, "%", "%"),
            _change_text(sign * g.rate.value, "%", "%") if sign else _WORD[0],
            expected,
            sign * g.rate.value,
        )
    return None


def _direction_finding(
    emit: _Emitter, g: Growth, sign: int, change: Decimal, previous: Decimal
) -> Finding:
    """What the figures make of the statement beside what it says, verbs included."""
    unit = g.current.unit
    rate_sign = _SIGN[g.rate_direction] if g.rate_direction else sign
    said: list[Text] = []
    if g.change is not None:
        said.append(_change_text(sign * g.change.value, unit))
    elif g.rate is None:
        said.append(_WORD[sign])
    made = [_change_text(change, unit)]
    expected: Decimal = change
    actual: Decimal | None = sign * g.change.value if g.change is not None else None
    if g.rate is not None:
        said.append(_change_text(rate_sign * g.rate.value, "%", "%"))
        if previous > 0:
            expected = rounded(change * HUNDRED / previous, g.rate.decimals)
            made.append(_change_text(expected, "%", "%"))
        actual = rate_sign * g.rate.value
    return emit(Text("增减方向", "direction"), _joined(made), _joined(said), expected, actual)


def _joined(texts: list[Text]) -> Text:
    return Text("，".join(t.zh for t in texts), ", ".join(t.en for t in texts))


class _Emitter:
    """Builds a growth finding with every figure of the statement and where it stands."""

    def __init__(
        self, ctx: Context, prose: Prose, where: BlockProse, g: Growth, previous: Decimal
    ) -> None:
        self.ctx, self.prose, self.where, self.g, self.previous = ctx, prose, where, g, previous

    def __call__(
        self,
        measure: Text,
        computed: Text,
        stated: Text,
        expected: Decimal,
        actual: Decimal | None,
    ) -> Finding:
        g, prose, where = self.g, self.prose, self.where
        items = [Item(_text(g.label), g.current.value, prose.location(where, g.current.start))]
        if g.previous is not None:
            items.append(
                Item(
                    Text("上年", "last year"),
                    self.previous,
                    prose.location(where, g.previous.start),
                )
            )
        if g.change is not None:
            items.append(
                Item(
                    Text("增减数", "change"), g.change.value, prose.location(where, g.change.start)
                )
            )
        shown = format_number(self.previous)
        previous: object = self.previous
        if g.previous is None:
            previous = Text(f"{shown}（由增减数推算）", f"{shown} (derived from the change)")
        return self.ctx.finding(
            prose.location(where, g.current.start),
            expected=expected,
            actual=actual,
            items=items,
            snippet=where.sentence(g.start, g.end),
            label=_text(g.label),
            current=g.current.value,
            previous=previous,
            unit=g.current.unit,
            measure=measure,
            computed=computed,
            stated=stated,
        )


# -- the same figure stated twice


def check_same_figure(ctx: Context, spec: ProseSpec) -> Iterator[Finding]:
    prose = _prose(ctx, spec)
    vocab = spec.vocabulary
    groups: dict[tuple[str, int], list[tuple[BlockProse, Statement]]] = {}
    for where, s in prose.statements():
        group = vocab.unit_group.get(s.quantity.unit)
        if group is not None:
            groups.setdefault((s.key, group), []).append((where, s))
    for found in groups.values():
        values = {s.quantity.value for _, s in found}
        if len(values) != 2 or _listed_side_by_side(found):
            continue  # one value, or an enumeration over bodies or periods
        first_where, first = found[0]
        other_where, other = next(
            (w, s) for w, s in found if s.quantity.value != first.quantity.value
        )
        yield ctx.finding(
            prose.location(other_where, other.quantity.start),
            expected=first.quantity.value,
            actual=other.quantity.value,
            items=[
                Item(
                    _text(first.label),
                    first.quantity.value,
                    prose.location(first_where, first.quantity.start),
                ),
                Item(
                    _text(other.label),
                    other.quantity.value,
                    prose.location(other_where, other.quantity.start),
                ),
            ],
            snippet=other_where.sentence(other.quantity.start, other.quantity.end),
            label=_text(other.label),
            unit=other.quantity.unit,
            other_paragraph=first_where.block.index,
        )


def _listed_side_by_side(found: list[tuple[BlockProse, Statement]]) -> bool:
    """Different values under one name in one paragraph: a list over bodies or periods."""
    per_block: dict[int, set[Decimal]] = {}
    for where, s in found:
        per_block.setdefault(where.block.index, set()).add(s.quantity.value)
    return any(len(v) > 1 for v in per_block.values())


BREAKDOWN = Kind("breakdown", parse, check_breakdown)
SHARE = Kind("share", parse, check_share)
GROWTH = Kind("growth", parse, check_growth)
SAME_FIGURE = Kind("same-figure", parse, check_same_figure)
