"""A header cell broken inside itself, in a table copied one cell per line.

A page's header cell often holds a line break (本年新<br>制作数量) or a space
before a remark (现行有效件数 (历史累计)); copied one cell per line, the cell
comes out as two lines or two words. Taken as two cells, the header no longer
named the table's columns, and Table 2 was reported without them (T203) — or,
where the header then had more words than the row has figures, without its
rows too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

CASES = {
    "2019, broken over two lines": (
        "edition2019-2020-clean.cells.txt",
        "本年新制作数量",
        "本年新\n制作数量",
    ),
    "2019, a blank line between": (
        "edition2019-2020-clean.cells.txt",
        "本年新制作数量",
        "本年新\n\n制作数量",
    ),
    "2019, a space inside": (
        "edition2019-2020-clean.cells.txt",
        "本年新公开数量",
        "本年新 公开数量",
    ),
    "2021, a remark after a space": (
        "edition2021-2023-clean.cells.txt",
        "现行有效件数",
        "现行有效件数 (历史累计)",
    ),
    "2021, a remark on its own line": (
        "edition2021-2023-clean.cells.txt",
        "现行有效件数",
        "现行有效件数\n（历史累计）",
    ),
    "2021, the unit after a space": (
        "edition2021-2023-clean.cells.txt",
        "本年收费金额（单位：万元）",
        "本年收费金额 （单位：万元）",
    ),
}


def rules(text: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(text.encode("utf-8"), "copied.txt"))
    return sorted(f.rule for f in result.findings)


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_header_cell_still_names_its_column(case: str) -> None:
    name, cell, broken = CASES[case]
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert f"\n{cell}\n" in text
    changed = text.replace(f"\n{cell}\n", f"\n{broken}\n", 1)
    assert rules(changed) == rules(text) == []


def test_a_column_really_missing_is_still_reported() -> None:
    text = (SAMPLES / "edition2021-2023-clean.cells.txt").read_text(encoding="utf-8")
    # the header and the figures of one column gone: the row has two figures
    lines = text.split("\n")
    at = lines.index("现行有效件数")
    del lines[at]
    rows = [i for i, line in enumerate(lines) if line in {"规章", "行政规范性文件"}]
    for i in reversed(rows):
        del lines[i + 3]
    assert "T203" in rules("\n".join(lines))


def test_table4_with_every_column_label_spaced() -> None:
    """结果 维持, 总　计: a spaced cell copied one cell per line gives two words each."""
    text = (SAMPLES / "edition2021-2023-clean.cells.txt").read_text(encoding="utf-8")
    spaced = text
    for label, words in [
        ("结果维持", "结果 维持"),
        ("结果纠正", "结果 纠正"),
        ("其他结果", "其他 结果"),
        ("尚未审结", "尚未 审结"),
        ("总计", "总　计"),
    ]:
        spaced = spaced.replace(f"\n{label}\n", f"\n{words}\n")
    assert spaced.count("结果 维持") == 3
    assert rules(spaced) == rules(text) == []
