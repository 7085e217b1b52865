"""A sum of facts against another fact: ==, >=, <=, > or <.

Exact for counts (``Decimal``); every contributing figure is listed with where
it stands, so the draft can be fixed from the message alone.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from checker.checks.base import Context
from checker.extract.facts import Fact
from checker.findings import Finding, Item
from checker.i18n import Text

OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def _side(ctx: Context, spec: Any) -> tuple[list[Fact], list[str], int]:
    names = [spec] if isinstance(spec, str) else list(spec["sum"])
    need = len(names) if isinstance(spec, str) else int(spec.get("min_present", len(names)))
    present = [f for n in names if (f := ctx.facts.get(n)) is not None]
    missing = [n for n in names if ctx.facts.get(n) is None]
    required = [] if isinstance(spec, str) else spec.get("required", [])
    if any(ctx.facts.get(n) is None for n in required):
        need = len(names) + 1  # a part that makes the list complete is not stated: cannot judge
    return present, missing, need


def _labels(ctx: Context, facts: list[Fact]) -> Text:
    return Text(
        "＋".join(ctx.facts.label(f.name).zh for f in facts),
        " + ".join(ctx.facts.label(f.name).en for f in facts),
    )


def check(ctx: Context) -> Iterator[Finding]:
    left, left_missing, left_need = _side(ctx, ctx.params["left"])
    if not left and ctx.params.get("when_stated"):
        return  # the text does not state this figure: nothing to compare, nothing skipped
    right, right_missing, right_need = _side(ctx, ctx.params["right"])
    if len(left) < left_need or len(right) < right_need or not left or not right:
        ctx.skip("facts not found: " + ", ".join(left_missing + right_missing))
        return
    actual = sum((f.value for f in left), Decimal(0))
    expected = sum((f.value for f in right), Decimal(0))
    if OPS[ctx.params["op"]](actual, expected):
        return
    for alternative in ctx.params.get("or_right", []):
        # another reading the text may legitimately use (new + carried-over requests)
        others, _, need = _side(ctx, alternative)
        total = sum((f.value for f in others), Decimal(0))
        if len(others) >= need and OPS[ctx.params["op"]](actual, total):
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
