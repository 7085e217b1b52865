"""Correct reports exported to PDF by an office suite, where a page break falls badly.

Each file is a correct report (its .docx gives no finding) whose export puts a
page break where the reader went wrong:
- a table going on at the top of the next page with fewer or more rulings there
  (cells merged on one page: 行政事业性收费's figure over three columns, the
  总计 rows' labels, a header split after its first rows) was not joined, and
  the rows on the new page were lost (T201, T203);
- a header row broken by the page (结果 / 维持) became two rows (T202);
- where every paragraph and heading is indented, the indent was taken for the
  margin, and a heading after a full line, or at the top of a page, ran into
  the paragraph before it (N102, and a whole section missing: S105).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_path

FILES = sorted((Path(__file__).resolve().parent / "data" / "pdf_breaks").glob("*.pdf"))


def test_the_files_are_there() -> None:
    assert len(FILES) == 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_correct_report_across_a_bad_page_break_has_no_finding(path: Path) -> None:
    result = engine_for(Options()).check_document(read_path(str(path)))
    assert [(f.rule, f.severity.value) for f in result.findings] == []
