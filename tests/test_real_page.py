"""A county department's report as its portal publishes it (names and figures
invented; the page's shape is that of real portals): a metadata table above
the title, headings as plain paragraphs split over many spans, Table 3 with
the organisation columns left blank, label text broken inside cells
("申请人情"+"况", "自然"+"人"), a signature padded with spaces."""

from __future__ import annotations

from checker.batch import engine_for
from checker.engine import Options
from checker.postprocess import as_reported
from checker.readers import read_bytes
from checker.results import FileResult


def frag(text: str) -> str:
    """Break text into spans every few characters, as word processors do."""
    return "".join(
        f'<span style="font-family: 宋体;">{text[i : i + 3]}</span>' for i in range(0, len(text), 3)
    )


def p(text: str) -> str:
    return f'<p style="text-indent: 2em;">{frag(text)}<span><o:p></o:p></span></p>\n'


def td(text: str = "", **attrs: int) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    inner = f"<p>{frag(text)}</p>" if text else "<p><span><o:p> </o:p></span></p>"
    return f"<td{extra}>{inner}</td>"


ROWS3 = [
    ("（一）予以公开", [20], 20),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0], 0),
]
REFUSE = [
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_HANDLED = [
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]
OTHER = [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
]


def figures(np: int | str, total: int | str) -> str:
    return td(str(np)) + "".join(td() for _ in range(5)) + td(str(total))


def table3(unable_first: int = 1) -> str:
    head = (
        "<tr>"
        + td(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            colspan=3,
            rowspan=3,
        )
        + td("申请人情况", colspan=7)
        + "</tr>"
        "<tr>"
        + td("自然人", rowspan=2)
        + td("法人或其他组织", colspan=5)
        + td("总计", rowspan=2)
        + "</tr>"
        "<tr>"
        + td("商业企业")
        + td("科研机构")
        + td("社会公益组织")
        + td("法律服务机构")
        + td("其他")
        + "</tr>"
    )
    body = "<tr>" + td("一、本年新收政府信息公开申请数量", colspan=3) + figures(21, 21) + "</tr>"
    body += "<tr>" + td("二、上年结转政府信息公开申请数量", colspan=3) + figures(0, 0) + "</tr>"
    body += (
        "<tr>"
        + td("三、本年度办理结果", rowspan=22)
        + td("（一）予以公开", colspan=2)
        + figures(20, 20)
        + "</tr>"
    )
    body += (
        "<tr>"
        + td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2)
        + figures(0, 0)
        + "</tr>"
    )
    for group, labels in (
        ("（三）不予公开", REFUSE),
        ("（四）无法提供", UNABLE),
        ("（五）不予处理", NOT_HANDLED),
        ("（六）其他处理", OTHER),
    ):
        for i, label in enumerate(labels):
            np, total = (unable_first, 1) if label == UNABLE[0] else (0, 0)
            lead = td(group, rowspan=len(labels)) if i == 0 else ""
            body += "<tr>" + lead + td(label) + figures(np, total) + "</tr>"
    body += "<tr>" + td("（七）总计", colspan=2) + figures(21, 21) + "</tr>"
    body += "<tr>" + td("四、结转下年度继续办理", colspan=3) + figures(0, 0) + "</tr>"
    return f'<table border="1">{head}{body}</table>'


def table4() -> str:
    groups = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return (
        '<table border="1"><tr>'
        + td("行政复议", colspan=5)
        + td("行政诉讼", colspan=10)
        + "</tr><tr>"
        + "".join(td(g, rowspan=2) for g in groups)
        + td("未经复议直接起诉", colspan=5)
        + td("复议后起诉", colspan=5)
        + "</tr><tr>"
        + "".join(td(g) for g in groups * 2)
        + "</tr><tr>"
        + "".join(
            td(v)
            for v in ["0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]
        )
        + "</tr></table>"
    )


def table2() -> str:
    def block(item: str, header: list[str], rows: list[tuple[str, str]]) -> str:
        width = 4
        out = "<tr>" + td(item, colspan=width) + "</tr><tr>" + td("信息内容")
        out += "".join(td(h) for h in header) if len(header) == 3 else td(header[0], colspan=3)
        out += "</tr>"
        for label, value in rows:
            cells = value.split()
            out += (
                "<tr>"
                + td(label)
                + ("".join(td(c) for c in cells) if len(cells) == 3 else td(cells[0], colspan=3))
                + "</tr>"
            )
        return out

    return (
        '<table border="1">'
        + block(
            "第二十条第（一）项",
            ["本年制发件数", "本年废止件数", "现行有效件数"],
            [("规章", "0 0 0"), ("规范性文件", "6 0 15")],
        )
        + block("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", "0")])
        + block("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", "0"), ("行政强制", "0")])
        + block("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", "0")])
        + "</table>"
    )


def page(unable_first: int = 1, requests_in_text: int = 21) -> str:
    meta = (
        '<table class="table_content"><tr><td>名称</td><td colspan="3">青禾县发展和改革局2023年政府信息公开年度报告</td></tr>'
        "<tr><td>索引号</td><td>000000000/2024-00002</td><td>分类</td><td>信息公开年报</td></tr>"
        "<tr><td>发布机构</td><td>青禾县发展和改革局</td><td>公开日期</td><td><publishtime>2024-01-17</publishtime></td></tr></table>"
    )
    body = (
        p(
            "根据《中华人民共和国政府信息公开条例》要求，现向社会公布青禾县发展和改革局2023年度政府信息公开年度报告。本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。"
        )
        + p("一、总体情况")
        + p("2023年，县发展和改革局认真贯彻执行有关文件精神。")
        + p("（一）主动公开政府信息情况")
        + p(
            "全年共审核发布各类公开政府信息249条，其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条；财政预决算信息6条；信息公开年度报告1条；政府信息公开指南1条；政府网站信息185条；政府信息公开制度1条。"
        )
        + p("（二）依申请公开政府信息情况")
        + p(f"2023年度我局共收到政府信息公开申请{requests_in_text}件，均按时答复。")
        + p("（三）完善公开制度规范，加强政府信息管理")
        + p("严格执行保密审查制度。")
        + p("（四）加强平台建设，扩展公开渠道")
        + p("定期对网站进行自查。")
        + p("（五）及时回应关切，自觉接受监督")
        + p("办理结果按时主动公开，自觉接受监督。")
        + p("二、主动公开政府信息情况")
        + table2()
        + p("三、收到和处理政府信息公开申请情况")
        + p(" ")
        + table3(unable_first)
        + p("四、政府信息公开行政复议、行政诉讼情况")
        + table4()
        + p("五、存在的主要问题及整改措施")
        + p("（一）存在的主要问题。信息公开意识有所松懈。")
        + p("（二）整改措施。完善主动公开信息联动机制。")
        + p("六、其他需要报告的事项")
        + p("2023年度，县发展和改革局政府信息公开未发生收费情况。")
        + p("                                                  青禾县发展和改革局")
        + p("                                                  2024年1月17日")
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>青禾县发展和改革局2023年政府信息公开年度报告</title>'
        '<script>var x = \'[red]\';</script></head><body><div class="header"><a href="/">首页</a></div>'
        f'<div class="xxgkArticle">{meta}<h1 class="article-title">青禾县发展和改革局2023年政府信息公开年度报告</h1>'
        f'<div class="article-content" id="zoomcon">{body}</div></div></body></html>'
    )


def run(html: str) -> FileResult:
    return as_reported(
        engine_for(Options()).check_document(read_bytes(html.encode("utf-8"), "portal-page.html"))
    )


def test_a_correct_portal_page_has_no_error() -> None:
    result = run(page())
    assert (result.edition, result.year) == ("2021", 2023)
    errors = [(f.rule, f.args) for f in result.findings if f.severity.value == "error"]
    assert errors == []


def test_one_wrong_cell_on_the_portal_page_is_one_root_cause() -> None:
    result = run(page(unable_first=2))
    arithmetic = [f for f in result.findings if f.category == "arithmetic"]
    assert len(arithmetic) == 1
    (root,) = arithmetic
    assert root.rule == "T300"
    assert (root.location.row_label, root.location.column_label) == (
        "本机关不掌握相关政府信息",
        "自然人",
    )
    assert (str(root.actual), str(root.expected)) == ("2", "1")


def test_text_and_table_disagree_on_the_portal_page() -> None:
    result = run(page(requests_in_text=25))
    (mismatch,) = [f for f in result.findings if f.rule == "X401"]
    assert (str(mismatch.actual), str(mismatch.expected)) == ("25", "21")
