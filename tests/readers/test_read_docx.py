"""Word .docx: structure, styles, numbering, revisions and tables as Word shows them."""

from __future__ import annotations

import pytest
from ooxml import W_NS, DocxCell, docx_bytes, package_bytes

from checker.errors import ReadError
from checker.model import BlockKind, Document
from checker.readers import read_bytes


def read(data: bytes) -> Document:
    return read_bytes(data, "r.docx")


def para(text: str, ppr: str = "") -> str:
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'{ppr_xml}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'.join(("<w:p>", "</w:p>"))


def styles_xml(*styles: str) -> str:
    return f'<w:styles xmlns:w="{W_NS}">' + "".join(styles) + "</w:styles>"


def test_blocks_from_writer() -> None:
    doc = read(
        docx_bytes(
            [
                ("title", "某区2023年政府信息公开工作年度报告"),
                ("heading", "一、总体情况", 1),
                ("paragraph", "本年度主动公开\t政府信息\n1626条。"),
                ("heading", "（一）主动公开", 2),
                ("heading", "1. 细项", 3),
                ("table", [["项目", "数量"], ["规章", "3"]]),
            ]
        )
    )
    assert doc.source_kind == "docx"
    got = [(b.kind, b.level, b.text, b.index) for b in doc.blocks]
    assert got == [
        (BlockKind.HEADING, 0, "某区2023年政府信息公开工作年度报告", 1),
        (BlockKind.HEADING, 1, "一、总体情况", 2),
        (BlockKind.PARAGRAPH, None, "本年度主动公开\t政府信息\n1626条。", 3),
        (BlockKind.HEADING, 2, "（一）主动公开", 4),
        (BlockKind.HEADING, 3, "1. 细项", 5),
        (BlockKind.TABLE, None, "项目\t数量\n规章\t3", 6),
    ]
    assert doc.tables[0].index == 1
    assert doc.blocks[0].location.paragraph == 1


def test_gridspan_and_both_vmerge_forms() -> None:
    rows: list[list[str | DocxCell]] = [
        [DocxCell("项目", vmerge="restart"), DocxCell("本年", gridspan=2), "总计"],
        [DocxCell("", vmerge="continue"), "新制定", "废止", DocxCell("合计", vmerge="restart")],
        [DocxCell("", vmerge="continue-bare"), "1", "2", DocxCell("", vmerge="continue-bare")],
        ["规章", "3", "4", DocxCell("", vmerge="continue")],
        ["其他", DocxCell("5", gridspan=2), "6"],
    ]
    table = read(docx_bytes([("table", rows)])).tables[0]
    assert table.text_rows() == [
        ["项目", "本年", "本年", "总计"],
        ["项目", "新制定", "废止", "合计"],
        ["项目", "1", "2", "合计"],
        ["规章", "3", "4", "合计"],
        ["其他", "5", "5", "6"],
    ]
    assert table.rows[0][0].rowspan == 3
    assert table.rows[2][0].origin == (0, 0)
    assert table.rows[3][3].origin == (1, 3)
    assert table.rows[1][3].rowspan == 3
    assert table.rows[4][1].colspan == 2


def test_vmerge_continue_without_restart_is_its_own_cell() -> None:
    rows: list[list[str | DocxCell]] = [[DocxCell("甲", vmerge="continue"), "乙"], ["丙", "丁"]]
    table = read(docx_bytes([("table", rows)])).tables[0]
    assert table.text_rows() == [["甲", "乙"], ["丙", "丁"]]


def test_grid_before_and_after() -> None:
    body = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + "".join(f"<w:tc>{para(x)}</w:tc>" for x in ("甲", "乙", "丙")) + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        f"<w:tc>{para('丁')}</w:tc><w:tc>{para('戊')}</w:tc></w:tr>"
        '<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>'
        f"<w:tc>{para('己')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    table = read(package_bytes(body)).tables[0]
    assert table.text_rows() == [["甲", "乙", "丙"], ["", "丁", "戊"], ["己", "", ""]]


def test_vmerge_across_grid_before_row() -> None:
    body = (
        "<w:tbl>"
        f'<w:tr><w:tc>{para("左")}</w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
        f"{para('合并')}</w:tc></w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
        "</w:tbl>"
    )
    table = read(package_bytes(body)).tables[0]
    assert table.text_rows() == [["左", "合并"], ["", "合并"]]


def test_legacy_hmerge() -> None:
    body = (
        '<w:tbl><w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>'
        f"{para('横向合并')}</w:tc>"
        '<w:tc><w:tcPr><w:hMerge w:val="continue"/></w:tcPr><w:p/></w:tc>'
        f"<w:tc>{para('丙')}</w:tc></w:tr></w:tbl>"
    )
    table = read(package_bytes(body)).tables[0]
    assert table.text_rows() == [["横向合并", "横向合并", "丙"]]
    assert table.rows[0][0].colspan == 2


def test_bad_gridspan_values() -> None:
    body = (
        f'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="abc"/></w:tcPr>{para("甲")}</w:tc>'
        f'<w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr>{para("乙")}</w:tc>'
        f'<w:tc><w:tcPr><w:gridSpan w:val="-4"/></w:tcPr>{para("丙")}</w:tc></w:tr></w:tbl>'
    )
    assert read(package_bytes(body)).tables[0].text_rows() == [["甲", "乙", "丙"]]


def test_a_table_nested_in_a_data_table_joins_its_cell() -> None:
    inner = f"<w:tbl><w:tr><w:tc>{para('内一')}</w:tc><w:tc>{para('内二')}</w:tc></w:tr></w:tbl>"
    cells = "".join(f"<w:tc>{para(x)}</w:tc>" for x in ("甲", "乙"))
    body = (
        f"<w:tbl><w:tr><w:tc>{para('第一段')}{para('第二段')}{inner}<w:p/></w:tc>{cells}</w:tr>"
        "</w:tbl>"
    )
    doc = read(package_bytes(body))
    assert doc.tables[0].text_rows() == [["第一段\n第二段\n内一\n内二", "甲", "乙"]]
    assert len(doc.tables) == 1


def test_a_frame_round_a_table_gives_its_paragraphs_and_the_table() -> None:
    inner = f"<w:tbl><w:tr><w:tc>{para('内一')}</w:tc><w:tc>{para('内二')}</w:tc></w:tr></w:tbl>"
    body = f"<w:tbl><w:tr><w:tc>{para('第一段')}{para('第二段')}{inner}<w:p/></w:tc></w:tr></w:tbl>"
    doc = read(package_bytes(body))
    assert [b.text for b in doc.blocks if b.kind.name != "TABLE"] == ["第一段", "第二段"]
    assert [t.text_rows() for t in doc.tables] == [[["内一", "内二"]]]


def test_heading_styles_resolved_through_styles_xml() -> None:
    styles = styles_xml(
        '<w:style w:type="paragraph" w:default="1" w:styleId="a">'
        '<w:name w:val="Normal"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="a"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="报告一级"/>'
        '<w:basedOn w:val="1"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="cn2"><w:name w:val="标题 2"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="自定义"/>'
        '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="正文9"/>'
        '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="甲"/>'
        '<w:basedOn w:val="LoopB"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="乙"/>'
        '<w:basedOn w:val="LoopA"/></w:style>',
    )
    body = "".join(
        [
            para("一级", '<w:pStyle w:val="1"/>'),
            para("继承一级", '<w:pStyle w:val="MyTitle"/>'),
            para("二级", '<w:pStyle w:val="cn2"/>'),
            para("大纲三级", '<w:pStyle w:val="Outline"/>'),
            para("正文", '<w:pStyle w:val="Body9"/>'),
            para("直接大纲", '<w:outlineLvl w:val="3"/>'),
            para("循环", '<w:pStyle w:val="LoopA"/>'),
            para("未知样式", '<w:pStyle w:val="Missing"/>'),
        ]
    )
    doc = read(package_bytes(body, styles=styles))
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("一级", 1),
        ("继承一级", 1),
        ("二级", 2),
        ("大纲三级", 3),
        ("正文", None),
        ("直接大纲", 4),
        ("循环", None),
        ("未知样式", None),
    ]
    assert [b.kind for b in doc.blocks][:2] == [BlockKind.HEADING, BlockKind.HEADING]


def test_word_numbering_labels_from_writer() -> None:
    doc = read(
        docx_bytes(
            [
                ("numbered", "总体情况", 0),
                ("numbered", "主动公开", 1),
                ("paragraph", "正文"),
                ("numbered", "依申请公开", 1),
                ("numbered", "主动公开政府信息情况", 0),
                ("numbered", "规章", 1),
                ("numbered", "细目", 2),
                ("numbered", "细目二", 2),
                ("numbered", "细目的细目", 3),
            ]
        )
    )
    assert [b.text for b in doc.blocks] == [
        "一、总体情况",
        "（一）主动公开",
        "正文",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "（一）规章",
        "1.细目",
        "2.细目二",
        "（1）细目的细目",
    ]


def numbering_xml(levels: str, nums: str = "") -> str:
    return (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">{levels}'
        '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
        f"{nums}</w:numbering>"
    )


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbered(text: str, ilvl: int = 0, num_id: int = 3) -> str:
    return para(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


@pytest.mark.parametrize(
    ("fmt", "text", "start", "labels"),
    [
        ("chineseCounting", "%1、", 9, ["九、", "十、", "十一、"]),
        ("chineseCountingThousand", "（%1）", 1, ["（一）", "（二）", "（三）"]),
        ("chineseLegalSimplified", "第%1条", 10, ["第壹拾条", "第壹拾壹条", "第壹拾贰条"]),
        ("ideographTraditional", "%1.", 1, ["甲.", "乙.", "丙."]),
        ("decimalEnclosedCircle", "%1", 19, ["⑲", "⑳", "㉑"]),
        ("lowerLetter", "%1)", 26, ["z)", "aa)", "bb)"]),
        ("upperLetter", "%1.", 1, ["A.", "B.", "C."]),
        ("lowerRoman", "(%1)", 3, ["(iii)", "(iv)", "(v)"]),
        ("upperRoman", "%1.", 8, ["VIII.", "IX.", "X."]),
        ("decimalFullWidth", "%1．", 9, ["９．", "１０．", "１１．"]),
        ("decimal", "第%1部分", 1, ["第1部分", "第2部分", "第3部分"]),
    ],
)
def test_number_formats(fmt: str, text: str, start: int, labels: list[str]) -> None:
    numbering = numbering_xml(lvl(0, fmt, text, start, '<w:suff w:val="nothing"/>'))
    body = "".join(numbered(f"项{i}") for i in range(3))
    doc = read(package_bytes(body, numbering=numbering))
    assert [b.text for b in doc.blocks] == [f"{label}项{i}" for i, label in enumerate(labels)]


def test_bullets_have_no_label_and_tab_suffix_becomes_space() -> None:
    levels = lvl(0, "decimal", "%1.") + lvl(1, "bullet", "\uf06c") + lvl(2, "decimal", "%1.%3")
    body = numbered("要点") + numbered("细项", 1) + numbered("再细", 2)
    doc = read(package_bytes(body, numbering=numbering_xml(levels)))
    assert [b.text for b in doc.blocks] == ["1. 要点", "细项", "1.1 再细"]


def test_start_override_restarts_and_shared_definition_continues() -> None:
    nums = (
        '<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="5"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    numbering = numbering_xml(lvl(0, "chineseCounting", "%1、"), nums)
    body = "".join(
        numbered(text, num_id=num_id)
        for text, num_id in (("甲", 3), ("乙", 4), ("丙", 5), ("丁", 5))
    )
    doc = read(package_bytes(body, numbering=numbering))
    assert [b.text for b in doc.blocks] == ["一、甲", "二、乙", "一、丙", "二、丁"]


def test_numbering_through_paragraph_style_and_num_id_zero() -> None:
    styles = styles_xml(
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>',
    )
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
    body = "".join(
        [
            para("总体情况", '<w:pStyle w:val="H1"/>'),
            para("主动公开", '<w:pStyle w:val="H2"/>'),
            para("不编号", '<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
            para("收到申请", '<w:pStyle w:val="H1"/>'),
        ]
    )
    doc = read(package_bytes(body, styles=styles, numbering=numbering_xml(levels)))
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("一、总体情况", 1),
        ("（一）主动公开", 2),
        ("不编号", 1),
        ("二、收到申请", 1),
    ]


def test_empty_numbered_paragraph_still_counts() -> None:
    numbering = numbering_xml(lvl(0, "chineseCounting", "%1、"))
    body = (
        numbered("甲")
        + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>'
    )
    body += numbered("丙")
    doc = read(package_bytes(body, numbering=numbering))
    assert [b.text for b in doc.blocks] == ["一、甲", "三、丙"]


def test_numbering_inside_table_cells() -> None:
    numbering = numbering_xml(lvl(0, "decimal", "%1."))
    body = f"<w:tbl><w:tr><w:tc>{numbered('甲')}{numbered('乙')}</w:tc></w:tr></w:tbl>"
    doc = read(package_bytes(body, numbering=numbering))
    assert doc.tables[0].text_rows() == [["1. 甲\n2. 乙"]]


def test_unknown_num_id_and_missing_numbering_part_are_ignored() -> None:
    doc = read(package_bytes(numbered("甲", num_id=42)))
    assert [b.text for b in doc.blocks] == ["甲"]


def test_revisions_fields_links_and_hidden_text() -> None:
    body = (
        "<w:p>"
        '<w:r><w:t xml:space="preserve">公开</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
        '<w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>/9</w:t></w:r></w:fldSimple>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>不隐藏</w:t></w:r>'
        '<w:smartTag w:uri="u" w:element="date"><w:r><w:t>2023年</w:t></w:r></w:smartTag>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t>甲</w:t><w:noBreakHyphen/><w:t>乙</w:t><w:cr/><w:t>丙</w:t></w:r>"
        "</w:p>"
        '<w:del w:id="4"><w:p><w:r><w:delText>整段删除</w:delText></w:r></w:p></w:del>'
        "<w:sdt><w:sdtContent>" + para("块级控件") + "</w:sdtContent></w:sdt>"
    )
    doc = read(package_bytes(body))
    assert [b.text for b in doc.blocks] == [
        "公开插入的链接文字7/9不隐藏2023年控件甲-乙\n丙",
        "块级控件",
    ]


def test_text_boxes_follow_their_paragraph_once() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent>{para('文本框内容')}</w:txbxContent>"
    body = (
        f'<w:p xmlns:mc="{mc}"><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wrapper>{box}</wrapper></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><shape><textbox>{box}</textbox></shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>" + para("下一段")
    )
    doc = read(package_bytes(body))
    assert [b.text for b in doc.blocks] == ["锚定段落", "文本框内容", "下一段"]


def test_table_of_contents_entries_are_skipped() -> None:
    styles = styles_xml(
        '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>',
    )
    body = para("一、总体情况\t1", '<w:pStyle w:val="TOC1"/>') + para(
        "一、总体情况", '<w:pStyle w:val="H1"/>'
    )
    doc = read(package_bytes(body, styles=styles))
    assert [(b.text, b.level) for b in doc.blocks] == [("一、总体情况", 1)]


def test_core_title_in_meta() -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>年度报告</dc:title></cp:coreProperties>"
    ).encode()
    doc = read(package_bytes(para("正文"), extra=[("docProps/core.xml", core)]))
    assert doc.meta == {"title": "年度报告"}
    assert doc.encoding is None


def test_document_without_text_is_empty() -> None:
    with pytest.raises(ReadError) as info:
        read(package_bytes("<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"))
    assert info.value.code == "empty"


def test_strict_ooxml_namespace() -> None:
    data = package_bytes(para("严格格式")).replace(
        W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    assert [b.text for b in read(data).blocks] == ["严格格式"]


def test_writer_is_deterministic() -> None:
    blocks: list[tuple[object, ...]] = [
        ("title", "报告"),
        ("numbered", "总体", 0),
        ("table", [[DocxCell("甲", gridspan=2)], ["乙", "丙"]]),
    ]
    assert docx_bytes(blocks) == docx_bytes(blocks)


def test_writer_rejects_unknown_blocks() -> None:
    with pytest.raises(ValueError):
        docx_bytes([("image", "x.png")])
    with pytest.raises(ValueError):
        docx_bytes([("heading", "x", 12)])


def test_alt_chunks_are_reported_as_unread() -> None:
    doc = read(package_bytes(para("正文") + '<w:altChunk r:id="rId7"/>'))
    assert [b.text for b in doc.blocks] == ["正文"]
    assert "altChunk" in doc.meta["unread_parts"]


def test_sliver_grid_columns_are_not_columns() -> None:
    # LibreOffice, re-saving a table whose rows end a twip apart, adds a 1-twip
    # grid column and spans the cells above it over two columns
    body = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="600"/><w:gridCol w:w="1"/>'
        '<w:gridCol w:w="600"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{para("总计")}</w:tc>'
        f"<w:tc>{para('结果维持')}</w:tc></w:tr>"
        f"<w:tr><w:tc>{para('4')}</w:tc><w:tc><w:p/></w:tc><w:tc>{para('1')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    table = read(package_bytes(body)).tables[0]
    assert table.text_rows() == [["总计", "结果维持"], ["4", "1"]]
