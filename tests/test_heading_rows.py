"""A part's heading set as the first row of the part's table is its heading.

Where a part holds nothing but its table, some reports put the part's
heading (三、收到和处理政府信息公开申请情况) in the table's first row, merged
across the table.  The parts were reported missing (S302–S304) and the
numbering broken (N102) on a correct report.  Such a row is a heading only
where it continues the numbering; it stays in the table too.
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PARTS = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
)


def _in_rows(page: str, headings: dict[str, str]) -> str:
    """``page`` with each heading's ``<h2>`` moved into its table's first row."""
    for heading, row_text in headings.items():
        tag = f"<h2>{heading}</h2>"
        start = page.index(tag)
        table = page.index("<table", start)
        opened = page.index(">", table) + 1
        row = f'<tr><td colspan="20"><strong>{row_text}</strong></td></tr>'
        page = page[:start] + page[start + len(tag) : opened] + row + page[opened:]
    return page


def _rules(page: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(page.encode("utf-8"), "r.html"))
    return sorted(f.rule for f in result.findings)


def test_headings_in_the_tables_first_rows_are_the_parts_headings() -> None:
    page = (SAMPLES / "edition2021-2023-clean.html").read_text(encoding="utf-8")
    assert _rules(_in_rows(page, {h: h for h in PARTS})) == []


def test_the_defective_sample_keeps_its_findings() -> None:
    page = (SAMPLES / "edition2021-2023-defective.html").read_text(encoding="utf-8")
    present = [h for h in PARTS if f"<h2>{h}</h2>" in page]
    assert present
    assert _rules(_in_rows(page, {h: h for h in present})) == _rules(page)


def test_a_row_out_of_sequence_is_not_a_heading() -> None:
    page = (SAMPLES / "edition2021-2023-clean.html").read_text(encoding="utf-8")
    # the third part's heading, numbered 五 in its table: not the next number
    wrong = {PARTS[1]: re.sub("^三", "五", PARTS[1])}
    rules = _rules(_in_rows(page, wrong))
    assert "S303" in rules
