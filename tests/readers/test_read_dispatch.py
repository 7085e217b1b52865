"""Which reader runs, and which error a file that cannot be read gives."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from ooxml import docx_bytes
from reader_zips import patch_member, remove_member

from checker.errors import ReadError
from checker.readers import ReadLimits, read_bytes, read_path

DOCX = docx_bytes([("heading", "一、总体情况", 1), ("paragraph", "本年度主动公开政府信息1626条。")])
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")


def code_of(path: Path | str) -> str:
    with pytest.raises(ReadError) as info:
        read_path(str(path))
    return info.value.code


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


def test_unknown_extension_is_refused_without_guessing(tmp_path: Path) -> None:
    path = write(tmp_path, "report.rtfx", "一、总体情况".encode())
    with pytest.raises(ReadError) as info:
        read_path(str(path))
    assert info.value.code == "unsupported-extension"
    assert ".rtfx" in info.value.detail
    assert info.value.path == str(path)


def test_no_extension_is_refused(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "README", b"text")) == "unsupported-extension"


@pytest.mark.parametrize(
    "data", [b"", b"   \r\n\t  \n", b"\xef\xbb\xbf  \n", b"\xff\xfe \x00\n\x00"]
)
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.docx"])
def test_empty_and_whitespace_only(tmp_path: Path, data: bytes, name: str) -> None:
    assert code_of(write(tmp_path, name, data)) == "empty"


def test_full_width_spaces_only_is_empty(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "a.txt", "\u3000\u3000\n".encode("gb18030"))) == "empty"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "report.docx"
    folder.mkdir()
    assert code_of(folder) == "is-directory"


def test_missing_file(tmp_path: Path) -> None:
    assert code_of(tmp_path / "missing.docx") == "not-found"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert code_of(link) == "broken-link"


def test_symlink_to_a_file_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, "real.txt", "一、总体情况".encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_path(str(link)).blocks[0].text == "一、总体情况"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert code_of(fifo) == "not-a-file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    assert code_of(path) == "permission-denied"


def test_ole_renamed_docx_goes_to_the_doc_reader(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_path(str(write(tmp_path, "report.docx", OLE)))
    assert info.value.code == "corrupt-doc"
    assert "OLE" in info.value.detail


@pytest.mark.parametrize("name", ["report.doc", "report.wps"])
def test_broken_ole_doc_and_wps(tmp_path: Path, name: str) -> None:
    assert code_of(write(tmp_path, name, OLE)) == "corrupt-doc"


def test_password_protected_office_file(tmp_path: Path) -> None:
    data = OLE + "EncryptedPackage".encode("utf-16-le")
    assert code_of(write(tmp_path, "report.docx", data)) == "encrypted"


def test_pdf_named_txt(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_path(str(write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")))
    assert info.value.code == "truncated"  # the PDF reader took it, and found it cut short
    assert "PDF" in info.value.detail


def test_pdf_extension_with_pdf_content(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "r.pdf", b"%PDF-1.4\n")) == "truncated"


def test_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    doc = read_path(str(write(tmp_path, "report.doc", DOCX)))
    assert doc.source_kind == "docx"
    assert doc.blocks[0].text == "一、总体情况"


def test_docx_named_txt_is_read_as_docx(tmp_path: Path) -> None:
    assert read_path(str(write(tmp_path, "report.txt", DOCX))).source_kind == "docx"


def test_html_saved_as_doc_is_read_as_html(tmp_path: Path) -> None:
    page = "<html><body><p>一、总体情况</p></body></html>".encode()
    doc = read_path(str(write(tmp_path, "report.doc", page)))
    assert doc.source_kind == "html"
    assert doc.blocks[0].text == "一、总体情况"


def test_plain_text_named_doc_is_unsupported(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "r.doc", "一、总体情况".encode())) == "unsupported-format"


def test_html_in_txt_file_is_read_as_html(tmp_path: Path) -> None:
    page = "\ufeff  <!DOCTYPE html><html><body><p>一、总体情况</p><script>x</script></body></html>"
    doc = read_path(str(write(tmp_path, "report.txt", page.encode())))
    assert doc.source_kind == "html"
    assert [b.text for b in doc.blocks] == ["一、总体情况"]


def test_html_fragment_with_table_in_txt_is_html(tmp_path: Path) -> None:
    page = "<table><tr><td>甲</td><td>乙</td></tr></table>"
    doc = read_path(str(write(tmp_path, "report.txt", page.encode())))
    assert doc.source_kind == "html"
    assert doc.tables[0].text_rows() == [["甲", "乙"]]


def test_markdown_with_inline_html_stays_markdown(tmp_path: Path) -> None:
    text = "# 报告\n\n<p>一段</p>\n"
    doc = read_path(str(write(tmp_path, "report.md", text.encode())))
    assert doc.source_kind == "markdown"
    assert doc.blocks[0].level == 1


def test_text_in_docx_extension_is_corrupt(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "r.docx", "一、总体情况".encode())) == "corrupt-docx"


def test_zip_without_document_xml(tmp_path: Path) -> None:
    data = remove_member(DOCX, "word/document.xml")
    assert code_of(write(tmp_path, "r.docx", data)) == "not-a-word-document"


def test_excel_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError) as info:
        read_path(str(path))
    assert info.value.code == "not-a-word-document"
    assert "Excel" in info.value.detail


def test_main_part_found_through_package_relationships(tmp_path: Path) -> None:
    import io

    source = zipfile.ZipFile(io.BytesIO(DOCX))
    path = tmp_path / "moved.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == "_rels/.rels":
                data = data.replace(b"word/document.xml", b"word/main.xml")
            archive.writestr("word/main.xml" if name == "word/document.xml" else name, data)
    assert read_path(str(path)).blocks[0].text == "一、总体情况"


def test_truncated_zip(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "r.docx", DOCX[: len(DOCX) // 2])) == "corrupt-docx"


def test_bad_crc(tmp_path: Path) -> None:
    data = patch_member(DOCX, "word/document.xml", crc=0x12345678)
    with pytest.raises(ReadError) as info:
        read_path(str(write(tmp_path, "r.docx", data)))
    assert info.value.code == "corrupt-docx"
    assert "CRC" in info.value.detail


def test_too_large_by_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "政府信息公开\n".encode() * 1000)
    with pytest.raises(ReadError) as info:
        read_path(str(path), ReadLimits(max_file_bytes=1000))
    assert info.value.code == "too-large"


def test_read_bytes_checks_size_and_extension() -> None:
    with pytest.raises(ReadError) as info:
        read_bytes(b"x" * 2000, "a.txt", ReadLimits(max_file_bytes=1000))
    assert info.value.code == "too-large"
    with pytest.raises(ReadError) as info:
        read_bytes(b"x", "a.exe")
    assert info.value.code == "unsupported-extension"


def test_uppercase_extension_is_known(tmp_path: Path) -> None:
    assert read_path(str(write(tmp_path, "R.DOCX", DOCX))).source_kind == "docx"


def test_binary_noise_in_txt_is_undecodable(tmp_path: Path) -> None:
    noise = bytes(range(1, 32)) * 200
    assert code_of(write(tmp_path, "noise.txt", noise)) == "undecodable"


def test_pathlike_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "一、总体情况".encode())
    assert read_path(path).path == str(path)


def test_importing_readers_does_not_import_lxml() -> None:
    import subprocess
    import sys

    code = "import sys, checker.readers; print('lxml' in sys.modules)"
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_invalid_path_is_a_read_error() -> None:
    assert code_of("bad\x00name.txt") == "not-found"
