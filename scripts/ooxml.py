"""A small, dependency-free writer of Word .docx packages.

Tests and the sample generator need real .docx files with exactly the
structures that matter to the reader (heading styles, Word list numbering,
merged table cells in both ``vMerge`` spellings) without depending on
python-docx or on an office suite.  Output is deterministic: parts are
written in a fixed order with a fixed timestamp, so the same blocks always
give the same bytes.

Blocks::

    ("title", text)
    ("heading", text, level)          # level 1..9, style "heading N"
    ("paragraph", text)
    ("numbered", text, level)         # Word list level (ilvl), 0-based:
                                      # 0 -> "一、", 1 -> "（一）", 2 -> "1.", 3 -> "（1）"
    ("table", rows)                   # rows: list[list[str | DocxCell]]

Inside text, "\\n" becomes a line break (in a table cell: a new paragraph)
and "\\t" a tab.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "W_NS",
    "DocxCell",
    "docx_bytes",
    "package_bytes",
    "write_docx",
    "zip_parts",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAX_HEADING = 9


@dataclass
class DocxCell:
    """A table cell with optional horizontal span and vertical merge.

    ``vmerge``: None, "restart", "continue" (written ``w:val="continue"``, as
    LibreOffice does) or "continue-bare" (a bare ``<w:vMerge/>``, as Word does).
    """

    text: str
    gridspan: int = 1
    vmerge: str | None = None


_VMERGE_XML = {
    None: "",
    "restart": '<w:vMerge w:val="restart"/>',
    "continue": '<w:vMerge w:val="continue"/>',
    "continue-bare": "<w:vMerge/>",
}


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry, then escape markup."""
    kept = "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or (" " <= ch <= "\ud7ff")
        or ("\ue000" <= ch <= "\ufffd")
        or ch > "\uffff"
    )
    return (
        kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _runs(text: str) -> str:
    """One run holding the text, with Word's own elements for tabs and breaks."""
    parts: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{_clean(piece)}</w:t>')
    if not parts:
        return ""
    return "<w:r>" + "".join(parts) + "</w:r>"


def _paragraph(text: str, ppr: str = "") -> str:
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{_runs(text)}</w:p>"


def _as_cell(value: str | DocxCell) -> DocxCell:
    return value if isinstance(value, DocxCell) else DocxCell(str(value))


def _table(rows: Sequence[Sequence[str | DocxCell]]) -> str:
    cells = [[_as_cell(v) for v in row] for row in rows]
    n_cols = max((sum(max(1, c.gridspan) for c in row) for row in cells), default=1) or 1
    width = max(600, 9000 // n_cols)
    out = [
        "<w:tbl><w:tblPr>"
        '<w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
    ]
    out.extend(f'<w:gridCol w:w="{width}"/>' for _ in range(n_cols))
    out.append("</w:tblGrid>")
    for row in cells:
        out.append("<w:tr>")
        for cell in row:
            span = max(1, cell.gridspan)
            if cell.vmerge not in _VMERGE_XML:
                raise ValueError(f"unknown vmerge value {cell.vmerge!r}")
            tcpr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            tcpr += _VMERGE_XML[cell.vmerge]
            paras = "".join(_paragraph(line) for line in cell.text.split("\n"))
            out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _body(blocks: Iterable[tuple[object, ...]]) -> tuple[str, bool, set[int]]:
    """The body XML, whether numbering is used, and the heading levels used."""
    parts: list[str] = []
    uses_numbering = False
    levels: set[int] = set()
    last_is_table = False
    for block in blocks:
        kind = block[0]
        last_is_table = False
        if kind == "title":
            parts.append(_paragraph(str(block[1]), '<w:pStyle w:val="Title"/>'))
        elif kind == "heading":
            level = int(block[2])  # type: ignore[call-overload]
            if not 1 <= level <= _MAX_HEADING:
                raise ValueError(f"heading level must be 1..{_MAX_HEADING}, got {level}")
            levels.add(level)
            parts.append(_paragraph(str(block[1]), f'<w:pStyle w:val="Heading{level}"/>'))
        elif kind == "paragraph":
            parts.append(_paragraph(str(block[1])))
        elif kind == "numbered":
            ilvl = int(block[2])  # type: ignore[call-overload]
            if not 0 <= ilvl <= 8:
                raise ValueError(f"numbered level (ilvl) must be 0..8, got {ilvl}")
            uses_numbering = True
            numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
            parts.append(_paragraph(str(block[1]), numpr))
        elif kind == "table":
            parts.append(_table(block[1]))  # type: ignore[arg-type]
            last_is_table = True
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    if last_is_table:
        parts.append("<w:p/>")  # Word requires a paragraph after a final table
    return "".join(parts), uses_numbering, levels


def _styles(heading_levels: Iterable[int]) -> str:
    def heading(level: int) -> str:
        size = max(24, 36 - 4 * (level - 1))
        return (
            f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
            f'<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
        )

    levels = sorted({1, 2, 3, *heading_levels})
    return (
        _XML_DECL + f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/>'
        '<w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>'
        + "".join(heading(level) for level in levels)
        + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr></w:style></w:styles>"
    )


_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
    ("decimal", "%5)"),
    ("lowerLetter", "%6."),
    ("lowerRoman", "%7."),
    ("decimal", "%8."),
    ("decimal", "%9."),
)


def _numbering() -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="{640 if i else 0}"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    return (
        _XML_DECL + f'<w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f"{lvls}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def _document(body_xml: str) -> str:
    return (
        _XML_DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{_R_NS}"><w:body>{body_xml}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" '
        'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )


def zip_parts(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """Zip the parts in the given order with fixed metadata (reproducible bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data)
    return buffer.getvalue()


def package_bytes(
    body_xml: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    extra: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    """A .docx around hand-written body XML (the children of ``w:body``).

    ``styles`` defaults to the standard styles; pass ``numbering`` to include a
    numbering part; ``extra`` adds further parts verbatim (e.g. docProps/core.xml).
    """
    styles_xml = _styles(()) if styles is None else styles
    types = [
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/word/document.xml" ContentType="{_CT_MAIN}.document.main+xml"/>',
        f'<Override PartName="/word/styles.xml" ContentType="{_CT_MAIN}.styles+xml"/>',
    ]
    doc_rels = [
        f'<Relationship Id="rId1" Type="{_REL_TYPE}/styles" Target="styles.xml"/>',
    ]
    if numbering is not None:
        types.append(
            f'<Override PartName="/word/numbering.xml" ContentType="{_CT_MAIN}.numbering+xml"/>'
        )
        doc_rels.append(
            f'<Relationship Id="rId2" Type="{_REL_TYPE}/numbering" Target="numbering.xml"/>'
        )
    content_types = _XML_DECL + f'<Types xmlns="{_CT_NS}">' + "".join(types) + "</Types>"
    root_rels = (
        _XML_DECL + f'<Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_TYPE}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    document_rels = (
        _XML_DECL
        + f'<Relationships xmlns="{_PKG_REL_NS}">'
        + "".join(doc_rels)
        + "</Relationships>"
    )
    parts: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", content_types.encode()),
        ("_rels/.rels", root_rels.encode()),
        ("word/document.xml", _document(body_xml).encode()),
        ("word/styles.xml", styles_xml.encode()),
    ]
    if numbering is not None:
        parts.append(("word/numbering.xml", numbering.encode()))
    parts.append(("word/_rels/document.xml.rels", document_rels.encode()))
    parts.extend(extra)
    return zip_parts(parts)


def docx_bytes(blocks: Sequence[tuple[object, ...]]) -> bytes:
    """The .docx for ``blocks`` (see the module docstring), in memory."""
    body, uses_numbering, levels = _body(blocks)
    return package_bytes(
        body,
        styles=_styles(levels),
        numbering=_numbering() if uses_numbering else None,
    )


def write_docx(path: str | os.PathLike[str], blocks: Sequence[tuple[object, ...]]) -> None:
    """Write the .docx for ``blocks`` to ``path``."""
    data = docx_bytes(blocks)
    with open(path, "wb") as handle:
        handle.write(data)


if __name__ == "__main__":  # pragma: no cover - manual smoke test
    import sys

    target = sys.argv[1] if len(sys.argv) > 1 else "example.docx"
    write_docx(
        target,
        [
            ("title", "示例单位2024年政府信息公开工作年度报告"),
            ("numbered", "总体情况", 0),
            ("numbered", "主动公开", 1),
            ("paragraph", "本年度主动公开政府信息1626条。"),
            ("heading", "二、主动公开政府信息情况", 1),
            (
                "table",
                [
                    [DocxCell("信息内容", vmerge="restart"), DocxCell("本年制发件数", gridspan=2)],
                    [DocxCell("", vmerge="continue"), "新制定", "废止"],
                    ["规章", "0", "1"],
                ],
            ),
        ],
    )
    print(target)
