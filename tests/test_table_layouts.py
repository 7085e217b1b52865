"""Tables of correct reports laid out as real reports lay them out.

Each layout is a clean sample with one table laid out another way (a page
built from the sample and a ``*.table.html`` holding that table, or a .docx);
every one had given an error (T201, T203: a row or column not found):
- (六)其他处理 on a line of its own, blank (the other groups' lines were known);
- a one-line header naming each column after its group (法人或其他组织—商业企业);
- an item's number in a cell of its own (（三）不予公开 | 1 | 属于国家秘密), or a 序号 column;
- the results total called （七）合计; Table 2's 收费金额（万元）, 本年新制发件数;
- Table 4 turned round: its results as rows under the three groups, or the
  groups as rows under the results (T202).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

DATA = Path(__file__).resolve().parent / "data" / "table_layouts"
SAMPLES = DATA.parent.parent.parent / "samples"
_TABLE = {"t2": 0, "t3": 1, "t4": 2}  # which of the sample's tables a layout replaces


def _page(name: str, replace: int | None = None, table: str | None = None) -> str:
    """The sample page of the layout's edition with one of its tables replaced:
    by the layout's own (``name``: edition2021-t3-….html), or by ``table``."""
    edition = "edition2019-2020" if name.startswith("edition2019") else "edition2021-2023"
    page = (SAMPLES / f"{edition}-clean.html").read_text(encoding="utf-8")
    if table is None:
        table = (DATA / name.replace(".html", ".table.html")).read_text(encoding="utf-8")
    if replace is None:
        replace = _TABLE[name.split("-")[1]]
    found = list(re.finditer(r"<table.*?</table>", page, flags=re.S))[replace]
    return page[: found.start()] + table.strip() + page[found.end() :]


def _rules(data: bytes, name: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(data, name))
    return sorted(f.rule for f in result.findings)


LAYOUTS = sorted(
    [p.name.replace(".table.html", ".html") for p in DATA.glob("*.table.html")]
    + [p.name for p in DATA.glob("*.docx")]
)


@pytest.mark.parametrize("name", LAYOUTS)
def test_a_correct_table_in_another_layout_gives_no_finding(name: str) -> None:
    data = (DATA / name).read_bytes() if name.endswith(".docx") else _page(name).encode("utf-8")
    assert _rules(data, name) == []


@pytest.mark.parametrize(
    "name", ["edition2021-t3-xuhao-column.html", "edition2021-t3-item-numbers-own-column.html"]
)
def test_a_wrong_figure_in_those_layouts_is_still_found(name: str) -> None:
    page = _page(name)
    # the first row of new requests: 自然人 62 of a total of 77
    assert page.count("<td>62</td>") == 1
    rules = _rules(page.replace("<td>62</td>", "<td>63</td>").encode("utf-8"), name)
    assert "T300" in rules or "T301" in rules


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("edition2021-t4-groups-as-rows.html", "<tr><td>行政复议</td><td>2</td>"),
        ("edition2021-t4-results-as-rows.html", "<tr><td>结果维持</td><td>2</td>"),
    ],
)
def test_a_wrong_figure_in_table_four_turned_round_is_found(name: str, row: str) -> None:
    page = _page(name)
    assert page.count(row) == 1
    # reconsideration upheld 2 -> 3: its group no longer adds up to its total of 4
    wrong = page.replace(row, row.replace("<td>2</td>", "<td>3</td>"))
    assert "T304" in _rules(wrong.encode("utf-8"), name)


_RESULTS = "".join(
    f"<td>{x}</td>" for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
)
# Table 4 set as two blocks in one table, 行政复议 above 行政诉讼, as a page too
# narrow for fifteen columns sets it (and as Word makes of two tables with no
# paragraph between them)
_STACKED = (
    "<table><tbody>"
    f'<tr><td colspan="10">行政复议</td></tr><tr>{_RESULTS.replace("<td>", "<td colspan=2>")}</tr>'
    '<tr><td colspan="2">{rv}</td><td colspan="2">1</td><td colspan="2">0</td>'
    '<td colspan="2">1</td><td colspan="2">4</td></tr>'
    '<tr><td colspan="10">行政诉讼</td></tr>'
    '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
    f"<tr>{_RESULTS}{_RESULTS}</tr>"
    "<tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>"
    "<td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"
    "</tbody></table>"
)


def _stacked(upheld: int) -> bytes:
    page = _page("edition2021-t4-stacked.html", 2, _STACKED.replace("{rv}", str(upheld)))
    return page.encode("utf-8")


def test_table_four_stacked_in_two_blocks_is_read() -> None:
    assert _rules(_stacked(2), "stacked.html") == []


def test_a_wrong_figure_in_table_four_stacked_is_found() -> None:
    assert "T304" in _rules(_stacked(3), "stacked.html")
