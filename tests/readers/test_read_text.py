"""Plain text and Markdown: encodings, line blocks and tables recovered from text."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import ReadError
from checker.model import BlockKind
from checker.readers import ReadLimits, read_bytes, read_path

REPORT = (
    "某区2023年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "　　2023年，我区主动公开政府信息1626条，“公开为常态、不公开为例外”。\n"
    "（一）主动公开\n"
    "全年受理申请12件，办结率100%；朱镕基同志题词。\n"
)
TRADITIONAL = (
    "政府資訊公開工作年度報告\n"
    "一、總體情況\n"
    "本機關依據條例規定，主動公開政府資訊共計一千六百件，受理申請案件十二件。\n"
)


def lines_of(data: bytes, name: str = "r.txt") -> list[str]:
    return [b.text for b in read_bytes(data, name).blocks]


EXPECTED = [line.strip() for line in REPORT.splitlines()]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("utf-8-sig"), "utf-8-sig"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.replace("镕", "容").encode("gbk"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),
        (REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),
        (REPORT.encode("utf-32"), "utf-32"),
        (REPORT.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16be", "utf16le", "utf32", "crlf"],
)
def test_encodings_give_the_same_text(data: bytes, encoding: str) -> None:
    doc = read_bytes(data, "r.txt")
    expected = EXPECTED if b"\xc8\xdd" not in data else [x.replace("镕", "容") for x in EXPECTED]
    if "容" in "".join(b.text for b in doc.blocks):
        expected = [x.replace("镕", "容") for x in EXPECTED]
    assert [b.text for b in doc.blocks] == expected
    assert doc.encoding == encoding
    assert "encoding_warning" not in doc.meta


def test_gbk_only_characters_survive() -> None:
    text = "王堃、朱镕基、䶮\n"
    assert lines_of(text.encode("gb18030")) == [text.strip()]


def test_big5_detected_when_clearly_more_plausible() -> None:
    doc = read_bytes(TRADITIONAL.encode("big5"), "r.txt")
    assert doc.encoding in ("big5", "cp950")
    assert [b.text for b in doc.blocks] == TRADITIONAL.strip().splitlines()


def test_traditional_text_in_gbk_stays_gb18030() -> None:
    doc = read_bytes(TRADITIONAL.encode("gb18030"), "r.txt")
    assert doc.encoding == "gb18030"
    assert [b.text for b in doc.blocks] == TRADITIONAL.strip().splitlines()


def test_mixed_encodings_decode_with_replacement_and_warn() -> None:
    data = "一、总体情况\n".encode() + "二、主动公开\n".encode("gb18030") + b"\xff\xfe\xfd\n"
    doc = read_bytes(data, "r.txt")
    assert doc.meta["encoding_warning"]
    assert doc.blocks[0].text == "一、总体情况"
    assert doc.blocks[1].text == "二、主动公开"
    assert "\ufffd" in "".join(b.text for b in doc.blocks)


def test_nul_bytes_are_stripped() -> None:
    assert lines_of("一、总\x00体情况\n".encode()) == ["一、总体情况"]


def test_line_numbers_skip_blank_lines() -> None:
    doc = read_bytes("标题\n\n\n  正文一  \n\r\n正文二".encode(), "r.txt")
    assert [(b.text, b.line, b.index) for b in doc.blocks] == [
        ("标题", 1, 1),
        ("正文一", 4, 2),
        ("正文二", 6, 3),
    ]
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_full_width_characters_are_kept() -> None:
    assert lines_of("（一）主动公开１６２６条\n".encode()) == ["（一）主动公开１６２６条"]


def test_old_mac_line_endings() -> None:
    assert lines_of("甲\r乙\r".encode()) == ["甲", "乙"]


def test_pipe_table_in_text() -> None:
    text = (
        "前言\n"
        "| 信息内容 | 本年制发件数 | 现行有效件数 |\n"
        "|---|:---:|---:|\n"
        "| 规章 | 0 | 3 |\n"
        "| 规范性文件 | 10 | 120 |\n"
        "结语\n"
    )
    doc = read_bytes(text.encode(), "r.txt")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = doc.blocks[1].table
    assert table is not None
    assert table.text_rows() == [
        ["信息内容", "本年制发件数", "现行有效件数"],
        ["规章", "0", "3"],
        ["规范性文件", "10", "120"],
    ]
    assert doc.blocks[1].line == 2
    assert table.index == 1
    assert doc.blocks[2].line == 6


def test_pipe_rows_without_outer_pipes() -> None:
    doc = read_bytes("项目 | 数量 | 备注\n规章 | 3 | 无\n".encode(), "r.txt")
    assert doc.tables[0].text_rows() == [["项目", "数量", "备注"], ["规章", "3", "无"]]


def test_single_pipe_line_is_a_paragraph() -> None:
    doc = read_bytes("甲 | 乙 | 丙\n正文\n".encode(), "r.txt")
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_ragged_pipe_rows_are_padded() -> None:
    doc = read_bytes(b"|a|b|c|\n|d|e|\n", "r.txt")
    assert doc.tables[0].text_rows() == [["a", "b", "c"], ["d", "e", ""]]


def test_tab_table_in_text() -> None:
    text = "说明\n项目\t新制定\t废止\t现行有效\n规章\t0\t1\t3\n\t5\t6\t7\n结束\n"
    doc = read_bytes(text.encode("gb18030"), "r.txt")
    assert [b.kind for b in doc.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]
    assert doc.tables[0].text_rows() == [
        ["项目", "新制定", "废止", "现行有效"],
        ["规章", "0", "1", "3"],
        ["", "5", "6", "7"],
    ]


def test_tab_rows_with_trailing_empty_cells_stay_in_the_table() -> None:
    text = "统计指标\t单位\t统计数\n一、主动公开情况\t\t\n（一）主动公开政府信息数\t条\t1626\n"
    doc = read_bytes(text.encode(), "r.txt")
    assert len(doc.blocks) == 1
    assert doc.tables[0].text_rows() == [
        ["统计指标", "单位", "统计数"],
        ["一、主动公开情况", "", ""],
        ["（一）主动公开政府信息数", "条", "1626"],
    ]


def test_tab_indented_paragraphs_are_not_tables() -> None:
    doc = read_bytes("\t\t一、总体情况\n\t\t二、主动公开\n".encode(), "r.txt")
    assert [b.text for b in doc.blocks] == ["一、总体情况", "二、主动公开"]
    assert not doc.tables


def test_two_tables_are_numbered() -> None:
    text = "|a|b|\n|c|d|\n中间\nx\ty\tz\n1\t2\t3\n"
    doc = read_bytes(text.encode(), "r.txt")
    assert [t.index for t in doc.tables] == [1, 2]


def test_table_too_large() -> None:
    row = "|" + "|".join("1" for _ in range(50)) + "|\n"
    with pytest.raises(ReadError) as info:
        read_bytes((row * 50).encode(), "r.txt", ReadLimits(max_table_cells=1000))
    assert info.value.code == "table-too-large"


def test_ten_megabyte_line_is_split_not_fatal() -> None:
    sentence = "本机关主动公开政府信息。"
    data = ("标题\n" + sentence * (10_000_000 // len(sentence)) + "\n结尾\n").encode()
    roomy = ReadLimits(
        max_file_bytes=64 * 1024 * 1024, max_text_bytes=64 * 1024 * 1024, max_text_chars=20_000_000
    )
    doc = read_bytes(data, "r.txt", roomy)
    assert doc.blocks[0].text == "标题"
    assert doc.blocks[-1].text == "结尾"
    middle = doc.blocks[1:-1]
    assert all(len(b.text) <= ReadLimits().max_line_chars for b in middle)
    assert all(b.text.endswith("。") for b in middle)
    assert sum(len(b.text) for b in middle) == len(sentence) * (10_000_000 // len(sentence))
    assert {b.line for b in middle} == {2}


def test_text_longer_than_any_report_is_refused_by_default() -> None:
    data = ("主动公开政府信息。" * 300_000 + "\n").encode()  # 2.7 million characters
    with pytest.raises(ReadError) as err:
        read_bytes(data, "r.txt")
    assert err.value.code == "too-large"


def test_long_line_of_pipes_is_bounded() -> None:
    data = ("|" * 2_000_000 + "\n" + "|" * 10 + "\n").encode()
    with pytest.raises(ReadError) as info:
        read_bytes(data, "r.txt")
    assert info.value.code == "table-too-large"


# ---- Markdown ---------------------------------------------------------------------------


MARKDOWN = """# 某区2023年政府信息公开工作年度报告

## 一、总体情况 ##

**（一）主动公开**。全年主动公开__1626__条，详见[门户网站](http://example.gov.cn)。

- 规章 3 件
* 规范性文件 10 件
> 引用的说明

---

| 信息内容 | 本年制发件数 |
| :--- | ---: |
| **规章** | 0 |
| 规范性文件 \\| 含转发 | 10 |

####### 不是标题
#不是标题
```
# 代码里的井号
```
"""


def test_markdown_blocks() -> None:
    doc = read_bytes(MARKDOWN.encode(), "r.md")
    assert doc.source_kind == "markdown"
    got = [(b.kind.value, b.level, b.text) for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert got == [
        ("heading", 1, "某区2023年政府信息公开工作年度报告"),
        ("heading", 2, "一、总体情况"),
        ("paragraph", None, "（一）主动公开。全年主动公开1626条，详见门户网站。"),
        ("paragraph", None, "规章 3 件"),
        ("paragraph", None, "规范性文件 10 件"),
        ("paragraph", None, "引用的说明"),
        ("paragraph", None, "####### 不是标题"),
        ("paragraph", None, "#不是标题"),
        ("paragraph", None, "# 代码里的井号"),
    ]
    assert doc.tables[0].text_rows() == [
        ["信息内容", "本年制发件数"],
        ["规章", "0"],
        ["规范性文件 | 含转发", "10"],
    ]
    heading = doc.blocks[0]
    assert heading.line == 1


def test_markdown_extension_variants(tmp_path: Path) -> None:
    path = tmp_path / "r.markdown"
    path.write_bytes("# 标题\n".encode("gb18030"))
    doc = read_path(str(path))
    assert (doc.source_kind, doc.encoding, doc.blocks[0].level) == ("markdown", "gb18030", 1)
