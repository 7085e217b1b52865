"""HTML pages: decoding, page chrome, the content container and tables."""

from __future__ import annotations

import pytest

from checker.errors import ReadError
from checker.model import BlockKind, Document
from checker.readers import ReadLimits, read_bytes


def html(body: str, head: str = "", charset: str | None = "utf-8") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>".encode(
        charset if charset and charset != "gb2312" else "utf-8"
    )


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is not BlockKind.TABLE]


def test_headings_paragraphs_and_breaks() -> None:
    body = (
        "<h1>年度报告</h1><h2>一、总体情况</h2>"
        "<p>第一行<br>第二行<br/>  <br>第三&nbsp;行</p>"
        "<ul><li>规章</li><li>规范性<b>文件</b></li></ul>"
        "<div>分隔<div>内层</div>尾部</div>"
    )
    doc = read_bytes(html(body), "r.html")
    assert doc.source_kind == "html"
    got = [(b.kind.value, b.level, b.text) for b in doc.blocks]
    assert got == [
        ("heading", 1, "年度报告"),
        ("heading", 2, "一、总体情况"),
        ("paragraph", None, "第一行"),
        ("paragraph", None, "第二行"),
        ("paragraph", None, "第三 行"),
        ("paragraph", None, "规章"),
        ("paragraph", None, "规范性文件"),
        ("paragraph", None, "分隔"),
        ("paragraph", None, "内层"),
        ("paragraph", None, "尾部"),
    ]
    assert [b.index for b in doc.blocks] == list(range(1, 11))
    assert all(b.line == 1 for b in doc.blocks)


def test_source_lines_are_recorded() -> None:
    page = "<html>\n<body>\n<p>甲</p>\n\n<p>乙</p>\n</body></html>".encode()
    doc = read_bytes(page, "r.html")
    assert [(b.text, b.line) for b in doc.blocks] == [("甲", 3), ("乙", 5)]


def test_scripts_styles_comments_and_chrome_are_dropped() -> None:
    body = (
        "<header>网站头部导航</header><nav>首页 政务公开</nav>"
        "<script>document.write('脚本文字')</script><style>p{color:red}</style>"
        "<noscript>请启用脚本</noscript><template><p>模板</p></template>"
        "<!-- 注释文字 --><p>正文<!-- 行内注释 -->内容</p>"
        "<form><label>搜索</label><input value='输入框'><select><option>选项</option></select>"
        "<button>提交按钮</button><textarea>文本域</textarea></form>"
        "<p hidden>隐藏段落</p><p style='display: none'>也隐藏</p>"
        "<footer>版权所有</footer>"
    )
    doc = read_bytes(
        html(body, head="<title>标题</title><script>var a='头部脚本'</script>"), "r.htm"
    )
    assert texts(doc) == ["正文内容", "搜索"]
    assert doc.meta["title"] == "标题"


def test_article_header_is_kept() -> None:
    body = "<article><header><h1>某区年度报告</h1></header><p>正文</p></article>"
    assert texts(read_bytes(html(body), "r.html")) == ["某区年度报告", "正文"]


def test_content_container_chosen_by_text_share() -> None:
    report = "".join(
        f"<p>第{i}段，本机关依法主动公开政府信息，接受社会监督。</p>" for i in range(20)
    )
    body = (
        "<div class='top'>首页 | 网站地图 | 无障碍浏览 | 联系我们</div>"
        "<div class='wrap'><div class='side'><h3>最新信息</h3><p>热点新闻一则</p></div>"
        "<div class='content'><h1>某区2023年政府信息公开工作年度报告</h1>"
        "<div class='info'>来源：区政府办</div>"
        f"<div class='TRS_Editor'>{report}</div></div></div>"
        "<div class='bottom'>主办单位：某区人民政府办公室 技术支持</div>"
    )
    head = "<title>某区2023年政府信息公开工作年度报告_某区人民政府</title>"
    doc = read_bytes(html(body, head=head), "r.html")
    got = texts(doc)
    assert got[0] == "某区2023年政府信息公开工作年度报告"
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert got[1].startswith("第0段")
    assert len(got) == 21
    assert "热点新闻一则" not in got
    assert not any("主办单位" in t or "网站地图" in t for t in got)
    assert doc.meta["content_container"] == "div.TRS_Editor"


def test_whole_body_when_no_container_dominates() -> None:
    body = (
        "<div><p>甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥</p></div>" * 2
        + "<div><p>尾声尾声尾声尾声尾声尾声尾声尾声尾声</p></div>"
    )
    doc = read_bytes(html(body), "r.html")
    assert len(doc.blocks) == 3
    assert "content_container" not in doc.meta


def test_rowspan_and_colspan() -> None:
    table = (
        "<table>"
        "<thead><tr><th rowspan='2'>信息内容</th><th colspan='2'>本年</th><th>现行</th></tr>"
        "<tr><th>新制定</th><th>废止</th><th>有效</th></tr></thead>"
        "<tbody><tr><td>规章</td><td>0</td><td>1</td><td>3</td></tr></tbody>"
        "<tfoot><tr><td colspan='3'>合计</td><td>3</td></tr></tfoot>"
        "</table>"
    )
    doc = read_bytes(html(table), "r.html")
    t = doc.tables[0]
    assert t.text_rows() == [
        ["信息内容", "本年", "本年", "现行"],
        ["信息内容", "新制定", "废止", "有效"],
        ["规章", "0", "1", "3"],
        ["合计", "合计", "合计", "3"],
    ]
    assert t.rows[1][0].origin == (0, 0)
    assert t.rows[0][0].rowspan == 2
    assert t.rows[0][2].colspan == 2


@pytest.mark.parametrize(
    ("rowspan", "colspan", "shape"),
    [
        ("0", "0", (3, 2)),  # rowspan 0 runs to the end; colspan 0 means 1
        ("abc", "x", (3, 2)),
        ("999999", "999999", (3, 1001)),
        ("-3", "2.5", (3, 3)),
        (" 2 ", "1 ", (3, 2)),
    ],
)
def test_bad_span_values_are_clamped(rowspan: str, colspan: str, shape: tuple[int, int]) -> None:
    table = (
        f"<table><tr><td rowspan='{rowspan}' colspan='{colspan}'>甲</td><td>乙</td></tr>"
        "<tr><td>丙</td></tr><tr><td>丁</td></tr></table>"
    )
    doc = read_bytes(html(table), "r.html")
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == shape
    assert t.rows[0][0].text == "甲"


def test_span_table_too_large() -> None:
    rows = "".join(f"<tr><td colspan='1000'>{i}</td><td>x</td></tr>" for i in range(300))
    with pytest.raises(ReadError) as info:
        read_bytes(html(f"<table>{rows}</table>"), "r.html")
    assert info.value.code == "table-too-large"


def test_cell_text_joins_lines() -> None:
    table = "<table><tr><td>第一行<br>第二行<p>第三段</p></td><td> 1,626 </td></tr></table>"
    doc = read_bytes(html(table), "r.html")
    assert doc.tables[0].text_rows() == [["第一行\n第二行\n第三段", "1,626"]]


def test_nested_layout_table() -> None:
    inner = "<table><tr><td>项目</td><td>数量</td></tr><tr><td>规章</td><td>3</td></tr></table>"
    page = (
        "<table width='100%'><tr><td>网站栏目</td></tr>"
        f"<tr><td><p>一、总体情况</p>{inner}<p>二、其他</p></td><td>侧栏</td></tr></table>"
    )
    doc = read_bytes(html(page), "r.html")
    kinds = [(b.kind.value, b.text) for b in doc.blocks]
    assert kinds == [
        ("paragraph", "网站栏目"),
        ("paragraph", "一、总体情况"),
        ("table", "项目\t数量\n规章\t3"),
        ("paragraph", "二、其他"),
        ("paragraph", "侧栏"),
    ]
    assert len(doc.tables) == 1
    assert doc.tables[0].index == 1


def test_single_column_wrapper_table_is_layout() -> None:
    page = "<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>"
    doc = read_bytes(html(page), "r.html")
    assert texts(doc) == ["一、总体情况", "正文"]
    assert not doc.tables


def test_caption_becomes_paragraph() -> None:
    page = "<table><caption>表一</caption><tr><td>甲</td><td>乙</td></tr></table>"
    doc = read_bytes(html(page), "r.html")
    assert [b.kind.value for b in doc.blocks] == ["paragraph", "table"]
    assert doc.blocks[0].text == "表一"


def test_unclosed_tags() -> None:
    page = (
        "<html><body><p>一、总体情况<p>第二段<table><tr><td>甲<td>乙<tr><td>丙<td>丁</table><p>尾"
    )
    doc = read_bytes(page.encode(), "r.html")
    assert texts(doc) == ["一、总体情况", "第二段", "尾"]
    assert doc.tables[0].text_rows() == [["甲", "乙"], ["丙", "丁"]]


def test_twenty_deep_nesting() -> None:
    body = "<div><span>" * 20 + "<p>深层文字</p>" + "</span></div>" * 20
    inner = "<table><tr><td>甲</td><td>乙</td></tr></table>"
    tables = "<table><tr><td>" * 20 + inner + "</td></tr></table>" * 20
    doc = read_bytes(html(body + tables), "r.html")
    assert texts(doc) == ["深层文字"]
    assert doc.tables[0].text_rows() == [["甲", "乙"]]


def test_hundreds_of_unclosed_tags_keep_all_text() -> None:
    page = "<html><body>" + "<font>" * 600 + "<p>文字</p><p>之后</p></body></html>"
    doc = read_bytes(page.encode(), "r.html")
    text = " ".join(texts(doc))
    assert "文字" in text and "之后" in text


def test_pathological_nesting_is_refused_not_truncated() -> None:
    page = "<html><body>" + "<div>" * 5000 + "文字" + "</div>" * 5000 + "<p>之后</p></body></html>"
    with pytest.raises(ReadError) as info:
        read_bytes(page.encode(), "r.html")
    assert info.value.code == "too-complex"


def test_gb2312_declared_page_with_gbk_only_characters() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>报告</title></head><body><p>朱镕基、王堃同志出席。</p><p>下一段</p></body></html>"
    )
    doc = read_bytes(page.encode("gbk"), "r.html")
    assert texts(doc) == ["朱镕基、王堃同志出席。", "下一段"]
    assert doc.encoding == "gb18030"
    assert doc.meta["declared_charset"].lower() == "gb2312"


def test_utf8_page_declared_gb2312_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>政府信息公开</p></body></html>'
    doc = read_bytes(page.encode("utf-8"), "r.html")
    assert texts(doc) == ["政府信息公开"]
    assert doc.encoding == "utf-8"


def test_undeclared_gbk_page_is_detected() -> None:
    page = "<html><body><p>政府信息公开工作年度报告</p></body></html>"
    doc = read_bytes(page.encode("gb18030"), "r.html")
    assert texts(doc) == ["政府信息公开工作年度报告"]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_bom_pages(codec: str) -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>报告正文</p></body></html>'
    assert texts(read_bytes(page.encode(codec), "r.html")) == ["报告正文"]


def test_xml_declaration_and_xhtml() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>正文</p></body></html>'
    )
    doc = read_bytes(page.encode(), "r.xhtml")
    assert texts(doc) == ["正文"]


def test_entities_are_not_expanded_from_outside() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>甲&xxe;乙 &amp; &lt;丙&gt;</p></body></html>"
    )
    doc = read_bytes(page.encode(), "r.html")
    text = "".join(texts(doc))
    assert "root:" not in text
    assert "甲" in text and "&" in text and "<丙>" in text


def test_pre_keeps_lines() -> None:
    doc = read_bytes(html("<pre>第一行\n第二行\n</pre>"), "r.html")
    assert texts(doc) == ["第一行", "第二行"]


def test_page_without_text_is_empty() -> None:
    with pytest.raises(ReadError) as info:
        read_bytes(html("<script>var a = 1;</script><img src='x.png'>"), "r.html")
    assert info.value.code == "empty"


def test_comment_only_page_is_empty() -> None:
    with pytest.raises(ReadError) as info:
        read_bytes(b"<!-- nothing -->", "r.html")
    assert info.value.code == "empty"


def test_plain_text_in_html_extension() -> None:
    doc = read_bytes("一、总体情况\n二、主动公开".encode(), "r.html")
    assert doc.source_kind == "html"
    assert "一、总体情况" in doc.blocks[0].text


def test_long_paragraph_is_split() -> None:
    text = "公开。" * 1000
    doc = read_bytes(html(f"<p>{text}</p>"), "r.html", ReadLimits(max_line_chars=500))
    assert len(doc.blocks) > 1
    assert all(len(b.text) <= 500 and b.text.endswith("。") for b in doc.blocks)
    assert "".join(b.text for b in doc.blocks) == text


def test_report_split_over_two_containers_is_kept_whole() -> None:
    first = "".join(f"<p>第{i}段，本机关依法主动公开政府信息。</p>" for i in range(16))
    second = "".join(f"<p>附表说明{i}，收到和处理政府信息公开申请。</p>" for i in range(4))
    body = f"<div class='part1'>{first}</div><div class='part2'>{second}</div>"
    got = texts(read_bytes(html(body), "r.html"))
    assert len(got) == 20
    assert got[-1].startswith("附表说明3")


def test_a_single_paragraph_is_never_the_container() -> None:
    body = "<p>" + "公开" * 200 + "</p><p>结尾段落</p>"
    got = texts(read_bytes(html(body), "r.html"))
    assert got[-1] == "结尾段落"


def test_site_logo_heading_is_not_taken_for_the_title() -> None:
    report = "".join(f"<p>第{i}段，本机关依法主动公开政府信息。</p>" for i in range(20))
    body = (
        "<h1>某区人民政府</h1><div class='menu'>首页</div>"
        f"<div id='zoom'>{report}</div><h3>某区2023年政府信息公开工作年度报告</h3>"
    )
    head = "<title>某区2023年政府信息公开工作年度报告_某区人民政府</title>"
    got = texts(read_bytes(html(body, head=head), "r.html"))
    assert got[0] == "第0段，本机关依法主动公开政府信息。"
    assert len(got) == 20


def test_publication_date_from_the_page_head() -> None:
    page = (
        '<html><head><meta name="PubDate" content="2024-01-17 10:00"><title>报告</title></head>'
        "<body><p>正文</p></body></html>"
    )
    doc = read_bytes(page.encode(), "p.html")
    assert doc.meta["published"] == "2024-01-17 10:00"
