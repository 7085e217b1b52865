"""A cell left empty in a table copied as tab-separated text is an empty cell, not a lost one.

规章⇥0⇥0⇥ leaves 现行有效件数 blank. The tab that ended the row was taken for
trailing whitespace, the row came out a cell short, and Table 2 was reported
missing with rows it has (T203). A tab every row ends with is still the copy's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.readers.text import tab_cells

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _rules(text: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(text.encode("utf-8"), "r.tabs.txt"))
    return [f.rule for f in result.findings]


@pytest.mark.parametrize(
    "name", ["edition2021-2023-clean.tabs.txt", "edition2019-2020-clean.tabs.txt"]
)
@pytest.mark.parametrize("row", ["规章\t0\t0\t", "规章\t\t0\t0", "规章\t0\t\t0"])
def test_an_empty_cell_keeps_the_table(name: str, row: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    blanked = text.replace("规章\t0\t0\t0\n", row + "\n", 1)
    assert blanked != text
    assert "T203" not in _rules(blanked)


def test_a_tab_ending_every_row_is_the_copy() -> None:
    text = (SAMPLES / "edition2021-2023-clean.tabs.txt").read_text(encoding="utf-8")
    padded = "\n".join(line + "\t" if "\t" in line else line for line in text.split("\n"))
    assert _rules(padded) == []


def test_cells_of_a_row() -> None:
    assert tab_cells("规章\t0\t0\t") == ["规章", "0", "0"]
    assert tab_cells("规章\t0\t0\t", trailing=True) == ["规章", "0", "0", ""]
