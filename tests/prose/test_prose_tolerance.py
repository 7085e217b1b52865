"""Stated percentages against computed ones: rounding-aware, never float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.checks.prose_arithmetic import percent_agrees, rounded
from checker.extract.prose_numbers import Percent

TOLERANCE = {"decimals": 1, "truncation": True}
STRICT = {"decimals": 4, "truncation": False}


def pct(text: str) -> Percent:
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Percent(Decimal(text), decimals, 0, len(text), text + "%")


def share(part: int, total: int) -> Decimal:
    return Decimal(part) * 100 / Decimal(total)


@pytest.mark.parametrize(
    ("stated", "agrees"),
    [
        ("66.3", True),
        ("66.28", True),
        ("66.35", True),
        ("66", True),
        ("58.1", False),
        ("66.5", False),
        ("67", False),
    ],
)
def test_the_issue_example(stated: str, agrees: bool) -> None:
    assert percent_agrees(pct(stated), share(207, 312), TOLERANCE) is agrees


def test_truncation_is_accepted_only_when_asked() -> None:
    two_thirds = share(2, 3)  # 66.666…
    assert percent_agrees(pct("66.6"), two_thirds, TOLERANCE)
    assert not percent_agrees(pct("66.6"), two_thirds, STRICT)
    assert percent_agrees(pct("66.7"), two_thirds, STRICT)


@given(
    total=st.integers(min_value=1, max_value=100_000),
    data=st.data(),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_the_rounded_share_always_agrees(total: int, data: st.DataObject, decimals: int) -> None:
    part = data.draw(st.integers(min_value=0, max_value=total))
    exact = share(part, total)
    stated = rounded(exact, decimals)
    assert percent_agrees(Percent(stated, decimals, 0, 1, ""), exact, TOLERANCE)
    assert percent_agrees(Percent(stated, decimals, 0, 1, ""), exact, STRICT)


@given(
    total=st.integers(min_value=1, max_value=100_000),
    data=st.data(),
    decimals=st.integers(min_value=0, max_value=1),
    off=st.integers(min_value=2, max_value=500),
    sign=st.sampled_from([1, -1]),
)
def test_a_share_two_steps_off_never_agrees(
    total: int, data: st.DataObject, decimals: int, off: int, sign: int
) -> None:
    part = data.draw(st.integers(min_value=0, max_value=total))
    exact = share(part, total)
    stated = rounded(exact, decimals) + sign * off * Decimal(1).scaleb(-decimals)
    assert not percent_agrees(Percent(stated, decimals, 0, 1, ""), exact, TOLERANCE)
