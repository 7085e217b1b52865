"""Correct reports exported to PDF by an office suite, where a page break or the layout falls badly.

Each file is a correct report (its .docx gives no finding) whose export puts a
page break where the reader went wrong:
- a table going on at the top of the next page with fewer or more rulings there
  (cells merged on one page: 行政事业性收费's figure over three columns, the
  总计 rows' labels, a header split after its first rows) was not joined, and
  the rows on the new page were lost (T201, T203);
- a header row broken by the page (结果 / 维持) became two rows (T202);
- a report set in a one-cell frame table holding its paragraphs and its
  tables: frame and tables were one grid, the paragraphs one cell of it, and
  every part went missing (S302–S306, T201–T203); a table split in parts
  each in a frame of its own keeps its parts' columns from page to page;
- Table 4 as two tables, 行政复议 and 行政诉讼, with no paragraph between them,
  is drawn as one grid: the second block's columns were not found (T202);
- where every paragraph and heading is indented, the indent was taken for the
  margin, and a heading after a full line, or at the top of a page, ran into
  the paragraph before it (N102, and a whole section missing: S105).

And laid out as official documents are (仿宋 16pt or 14pt, 28-point fixed line
spacing, every paragraph and heading indented by two characters, no space
between paragraphs):
- a full first line, pushed right by its indent, passed for a centred line and
  ended its paragraph (社会评 | 议: G301), and an indented heading that
  happened to stand near the middle was glued to the line above (N102, S105);
- the leading of 28-point spacing for 14-point text exceeded the space taken
  to part paragraphs, and every line was a paragraph (S331).

And tables drawn without vertical rulings (三线表, a frame with only horizontal
rules, no borders): their cells ran together into one paragraph. A wide gap
between two glyphs now parts columns, a line holding one is a line of its own,
a one-column frame is read as text, so Table 2 and the legacy statistics table
are read (T203, S201); where the columns cannot be told (Table 3 or 4 with
wrapped header cells), the table is said to be unreadable, as a warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_path

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted([*(DATA / "pdf_breaks").glob("*.pdf"), *(DATA / "pdf_layouts").glob("*.pdf")])


UNRULED = sorted((DATA / "pdf_unruled").glob("*.pdf"))


def test_the_files_are_there() -> None:
    assert len(FILES) == 19
    assert len(UNRULED) == 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_correct_report_across_a_bad_page_break_has_no_finding(path: Path) -> None:
    result = engine_for(Options()).check_document(read_path(str(path)))
    assert [(f.rule, f.severity.value) for f in result.findings] == []


@pytest.mark.parametrize("path", UNRULED, ids=lambda p: p.stem)
def test_a_table_without_rulings_is_unreadable_not_missing(path: Path) -> None:
    result = engine_for(Options()).check_document(read_path(str(path)))
    found = [(f.rule, f.severity.value) for f in result.findings]
    assert found and all(
        severity == "warning" and rule in ("T201", "T202") for rule, severity in found
    )
