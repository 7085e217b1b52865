"""OFD (GB/T 33190): text objects by position, like PDF. The sample reports are
rewritten as OFD from their PDF exports' glyphs and ruled grids (``ofdgen``), and
must give the findings of their .docx; the OFD details (glyph advances, ``g``
runs, transforms, damaged packages) are tested on small files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checker.batch import engine_for
from checker.engine import Options
from checker.errors import ReadError
from checker.readers import read_bytes
from checker.readers.ofd import _deltas
from ofdgen import ofd_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
STEMS = sorted(p.stem for p in SAMPLES.glob("*.pdf"))


def _from_pdf(path: Path) -> bytes:
    import pypdfium2 as pdfium

    from checker.readers.pdfpage import read_page

    pages = []
    document = pdfium.PdfDocument(str(path))
    for page in document:
        content = read_page(page, 1_000_000)
        runs: list[tuple[list[float], float, float, str]] = []
        for ch in content.chars:
            baseline = ch["bottom"] - ch["size"] * 0.12
            last = runs[-1] if runs else None
            if (
                last
                and abs(last[1] - baseline) < 0.5
                and last[2] == ch["size"]
                and 0 <= ch["x0"] - last[0][-1] < ch["size"] * 1.5
            ):
                last[0].append(ch["x0"])
                runs[-1] = (last[0], last[1], last[2], last[3] + ch["text"])
            else:
                runs.append(([ch["x0"]], baseline, ch["size"], ch["text"]))
        lines = []
        for grid in content.grids:
            for (r, c), (rs, cs) in grid.cells.items():
                x0, x1 = grid.xs[c], grid.xs[c + cs]
                y0, y1 = grid.ys[r], grid.ys[r + rs]
                lines += [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
        pages.append((content.width, content.height, runs, lines))
    document.close()
    return ofd_bytes(pages)


def _signature(result: object) -> list[tuple[object, ...]]:
    return sorted(
        (
            f.rule,
            f.severity.value,
            str(f.expected),
            str(f.actual),
            f.location.row_label,
            f.location.column_label,
        )
        for f in result.findings  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("stem", STEMS)
def test_sample_as_ofd_gives_the_docx_findings(stem: str) -> None:
    document = read_bytes(_from_pdf(SAMPLES / f"{stem}.pdf"), f"{stem}.ofd")
    assert document.source_kind == "ofd"
    docx = read_bytes((SAMPLES / f"{stem}.docx").read_bytes(), f"{stem}.docx")
    assert [t.text_rows() for t in document.tables] == [t.text_rows() for t in docx.tables]
    engine = engine_for(Options())
    assert _signature(engine.check_document(document)) == _signature(engine.check_document(docx))


def test_glyph_advances_with_runs() -> None:
    assert _deltas("g 3 4.2 1.5 g 2 3") == [4.2, 4.2, 4.2, 1.5, 3.0, 3.0]
    assert _deltas("1 x 2") == [1.0, 2.0]


def test_an_ofd_named_docx_is_read_as_ofd() -> None:
    data = ofd_bytes([(595, 842, [([90 + 12 * i for i in range(6)], 100, 12, "一、总体情况")], [])])
    assert read_bytes(data, "report.docx").source_kind == "ofd"


def test_transformed_text_object() -> None:
    # a heading scaled up by its transform, then a body line: two paragraphs, both read
    heading = (
        '<ofd:TextObject ID="5" Boundary="30 30 150 10" Font="1" Size="2.8" CTM="2 0 0 2 0 0">'
        '<ofd:TextCode X="0" Y="2.8" DeltaX="g 5 2.8">一、总体情况</ofd:TextCode></ofd:TextObject>'
    )
    body = (
        '<ofd:TextObject ID="6" Boundary="30 45 150 6" Font="1" Size="4.2333">'
        '<ofd:TextCode X="0" Y="4.2333" DeltaX="g 7 4.2333">全年主动公开信息。</ofd:TextCode>'
        "</ofd:TextObject>"
    )
    data = ofd_bytes([(595, 842, [([90.0], 100, 12, "x")], [])])
    data = _replace_member(data, "Doc_0/Pages/Page_0/Content.xml", heading + body)
    assert [b.text for b in read_bytes(data, "r.ofd").blocks] == [
        "一、总体情况",
        "全年主动公开信息。",
    ]


def _replace_member(data: bytes, name: str, objects: str) -> bytes:
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == name:
                text = body.decode()
                start = text.index('<ofd:Layer ID="2">') + len('<ofd:Layer ID="2">')
                body = (text[:start] + objects + text[text.index("</ofd:Layer>") :]).encode()
            z.writestr(info, body)
    return out.getvalue()


def test_damaged_packages() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>'
        )
    with pytest.raises(ReadError) as info:
        read_bytes(out.getvalue(), "r.ofd")
    assert info.value.code == "corrupt-ofd"
    data = ofd_bytes([(595, 842, [([90.0], 100, 12, "一")], [])])
    with pytest.raises(ReadError) as info:
        read_bytes(data[: len(data) // 2], "r.ofd")
    assert info.value.code == "corrupt-ofd"
