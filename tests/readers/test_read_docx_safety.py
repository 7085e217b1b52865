"""Hostile .docx packages: DTDs, entity tricks, zip bombs and lying headers."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from ooxml import W_NS, docx_bytes, package_bytes
from reader_zips import patch_member, replace_member

from checker.errors import ReadError
from checker.readers import ReadLimits, read_bytes, read_path

GOOD = docx_bytes([("paragraph", "本年度主动公开政府信息1626条。")])


def code_of(data: bytes, limits: ReadLimits | None = None) -> str:
    with pytest.raises(ReadError) as info:
        read_bytes(data, "r.docx", limits)
    return info.value.code


def xxe_document(target: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{target}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()


def test_xxe_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.readers import opc

    parsed: list[bytes] = []
    original = opc.etree.fromstring

    def spy(data: bytes, parser: object = None) -> object:
        parsed.append(data)
        return original(data, parser)  # type: ignore[arg-type]

    monkeypatch.setattr(opc.etree, "fromstring", spy)
    data = replace_member(GOOD, "word/document.xml", xxe_document("/etc/passwd"))
    with pytest.raises(ReadError) as info:
        read_bytes(data, "r.docx")
    assert info.value.code == "forbidden-dtd"
    assert "root:" not in str(info.value)
    assert not any(b"DOCTYPE" in chunk for chunk in parsed)


def test_xxe_against_a_local_file_never_leaks(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    path = tmp_path / "r.docx"
    path.write_bytes(replace_member(GOOD, "word/document.xml", xxe_document(str(secret))))
    with pytest.raises(ReadError) as info:
        read_path(str(path))
    assert info.value.code == "forbidden-dtd"
    assert "TOP-SECRET" not in str(info.value)


def test_utf16_doctype_is_refused() -> None:
    xml = xxe_document("/etc/passwd").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    data = replace_member(GOOD, "word/document.xml", xml.encode("utf-16"))
    assert code_of(data) == "forbidden-dtd"


def test_entity_expansion_bomb_is_refused() -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [{lol}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    assert code_of(replace_member(GOOD, "word/document.xml", xml.encode())) == "forbidden-dtd"


def test_doctype_in_styles_part_is_refused() -> None:
    styles = f'<!DOCTYPE x [<!ENTITY a "b">]><w:styles xmlns:w="{W_NS}"/>'.encode()
    assert code_of(replace_member(GOOD, "word/styles.xml", styles)) == "forbidden-dtd"


def test_invalid_xml_is_corrupt() -> None:
    data = replace_member(GOOD, "word/document.xml", b"<w:document><w:body><w:p>")
    assert code_of(data) == "corrupt-docx"


def test_wrong_root_element_is_not_a_word_document() -> None:
    data = replace_member(GOOD, "word/document.xml", b"<workbook/>")
    assert code_of(data) == "not-a-word-document"


def test_zip_bomb_rejected_by_declared_size() -> None:
    filler = "<w:p><w:r><w:t>公开</w:t></w:r></w:p>" * 100_000
    data = package_bytes(filler)
    limits = ReadLimits(max_decompressed_bytes=1024 * 1024)
    assert len(data) < 200_000
    assert code_of(data, limits) == "decompression-bomb"


def test_budget_is_shared_between_members() -> None:
    filler = "<w:p><w:r><w:t>公开</w:t></w:r></w:p>" * 14_000  # ~600 KB
    styles = f'<w:styles xmlns:w="{W_NS}">' + "<!-- padding -->" * 40_000 + "</w:styles>"
    data = package_bytes(filler, styles=styles)
    assert code_of(data, ReadLimits(max_decompressed_bytes=1024 * 1024)) == "decompression-bomb"


def test_declared_gigabyte_member_rejected_with_default_limits() -> None:
    data = patch_member(GOOD, "word/document.xml", size=1 << 30)
    with pytest.raises(ReadError) as info:
        read_bytes(data, "r.docx")
    assert info.value.code == "decompression-bomb"
    assert "word/document.xml" in info.value.detail


def test_header_that_understates_its_size_is_caught() -> None:
    body = "<w:p><w:r><w:t>公开</w:t></w:r></w:p>" * 200_000  # ~7 MB inflated
    data = patch_member(package_bytes(body), "word/document.xml", size=1000)
    assert code_of(data) in {"corrupt-docx", "decompression-bomb"}


def test_member_inflating_past_budget_with_lying_header() -> None:
    raw = b"<w:document>" + b" " * (4 * 1024 * 1024)
    data = replace_member(GOOD, "word/document.xml", raw)
    data = patch_member(data, "word/document.xml", size=100, crc=zlib.crc32(raw[:100]))
    code = code_of(data, ReadLimits(max_decompressed_bytes=1024 * 1024))
    assert code in {"corrupt-docx", "decompression-bomb"}


def test_encrypted_member() -> None:
    assert code_of(patch_member(GOOD, "word/document.xml", flags=0x1)) == "encrypted"


def test_too_many_zip_members() -> None:
    import io
    import zipfile

    buffer = io.BytesIO(GOOD)
    with zipfile.ZipFile(buffer, "a") as archive:
        for i in range(50):
            archive.writestr(f"junk/{i}.xml", b"")
    assert code_of(buffer.getvalue(), ReadLimits(max_zip_members=20)) == "too-large"


def test_duplicate_member_names_are_refused() -> None:
    import io
    import warnings
    import zipfile

    buffer = io.BytesIO(GOOD)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr("word/document.xml", xxe_document("/etc/passwd"))
    assert code_of(buffer.getvalue()) == "corrupt-docx"


def test_table_too_large_in_docx() -> None:
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * 200 + "</w:tr>"
    data = package_bytes("<w:tbl>" + row * 200 + "</w:tbl><w:p><w:r><w:t>x</w:t></w:r></w:p>")
    assert code_of(data, ReadLimits(max_table_cells=10_000)) == "table-too-large"


def test_huge_gridspan_is_clamped_and_bounded() -> None:
    row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc></w:tr>'
    data = package_bytes("<w:tbl>" + row * 300 + "</w:tbl><w:p><w:r><w:t>x</w:t></w:r></w:p>")
    assert code_of(data) == "table-too-large"
