"""One PDF page through pdfium: its glyphs with their boxes, and its ruling lines as grids.

pdfium (the PDF engine of Chromium, through pypdfium2) decodes the text of a
page in C, some fifty times faster than a pure-Python parser, and reads fonts
a pure-Python parser gets wrong (LibreOffice's fallback glyphs among them). The
page's straight path segments go to ``rulings`` to find the ruled tables.
"""

from __future__ import annotations

import ctypes
from typing import Any

from checker.errors import ReadError

from .paged import Char, PageContent
from .rulings import MAX_RULES, Line, add_segment, find_grids

_PICTURE_WIDTH = 0.4  # of the page: a picture this wide may be a table pasted as one


class TooManyGlyphs(Exception):
    """A page holding more glyphs than the document may (the reader says which file)."""


def open_document(data: bytes, path: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted", "password-protected PDF") from None
        raise ReadError(path, "corrupt-pdf", f"not a readable PDF ({exc})") from None


def load_page(document: Any, index: int, path: str) -> Any:
    """Page ``index`` (0-based); a page pdfium cannot load is a damaged file."""
    import pypdfium2 as pdfium

    try:
        return document[index]
    except pdfium.PdfiumError as exc:
        raise ReadError(path, "corrupt-pdf", f"page {index + 1}: {exc}") from None


def read_page(page: Any, max_chars: int) -> PageContent:
    """The page's glyphs and grids; ``max_chars`` bounds the glyphs a page may hold."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    out = PageContent(float(width), float(height))
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        rect = raw.FS_RECTF()
        count = raw.FPDFText_CountChars(handle)
        if count > max_chars:
            raise TooManyGlyphs(count)
        turned: list[Char] = []  # glyphs at an angle: a watermark across the page, or a stamp
        for i in range(count):
            if raw.FPDFText_IsGenerated(handle, i):
                continue  # spaces and line ends pdfium adds of its own
            ch = chr(raw.FPDFText_GetUnicode(handle, i))
            if ch.isspace() or ch == "\x00":
                continue
            if raw.FPDFText_HasUnicodeMapError(handle, i) == 1:
                out.unmapped += 1
            raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(rect))
            angle = raw.FPDFText_GetCharAngle(handle, i)
            (turned if 0.02 < angle < 6.26 else out.chars).append(
                {
                    "text": ch,
                    "x0": rect.left,
                    "x1": rect.right,
                    "top": height - rect.top,
                    "bottom": height - rect.bottom,
                    "size": raw.FPDFText_GetFontSize(handle, i),
                    "bold": raw.FPDFText_GetFontWeight(handle, i) >= 600,
                }
            )
        if len(turned) > len(out.chars):  # a page set sideways: its text is all turned
            out.chars += turned
    finally:
        textpage.close()
    horizontal: list[Line] = []
    vertical: list[Line] = []
    for obj in page.get_objects(max_depth=3):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            out.images += 1
            left, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
            bottom = ctypes.c_float()
            if (
                raw.FPDFPageObj_GetBounds(
                    obj.raw,
                    ctypes.byref(left),
                    ctypes.byref(bottom),
                    ctypes.byref(right),
                    ctypes.byref(top),
                )
                and right.value - left.value >= _PICTURE_WIDTH * width
            ):  # not a seal, logo, icon
                out.picture_tops.append(height - top.value)
        elif obj.type == raw.FPDF_PAGEOBJ_PATH and obj.level == 0:
            _segments(obj, height, horizontal, vertical)
            if len(horizontal) + len(vertical) > MAX_RULES:
                return out  # a drawing: no tables, the text is still read
    out.grids = find_grids(horizontal, vertical)
    return out


def _segments(
    obj: Any,
    height: float,
    horizontal: list[Line],
    vertical: list[Line],
) -> None:
    """The straight, axis-parallel pieces of a path, in top-down page coordinates."""
    import pypdfium2.raw as raw

    a, b, c, d, e, f = obj.get_matrix().get()
    x, y = ctypes.c_float(), ctypes.c_float()
    prev = start = None
    for k in range(min(raw.FPDFPath_CountSegments(obj.raw), MAX_RULES)):
        seg = raw.FPDFPath_GetPathSegment(obj.raw, k)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            prev = start = point
            continue
        if prev is not None and kind == raw.FPDF_SEGMENT_LINETO:
            add_segment(prev, point, horizontal, vertical)
        prev = point
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            add_segment(point, start, horizontal, vertical)
