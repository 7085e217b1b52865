"""Shapes of real published reports that a clean-room table would not have.

The figures and names here are invented; the shapes — a table copied from a
web page as "a | b |" lines, merged cells flattened into blanks, a header
label broken over two lines, blank cells meaning zero, a period ending
without its year — are those seen in published reports.
"""

from __future__ import annotations

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes
from checker.results import FileResult

HEAD = """青禾市统计局2023年政府信息公开工作年度报告
本报告所列数据统计时限为2023年1月1日至12月31日。
一、总体情况
（一）主动公开情况。全年主动公开政府信息50条。
（二）依申请公开情况。全年共收到政府信息公开申请3件。
（三）政府信息管理。完善保密审查。
（四）平台建设。维护网站专栏。
（五）监督保障。开展培训。
二、主动公开政府信息情况
第二十条第(一)项 |
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
行政规范性文件 | 0 | 0 | 0 |
第二十条第(五)项 |
信息内容 | 本年处理决定数量 |
行政许可 | 0 |
第二十条第(六)项 |
信息内容 | 本年处理决定数量 |
行政处罚 | 0 |
行政强制 | 0 |
第二十条第(八)项 |
信息内容 | 本年收费金额(单位:万元) |
行政事业性收费 | 0 |
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |
企业 | 机构 |
一、本年新收政府信息公开申请数量 | 2 | | | | 1 | | 3 |
二、上年结转政府信息公开申请数量 | | | | | | | 0 |
三、本年度办理结果 | (一)予以公开 | 1 | | | | 1 | | 2 |
| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | | | | | | | 0 |
| (三)不予公开 | 1.属于国家秘密 | | | | | | | 0 |
| | 2.其他法律行政法规禁止公开 | | | | | | | 0 |
| | 3.危及“三安全一稳定” | | | | | | | 0 |
| | 4.保护第三方合法权益 | | | | | | | 0 |
| | 5.属于三类内部事务信息 | | | | | | | 0 |
| | 6.属于四类过程性信息 | | | | | | | 0 |
| | 7.属于行政执法案卷 | | | | | | | 0 |
| | 8.属于行政查询事项 | | | | | | | 0 |
| (四)无法提供 | 1.本机关不掌握相关政府信息 | 1 | | | | | | 1 |
| | 2.没有现成信息需要另行制作 | | | | | | | 0 |
| | 3.补正后申请内容仍不明确 | | | | | | | 0 |
| (五)不予处理 | 1.信访举报投诉类申请 | | | | | | | 0 |
| | 2.重复申请 | | | | | | | 0 |
| | 3.要求提供公开出版物 | | | | | | | 0 |
| | 4.无正当理由大量反复申请 | | | | | | | 0 |
| | 5.要求行政机关确认或重新出具已获取信息 | | | | | | | 0 |
| (六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | | | | | | | 0 |
| | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | | | | | | | 0 |
| | 3.其他 | | | | | | | 0 |
| (七)总计 | 2 | | | | 1 | | 3 |
四、结转下年度继续办理 | | | | | | | 0 |
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
五、存在的主要问题及改进情况
信息发布的及时性有待提高，下一步将加强审核。
六、其他需要报告的事项
本年度未收取信息处理费。
青禾市统计局
2024年1月18日
"""


def run(text: str) -> FileResult:
    return engine_for(Options()).check_document(read_bytes(text.encode("utf-8"), "copied-from-page.txt"))


def rules(result: FileResult) -> set[str]:
    return {f.rule for f in result.findings}


def test_copied_page_with_lost_spans_is_read_correctly() -> None:
    result = run(HEAD)
    assert result.edition == "2021"
    assert not rules(result) & {
        "T201",
        "T202",
        "T203",
        "T300",
        "T301",
        "T302",
        "T303",
        "T304",
        "X401",
    }
    assert ("D103", "no statistical period sentence") not in result.not_evaluated


def test_blank_cells_are_one_warning_per_table() -> None:
    result = run(HEAD)
    blanks = [f for f in result.findings if f.rule == "V301"]
    assert len(blanks) == 1
    assert blanks[0].severity.value == "warning"
    assert int(str(blanks[0].args["count"])) > 100


def test_a_wrong_cell_in_a_copied_table_is_found_with_its_labels() -> None:
    wrong = HEAD.replace(
        "| (四)无法提供 | 1.本机关不掌握相关政府信息 | 1 |",
        "| (四)无法提供 | 1.本机关不掌握相关政府信息 | 2 |",
    )
    result = run(wrong)
    arithmetic = [f for f in result.findings if f.category == "arithmetic"]
    assert arithmetic, "the wrong cell must be found"
    labels = {(f.location.row_label, f.location.column_label) for f in arithmetic}
    assert ("本机关不掌握相关政府信息", "自然人") in labels or (
        "本机关不掌握相关政府信息",
        "总计",
    ) in labels


def test_group_label_flattened_into_blanks_still_groups_its_rows() -> None:
    wrong = HEAD.replace("| | 3.其他 | | | | | | | 0 |", "| | 3.其他 | 1 | | | | | | 1 |")
    result = run(wrong)
    results_sums = [f for f in result.findings if f.rule == "T303"]
    assert results_sums, "the results total no longer matches its parts"
    others = [i for f in results_sums for i in f.items if i.location.row_label == "其他"]
    assert others and all(str(i.value) == "1" for i in others)


def test_a_table_flattened_to_one_cell_per_line_is_a_warning() -> None:
    lines = HEAD.split("三、收到和处理政府信息公开申请情况\n", 1)[1].split(
        "四、政府信息公开行政复议", 1
    )[0]
    flattened = "\n".join(
        cell.strip() + " |"
        for line in lines.splitlines()
        for cell in line.split("|")
        if cell.strip()
    )
    text = HEAD.replace(lines, flattened + "\n")
    result = run(text)
    (missing,) = [f for f in result.findings if f.rule == "T201"]
    assert missing.severity.value == "warning"


def test_year_from_the_opening_paragraph_when_there_is_no_title() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》的有关规定，特向社会公布2017年度政府信息公开年度报告。\n"
        "一、概述\n2017年，我乡进一步加强组织领导。\n"
    )
    result = run(text)
    assert (result.edition, result.year) == ("legacy", 2017)


def test_a_place_name_issuing_the_report_is_a_government() -> None:
    from checker.extract.report import build_report

    engine = engine_for(Options())
    for title, level in (
        ("2022年青禾市政府信息公开工作年度报告", "government"),
        ("江泉县2023年政府信息公开工作年度报告", "government"),
        ("青禾市生态环境局2023年政府信息公开工作年度报告", "department"),
        ("青禾市江泉镇2023年政府信息公开工作年度报告", "other"),
    ):
        doc = read_bytes((title + "\n正文。\n").encode(), "r.txt")
        assert build_report(doc, engine.common()).level == level, title
