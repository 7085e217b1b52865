"""A ``<br>`` after a comma or an enumeration mark breaks a line, not a paragraph.

Portal editors wrap long sentences with ``<br>``: the preamble's list of parts
cut after 、 was read as two paragraphs (S331 counted the parts of one only), and
the rest of a sentence cut after ， could pass for a sub-heading.  A ``<br>``
after a heading or a sentence end still starts a new paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def _wrap(paragraph: re.Match[str]) -> str:
    return paragraph[0].replace("、", "、<br>\u3000\u3000").replace("，", "，<br>\n")


def _texts(html: str) -> list[str]:
    return [b.text for b in read_bytes(html.encode("utf-8"), "page.html").blocks]


@pytest.mark.parametrize("mark", ["，", "、", ",", "（"])
@pytest.mark.parametrize("gap", ["", "\n", "\u3000\u3000", "&nbsp;&nbsp;", " \n\u3000"])
def test_a_break_after_a_continuing_mark_joins_the_line(mark: str, gap: str) -> None:
    html = f"<html><body><p>本局坚持以公开为常态{mark}<br>{gap}不公开为例外。</p></body></html>"
    assert _texts(html) == [f"本局坚持以公开为常态{mark}不公开为例外。"]


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            "<p>一、总体情况<br>　　2023年，本局依法公开。</p>",
            ["一、总体情况", "2023年，本局依法公开。"],
        ),
        (
            "<p>本局依法公开。<br>　　下一步将加强培训。</p>",
            ["本局依法公开。", "下一步将加强培训。"],
        ),
        (
            "<p>（一）主动公开<br><br>全年主动公开信息300条。</p>",
            ["（一）主动公开", "全年主动公开信息300条。"],
        ),
        (
            "<p>本局坚持公开，<br></p><p>二、主动公开政府信息情况</p>",
            ["本局坚持公开，", "二、主动公开政府信息情况"],
        ),
    ],
)
def test_a_break_elsewhere_starts_a_paragraph(html: str, expected: list[str]) -> None:
    assert _texts(f"<html><body>{html}</body></html>") == expected


@pytest.mark.parametrize("name", ["edition2021-2023-clean.html", "edition2019-2020-clean.html"])
def test_a_clean_page_wrapped_by_its_editor_reads_the_same(name: str) -> None:
    page = (SAMPLES / name).read_text(encoding="utf-8")
    wrapped = re.sub(r"<p[^>]*>(?!一|二|三|四|五|六|七|八|（)[^<]*</p>", _wrap, page)
    assert wrapped != page
    original = read_bytes(page.encode("utf-8"), name)
    again = read_bytes(wrapped.encode("utf-8"), name)
    assert [b.text for b in again.blocks if b.kind != "table"] == [
        b.text for b in original.blocks if b.kind != "table"
    ]
    result = engine_for(Options()).check_document(again)
    assert [f.rule for f in result.findings] == []
