"""A report set inside a table that frames the page is read as its paragraphs
(.docx and .doc).

Some bodies lay the whole report, or each of its parts, in a one-column table
(a border round the page), or in a table whose cells hold the statistics
tables.  Read as one table, the report had no heading and no statistics table
(S301–S306, T201–T203 errors on a correct report).  Such a frame is walked as
the paragraphs and tables it holds; a table of data, or a one-column list of
one-line entries, is still a table.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from checker.batch import engine_for
from checker.engine import Options
from checker.model import BlockKind
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERED = ("一、", "二、", "三、", "四、", "五、", "六、", "七、")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _cell(row: etree._Element, kids: list[etree._Element]) -> None:
    tc = etree.SubElement(row, q("tc"))
    for kid in kids:
        tc.append(kid)
    if not len(tc) or tc[-1].tag != q("p"):  # Word ends a cell with a paragraph
        etree.SubElement(tc, q("p"))


def _framed(sample: str, shape: str) -> bytes:
    """The sample with its body moved into a frame table of ``shape``."""
    source = (SAMPLES / sample).read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as zin:
        root = etree.fromstring(zin.read("word/document.xml"))
        body = root.find(q("body"))
        assert body is not None
        kids = [k for k in body if k.tag != q("sectPr")]
        frame = etree.Element(q("tbl"))
        if shape == "one":  # the whole report in one cell
            _cell(etree.SubElement(frame, q("tr")), kids)
        elif shape == "parts":  # a row for each numbered part
            chunks: list[list[etree._Element]] = [[]]
            for kid in kids:
                if kid.tag == q("p") and "".join(kid.itertext())[:2] in NUMBERED:
                    chunks.append([])
                chunks[-1].append(kid)
            for chunk in chunks:
                if chunk:
                    _cell(etree.SubElement(frame, q("tr")), chunk)
        else:  # an empty margin column beside the report
            row = etree.SubElement(frame, q("tr"))
            _cell(row, [])
            _cell(row, kids)
        body.insert(0, frame)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                zout.writestr(info, data)
    return out.getvalue()


def _findings(data: bytes, name: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(data, name))
    return sorted(
        f"{f.rule} {f.expected} {f.actual} {sorted((k, str(v)) for k, v in f.args.items())}"
        for f in result.findings
    )


@pytest.mark.parametrize("shape", ["one", "parts", "margin"])
@pytest.mark.parametrize(
    "sample",
    ["edition2021-2023-clean.docx", "edition2019-2020-clean.docx", "legacy-2018-clean.docx"],
)
def test_a_framed_correct_report_gives_no_finding(sample: str, shape: str) -> None:
    assert _findings(_framed(sample, shape), sample) == []


@pytest.mark.parametrize("shape", ["one", "parts"])
def test_a_framed_report_keeps_its_defects(shape: str) -> None:
    sample = "edition2021-2023-defective.docx"
    plain = _findings((SAMPLES / sample).read_bytes(), sample)
    assert plain  # the defective sample has findings of its own
    assert _findings(_framed(sample, shape), sample) == plain


def test_the_frame_gives_paragraphs_and_the_tables_it_holds() -> None:
    data = _framed("edition2021-2023-clean.docx", "one")
    framed = read_bytes(data, "x.docx")
    plain = read_bytes((SAMPLES / "edition2021-2023-clean.docx").read_bytes(), "x.docx")
    assert [b.kind for b in framed.blocks] == [b.kind for b in plain.blocks]
    assert [b.text for b in framed.blocks] == [b.text for b in plain.blocks]


def _table(rows: list[list[str]]) -> bytes:
    body = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row)
        + "</w:tr>"
        for row in rows
    )
    xml = f'<w:document xmlns:w="{W}"><w:body><w:tbl>{body}</w:tbl></w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def test_one_line_entries_in_one_column_stay_a_table() -> None:
    document = read_bytes(_table([["公开目录"], ["机构职能"], ["政策文件"]]), "list.docx")
    assert [b.kind for b in document.blocks] == [BlockKind.TABLE]


def test_a_data_table_stays_a_table() -> None:
    document = read_bytes(_table([["项目", "数量"], ["规章", "0"]]), "data.docx")
    assert [b.kind for b in document.blocks] == [BlockKind.TABLE]


# The same frames in Word 97–2003 files, saved by LibreOffice from the framed
# .docx above: the binary reader tells a frame by its nesting and its cells.
FRAMES = Path(__file__).resolve().parent.parent / "data" / "doc_frames"


@pytest.mark.parametrize(
    "name", ["edition2021-clean-one-cell.doc", "edition2019-clean-margin-column.doc"]
)
def test_a_framed_correct_doc_gives_no_finding(name: str) -> None:
    assert _findings((FRAMES / name).read_bytes(), name) == []


def test_a_framed_doc_keeps_its_defects() -> None:
    sample = SAMPLES / "edition2021-2023-defective.doc"
    plain = _findings(sample.read_bytes(), sample.name)
    assert plain
    name = "edition2021-defective-one-cell.doc"
    assert _findings((FRAMES / name).read_bytes(), name) == plain
