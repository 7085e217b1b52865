"""A section whose table is pasted as a picture is not empty.

Many portals publish Tables 3 and 4 as pictures. The tables cannot be read,
which T201/T202 say as warnings; the section was also reported to hold
nothing at all (S321, an error), though it holds the picture.  A section with
neither words nor picture is still reported.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_IMG = '<p style="text-align:center"><img src="/u/cms/202401/table.png" width="600"></p>'
_DRAWING = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
    'drawingml/2006/wordprocessingDrawing"><wp:extent cx="5000000" cy="3000000"/>'
    "</wp:inline></w:drawing></w:r></w:p>"
)


def _rules(data: bytes, name: str) -> list[str]:
    result = engine_for(Options()).check_document(read_bytes(data, name))
    return sorted(f.rule for f in result.findings)


def _html(replacement: str) -> bytes:
    page = (SAMPLES / "edition2021-2023-clean.html").read_text(encoding="utf-8")
    tables = list(re.finditer(r"<table.*?</table>", page, flags=re.S))
    assert len(tables) == 3
    for m in reversed(tables[1:]):  # Tables 3 and 4
        page = page[: m.start()] + replacement + page[m.end() :]
    return page.encode("utf-8")


def _docx(replacement: str) -> bytes:
    source = (SAMPLES / "edition2021-2023-clean.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                tables = list(re.finditer(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S))
                assert len(tables) >= 3
                for m in reversed(tables[1:3]):
                    xml = xml[: m.start()] + replacement + xml[m.end() :]
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "build, picture, name", [(_html, _IMG, "r.html"), (_docx, _DRAWING, "r.docx")]
)
def test_a_table_as_a_picture_leaves_its_section_not_empty(
    build: Callable[[str], bytes], picture: str, name: str
) -> None:
    assert _rules(build(picture), name) == ["T201", "T202"]


@pytest.mark.parametrize("build, name", [(_html, "r.html"), (_docx, "r.docx")])
def test_a_section_without_table_or_picture_is_still_empty(
    build: Callable[[str], bytes], name: str
) -> None:
    assert "S321" in _rules(build(""), name)


def _pdf(picture: tuple[float, float, float, float] | None) -> bytes:
    from tests.pdfgen import Page, pdf_bytes

    lines = [
        "青禾市生态环境局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，本局依法做好政府信息公开工作。",
        "二、主动公开政府信息情况",
        "全年主动公开政府信息300条。",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度未发生行政复议和行政诉讼。",
    ]
    page = Page()
    top = 60.0
    for line in lines:
        page.text(60, top, line)
        top += 30 if not line.startswith("三、") else 330
    if picture is not None:
        page.pictures.append(picture)
    return pdf_bytes([page])


def _pdf_rules(picture: tuple[float, float, float, float] | None) -> list[str]:
    return _rules(_pdf(picture), "r.pdf")


def test_a_wide_picture_in_a_pdf_section_is_its_content() -> None:
    assert "S321" in _pdf_rules(None)
    assert "S321" not in _pdf_rules((60, 250, 470, 280))


@pytest.mark.parametrize("picture", [(60, 250, 60, 60), (60, 700, 470, 80)])
def test_a_seal_or_a_picture_elsewhere_does_not_fill_the_section(
    picture: tuple[float, float, float, float],
) -> None:
    assert "S321" in _pdf_rules(picture)
