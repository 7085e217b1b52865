"""Small pieces of the readers: number formats, charset labels, sniffing, span bounds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.readers.blocks import grid_cells_bound, split_long
from checker.readers.encoding import declared_charset, normalise_charset, plausibility
from checker.readers.numfmt import chinese, format_number
from checker.readers.sniff import is_blank, looks_like_html


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (100, "一百"),
        (101, "一百零一"), (110, "一百一十"), (1001, "一千零一"), (10000, "一万"),
        (10010, "一万零一十"), (0, "〇"),
    ],
)  # fmt: skip
def test_chinese_counting(n: int, text: str) -> None:
    assert chinese(n) == text
    assert format_number(n, "chineseCounting") == text


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (10, "chineseLegalSimplified", "壹拾"),
        (23, "chineseLegalSimplified", "贰拾叁"),
        (11, "ideographTraditional", "甲"),
        (1, "decimalEnclosedCircle", "①"),
        (21, "decimalEnclosedCircle", "㉑"),
        (51, "decimalEnclosedCircle", "51"),
        (3, "decimalEnclosedParen", "⑶"),
        (27, "lowerLetter", "aa"),
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (5, "bullet", ""),
        (5, "none", ""),
        (5, "somethingNew", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("x-gbk", "gb18030"),
        ("big5", "big5hkscs"),
        ("ISO-8859-1", "cp1252"),
        ("UTF-8", "utf-8"),
        ("utf-16", None),
        ("no-such-charset", None),
    ],
)
def test_charset_labels(label: str, codec: str | None) -> None:
    assert normalise_charset(label) == codec


def test_declared_charset_forms() -> None:
    assert declared_charset(b'<meta charset="gb2312">') == "gb2312"
    assert declared_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GBK'>")
    assert declared_charset(b'<?xml version="1.0" encoding="gbk"?><html>') == "gbk"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


def test_plausibility_separates_real_text_from_mojibake() -> None:
    from checker.readers.encoding import _big5_common, _gb_common

    text = "本机关主动公开政府信息，受理申请十二件。"
    assert plausibility(text, _gb_common()) > 0.9
    garbled = text.encode("gb18030").decode("big5", errors="replace")
    assert plausibility(garbled, _big5_common()) < 0.8


def test_blank_and_html_sniffing() -> None:
    assert is_blank(b"\xef\xbb\xbf \r\n\x00")
    assert not is_blank(b" x ")
    assert looks_like_html(b"\n<!-- saved -->\n<!DOCTYPE HTML PUBLIC>")
    assert looks_like_html("<html>".encode("utf-16"))
    assert looks_like_html(b"text then <p>para</p>")
    assert not looks_like_html(b"text then <p>para</p>", strong_only=True)
    assert not looks_like_html("一、总体情况 <主动公开>".encode())


def test_grid_bound_covers_rowspans() -> None:
    grid = [[("a", 3, 2), ("b", 1, 1)], [("c", 1, 1)], [("d", 1, 5)]]
    assert grid_cells_bound(grid) == 3 * 7


def test_split_long_prefers_sentence_ends() -> None:
    text = "甲乙丙。" * 10
    pieces = split_long(text, 10)
    assert "".join(pieces) == text
    assert all(len(p) <= 10 and p.endswith("。") for p in pieces)
    assert split_long("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def _plain_bound(grid: list[list[tuple[str, int, int]]]) -> int:
    """``grid_cells_bound`` as first written: one difference per cell and row span."""
    n = len(grid)
    delta = [0] * (n + 1)
    for r, row in enumerate(grid):
        for _text, rowspan, colspan in row:
            width = max(1, colspan)
            delta[r] += width
            delta[min(n, r + max(1, rowspan))] -= width
    widest = running = 0
    for r in range(n):
        running += delta[r]
        widest = max(widest, running)
    return n * widest


_SPANS = st.lists(
    st.lists(st.tuples(st.just(""), st.integers(-2, 6), st.integers(-2, 6)), max_size=6),
    max_size=8,
)


@given(_SPANS)
def test_grid_cells_bound_matches_plain_sum(grid: list[list[tuple[str, int, int]]]) -> None:
    assert grid_cells_bound(grid) == _plain_bound(grid)
