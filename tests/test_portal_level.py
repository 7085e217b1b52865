"""A government's report on a portal page is a government's, whatever the page puts around it.

Two correct reports of 盐城市大丰区 (a district government, due by 31 March),
published on 23 March, were judged a department's and late (D201):
- the page's metadata copied one field per line (索引号, 发布机构 … 名称) pushed
  the title below the lines a title is looked for in, and the 相关文章 list
  after the report named a bureau's report, which then set the level;
- an old layout-table page kept its menu and its list of earlier reports
  (往年年报, the government office's) above the report.
A title is now also looked for further down, as the page names itself, not as
an entry of a list of reports; and a page's trailing list is not the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_path

DATA = Path(__file__).resolve().parent / "data" / "portal"


@pytest.mark.parametrize("path", sorted(DATA.glob("government-*")), ids=lambda p: p.name)
def test_a_government_report_is_judged_by_the_governments_deadline(path: Path) -> None:
    engine = engine_for(Options())
    document = read_path(str(path))
    result = engine.check_document(document)
    assert [f.rule for f in result.findings] == []
    assert result.summary is not None
    assert result.summary.level == "government"
    assert result.summary.body_text == "盐城市大丰区"
    assert result.year == 2020
