"""Each identity fires on a one-cell change, with the right numbers and cell
labels, whether the report is a .docx, an HTML page or Markdown.

The clean 2021 sample is changed in one cell through the sample generator and
rendered again in each kind, so the three documents differ only in form.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_samples  # noqa: E402
import sample_content as sc  # noqa: E402

from checker.batch import engine_for  # noqa: E402
from checker.engine import Options  # noqa: E402
from checker.postprocess import as_reported  # noqa: E402
from checker.readers import read_bytes  # noqa: E402
from checker.results import FileResult  # noqa: E402

KINDS = ("docx", "html", "md")
T3 = sc.T3_NAME
T4 = "政府信息公开行政复议、行政诉讼情况"


def clean() -> sc.Report:
    return next(r for r in sc.all_reports() if r.slug == "edition2021-2023-clean")


def changed(
    table: str, row: str, column: str, text: str | None = None, delta: int = 0
) -> tuple[sc.Report, int]:
    report = copy.deepcopy(clean())
    t = report.table(table)
    old = int(t.get(row, column))
    t.set(row, column, text if text is not None else str(old + delta))
    return report, old


def check(report: sc.Report, kind: str) -> FileResult:
    data = make_samples._RENDERERS[kind](report)
    return as_reported(engine_for(Options()).check_document(read_bytes(data, f"report.{kind}")))


def arithmetic(result: FileResult) -> list[tuple[str, str | None, str | None, str, str]]:
    return sorted(
        (f.rule, f.location.row_label, f.location.column_label, str(f.actual), str(f.expected))
        for f in result.findings
        if f.category == "arithmetic"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_clean_report_has_no_arithmetic_finding(kind: str) -> None:
    assert arithmetic(check(clean(), kind)) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("row", "column", "row_label", "column_label", "broken"),
    [
        # a refusal reason: its row total (I2) and its column's results (I3)
        (
            "（三）不予公开 / 3.危及“三安全一稳定”",
            "自然人",
            "危及三安全一稳定",
            "自然人",
            "T302、T303",
        ),
        # last year's carried requests, total column: the column identity (I1) and the row (I2)
        (
            "二、上年结转政府信息公开申请数量",
            "总计",
            "上年结转政府信息公开申请数量",
            "总计",
            "T301、T302",
        ),
        # the results total: I1, I2 and I3 at once
        ("（七）总计", "自然人", "总计", "自然人", "T301、T302、T303"),
    ],
)
def test_one_wrong_table3_cell_is_its_root_cause(
    kind: str, row: str, column: str, row_label: str, column_label: str, broken: str
) -> None:
    report, old = changed(T3, row, column, delta=1)
    result = check(report, kind)
    assert arithmetic(result) == [("T300", row_label, column_label, str(old + 1), str(old))]
    (root,) = [f for f in result.findings if f.rule == "T300"]
    assert str(root.args["rules"].zh) == broken  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_table4_total(kind: str) -> None:
    report, old = changed(T4, "data row", "行政诉讼 / 复议后起诉 / 总计", delta=2)
    assert arithmetic(check(report, kind)) == [
        ("T304", "数据行", "复议后起诉·总计", str(old + 2), str(old))
    ]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("", "V301"),
        ("/", "V301"),
        ("无", "V301"),
        ("0.5", "V302"),
        ("若干", "V302"),
        ("2件", "T300"),
    ],
)
def test_a_cell_that_is_not_a_plain_count(kind: str, text: str, rule: str) -> None:
    """Blank, "/" and 无 read as 0 and are warned; words are not counts; "2件" is 2."""
    report, _ = changed(T3, "（五）不予处理 / 2.重复申请", "法人或其他组织 / 科研机构", text=text)
    result = check(report, kind)
    found = [f for f in result.findings if f.rule == rule]
    assert len(found) == 1
    cells = [found[0].location, *(i.location for i in found[0].items)]
    assert any((c.row_label, c.column_label) == ("重复申请", "科研机构") for c in cells)
