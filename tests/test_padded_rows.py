"""Tables copied from a page whose merged cells were lost and every row padded
with empty cells to one width ("一、本年新收… | 3 | 0 | … | 3 | ||").

The rows are then all as wide as the widest, so the table no longer looks
ragged, yet its headers stand anywhere: 自然人 over the row labels. Read by the
headers, the labels became figures (V302 "填写为“一、本年新收…”，不是件数") and
Table 4 lost its columns (T202). The figures still end every row in the
format's order, as in a ragged copy, and are read so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.readers.text import pipe_cells
from checker.results import FileResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
COPIES = sorted(SAMPLES.glob("*.pipes.txt"))


def padded(text: str, crawled: bool) -> str:
    """Every run of pipe lines padded to its widest row: with ``| |`` cells, or as a
    page copy writes them, one ``|`` per missing cell after the last."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].count("|") >= 2:
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        rows = [pipe_cells(line) for line in lines[i:j]]
        width = max(len(r) for r in rows)
        for row in rows:
            missing = width - len(row)
            if crawled:
                out.append(" | ".join(row) + " |" + (" " + "|" * missing if missing else ""))
            else:
                out.append("| " + " | ".join(row + [""] * missing) + " |")
        i = j
    return "\n".join(out)


def check(text: str) -> FileResult:
    return engine_for(Options()).check_document(read_bytes(text.encode("utf-8"), "copied.txt"))


def keys(result: FileResult) -> list[tuple[str, str]]:
    return sorted((f.rule, f.location.row_label or "") for f in result.findings)


def test_the_copies_are_padded() -> None:
    assert len(COPIES) >= 5
    text = (SAMPLES / "edition2021-2023-clean.pipes.txt").read_text(encoding="utf-8")
    assert padded(text, True) != text and padded(text, False) != text
    assert "| ||" in padded(text, True)


@pytest.mark.parametrize("crawled", [False, True], ids=["cells", "crawled"])
@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.name)
def test_a_padded_copy_reads_as_the_ragged_one(copy: Path, crawled: bool) -> None:
    text = copy.read_text(encoding="utf-8")
    assert keys(check(padded(text, crawled))) == keys(check(text))


def test_no_row_label_is_read_as_a_figure() -> None:
    text = (SAMPLES / "edition2021-2023-clean.pipes.txt").read_text(encoding="utf-8")
    result = check(padded(text, True))
    assert not [f for f in result.findings if f.rule in {"V302", "V304", "T202", "T201"}]
    wrong = padded(text, True).replace(
        "一、本年新收政府信息公开申请数量 | 62 |", "一、本年新收政府信息公开申请数量 | 63 |"
    )
    assert wrong != padded(text, True)
    sums = [f for f in check(wrong).findings if f.category == "arithmetic"]
    assert sums and all("自然人" in (f.location.column_label or "") for f in sums[:1])
