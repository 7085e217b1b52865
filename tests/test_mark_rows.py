"""A row of a statistics table filled with marks for its figures is a row, not a header.

A body that makes no rules writes "/" (or —, 无) in every cell of the 规章 line;
a department with no cases may fill a whole line of Table 3 or Table 4 with
dashes. Such a line holds no number, yet it is a line of figures: read as a
header it was reported missing ("未找到…表（缺少：规章）"), a false error in
every form a report comes in.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.results import FileResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CLEAN = "edition2021-2023-clean"
MARKS = ["/", "—", "-", "无", "\\"]


def _docx(data: bytes, mark: str) -> bytes:
    """The .docx with the three figures after 规章 replaced by ``mark``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    at = xml.index(">规章<")
    end = xml.index("</w:tr>", at)
    row = xml[at:end].replace(">0</w:t>", f">{mark}</w:t>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = (xml[:at] + row + xml[end:]).encode("utf-8")
            target.writestr(item, body)
    return out.getvalue()


def _text(replace: Callable[[str, str], str]) -> Callable[[bytes, str], bytes]:
    return lambda data, mark: replace(data.decode("utf-8"), mark).encode("utf-8")


def _spaces(text: str, mark: str) -> str:
    return re.sub(
        r"规章( +)0( +)0( +)0", lambda g: f"规章{g[1]}{mark}{g[2]}{mark}{g[3]}{mark}", text
    )


FORMS: dict[str, Callable[[bytes, str], bytes]] = {
    ".docx": _docx,
    ".html": _text(
        lambda t, m: t.replace(
            "规章</td><td>0</td><td>0</td><td>0</td>",
            f"规章</td><td>{m}</td><td>{m}</td><td>{m}</td>",
        )
    ),
    ".md": _text(lambda t, m: t.replace("| 规章 | 0 | 0 | 0 |", f"| 规章 | {m} | {m} | {m} |")),
    ".pipes.txt": _text(
        lambda t, m: t.replace("| 规章 | 0 | 0 | 0 |", f"| 规章 | {m} | {m} | {m} |")
    ),
    ".cells.txt": _text(lambda t, m: t.replace("规章\n0\n0\n0\n", f"规章\n{m}\n{m}\n{m}\n")),
    ".tabs.txt": _text(lambda t, m: t.replace("规章\t0\t0\t0", f"规章\t{m}\t{m}\t{m}")),
    ".spaces.txt": _text(_spaces),
    ".collapsed.txt": _text(lambda t, m: t.replace("规章 0 0 0", f"规章 {m} {m} {m}")),
}


def check(data: bytes, name: str) -> FileResult:
    return engine_for(Options()).check_document(read_bytes(data, name))


def rules(result: FileResult) -> list[str]:
    return sorted(f.rule for f in result.findings)


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("form", list(FORMS))
def test_a_rules_line_of_marks_is_not_a_missing_row(form: str, mark: str) -> None:
    original = (SAMPLES / f"{CLEAN}{form}").read_bytes()
    marked = FORMS[form](original, mark)
    assert marked != original  # the line was found and changed
    result = check(marked, f"report{form}")
    assert result.edition == "2021"
    assert rules(result) == []  # as the clean report: no T203, and no value warning for t2


def _md() -> str:
    return (SAMPLES / f"{CLEAN}.md").read_text(encoding="utf-8")


def _line(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line and line.startswith("|"))


def test_a_table3_line_of_dashes_is_read_as_zeros_and_summed() -> None:
    text = _md()
    line = _line(text, "2.没有现成信息需要另行制作")  # 3 + 1 = 4 in the clean report
    dashed = re.sub(r"\| \d+ (?=\|)", "| — ", line)
    result = check(text.replace(line, dashed).encode("utf-8"), "report.md")
    found = rules(result)
    assert "T201" not in found  # the table is there, the line too
    sums = [f for f in result.findings if f.rule == "T303"]
    assert sums, found  # its figures now read as 0: the 总计 no longer adds up
    assert {f.location.column_label for f in sums} >= {"自然人", "总计"}


def test_a_table4_line_of_dashes_is_its_data_row() -> None:
    text = _md()
    line = _line(text, "| 2 | 1 | 0 | 1 | 4 |")
    dashed = "|" + " — |" * 15
    result = check(text.replace(line, dashed).encode("utf-8"), "report.md")
    found = rules(result)
    assert "T202" not in found
    # the prose's 4 reconsiderations against the table's 0: the table was read
    assert "X404" in found


def test_a_table4_line_of_slashes_is_one_value_warning() -> None:
    text = _md()
    line = _line(text, "| 2 | 1 | 0 | 1 | 4 |")
    result = check(text.replace(line, "|" + " / |" * 15).encode("utf-8"), "report.md")
    assert "T202" not in rules(result)
    assert [f.severity.value for f in result.findings if f.rule == "V303"] == ["warning"]


def test_a_subtotal_line_of_marks_only_is_not_a_subtotal() -> None:
    """A draft's own group line (（四）无法提供 with dashes) stays a caption:
    read as a subtotal of 0 it would contradict the group's items."""
    text = _md()
    first = _line(text, "1.本机关不掌握相关政府信息")
    caption = "| 三、本年度办理结果 | （四）无法提供 | 无法提供小计 |" + " — |" * 7
    result = check(text.replace(first, caption + "\n" + first).encode("utf-8"), "report.md")
    assert rules(result) == []
    counted = caption.replace(" — |" * 7, " 90 | 9 | 0 | 0 | 9 | 0 | 108 |")
    result = check(text.replace(first, counted + "\n" + first).encode("utf-8"), "report.md")
    assert "T305" in rules(result)  # the same line with figures is a subtotal: a wrong one


UNITS = {
    ".md": [("| 行政许可 | 37 |", "| 行政许可 | 37件 |")],
    ".html": [('行政许可</td><td colspan="3">37</td>', '行政许可</td><td colspan="3">37 件</td>')],
}


@pytest.mark.parametrize("form", list(UNITS))
def test_a_line_whose_figures_all_carry_a_unit_is_a_line(form: str) -> None:
    """ "37件" is a figure (the tables' count units): a line of them is no header."""
    text = (SAMPLES / f"{CLEAN}{form}").read_text(encoding="utf-8")
    for old, new in UNITS[form]:
        assert old in text
        text = text.replace(old, new)
    assert rules(check(text.encode("utf-8"), f"report{form}")) == []


def test_a_table3_line_of_counts_with_units_is_summed() -> None:
    text = _md()
    line = _line(text, "2.没有现成信息需要另行制作")  # 3 + 1 = 4 in the clean report
    with_units = re.sub(r"\| (\d+) (?=\|)", r"| \1件 ", line)
    assert with_units != line
    assert rules(check(text.replace(line, with_units).encode("utf-8"), "report.md")) == []
    wrong = re.sub(r"\| (\d+) (?=\|)", "| 9件 ", line, count=1)
    assert "T303" in rules(check(text.replace(line, wrong).encode("utf-8"), "report.md"))
