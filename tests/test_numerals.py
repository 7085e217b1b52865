"""Chinese numerals live in numbers.py alone: one digit set, one formatter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import (
    chinese_digits,
    chinese_numeral,
    parse_chinese_numeral,
    to_halfwidth,
    to_halfwidth_all,
)
from cli_support import ROOT

_RUN = re.compile("[零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖]{4,}")


def test_no_module_but_numbers_spells_the_digits() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "checker").rglob("*.py")):
        if path.name == "numbers.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if _RUN.search(code) and not _looks_like_words(code):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert not offenders


def _looks_like_words(code: str) -> bool:
    """A docstring or message quoting a numeral (二〇二三年) is not a digit set."""
    return "年" in code or "“" in code or '"""' in code


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (101, "一百零一"), (10005, "一万零五")],
)
def test_one_formatter_round_trips(n: int, text: str) -> None:
    assert chinese_numeral(n) == text
    assert parse_chinese_numeral(text) == n


def test_legal_and_digit_forms() -> None:
    assert chinese_numeral(11, legal=True) == "壹拾壹"
    assert chinese_digits(2023) == "二零二三"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF70), max_size=40))
def test_full_width_folding_is_the_one_to_one_map(text: str) -> None:
    expected = text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})
    assert to_halfwidth(text) == expected
    assert to_halfwidth_all([text, "", text[::-1]]) == [expected, "", to_halfwidth(text[::-1])]
