"""Word 97–2003 .doc (and WPS .wps of the same binary family): the samples saved
as .doc by LibreOffice read cell for cell like their .docx, and broken or
hostile compound files give one reason each."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from checker.errors import ReadError
from checker.readers import ReadLimits, read_bytes
from checker.readers.doc import _visible

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
STEMS = sorted(p.stem for p in SAMPLES.glob("*.doc"))
DOC = (SAMPLES / "edition2021-2023-defective.doc").read_bytes()
NAME = "WordDocument".encode("utf-16-le")


def error(data: bytes, name: str = "report.doc", limits: ReadLimits | None = None) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name, limits)
    return info.value


@pytest.mark.parametrize("stem", STEMS)
def test_every_cell_and_paragraph_as_in_the_docx(stem: str) -> None:
    doc = read_bytes((SAMPLES / f"{stem}.doc").read_bytes(), f"{stem}.doc")
    docx = read_bytes((SAMPLES / f"{stem}.docx").read_bytes(), f"{stem}.docx")
    assert [t.text_rows() for t in doc.tables] == [t.text_rows() for t in docx.tables]
    spans = [[(c.origin, c.rowspan, c.colspan) for row in t.rows for c in row] for t in doc.tables]
    assert spans == [
        [(c.origin, c.rowspan, c.colspan) for row in t.rows for c in row] for t in docx.tables
    ]
    assert [b.text for b in doc.blocks] == [b.text for b in docx.blocks]


def test_a_wps_file_of_the_same_family_reads_the_same() -> None:
    assert read_bytes(DOC, "report.wps").blocks == read_bytes(DOC, "report.doc").blocks


def _word_stream_offset(data: bytes) -> int:
    """Where the WordDocument stream starts: the FIB's magic at a sector boundary."""
    for at in range(512, len(data), 512):
        if data[at : at + 2] == b"\xec\xa5":
            return at
    raise AssertionError("no FIB")


def test_encrypted_doc_says_so() -> None:
    data = bytearray(DOC)
    at = _word_stream_offset(DOC) + 0xA
    struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x0100)
    assert error(bytes(data)).code == "encrypted"


def test_truncated_doc() -> None:
    exc = error(DOC[: len(DOC) // 3])
    assert exc.code in {"corrupt-doc", "truncated"}


def test_an_ole_file_without_a_word_document_is_an_older_format() -> None:
    data = DOC.replace(NAME, "MatOSTWorks1".encode("utf-16-le"))
    exc = error(data, "report.wps")
    assert exc.code == "unsupported-format" and "save it as .docx" in exc.detail


def test_a_stream_declaring_more_than_the_file_holds() -> None:
    at = DOC.index(NAME)
    data = bytearray(DOC)
    struct.pack_into("<I", data, at + 120, 0x7FFFFFF0)
    assert error(bytes(data)).code in {"decompression-bomb", "corrupt-doc"}


def test_too_many_compound_file_entries() -> None:
    assert error(DOC, limits=ReadLimits(max_objects=3)).code == "too-complex"


def test_older_wps_without_ole_is_refused_with_advice() -> None:
    exc = error(b"\x00\x01WPS4" + bytes(range(256)) * 8, "old.wps")
    assert exc.code == "unsupported-format" and ".docx" in exc.detail


def test_field_codes_are_dropped_and_results_kept() -> None:
    assert _visible('见\x13 HYPERLINK "x" \x14门户网站\x15。') == "见门户网站。"
    assert _visible("\x13 PAGE \x14\x13 NESTED \x143\x15\x15页") == "3页"
    assert _visible("一\x0b二\x1e三\x1f") == "一\n二-三"


@pytest.mark.parametrize("stem", ["numbered-lists", "styled-headings"])
def test_list_numbers_word_draws_are_rebuilt(stem: str) -> None:
    # Word keeps automatic list labels (一、 （一） 1.) out of the text; they come
    # from the list definitions, counted as the .docx reader counts them
    data = ROOT / "tests" / "data" / "doc"
    doc = read_bytes((data / f"{stem}.doc").read_bytes(), "lists.doc")
    docx = read_bytes((data / f"{stem}.docx").read_bytes(), "lists.docx")
    assert [b.text for b in doc.blocks] == [b.text for b in docx.blocks]
    assert "（二）依申请公开" in [b.text for b in doc.blocks]


def test_damaged_list_definitions_leave_the_text() -> None:
    from checker.readers.doc import _Reader

    reader = _Reader(
        (ROOT / "tests" / "data" / "doc" / "numbered-lists.doc").read_bytes(), "x.doc", ReadLimits()
    )
    fc, _lcb = reader._fc_lcb(73)
    reader.table = reader.table[: fc + 40]  # the list definitions cut short
    numbering = reader.numbering()
    assert numbering.abstract == {} and numbering.nums == {}


def test_text_a_tracked_change_deletes_is_not_read() -> None:
    """Word shows a deleted run struck out, or not at all; read, its 999 ran into
    the figure after it (99977) and every sum failed on a correct draft."""
    from checker.batch import engine_for
    from checker.engine import Options

    path = ROOT / "tests" / "data" / "doc" / "tracked-deletions.doc"
    document = read_bytes(path.read_bytes(), path.name)
    cells = [c for t in document.tables for row in t.text_rows() for c in row]
    assert "77" in cells and not any("999" in c for c in cells)
    assert engine_for(Options()).check_document(document).findings == []
