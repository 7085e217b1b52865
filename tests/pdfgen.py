"""A tiny PDF writer for tests: Chinese text at positions, ruling lines, images.

Text uses a CID font in Identity-H encoding (two bytes per character, the code
being the character's Unicode value) with a ToUnicode map, the way office
exports embed CJK fonts; no glyphs are embedded, which text extraction does not
need. ``to_unicode`` can drop the map or point it at other characters, to make
the unreadable text layers real files have.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

A4 = (595.0, 842.0)


@dataclass
class Page:
    texts: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, top, size, text
    lines: list[tuple[float, float, float, float]] = field(
        default_factory=list
    )  # x0, top, x1, bottom
    image: bool = False
    pictures: list[tuple[float, float, float, float]] = field(
        default_factory=list
    )  # x, top, width, height
    turned: list[tuple[float, float, float, str, float]] = field(default_factory=list)

    def watermark(self, x: float, top: float, text: str, degrees: float = 45.0) -> Page:
        """Text at an angle across the page, as watermarks are set."""
        self.turned.append((x, top, 40.0, text, degrees))
        return self

    def text(self, x: float, top: float, text: str, size: float = 12.0) -> Page:
        self.texts.append((x, top, size, text))
        return self

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> Page:
        self.lines.append((x0, top, x1, bottom))
        return self

    def grid(
        self, xs: list[float], ys: list[float], merged: tuple[tuple[int, int, int, int], ...] = ()
    ) -> Page:
        """Ruling lines of a table; ``merged`` holds (row0, col0, row1, col1) regions,
        end exclusive, drawn as one cell."""

        def inside(r: float, c: float) -> bool:
            return any(r0 < r < r1 and c0 < c < c1 for r0, c0, r1, c1 in merged)

        for r, y in enumerate(ys):
            for c in range(len(xs) - 1):
                if not inside(r, c + 0.5):
                    self.rule(xs[c], y, xs[c + 1], y)
        for c, x in enumerate(xs):
            for r in range(len(ys) - 1):
                if not inside(r + 0.5, c):
                    self.rule(x, ys[r], x, ys[r + 1])
        return self


def _stream(body: bytes, extra: str = "", compress: bool = True) -> bytes:
    if compress:
        body = zlib.compress(body)
        extra += " /Filter /FlateDecode"
    return f"<< /Length {len(body)}{extra} >>\nstream\n".encode() + body + b"\nendstream"


def _hex(text: str) -> str:
    return "".join(f"{ord(ch):04X}" for ch in text)


def pdf_bytes(
    pages: list[Page],
    to_unicode: Callable[[str], str] | None = lambda ch: ch,
    encrypt: bool = False,
    extra_objects: int = 0,
) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    chars = sorted(
        {ch for p in pages for *_r, t in p.texts for ch in t}
        | {ch for p in pages for _x, _t, _s, t, _d in p.turned for ch in t}
    )
    cmap = None
    if to_unicode is not None:
        entries = "\n".join(f"<{ord(ch):04X}> <{_hex(to_unicode(ch))}>" for ch in chars)
        cmap_text = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n{entries}\nendbfchar\nendcmap end end\n"
        )
        cmap = add(_stream(cmap_text.encode()))
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000"
        b" /FontDescriptor << /Type /FontDescriptor /FontName /TestSong /Flags 4"
        b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120"
        b" /CapHeight 700 /StemV 80 >> >>"
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H"
        f" /DescendantFonts [{cid} 0 R]".encode()
        + (f" /ToUnicode {cmap} 0 R".encode() if cmap else b"")
        + b" >>"
    )
    image = add(
        _stream(
            b"\x80",
            " /Type /XObject /Subtype /Image /Width 1 /Height 1"
            " /ColorSpace /DeviceGray /BitsPerComponent 8",
            compress=False,
        )
    )
    page_ids = []
    pages_id = len(objects) + 2 * len(pages) + 1
    for page in pages:
        ops = []
        for x, top, size, text in page.texts:
            y = A4[1] - top - size * 0.88
            ops.append(f"BT /F1 {size:g} Tf {x:g} {y:g} Td <{_hex(text)}> Tj ET")
        for x, top, size, text, degrees in page.turned:
            c, s_ = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
            m = f"{c:.4f} {s_:.4f} {-s_:.4f} {c:.4f} {x:g} {A4[1] - top:g}"
            ops.append(f"BT /F1 {size:g} Tf {m} Tm <{_hex(text)}> Tj ET")
        for x0, top, x1, bottom in page.lines:
            ops.append(f"0.5 w {x0:g} {A4[1] - top:g} m {x1:g} {A4[1] - bottom:g} l S")
        if page.image:
            ops.append("q 500 0 0 700 50 70 cm /Im1 Do Q")
        for x, top, width, height in page.pictures:
            ops.append(f"q {width:g} 0 0 {height:g} {x:g} {A4[1] - top - height:g} cm /Im1 Do Q")
        content = add(_stream("\n".join(ops).encode()))
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {A4[0]:g} {A4[1]:g}]"
                f" /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >>"
                f" /Contents {content} 0 R >>".encode()
            )
        )
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()) == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    for _ in range(extra_objects):
        add(b"null")
    encrypt_ref = ""
    if encrypt:  # a user password is set: the empty password does not open it
        enc = add(
            b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> >>"
        )
        encrypt_ref = f" /Encrypt {enc} 0 R /ID [<{'33' * 16}> <{'33' * 16}>]"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{encrypt_ref} >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
