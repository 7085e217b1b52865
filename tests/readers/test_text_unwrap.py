"""Text wrapped into lines of the page's width (copied out of a PDF viewer) reads as paragraphs.

Every printed line used to be a paragraph of its own: the preamble's list of
parts was cut (S331), a channel's figure stood apart from its name (A101), a
section's text from its heading.  The lines of one width are joined back; the
forms whose lines are paragraphs are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.readers.unwrap import page_width, unwrap, width

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
TEXTS = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _wrap(line: str, columns: int, indent: str) -> list[str]:
    """``line`` printed at ``columns``, its first line indented, a closing mark never
    opening a line and a figure never broken (as a typesetter keeps them)."""
    out: list[str] = []
    current = indent
    for char in line:
        kept = char in "，。、；：）》”" or (char.isdigit() and current[-1:].isdigit())
        if width(current + char) > columns and not kept:
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return out


def _wrapped(text: str, columns: int = 68, indent: str = "") -> str:
    lines = []
    for line in text.split("\n"):
        if "\t" in line or width(line) <= columns:
            lines.append(line)
        else:
            lines.extend(_wrap(line, columns, indent))
    return "\n".join(lines)


def _check(text: str, name: str) -> list[str]:
    document = read_bytes(text.encode("utf-8"), name)
    return [f.rule for f in engine_for(Options()).check_document(document).findings]


@pytest.mark.parametrize("name", TEXTS)
def test_lines_that_are_paragraphs_are_left_alone(name: str) -> None:
    lines = (SAMPLES / name).read_text(encoding="utf-8", errors="replace").split("\n")
    assert page_width(lines) is None
    assert unwrap(lines) is lines


@pytest.mark.parametrize(
    "name",
    [
        "edition2021-2023-clean.tabs.txt",
        "edition2019-2020-clean.tabs.txt",
        "legacy-2018-clean.tabs.txt",
    ],
)
@pytest.mark.parametrize("columns, indent", [(68, ""), (60, "\u3000\u3000"), (80, "    ")])
def test_a_clean_report_wrapped_at_the_page_width_has_no_finding(
    name: str, columns: int, indent: str
) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    wrapped = _wrapped(text, columns, indent)
    assert wrapped.count("\n") > text.count("\n") + 20
    assert _check(text, name) == []
    assert _check(wrapped, name) == []
    paragraphs = [b.text for b in read_bytes(text.encode("utf-8"), name).blocks]
    again = [b.text for b in read_bytes(wrapped.encode("utf-8"), name).blocks]
    # a line that ends a sentence at the margin ends the paragraph there: the rest
    # may stand apart, but nothing is lost, added or put out of order
    assert "".join(p.lstrip("\u3000 ") for p in again) == "".join(paragraphs)
    assert len(paragraphs) <= len(again) <= len(paragraphs) + 10


def test_a_wrapped_line_before_a_heading_does_not_swallow_it() -> None:
    prose = "本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开" * 3
    lines = [*_wrap(prose, 68, ""), "二、主动公开政府信息情况"]
    lines = lines * 4
    joined = [line for line in unwrap(lines) if line]
    assert joined.count("二、主动公开政府信息情况") == 4
    assert len(joined) == 8


def test_rows_of_figures_are_not_joined() -> None:
    rows = ["本年新收政府信息公开申请数量 62 12 0 0 3 0 77"] * 3
    prose = _wrap(
        "全年共收到政府信息公开申请七十七件，均在法定期限内答复，未发生逾期答复的情形" * 6, 68, ""
    )
    lines = prose + rows + prose
    assert page_width(lines) == 68
    assert [line for line in unwrap(lines) if line][1:4] == rows
