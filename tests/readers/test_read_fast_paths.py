"""The readers' cheaper paths give what the plain per-line and per-element readings gave."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from lxml import etree

from checker.errors import ReadError
from checker.readers.blocks import BlockSink
from checker.readers.html import _hidden
from checker.readers.limits import ReadLimits
from checker.readers.numbering import Numbering
from checker.readers.styles import Styles
from checker.readers.text import _MIN_TABLE_ROWS, is_blank, line_kind, runs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _runs_line_by_line(lines: list[str]) -> Iterator[tuple[str, int, int]]:
    """Every line classified in turn, as the reader did before."""
    i, n = 0, len(lines)
    while i < n:
        kind = line_kind(lines[i])
        j = i + 1
        if kind != "text":
            while j < n and line_kind(lines[j]) == kind:
                j += 1
            if j - i < _MIN_TABLE_ROWS:
                kind = "text"
        yield kind, i, j
        i = j


def _per_line(runs_found: Iterator[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Runs with text split into single lines, the grain the reader handles text at."""
    out: list[tuple[str, int, int]] = []
    for kind, start, end in runs_found:
        if kind == "text":
            out.extend(("text", i, i + 1) for i in range(start, end))
        else:
            out.append((kind, start, end))
    return out


_LINES = [
    "正文一段",
    "| a | b |",
    "a\tb\tc",
    "\t缩进\t",
    "x | y",
    "一、总体情况\t\t",
    "",
    "|---|---|",
]


@pytest.mark.parametrize("seed", range(40))
def test_table_runs_match_the_line_by_line_reading(seed: int) -> None:
    rng = random.Random(seed)
    lines = [rng.choice(_LINES) for _ in range(rng.randint(0, 30))]
    assert _per_line(runs(lines)) == _per_line(_runs_line_by_line(lines))


def test_paragraph_lines_equal_one_paragraph_per_line() -> None:
    limits = ReadLimits(max_line_chars=10)
    lines = ["  第一段  ", "", "   ", "一二三四五六七八九十。一二三四五", "\u3000尾\u3000"]
    fast, slow = BlockSink("x", limits), BlockSink("x", limits)
    fast.paragraph_lines(lines, 0, len(lines))
    for i, line in enumerate(lines):
        slow.paragraph(line.strip(), line=i + 1)
    assert fast.blocks == slow.blocks and fast.n_chars == slow.n_chars


def test_paragraph_lines_keep_the_text_limit() -> None:
    sink = BlockSink("x", ReadLimits(max_text_chars=5))
    with pytest.raises(ReadError, match="more than 5 characters"):
        sink.paragraph_lines(["abc", "def"], 0, 2)


@pytest.mark.parametrize(
    ("lines", "blank"),
    [([], True), ([""], True), (["  ", "\u3000\t"], True), (["", "x"], False), (["\x1c"], True)],
)
def test_blank_lines(lines: list[str], blank: bool) -> None:
    assert is_blank(lines) is blank
    assert blank is not any(line.strip() for line in lines)


@pytest.mark.parametrize(
    ("markup", "hidden"),
    [
        ("<p>x</p>", False),
        ("<p hidden>x</p>", True),
        ('<p class="a" style="color: red">x</p>', False),
        ('<p style="DISPLAY : NONE">x</p>', True),
        ('<p style="display:block" title="hidden">x</p>', False),
        ('<p style="Display: None">x</p>', True),
    ],
)
def test_hidden_elements(markup: str, hidden: bool) -> None:
    body = etree.fromstring(f"<html><body>{markup}</body></html>", etree.HTMLParser())
    assert _hidden(body[0][0]) is hidden


def _numbering(xml: str) -> Numbering:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W}">{xml}</w:numbering>'.encode())
    w = "{" + W + "}"
    return Numbering(root, Styles(None, w), w)


def test_a_list_definition_is_read_when_used_and_the_last_one_counts() -> None:
    numbering = _numbering(
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="5"/>'
        '<w:numFmt w:val="lowerLetter"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:lvlText w:val="%1)"/>'
        "</w:lvl></w:abstractNum>"
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>'
    )
    assert numbering.abstract == {}  # nothing read before a paragraph asks
    assert numbering.label("7", 0) == ("五、", "nothing")
    assert numbering.label("7", 0) == ("六、", "nothing")
    assert list(numbering.abstract) == ["1"]  # list 2 was never used, never read


def test_a_run_read_in_order_around_its_properties() -> None:
    """Texts before a hiding ``w:rPr`` stay and the rest of that run goes; a run
    whose first child is not text or properties is read in order from there."""
    from ooxml import package_bytes

    from checker.readers import read_bytes

    body = (
        "<w:p>"
        "<w:r><w:t>甲</w:t><w:rPr><w:vanish/></w:rPr><w:t>藏</w:t></w:r>"
        '<w:r><w:t>乙</w:t><w:rPr><w:vanish w:val="off"/><w:vanish/></w:rPr><w:t>丙</w:t></w:r>'
        "<w:r><w:t>丁</w:t><w:lastRenderedPageBreak/><w:tab/><w:t>戊</w:t>"
        "<w:rPr><w:vanish/></w:rPr><w:t>藏</w:t></w:r>"
        "<w:r><w:rPr/><w:br/><w:t>己</w:t></w:r>"
        "</w:p>"
    )
    doc = read_bytes(package_bytes(body), "r.docx")
    assert [b.text for b in doc.blocks] == ["甲乙丙丁\t戊\n己"]
