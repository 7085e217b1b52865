"""PDF: pdfium reads each page's glyphs and lines; ``paged`` rebuilds the document.

Before pdfium sees the bytes, what they declare is bounded: a file cut short
(no end-of-file mark), more objects than any report has, and streams that
inflate past the limit are refused with a reason.
"""

from __future__ import annotations

import re
import time
import zlib

from checker.errors import ReadError
from checker.model import Document

from .limits import ReadLimits
from .paged import PageContent, build_document
from .pdfpage import TooManyGlyphs, load_page, open_document, read_page

_STREAM = re.compile(rb"stream\r?\n")
_ENDSTREAM = b"endstream"
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_SIZE = re.compile(rb"/Size\s+(\d{1,12})")


def _inflated_size(raw: bytes, limit: int) -> int:
    """How far ``raw`` inflates, counted in 1 MiB steps and given up past ``limit``."""
    inflater = zlib.decompressobj()
    total = 0
    chunk = raw
    while chunk and total <= limit:
        total += len(inflater.decompress(chunk, 1 << 20))
        chunk = inflater.unconsumed_tail
    return total


def _precheck(data: bytes, path: str, limits: ReadLimits) -> None:
    """Declared sizes before parsing: object counts, and what every stream inflates to."""
    objects = data.count(b"endobj")
    declared = max((int(m.group(1)) for m in _SIZE.finditer(data)), default=0)
    if max(objects, declared) > limits.max_objects:
        raise ReadError(
            path,
            "too-complex",
            f"{max(objects, declared)} PDF objects (limit {limits.max_objects})",
        )
    budget = limits.max_decompressed_bytes
    for m in _STREAM.finditer(data):
        start = m.end()
        end = data.find(_ENDSTREAM, start)
        if end < 0:
            break
        head = data[max(0, m.start() - 400) : m.start()]
        if _IMAGE.search(head[head.rfind(b"obj") :] if b"obj" in head else head):
            continue  # images are never decoded
        try:
            budget -= _inflated_size(data[start:end], budget + 1)
        except zlib.error:
            continue  # not deflated, or damaged: the parser will say
        if budget < 0:
            raise ReadError(
                path,
                "decompression-bomb",
                f"PDF streams inflate past {limits.max_decompressed_bytes} bytes",
            )


def _truncated(data: bytes) -> bool:
    """A PDF ends with %%EOF (give or take trailing junk); a cut download does not."""
    return data.rfind(b"%%EOF", max(0, len(data) - 4096)) < 0


def read_pdf(data: bytes, path: str, limits: ReadLimits) -> Document:
    """Paragraphs and tables of every page, in reading order, each with its page."""
    if _truncated(data):
        raise ReadError(path, "truncated", "the PDF ends before its end-of-file mark (cut short?)")
    _precheck(data, path, limits)
    deadline = time.monotonic() + limits.max_read_seconds
    document = open_document(data, path)
    try:
        n_pages = len(document)
        if n_pages > limits.max_pages:
            raise ReadError(path, "too-complex", f"{n_pages} pages (limit {limits.max_pages})")
        contents: list[PageContent] = []
        budget = limits.max_text_chars
        for number in range(1, n_pages + 1):
            if time.monotonic() > deadline:
                raise ReadError(
                    path, "too-complex", f"reading took over {limits.max_read_seconds} s"
                )
            page = load_page(document, number - 1, path)
            try:
                content = read_page(page, budget)
            except TooManyGlyphs as exc:
                raise ReadError(
                    path,
                    "too-large",
                    f"page {number} holds {exc.args[0]} characters; more than"
                    f" {limits.max_text_chars} in the document (a report has tens of thousands)",
                ) from None
            finally:
                page.close()
            budget -= len(content.chars)
            contents.append(content)
    finally:
        document.close()
    return build_document(contents, path, limits, "pdf")
