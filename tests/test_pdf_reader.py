"""The PDF reader on the page shapes published reports have: page numbers in
the forms official documents use, running heads, paragraphs wrapped over lines,
ruled tables with merged cells, tables broken by a page, and the text layers
that cannot be read. The PDFs are written by ``pdfgen`` (no LibreOffice)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checker.batch import engine_for
from checker.engine import Options
from checker.errors import ReadError
from checker.model import Document
from checker.readers import ReadLimits, read_bytes
from pdfgen import Page, pdf_bytes


def read(pages: list[Page], **kw: object) -> Document:
    return read_bytes(pdf_bytes(pages, **kw), "report.pdf")  # type: ignore[arg-type]


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.table is None]


def error(data: bytes, limits: ReadLimits | None = None) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(data, "report.pdf", limits)
    return info.value


BODY = "本机关全年主动公开政府信息一千二百条，其中政策文件四十件，均在门户网站集中发布。"


def body_page(n: int, footer: str, x: float = 280) -> Page:
    return (
        Page().text(90, 90, f"（{n}）第{n}部分", size=16).text(90, 110, BODY).text(x, 790, footer)
    )


# ---- page chrome ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "footer",
    [
        "- {n} -",
        "— {n} —",
        "－{n}－",
        "{n}",
        "第{n}页",
        "第 {n} 页 共 3 页",
        "第{n}页/共3页",
        "{n}/3",
        "共3页 第{n}页",
    ],
)
def test_page_numbers_are_dropped(footer: str) -> None:
    doc = read([body_page(n, footer.format(n=n)) for n in (1, 2, 3)])
    assert texts(doc) == [t for n in (1, 2, 3) for t in (f"（{n}）第{n}部分", BODY)]
    assert [b.page for b in doc.blocks] == [1, 1, 2, 2, 3, 3]


def test_page_numbers_of_official_documents_alternate_sides() -> None:
    # odd pages carry the number on the right, even pages on the left
    pages = [body_page(n, f"— {n} —", x=470 if n % 2 else 90) for n in (1, 2, 3, 4)]
    assert all("—" not in t for t in texts(read(pages)))


def test_running_heads_are_dropped_but_the_title_stays() -> None:
    head = "青禾市生态环境局2023年政府信息公开工作年度报告"
    pages = [Page().text(90, 40, head).text(90, 90, "一、总体情况").text(90, 110, BODY)]
    pages += [
        Page().text(90, 40, head).text(90, 90, f"{n}、其他").text(90, 110, BODY) for n in "二三"
    ]
    pages[0].texts.insert(0, (150, 60, 22, "青禾市生态环境局2023年年度报告"))
    for page in pages:
        page.rule(90, 56, 505, 56)  # the rule under a running head is not a table
    doc = read(pages)
    found = texts(doc)
    assert doc.tables == []
    assert head not in found
    assert found[0] == "青禾市生态环境局2023年年度报告"


def test_a_watermark_across_the_page_is_not_text() -> None:
    pages = [body_page(n, str(n)).watermark(150, 600, "内部资料注意保存") for n in (1, 2)]
    assert all("内部" not in t and "资" not in t for t in texts(read(pages)))


def test_a_page_set_sideways_is_still_read() -> None:
    page = Page().watermark(100, 700, "一、总体情况全年主动公开政府信息", degrees=80)
    assert read([page]).blocks  # turned text only: read, not refused as a scan


def test_a_number_standing_in_the_body_is_kept() -> None:
    page = Page().text(90, 90, "二、主动公开").text(90, 400, "2023").text(90, 420, BODY)
    assert "2023" in texts(read([page]))


# ---- paragraphs ------------------------------------------------------------------------------


def test_wrapped_lines_join_and_paragraphs_split() -> None:
    page = (
        Page()
        .text(90, 90, "一、总体情况", size=16)
        .text(90, 112, "本年度共收到政府信息公开申请77件，其中自然人提出62件，法人或其他组织")
        .text(90, 128, "提出15件。")
        .text(114, 144, "上年结转4件，本年度办理完毕75件。")  # first-line indent
        .text(90, 160, "结转下年度继续办理7件。")
    )
    assert texts(read([page])) == [
        "一、总体情况",
        "本年度共收到政府信息公开申请77件，其中自然人提出62件，法人或其他组织提出15件。",
        "上年结转4件，本年度办理完毕75件。",
        "结转下年度继续办理7件。",  # the line above ended short
    ]


def test_paragraphs_indented_with_ideographic_spaces() -> None:
    # drafts typed in WPS often indent with two full-width spaces instead of a first-line indent
    page = (
        Page()
        .text(90, 100, "　　本机关坚持以公开为常态、不公开为例外，全年主动公开各类政府信息三百二十")
        .text(90, 116, "条。")
        .text(90, 132, "　　依申请公开工作规范有序。")
    )
    assert texts(read([page])) == [
        "本机关坚持以公开为常态、不公开为例外，全年主动公开各类政府信息三百二十条。",
        "依申请公开工作规范有序。",
    ]


def test_a_paragraph_continues_on_the_next_page() -> None:
    first = Page().text(
        90, 700, "全年共办理依申请公开事项一百二十件，所有申请均在法定期限内予以答复，"
    )
    second = Page().text(90, 72, "未发生逾期答复的情形。").text(90, 100, "二、其他", size=16)
    doc = read([first, second])
    assert texts(doc)[0].endswith("予以答复，未发生逾期答复的情形。")
    assert doc.blocks[0].page == 1 and doc.blocks[1].page == 2


# ---- tables -------------------------------------------------------------------------------------

XS = [90.0, 250.0, 330.0, 410.0]


def rows_at(top: float, n: int, h: float = 20.0) -> list[float]:
    return [top + i * h for i in range(n + 1)]


def put(page: Page, ys: list[float], cells: list[list[str]]) -> Page:
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                page.text(XS[c] + 3, ys[r] + 4, text, size=10)
    return page


HEADER = ["项目", "自然人", "总计"]


def test_ruled_table_with_a_merged_cell() -> None:
    ys = rows_at(200, 3)
    page = Page().grid(XS, ys, merged=((1, 0, 3, 1),))
    put(page, ys, [HEADER, ["不予公开", "1", "2"], ["", "3", "4"]])
    (table,) = read([page]).tables
    assert table.text_rows() == [HEADER, ["不予公开", "1", "2"], ["不予公开", "3", "4"]]
    assert table.rows[2][0].origin == (1, 0) and table.rows[1][0].rowspan == 2


def test_table_broken_by_a_page_with_its_header_repeated() -> None:
    ys1, ys2 = rows_at(600, 3), rows_at(72, 3)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["予以公开", "5", "6"], ["部分公开", "1", "1"]])
    p2 = put(Page().grid(XS, ys2), ys2, [HEADER, ["不予公开", "2", "2"], ["总计", "8", "9"]])
    doc = read([p1, p2])
    (table,) = doc.tables
    assert [r[0] for r in table.text_rows()] == ["项目", "予以公开", "部分公开", "不予公开", "总计"]
    assert table.row_pages == (1, 1, 1, 2, 2)


def test_table_continued_under_a_continuation_mark() -> None:
    ys1, ys2 = rows_at(640, 2), rows_at(96, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["予以公开", "5", "6"]])
    p2 = put(Page().text(90, 72, "（续表）").grid(XS, ys2), ys2, [HEADER, ["总计", "8", "9"]])
    doc = read([p1, p2])
    assert texts(doc) == []
    (table,) = doc.tables
    assert [r[0] for r in table.text_rows()] == ["项目", "予以公开", "总计"]


def test_table_broken_by_a_page_without_a_header() -> None:
    ys1, ys2 = rows_at(640, 2), rows_at(72, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["予以公开", "5", "6"]])
    p2 = put(Page().grid(XS, ys2), ys2, [["不予公开", "2", "2"], ["总计", "8", "9"]])
    (table,) = read([p1, p2]).tables
    assert table.n_rows == 4 and table.row_pages == (1, 1, 2, 2)


def _without_top_line(page: Page, top: float) -> Page:
    """``page`` with its table's top border taken off, as a browser prints the rows
    a page break carries over (the border between them stays on the page before)."""
    page.lines = [line for line in page.lines if not (line[1] == top and line[3] == top)]
    return page


@pytest.mark.parametrize("top_line", [True, False])
def test_the_first_row_on_the_next_page_without_a_line_above_it(top_line: bool) -> None:
    ys1, ys2 = rows_at(640, 2), rows_at(72, 3)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["予以公开", "5", "6"]])
    p2 = put(
        Page().grid(XS, ys2),
        ys2,
        [["部分公开", "1", "1"], ["不予公开", "2", "2"], ["总计", "8", "9"]],
    )
    if not top_line:
        _without_top_line(p2, ys2[0])
    doc = read([p1, p2])
    (table,) = doc.tables
    assert [r[0] for r in table.text_rows()] == ["项目", "予以公开", "部分公开", "不予公开", "总计"]
    assert texts(doc) == []


def test_a_row_of_dashes_at_the_top_of_a_page_is_a_row_of_its_own() -> None:
    # rows set tight, as a browser prints them: every cell's text runs to its foot
    ys1, ys2 = rows_at(660, 2), rows_at(72, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["保护第三方合法权益", "2", "3"]])
    p2 = put(Page().grid(XS, ys2), ys2, [["属于三类内部事务信息", "—", "—"], ["总计", "2", "3"]])
    (table,) = read([p1, p2]).tables
    assert [r[0] for r in table.text_rows()] == [
        "项目",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "总计",
    ]
    assert table.text_rows()[1][1:] == ["2", "3"]


def test_a_group_line_at_the_top_of_a_page_is_a_row_of_its_own() -> None:
    ys1, ys2 = rows_at(660, 2), rows_at(72, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["（二）部分公开", "1", "1"]])
    p2 = put(Page().grid(XS, ys2), ys2, [["（三）不予公开", "", ""], ["1.属于国家秘密", "0", "0"]])
    (table,) = read([p1, p2]).tables
    assert [r[0] for r in table.text_rows()] == [
        "项目",
        "（二）部分公开",
        "（三）不予公开",
        "1.属于国家秘密",
    ]


def test_a_label_the_page_cut_before_its_item_number_is_one_label() -> None:
    ys1, ys2 = rows_at(660, 2), rows_at(72, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["（三）不予公开", "0", "0"]])
    p2 = put(Page().grid(XS, ys2), ys2, [["1.属于国家秘密", "", ""], ["2.其他法律", "0", "0"]])
    (table,) = read([p1, p2]).tables
    assert [r[0] for r in table.text_rows()] == [
        "项目",
        "（三）不予公开1.属于国家秘密",
        "2.其他法律",
    ]


def test_a_merged_cells_words_printed_below_its_part_of_the_table() -> None:
    # a browser centres a merged cell's words over rows the page break carries on:
    # some of them fall below the page's part of the table
    ys1, ys2 = rows_at(660, 3), rows_at(72, 2)
    p1 = Page().grid(XS, ys1, merged=((1, 0, 3, 1),))
    put(p1, ys1, [HEADER, ["", "1", "1"], ["", "2", "2"]])
    p1.text(XS[0] + 3, ys1[2] + 4, "三、本年度办", size=10).text(
        XS[0] + 3, ys1[3] + 4, "理结果", size=10
    )
    p2 = Page().grid(XS, ys2, merged=((0, 0, 2, 1),))
    put(p2, ys2, [["", "3", "3"], ["", "4", "4"]])
    doc = read([p1, p2])
    assert texts(doc) == []
    (table,) = doc.tables
    assert [r[0] for r in table.text_rows()] == ["项目"] + ["三、本年度办理结果"] * 4


def test_a_figure_wrapped_in_a_narrow_cell_is_one_figure() -> None:
    ys = rows_at(200, 2)
    page = put(Page().grid(XS, ys), ys, [HEADER, ["行政规范性文件", "4", "6"]])
    page.text(XS[1] + 3, ys[1] + 10, "1", size=10)  # the figure's last digit, on a line below
    (table,) = read([page]).tables
    assert table.text_rows()[1] == ["行政规范性文件", "41", "6"]


def test_merged_label_and_row_cut_by_the_page_are_put_back() -> None:
    ys1, ys2 = rows_at(640, 3), rows_at(72, 3)
    p1 = Page().grid(XS, ys1, merged=((1, 0, 3, 1),))
    put(p1, ys1, [HEADER, ["（三）不予公开", "1", "2"], ["", "3", "4"]])
    p2 = Page().grid(XS, ys2, merged=((0, 0, 2, 1),))
    put(p2, ys2, [["", "5", "6"], ["", "7", "8"], ["（七）总计", "16", "20"]])
    (table,) = read([p1, p2]).tables
    labels = [r[0] for r in table.text_rows()]
    assert labels == ["项目"] + ["（三）不予公开"] * 4 + ["（七）总计"]
    assert table.rows[1][0].rowspan == 4


def test_a_row_split_over_two_pages_is_one_row() -> None:
    ys1, ys2 = rows_at(660, 2), rows_at(72, 2)
    p1 = put(Page().grid(XS, ys1), ys1, [HEADER, ["申请人逾期未按", "0", "0"]])
    p2 = put(Page().grid(XS, ys2), ys2, [["收费通知缴费", "", ""], ["其他", "1", "1"]])
    (table,) = read([p1, p2]).tables
    assert table.text_rows() == [
        HEADER,
        ["申请人逾期未按收费通知缴费", "0", "0"],
        ["其他", "1", "1"],
    ]


def test_two_tables_set_one_under_the_other_are_two_tables() -> None:
    # no paragraph between them: they share a line, their columns differ
    ys1, ys2 = rows_at(200, 2), rows_at(240, 2)
    other = [90.0, 200.0, 300.0, 410.0]
    page = put(Page().grid(XS, ys1), ys1, [HEADER, ["予以公开", "5", "6"]])
    page.grid(other, ys2)
    for r, row in enumerate([["行政复议", "结果维持", "总计"], ["", "2", "4"]]):
        for c, text in enumerate(row):
            if text:
                page.text(other[c] + 3, ys2[r] + 4, text, size=10)
    tables = read([page]).tables
    assert [t.text_rows()[0] for t in tables] == [HEADER, ["行政复议", "结果维持", "总计"]]


def test_a_table_without_ruling_lines_stays_text() -> None:
    page = Page().text(90, 100, "项目  自然人  总计").text(90, 120, "予以公开  5  6")
    doc = read([page])
    assert doc.tables == [] and len(texts(doc)) >= 1


# ---- text layers that cannot be read ------------------------------------------------------------


def test_fonts_without_a_unicode_map_are_unreadable() -> None:
    exc = error(pdf_bytes([body_page(1, "1")], to_unicode=None))
    assert exc.code == "unreadable-text"


def test_private_use_characters_are_unreadable() -> None:
    exc = error(pdf_bytes([body_page(1, "1")], to_unicode=lambda ch: chr(0xE000 + ord(ch) % 4000)))
    assert exc.code == "unreadable-text"


def test_one_glyph_for_every_character_is_unreadable() -> None:
    pages = [Page().text(90, 90 + 16 * i, BODY) for i in range(8)]
    exc = error(pdf_bytes(pages, to_unicode=lambda ch: "本" if ord(ch) > 0x2E80 else ch))
    assert exc.code == "unreadable-text"


def test_a_scan_is_one_input_finding() -> None:
    data = pdf_bytes([Page(image=True), Page(image=True)])
    exc = error(data)
    assert exc.code == "no-text-layer" and "2 page(s)" in exc.detail


def test_a_scan_checked_from_disk_gives_only_e001(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([Page(image=True)]))
    result = engine_for(Options()).check_path(str(path))
    assert not result.readable
    assert [(f.rule, f.args["code"]) for f in result.findings] == [("E001", "no-text-layer")]


# ---- hostile and broken files -------------------------------------------------------------------


def test_encrypted_pdf_says_so() -> None:
    assert error(pdf_bytes([body_page(1, "1")], encrypt=True)).code == "encrypted"


def test_truncated_pdf() -> None:
    data = pdf_bytes([body_page(n, str(n)) for n in (1, 2)])
    assert error(data[: len(data) // 2]).code == "truncated"


def test_not_a_pdf_after_its_magic() -> None:
    assert error(b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n").code in {
        "corrupt-pdf",
        "empty",
    }


def test_stream_inflating_past_the_limit() -> None:
    import zlib

    bomb = zlib.compress(b"\x00" * (4 << 20))
    data = pdf_bytes([body_page(1, "1")])
    data = data.replace(
        b"%%EOF",
        b"9 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
        + bomb
        + b"\nendstream\nendobj\n%%EOF",
    )
    exc = error(data, ReadLimits(max_decompressed_bytes=1 << 20))
    assert exc.code == "decompression-bomb"


def test_too_many_objects() -> None:
    data = pdf_bytes([body_page(1, "1")], extra_objects=300)
    assert error(data, ReadLimits(max_objects=200)).code == "too-complex"
    assert read_bytes(data, "report.pdf").blocks  # within the default bound it reads


def test_a_declared_million_objects() -> None:
    data = pdf_bytes([body_page(1, "1")]).replace(b"/Size ", b"/Size 1000000")
    assert error(data).code == "too-complex"


def test_too_many_pages() -> None:
    data = pdf_bytes([body_page(n, str(n)) for n in range(1, 5)])
    assert error(data, ReadLimits(max_pages=3)).code == "too-complex"


def test_more_glyphs_than_the_document_may_hold() -> None:
    pages = [Page().text(90, 90 + 16 * i, BODY) for i in range(3)]
    data = pdf_bytes(pages)
    assert error(data, ReadLimits(max_text_chars=100)).code == "too-large"
    assert read_bytes(data, "report.pdf", ReadLimits(max_text_chars=200)).blocks


def test_a_page_that_cannot_be_loaded() -> None:
    data = pdf_bytes([body_page(n, str(n)) for n in (1, 2)])
    broken = data.replace(b"/Type /Page /Parent", b"/Type /Pag_ /Parent", 1)
    exc = error(broken)
    assert exc.code == "corrupt-pdf" and "page 1" in exc.detail
