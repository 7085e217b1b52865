"""A sum of facts against another fact: ==, >=, <=, > or <.

Exact for counts (``Decimal``); every contributing figure is listed with where
it stands, so the draft can be fixed from the message alone.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.facts import Fact
from checker.findings import Finding, Item
from checker.i18n import Text
from checker.rulepacks.params import Params

OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a fact, or the sum of several."""

    names: tuple[str, ...]
    min_present: int  # how many of them must be stated to judge
    required: tuple[str, ...] = ()  # parts without which the list is not complete

    @classmethod
    def of(cls, spec: Any) -> Side:
        if isinstance(spec, str):
            return cls((spec,), 1)
        names = tuple(spec["sum"])
        return cls(
            names, int(spec.get("min_present", len(names))), tuple(spec.get("required") or ())
        )


@dataclass(frozen=True)
class CompareSpec:
    left: Side
    right: Side
    op: str
    or_right: tuple[Side, ...]
    when_stated: bool  # the text may not state the left side: then nothing to compare


def parse(params: Params) -> CompareSpec:
    return CompareSpec(
        left=Side.of(params["left"]),
        right=Side.of(params["right"]),
        op=str(params["op"]),
        or_right=tuple(Side.of(s) for s in params.get("or_right") or ()),
        when_stated=bool(params.get("when_stated", False)),
    )


def facts(spec: CompareSpec) -> Iterable[str]:
    for side in (spec.left, spec.right, *spec.or_right):
        yield from side.names
        yield from side.required


def _side(ctx: Context, side: Side) -> tuple[list[Fact], list[str], int]:
    names = side.names
    need = side.min_present
    present = [f for n in names if (f := ctx.facts.get(n)) is not None]
    missing = [n for n in names if ctx.facts.get(n) is None]
    if any(ctx.facts.get(n) is None for n in side.required):
        need = len(names) + 1  # a part that makes the list complete is not stated: cannot judge
    return present, missing, need


def _labels(ctx: Context, facts: list[Fact]) -> Text:
    return Text(
        "＋".join(ctx.facts.label(f.name).zh for f in facts),
        " + ".join(ctx.facts.label(f.name).en for f in facts),
    )


def check(ctx: Context, spec: CompareSpec) -> Iterator[Finding]:
    left, left_missing, left_need = _side(ctx, spec.left)
    if not left and spec.when_stated:
        return  # the text does not state this figure: nothing to compare, nothing skipped
    right, right_missing, right_need = _side(ctx, spec.right)
    if len(left) < left_need or len(right) < right_need or not left or not right:
        ctx.skip("facts not found: " + ", ".join(left_missing + right_missing))
        return
    actual = sum((f.value for f in left), Decimal(0))
    expected = sum((f.value for f in right), Decimal(0))
    op = OPS[spec.op]
    if op(actual, expected):
        return
    for alternative in spec.or_right:
        # another reading the text may legitimately use (new + carried-over requests)
        others, _, need = _side(ctx, alternative)
        total = sum((f.value for f in others), Decimal(0))
        if len(others) >= need and op(actual, total):
            return
    items = [Item(ctx.facts.label(f.name), f.value, f.location) for f in left + right]
    labels = Text(
        "，".join(f"{ctx.facts.label(f.name).zh}{f.value}" for f in left),
        ", ".join(f"{ctx.facts.label(f.name).en} {f.value}" for f in left),
    )
    yield ctx.finding(
        right[0].location,
        left_label=_labels(ctx, left),
        right_label=_labels(ctx, right),
        expected=expected,
        actual=actual,
        items=items,
        difference=abs(expected - actual),
        items_text=labels,
        snippet=right[0].text,
    )


COMPARE = Kind("compare", parse, check, facts)
