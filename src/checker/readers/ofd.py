"""OFD (GB/T 33190, the national format for electronic documents): a zip of XML pages.

``OFD.xml`` names each document's root; the document lists its pages; a page
holds layers of text objects (a boundary box, a font size, and text codes with
a start point and the advance of every glyph) and path objects (a boundary box
and abbreviated path data).  Lengths are millimetres from the top-left.  Each
glyph and each straight path segment is placed on the page here, in points, and
the paged layout (the one the PDF reader uses) rebuilds paragraphs and ruled
tables from them.  Template pages (running heads, backgrounds) and annotations
are not read: they are not the report's text.
"""

from __future__ import annotations

import posixpath
import re
import time

from lxml import etree

from checker.errors import ReadError
from checker.model import Document

from .limits import ReadLimits
from .opc import Package
from .paged import PageContent, build_document
from .rulings import MAX_RULES, Line, add_segment, find_grids

_NS = "{http://www.ofdspec.org/2016}"
_PT = 72 / 25.4  # points per millimetre
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
_ASCENT = 0.88  # share of the font size above the baseline, as PDF fonts typically declare


def _floats(text: str | None) -> list[float]:
    return [float(v) for v in _NUMBER.findall(text or "")]


def _deltas(text: str | None) -> list[float]:
    """Advances between glyphs; ``g 3 4.2`` stands for three advances of 4.2."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            count, value = _number(tokens[i + 1]), _number(tokens[i + 2])
            if count is not None and value is not None:
                out.extend([value] * min(int(count), 100_000))
            i += 3
            continue
        value = _number(tokens[i])
        if value is not None:
            out.append(value)
        i += 1
    return out


def _number(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


class _Ctm:
    """An object's transform within its boundary box (identity when absent)."""

    def __init__(self, text: str | None) -> None:
        values = _floats(text)
        self.m = values if len(values) == 6 else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]

    def apply(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return a * x + c * y + e, b * x + d * y + f

    @property
    def scale(self) -> float:
        a, b, _c, d, _e, _f = self.m
        return max(abs(a), abs(d), abs(b)) or 1.0


def _text(obj: etree._Element, out: PageContent) -> None:
    box = _floats(obj.get("Boundary"))
    if len(box) < 2:
        return
    ctm = _Ctm(obj.get("CTM"))
    size = float((_floats(obj.get("Size")) or [3.5])[0]) * ctm.scale
    bold = int((_floats(obj.get("Weight")) or [400])[0]) >= 600 or obj.get("Bold") == "true"
    x = y = 0.0
    for code in obj.iter(f"{_NS}TextCode"):
        coords = _floats(code.get("X")), _floats(code.get("Y"))
        x = coords[0][0] if coords[0] else x
        y = coords[1][0] if coords[1] else y
        deltas = _deltas(code.get("DeltaX"))
        pen = x
        for k, ch in enumerate(code.text or ""):
            advance = deltas[k] if k < len(deltas) else size
            if not ch.isspace():
                gx, gy = ctm.apply(pen, y)
                left, baseline = (box[0] + gx) * _PT, (box[1] + gy) * _PT
                out.chars.append(
                    {
                        "text": ch,
                        "x0": left,
                        "x1": left + min(advance * ctm.scale, size) * _PT,
                        "top": baseline - size * _ASCENT * _PT,
                        "bottom": baseline + size * (1 - _ASCENT) * _PT,
                        "size": size * _PT,
                        "bold": bold,
                    }
                )
            pen += advance
        x = pen


_ARGS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}  # numbers after each operator


def _path(obj: etree._Element, horizontal: list[Line], vertical: list[Line]) -> None:
    """The straight segments of a path object (curves only move the pen)."""
    box = _floats(obj.get("Boundary"))
    data = obj.find(f"{_NS}AbbreviatedData")
    if len(box) < 2 or data is None:
        return
    ctm = _Ctm(obj.get("CTM"))

    def place(x: float, y: float) -> tuple[float, float]:
        px, py = ctm.apply(x, y)
        return (box[0] + px) * _PT, (box[1] + py) * _PT

    tokens = (data.text or "").split()
    start = prev = None
    i = 0
    while i < len(tokens) and len(horizontal) + len(vertical) <= MAX_RULES:
        op = tokens[i]
        i += 1
        n = _ARGS.get(op)
        if n is None:
            continue  # a stray number
        try:
            values = [float(v) for v in tokens[i : i + n]]
        except ValueError:
            return
        i += n
        if len(values) < n:
            return
        if op in ("M", "S"):
            start = prev = place(values[0], values[1])
        elif op == "L":
            point = place(values[0], values[1])
            if prev is not None:
                add_segment(prev, point, horizontal, vertical)
            prev = point
        elif op == "C":
            if prev is not None and start is not None:
                add_segment(prev, start, horizontal, vertical)
            prev = start
        else:
            prev = place(values[-2], values[-1])


def _page(root: etree._Element, deadline: float, path: str) -> PageContent:
    box = [210.0, 297.0]
    physical = root.find(f"{_NS}Area/{_NS}PhysicalBox")
    if physical is not None and len(_floats(physical.text)) == 4:
        box = _floats(physical.text)[2:]
    out = PageContent(box[0] * _PT, box[1] * _PT)
    horizontal: list[Line] = []
    vertical: list[Line] = []
    content = root.find(f"{_NS}Content")
    for n, obj in enumerate(content.iter() if content is not None else ()):
        if n % 5000 == 0 and time.monotonic() > deadline:
            raise ReadError(path, "too-complex", "reading the OFD pages took too long")
        if obj.tag == f"{_NS}TextObject":
            _text(obj, out)
        elif obj.tag == f"{_NS}PathObject":
            _path(obj, horizontal, vertical)
        elif obj.tag == f"{_NS}ImageObject":
            out.images += 1
    out.grids = find_grids(horizontal, vertical)
    return out


def _xml(package: Package, name: str, path: str) -> etree._Element:
    root = package.xml(name)
    if root is None:
        raise ReadError(path, "corrupt-ofd", f"{name} is missing")
    return root


def read_ofd(data: bytes, path: str, limits: ReadLimits) -> Document:
    """The pages of the first document in the package, as a paged document."""
    deadline = time.monotonic() + limits.max_read_seconds
    package = Package(data, path, limits, corrupt="corrupt-ofd")
    root = _xml(package, "OFD.xml", path)
    doc_root = root.find(f"{_NS}DocBody/{_NS}DocRoot")
    if doc_root is None or not (doc_root.text or "").strip():
        raise ReadError(path, "corrupt-ofd", "OFD.xml names no document")
    document_name = posixpath.normpath((doc_root.text or "").strip().lstrip("/"))
    base = posixpath.dirname(document_name)
    document = _xml(package, document_name, path)
    pages = document.findall(f"{_NS}Pages/{_NS}Page")
    if len(pages) > limits.max_pages:
        raise ReadError(path, "too-complex", f"{len(pages)} pages (limit {limits.max_pages})")
    contents = []
    for page in pages:
        location = (page.get("BaseLoc") or "").strip()
        name = posixpath.normpath(
            location.lstrip("/") if location.startswith("/") else posixpath.join(base, location)
        )
        contents.append(_page(_xml(package, name, path), deadline, path))
    if not contents:
        raise ReadError(path, "empty", "an OFD document without pages")
    return build_document(contents, path, limits, "ofd")
