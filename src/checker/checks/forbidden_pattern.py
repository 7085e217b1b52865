"""Text that must not be in a published report: template residue, a cut title.

Most text holds none of it, so each text is first searched once with all of
the rule's patterns as one alternation; only a text where that finds
something is searched pattern by pattern (which decides what is reported),
and only then is its location built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import regex

from checker.checks.base import Context, Kind
from checker.extract.report import finditer, search
from checker.findings import Finding
from checker.numbers import to_halfwidth
from checker.rulepacks.params import Params

# references between groups (by number, by name, recursion) cannot survive the joining
_REFERENCE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?&|\(\?R|\(\?[+-]?\d")


@dataclass(frozen=True)
class ForbiddenSpec:
    patterns: tuple[Any, ...]
    head_blocks: int | None  # only the first text blocks (scope: head); None: everywhere
    any: Any  # all patterns as one alternation, to rule a text out in one search; None: none


def alternation(patterns: tuple[Any, ...]) -> Any:
    """One pattern matching where any of ``patterns`` matches (None when they cannot be
    joined: a reference would point at another pattern's group)."""
    if not patterns or any(_REFERENCE.search(p.pattern) for p in patterns):
        return None
    sources = [regex.sub(r"(?<!\\)\(\?P?<([A-Za-z_]\w*)>", "(?:", p.pattern) for p in patterns]
    try:
        return regex.compile("|".join(f"(?:{s})" for s in sources), patterns[0].flags)
    except regex.error:
        return None


def parse(params: Params) -> ForbiddenSpec:
    head = int(params.get("head_blocks", 8)) if params.get("scope") == "head" else None
    patterns = params.patterns("patterns")
    same_flags = len({p.flags for p in patterns}) <= 1
    return ForbiddenSpec(patterns, head, alternation(patterns) if same_flags else None)


def check(ctx: Context, spec: ForbiddenSpec) -> Iterator[Finding]:
    report = ctx.report
    blocks = report.blocks
    if spec.head_blocks is not None:
        blocks = report.text_blocks()[: spec.head_blocks]
    for block in blocks:
        if block.table is None:
            text = report.norm[block.index]
            if spec.any is None or search(spec.any, text):
                base = report.location(block)
                for m in _matches(spec, text):
                    at = replace(base, offset=m.start())
                    yield ctx.finding(at, match=m.group(0), snippet=text[:200])
            continue
        for row in block.table.rows:
            for cell in row:
                if not (cell.text and cell.is_anchor):
                    continue
                text = to_halfwidth(cell.text)
                if spec.any is not None and not search(spec.any, text):
                    continue
                at = replace(
                    report.location(block),
                    table=block.table.index,
                    row=cell.row + 1,
                    column=cell.column + 1,
                )
                for m in _matches(spec, text):
                    yield ctx.finding(at, match=m.group(0), snippet=text[:200])


def _matches(spec: ForbiddenSpec, text: str) -> Iterator[Any]:
    """Each pattern's matches in order; one placeholder matched by two patterns is one."""
    seen: list[str] = []
    for pattern in spec.patterns:
        for m in finditer(pattern, text):
            found = m.group(0)
            if any(found in s or s in found for s in seen):
                continue
            seen.append(found)
            yield m


FORBIDDEN_PATTERN = Kind("forbidden-pattern", parse, check)
