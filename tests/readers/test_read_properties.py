"""Whatever the bytes, reading either gives a Document or raises ReadError — and never writes."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ooxml import DocxCell, docx_bytes

from checker.errors import ReadError
from checker.model import Document
from checker.readers import ReadLimits, read_bytes, read_path

EXTENSIONS = [".txt", ".md", ".html", ".docx", ".doc", ".pdf", ".xhtml"]
SMALL = ReadLimits(max_decompressed_bytes=4 * 1024 * 1024, max_table_cells=20_000)

DOCX = docx_bytes(
    [
        ("title", "某区2023年政府信息公开工作年度报告"),
        ("numbered", "总体情况", 0),
        ("numbered", "主动公开", 1),
        ("paragraph", "本年度主动公开政府信息1626条。"),
        (
            "table",
            [
                [DocxCell("项目", vmerge="restart"), DocxCell("本年", gridspan=2)],
                [DocxCell("", vmerge="continue-bare"), "新制定", "废止"],
                ["规章", "0", "1"],
            ],
        ),
    ]
)
HTML = (
    "<html><head><meta charset='gb2312'><title>报告</title></head><body>"
    "<h1>一、总体情况</h1><p>主动公开<br>1626条</p>"
    "<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr><tr><td>丙</td><td>丁</td></tr>"
    "</table></body></html>"
).encode("gb18030")
TEXT = "一、总体情况\n| 项目 | 数量 |\n|---|---|\n| 规章 | 3 |\n甲\t乙\t丙\n1\t2\t3\n".encode(
    "gb18030"
)
MARKDOWN = "# 报告\n## 一、总体情况\n**主动公开**1626条\n| a | b |\n|---|---|\n| 1 | 2 |\n".encode()


def read_or_error(data: bytes, name: str) -> Document | None:
    """Read and insist that any failure is a ReadError from a known, non-bug code."""
    try:
        doc = read_bytes(data, name, SMALL)
    except ReadError as exc:
        assert exc.code != "internal-error", exc
        assert exc.code and exc.code == exc.code.lower() and " " not in exc.code
        return None
    assert isinstance(doc, Document)
    assert [b.index for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))
    assert [t.index for t in doc.tables] == list(range(1, len(doc.tables) + 1))
    for table in doc.tables:
        widths = {len(row) for row in table.rows}
        assert len(widths) <= 1
    return doc


settings.register_profile(
    "readers",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("readers")


@PROFILE
@given(data=st.binary(max_size=4096), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_only_raise_read_error(data: bytes, ext: str) -> None:
    read_or_error(data, "random" + ext)


@st.composite
def mutated(draw: st.DrawFn, source: bytes) -> bytes:
    data = bytearray(source)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[pos:]
        elif action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[pos : pos + draw(st.integers(1, 64))]
    return bytes(data)


@PROFILE
@given(data=mutated(HTML))
def test_mutated_html(data: bytes) -> None:
    read_or_error(data, "r.html")


@PROFILE
@given(data=mutated(TEXT))
def test_mutated_text(data: bytes) -> None:
    read_or_error(data, "r.txt")


@PROFILE
@given(data=mutated(MARKDOWN))
def test_mutated_markdown(data: bytes) -> None:
    read_or_error(data, "r.md")


@PROFILE
@given(data=mutated(DOCX))
def test_mutated_docx_bytes(data: bytes) -> None:
    read_or_error(data, "r.docx")


def _members(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


MEMBERS = _members(DOCX)


@PROFILE
@given(
    member=st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml"]),
    data=st.data(),
)
def test_mutated_docx_xml_in_a_valid_zip(member: str, data: st.DataObject) -> None:
    """Valid zips around damaged XML reach the walker, not just the zip layer."""
    content = data.draw(mutated(MEMBERS[member]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, value in MEMBERS.items():
            archive.writestr(name, content if name == member else value)
    read_or_error(buffer.getvalue(), "r.docx")


_XML_PIECES = [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>甲</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>",
    "</w:tr>", "<w:tc>", "</w:tc>", '<w:gridSpan w:val="3"/>', "<w:vMerge/>",
    '<w:vMerge w:val="restart"/>', "<w:tcPr>", "</w:tcPr>", '<w:gridBefore w:val="2"/>',
    "<w:trPr>", "</w:trPr>", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>',
    "<w:pPr>", "</w:pPr>", "<w:tab/>", "<w:br/>", "<w:txbxContent>", "</w:txbxContent>",
]  # fmt: skip


@PROFILE
@given(pieces=st.lists(st.sampled_from(_XML_PIECES), max_size=60))
def test_random_wordprocessingml_structures(pieces: list[str]) -> None:
    body = "".join(pieces)
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()
    members = dict(MEMBERS, **{"word/document.xml": xml})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    read_or_error(buffer.getvalue(), "r.docx")


# ---- reading never writes ---------------------------------------------------------------

SAMPLES = {"r.docx": DOCX, "r.html": HTML, "r.txt": TEXT, "r.md": MARKDOWN}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_input_file_is_unchanged(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(SAMPLES[name])
    os.utime(path, (1_000_000, 1_000_000))
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime)
    read_path(str(path))
    read_path(str(path))
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime)
    assert before == after
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_files_are_only_opened_for_reading(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / name
    path.write_bytes(SAMPLES[name])
    modes: list[str] = []
    flags: list[int] = []
    real_open = builtins.open
    real_os_open = os.open

    def spy_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        modes.append(mode)
        return real_open(file, mode, *args, **kwargs)

    def spy_os_open(file: Any, flag: int, *args: Any, **kwargs: Any) -> int:
        flags.append(flag)
        return real_os_open(file, flag, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    read_path(str(path))
    assert modes or flags, "the reader must open the file"
    assert all(mode == "rb" for mode in modes)
    assert all(flag & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC) == 0 for flag in flags)
    # opened without waiting: a FIFO put in the file's place cannot block the open
    assert all(flag & os.O_NONBLOCK for flag in flags)


def test_read_only_file_is_readable(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(DOCX)
    path.chmod(0o444)
    assert read_path(str(path)).blocks[0].text == "某区2023年政府信息公开工作年度报告"
