"""The 2019 and 2021 editions end to end: same findings from every input kind,
each planted defect found with its numbers and cell labels, clean reports clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.findings import Finding
from checker.postprocess import as_reported
from checker.readers import read_bytes
from checker.results import FileResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KINDS = ("docx", "html", "md")


def check(path: Path, **options: str) -> FileResult:
    return as_reported(engine_for(Options(**options)).check_path(str(path)))


def signature(f: Finding) -> tuple[object, ...]:
    loc = f.location
    # a web page states its publication date in its head, a document only in its signature
    section = () if f.rule == "D201" else tuple(loc.section)
    return (f.rule, str(f.expected), str(f.actual), loc.row_label, loc.column_label, section)


@pytest.mark.parametrize("stem", ["edition2019-2020", "edition2021-2023"])
@pytest.mark.parametrize("kind", KINDS)
def test_clean_reports_have_no_error(stem: str, kind: str) -> None:
    result = check(SAMPLES / f"{stem}-clean.{kind}")
    assert result.edition == stem[len("edition") : len("edition") + 4]
    assert [f.rule for f in result.findings if f.severity.value == "error"] == []


@pytest.mark.parametrize("stem", ["edition2019-2020-defective", "edition2021-2023-defective"])
def test_every_input_kind_gives_the_same_findings(stem: str) -> None:
    found = {
        kind: sorted(map(signature, check(SAMPLES / f"{stem}.{kind}").findings)) for kind in KINDS
    }
    assert found["docx"] == found["html"] == found["md"]


def _by_rule(result: FileResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


@pytest.mark.parametrize("kind", KINDS)
def test_2021_defects_are_found_with_their_numbers(kind: str) -> None:
    result = check(SAMPLES / f"edition2021-2023-defective.{kind}")
    roots = {(f.location.row_label, f.location.column_label): f for f in _by_rule(result, "T300")}
    wrong = roots[("本机关不掌握相关政府信息", "总计")]
    assert (str(wrong.actual), str(wrong.expected)) == ("16", "15")
    carried = roots[("结转下年度继续办理", "商业企业")]
    assert (str(carried.actual), str(carried.expected)) == ("1", "2")
    (review,) = _by_rule(result, "T304")
    assert review.args["where"].zh == "复议后起诉"  # type: ignore[union-attr]
    assert (str(review.actual), str(review.expected)) == ("1", "2")
    (text_table,) = _by_rule(result, "X402")
    assert (str(text_table.actual), str(text_table.expected)) == ("4", "5")
    (blank,) = _by_rule(result, "V301")
    blanks = {(i.location.row_label, i.location.column_label) for i in blank.items}
    assert blanks == {
        ("要求提供公开出版物", "科研机构"),
        ("其他法律行政法规禁止公开", "社会公益组织"),
    }
    assert _by_rule(result, "S305") and _by_rule(result, "D101") and _by_rule(result, "C101")
    # the broken identities behind each root cause are not reported again
    assert _by_rule(result, "T301") == [] and _by_rule(result, "T302") == []


@pytest.mark.parametrize("kind", KINDS)
def test_2019_defects_are_found_with_their_numbers(kind: str) -> None:
    result = check(SAMPLES / f"edition2019-2020-defective.{kind}")
    roots = {(f.location.row_label, f.location.column_label): f for f in _by_rule(result, "T300")}
    assert (
        str(roots[("部分公开", "自然人")].actual),
        str(roots[("部分公开", "自然人")].expected),
    ) == ("5", "4")
    assert ("上年结转政府信息公开申请数量", "商业企业") in roots
    (review,) = _by_rule(result, "T304")
    assert (str(review.actual), str(review.expected)) == ("3", "2")
    assert _by_rule(result, "F101"), "2021 labels in a 2020 report"
    assert _by_rule(result, "D201"), "a department's report signed after 31 January"
    assert _by_rule(result, "X403") and _by_rule(result, "X404")


def test_edition_override() -> None:
    result = check(SAMPLES / "edition2021-2023-clean.md", edition="2019")
    assert result.edition == "2019"
    assert _by_rule(result, "F101")


TABLE3 = """| 项目 | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | | | 3 | — | — | — | — | — | 3 |
| 二、上年结转政府信息公开申请数量 | | | 0 | — | — | — | — | — | 0 |
| 三、本年度办理结果 | （一）予以公开 | | 2 | — | — | — | — | — | 2 |
| 三、本年度办理结果 | （七）总计 | | 2 | — | — | — | — | — | 2 |
| 四、结转下年度继续办理 | | | 1 | — | — | — | — | — | 1 |
"""


def _run_md(text: str) -> FileResult:
    doc = read_bytes(
        ("# 青禾市生态环境局2023年政府信息公开工作年度报告\n\n" + text).encode(), "t.md"
    )
    return as_reported(engine_for(Options()).check_document(doc))


def test_dash_means_zero_where_the_pack_allows_it() -> None:
    result = _run_md(TABLE3)
    rules = {f.rule for f in result.findings}
    assert not rules & {"T300", "T301", "T302", "V301", "V302"}


def test_slash_is_a_value_warning_but_sums_as_zero() -> None:
    result = _run_md(TABLE3.replace("| 3 | — |", "| 3 | / |", 1))
    (slash,) = _by_rule(result, "V301")
    assert slash.severity.value == "warning" and slash.location.column_label == "商业企业"
    assert not {f.rule for f in result.findings} & {"T300", "T301", "T302"}


def test_table_split_at_a_page_break_is_stitched() -> None:
    head, tail = TABLE3.split("| 三、本年度办理结果 | （一）予以公开", 1)
    split = (
        head
        + "\n\n"
        + "| 三、本年度办理结果 | （一）予以公开"
        + tail.replace("| 2 | — |", "| 3 | — |", 1)
    )
    result = _run_md(split)
    # the wrong 予以公开 cell is found in the second piece and reported against the first piece's header
    assert any(
        f.location.row_label == "予以公开" for f in result.findings if f.category == "arithmetic"
    )


def test_missing_table_is_a_finding_not_a_pass() -> None:
    result = _run_md("## 三、收到和处理政府信息公开申请情况\n\n本年度共收到申请3件。\n")
    assert _by_rule(result, "T201")
    assert ("T301", "table t3 not found") in result.not_evaluated


def test_table_two_in_four_separate_tables_is_found() -> None:
    blocks = [
        "| 第二十条第（一）项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 | 20 |\n",
        "| 第二十条第（五）项 | |\n|---|---|\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 12 |\n",
        "| 第二十条第（六）项 | |\n|---|---|\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 4 |\n| 行政强制 | 0 |\n",
        "| 第二十条第（八）项 | |\n|---|---|\n| 信息内容 | 本年收费金额（单位：万元） |\n| 行政事业性收费 | 0 |\n",
    ]
    result = _run_md("## 二、主动公开政府信息情况\n\n" + "\n段落\n\n".join(blocks))
    assert _by_rule(result, "T203") == []


def test_a_table_published_as_a_picture_is_a_warning_not_an_error() -> None:
    html = (
        "<html><body><h1>青禾市生态环境局2023年政府信息公开工作年度报告</h1>"
        "<h2>三、收到和处理政府信息公开申请情况</h2><p><img src='t3.png'></p></body></html>"
    )
    result = engine_for(Options()).check_document(read_bytes(html.encode(), "r.html"))
    (missing,) = _by_rule(result, "T201")
    assert missing.severity.value == "warning"


def test_year_in_brackets_after_the_title() -> None:
    result = _run_md("")
    assert result.year == 2023
    doc = read_bytes("# 青禾市生态环境局政府信息公开工作年度报告（2022年度）\n".encode(), "r.md")
    assert engine_for(Options()).check_document(doc).year == 2022


@pytest.mark.parametrize(
    ("stem", "edition"), [("edition2019-2020", "2019"), ("edition2021-2023", "2021")]
)
def test_without_any_year_the_tables_pick_the_edition(stem: str, edition: str) -> None:
    import re

    text = (SAMPLES / f"{stem}-clean.md").read_text(encoding="utf-8")
    yearless = re.sub(r"20\d\d", "今", text)
    result = engine_for(Options()).check_document(read_bytes(yearless.encode(), "r.md"))
    assert result.year is None
    assert result.edition == edition
