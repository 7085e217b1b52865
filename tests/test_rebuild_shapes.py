"""Shapes of flattened tables and run-on text seen on real portal pages, built
from our own sample's words and figures.

- a cell per line, every cell after a row's first marked by a leading ``| `` and
  the row closed by a lone ``|`` (a statistics form copied from a legal site);
- a cell per line, each closed by `` |`` (a journal's table pasted as text);
- each row's cells between bars with only a closing bar, header words broken
  by a space (商业 企业), a block title alone before its bar (a county portal);
- cells separated by empty lines (a page whose cells are <p> paragraphs);
- a row that lost one figure: the table cannot be rebuilt and keeps its warning;
- run-on text: 一、 after a sentence end is a heading, 第一、二季度 is not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import flat_forms  # noqa: E402
import make_samples  # noqa: E402
import pytest  # noqa: E402
import sample_content as sc  # noqa: E402

from checker.engine import Engine  # noqa: E402
from checker.postprocess import as_reported  # noqa: E402
from checker.readers import read_bytes  # noqa: E402
from checker.results import FileResult  # noqa: E402
from finding_keys import result_keys  # noqa: E402

_ENGINE = Engine()


def clean() -> sc.Report:
    return next(r for r in sc.all_reports() if r.slug == "edition2021-2023-clean")


def render(table_lines: Callable[[sc.Table], list[str]]) -> FileResult:
    text = flat_forms.blocks_text(clean(), table_lines)
    return as_reported(_ENGINE.check_document(read_bytes(text.encode(), "report.txt")))


def rows(table: sc.Table) -> list[list[str]]:
    return [[span.text for span in row] for row in table.rows]


def rules(result: FileResult) -> set[str]:
    return {f.rule for f in result.findings}


def test_cells_marked_by_a_leading_bar_and_rows_closed_by_a_lone_bar() -> None:
    def lines(table: sc.Table) -> list[str]:
        out: list[str] = []
        for row in rows(table):
            out += [row[0], *(f"| {c}" for c in row[1:]), "|"]
        return out

    result = render(lines)
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []
    assert not rules(result) & {"T201", "T202", "T203"}


def test_cells_each_closed_by_a_bar() -> None:
    result = render(lambda t: [f"{c} |" for row in rows(t) for c in row])
    assert not rules(result) & {"T201", "T202", "T203"}
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []


def test_rows_with_only_a_closing_bar_and_broken_header_words() -> None:
    def lines(table: sc.Table) -> list[str]:
        out = [" | ".join(row) + " |" for row in rows(table)]
        return [
            line.replace("商业企业", "商业 企业").replace("科研机构", "科研 机构") for line in out
        ]

    result = render(lines)
    assert not rules(result) & {"T201", "T202", "T203"}
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []


def test_cells_between_empty_lines() -> None:
    def lines(table: sc.Table) -> list[str]:
        return "\n\n".join(c for row in rows(table) for c in row if c).split("\n")

    result = render(lines)
    assert not rules(result) & {"T201", "T202", "T203"}
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []


def test_a_row_short_of_a_figure_keeps_the_warning_and_no_arithmetic() -> None:
    def lines(table: sc.Table) -> list[str]:
        out = flat_forms.cell_lines(table)
        if table.name == sc.T3_NAME:  # one figure of 4.保护第三方合法权益 lost, no empty line left
            at = out.index("4.保护第三方合法权益")
            del out[at + 2]
        return out

    result = render(lines)
    assert "T201" in rules(result)
    assert not {r for r in rules(result) if r.startswith(("T30", "X40", "V30"))} - {"T304"}
    assert "N102" not in rules(result)  # the row labels are not read as headings


def _leading_bars(table: sc.Table) -> list[str]:
    out: list[str] = []
    for row in rows(table):
        out += [row[0], *(f"| {c}" for c in row[1:]), "|"]
    return out


SHAPES: dict[str, Callable[[sc.Table], list[str]]] = {
    "leading bars": _leading_bars,
    "closing bars": lambda t: [f"{c} |" for row in rows(t) for c in row],
    "rows closed by a bar": lambda t: [" | ".join(row) + " |" for row in rows(t)],
}


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("slug", ["edition2021-2023-defective", "edition2019-2020-defective"])
def test_defects_in_a_real_shape_are_found_as_in_the_docx(slug: str, shape: str) -> None:
    report = next(r for r in sc.all_reports() if r.slug == slug)
    text = flat_forms.blocks_text(report, SHAPES[shape])
    flat = as_reported(_ENGINE.check_document(read_bytes(text.encode(), "report.txt")))
    docx = as_reported(_ENGINE.check_document(read_bytes(make_samples._RENDERERS["docx"](report), "r.docx")))
    assert result_keys(flat) == result_keys(docx)


def _check_text(text: str) -> FileResult:
    return as_reported(_ENGINE.check_document(read_bytes(text.encode(), "report.txt")))


def test_run_on_text_keeps_numbers_in_prose_out_of_the_outline() -> None:
    body = clean()
    parts = []
    for block in body.blocks:
        text = block.text if block.table is None else ""
        if text:
            parts.append(text)
    one_line = " ".join(parts[:3])
    prose = (
        "一、总体情况 本机关在第一、二季度开展专项检查。二、三季度完成了平台改版，"
        "全年工作有序推进。在一、二级栏目中增设了专题。"
    )
    result = _check_text(one_line.split(" ", 1)[0] + " " + prose * 3)
    assert [f for f in result.findings if f.rule.startswith("N")] == []


def test_run_on_text_finds_headings_after_sentence_ends() -> None:
    from checker.extract.relines import relines
    from checker.model import Block, BlockKind, Document

    text = (
        "一、总体情况 本年度工作稳步推进，第一、二季度完成检查。"
        "（一）主动公开 全年主动公开信息120条，其中政策解读12条、工作动态108条，"
        "均在门户网站行政规范性文件专栏集中公开并动态更新。（二）依申请公开 全年收到申请3件，均按期答复。"
        "二、主动公开政府信息情况 详见下表。二、三季度更新了栏目，新增专题三个。"
    )
    doc = Document("t.txt", "text", (Block(BlockKind.PARAGRAPH, text, 1, line=1),))
    pieces = [b.text for b in relines(doc, []).blocks]
    starts = [p for p in pieces if p[:2] in ("一、", "二、", "（一", "（二")]
    assert starts == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
    ]
    assert any("第一、二季度" in p for p in pieces)
    assert any(p.startswith("详见下表。二、三季度") or "二、三季度" in p for p in pieces)


def test_a_paragraph_with_a_space_inside_is_not_cut() -> None:
    from checker.extract.relines import relines
    from checker.model import Block, BlockKind, Document

    texts = (
        "青禾市统计局2023年政府信息公开工作年度报告",
        "本报告电子版可在 www.example.gov.cn 下载，如有疑问请致电本局办公室。",
        "本年度收到申请【请填写 数字】件。",
    )
    blocks = tuple(Block(BlockKind.PARAGRAPH, t, i, line=i) for i, t in enumerate(texts, 1))
    document = Document("t.txt", "text", blocks)
    assert relines(document, []) is document
