"""A table laid out as lines of figures is a table that lost its structure, not a missing one.

Text taken from a PDF puts a table's rows on lines, their labels cut where the
cells wrapped ("（一）予以公 24 4 0 1 1 1 31"). The labels no longer name the
table's columns, so it was reported missing (T201, an error) and the rows were
read as headings (N103). Such rows now give the warning that the table could
not be read; a report without the rows still gets the error.
"""

from __future__ import annotations

from pathlib import Path

from checker.batch import engine_for
from checker.engine import Options
from checker.findings import Severity
from checker.readers import read_bytes

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "edition2021-2023-clean.tabs.txt"


def _table3(laid_out: bool) -> str:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    out = lines[: start + 1]
    for line in lines[start + 1 : end]:
        cells = line.split("\t")
        figures = [c for c in cells if c.strip().isdigit()]
        if "\t" not in line:
            out.append(line)
        elif laid_out and len(figures) >= 4:
            out.append(cells[0][:6] + " " + " ".join(figures))
    return "\n".join(out + lines[end:])


def _findings(text: str) -> dict[str, Severity]:
    document = read_bytes(text.encode("utf-8"), "r.txt")
    result = engine_for(Options()).check_document(document)
    return {f.rule: f.severity for f in result.findings}


def test_rows_of_figures_make_the_missing_table_a_warning() -> None:
    found = _findings(_table3(laid_out=True))
    assert found.get("T201") == Severity.WARNING
    assert "N103" not in found and "N102" not in found


def test_without_them_the_table_is_missing() -> None:
    assert _findings(_table3(laid_out=False)).get("T201") == Severity.ERROR
