"""The heading-number walk keeps the same runs however many restarts are open.

The walk once looked through every open run for each heading, so a document
whose lists restart at 一 again and again cost the square of its headings.
These tests hold the walk to a plain statement of its rule, on any sequence of
numbers and on thousands of open restarts (the benchmark measures the time).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.checks.numbering import _walk
from checker.extract.outline import Heading
from checker.model import Block, BlockKind


def _headings(numbers: list[int | None]) -> list[Heading]:
    out = []
    for i, n in enumerate(numbers):
        block = Block(BlockKind.HEADING, f"h{i}", i + 1)
        style = "cn" if n is not None else "missing"
        out.append(Heading(block, 1, n, "", f"h{i}", style))
    return out


def _ctx() -> Any:
    report = SimpleNamespace(location=lambda block: block.index)
    return SimpleNamespace(report=report, finding=lambda where, **_: where)


def _reference(numbers: list[int | None], which: str) -> list[int]:
    """Where the walk reports, by its rule read literally: every open run is looked at."""
    runs, found = [0], []
    for i, n in enumerate(numbers, start=1):
        if n is None:
            if which == "missing-number":
                found.append(i)
            continue
        if n == runs[-1] + 1:
            runs[-1] = n
        elif n == 1 and runs[-1] >= 1:
            runs.append(1)
        elif any(n == r + 1 for r in runs[:-1]):
            while runs[-1] + 1 != n:
                runs.pop()
            runs[-1] = n
        elif n > runs[-1] + 1:
            if which == "gap":
                found.append(i)
            runs[-1] = n
        elif which == "duplicate":
            found.append(i)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 7)), max_size=40))
def test_the_walk_follows_its_rule(numbers: list[int | None]) -> None:
    headings = _headings(numbers)
    for which in ("gap", "duplicate", "missing-number"):
        assert list(_walk(_ctx(), headings, which)) == _reference(numbers, which), which


def test_thousands_of_open_restarts() -> None:
    # 一 二 三 restarted 3,000 times, then 五: it continues no run (a gap after the
    # innermost 三); then 四, 五 and 七 continue the outermost run, 七 after a gap
    numbers: list[int | None] = [1, 2, 3] * 3000 + [5, 4, 5, 7]
    headings = _headings(numbers)
    gaps = list(_walk(_ctx(), headings, "gap"))
    assert gaps == _reference(numbers, "gap") == [9001, 9004]
    assert list(_walk(_ctx(), headings, "duplicate")) == _reference(numbers, "duplicate")


def test_many_restarts_then_numbers_continuing_none() -> None:
    # the shape that cost the square: every 一 opens a run, and every 三 after them
    # continues none of them (each was looked through, for each 三)
    numbers: list[int | None] = [1] * 1500 + [3] * 1500
    headings = _headings(numbers)
    for which in ("gap", "duplicate"):
        assert list(_walk(_ctx(), headings, which)) == _reference(numbers, which), which
    assert len(list(_walk(_ctx(), headings, "duplicate"))) == 1499  # every 三 after the first
