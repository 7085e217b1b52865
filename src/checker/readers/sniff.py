"""Decide which reader handles a file: the extension says whether we try, the content says how.

Files are routinely mislabelled (a web page saved as .doc, a Word file renamed
.txt), so among the known extensions the bytes choose the reader.  Unknown
extensions are refused rather than guessed at.
"""

from __future__ import annotations

import os
import re
from enum import StrEnum

from checker.errors import ReadError


class Kind(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    DOC = "doc"  # Word 97–2003 and WPS in an OLE compound file
    OFD = "ofd"  # GB/T 33190 electronic documents: a zip of XML pages


TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".htm", ".html", ".shtml", ".xhtml"})
DOCX_EXTENSIONS = frozenset({".docx"})
LEGACY_EXTENSIONS = frozenset({".doc", ".wps", ".pdf", ".ofd"})
KNOWN_EXTENSIONS = (
    TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | DOCX_EXTENSIONS | LEGACY_EXTENSIONS
)
_OFD_ROOT = b"OFD.xml"  # a member name, stored plainly in the zip's directory

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WHITESPACE = b" \t\r\n\x0b\x0c\x00"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>])")
_HTML_TAG = re.compile(r"<(?:body|table|p)[\s>/]")
_PROLOG = re.compile(r"(?:\s+|<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->)*", re.S)


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def check_extension(path: str, name: str) -> str:
    ext = extension_of(name)
    if ext not in KNOWN_EXTENSIONS:
        known = " ".join(sorted(KNOWN_EXTENSIONS))
        shown = ext or "(none)"
        raise ReadError(path, "unsupported-extension", f"extension {shown}; known: {known}")
    return ext


_NOT_BLANK = re.compile(b"[^" + re.escape(_WHITESPACE) + b"]")


def is_blank(data: bytes) -> bool:
    """True when the bytes hold nothing but BOMs, NULs and ASCII whitespace."""
    start = next((len(bom) for bom in _BOMS if data.startswith(bom)), 0)
    # searched, not stripped: a strip would copy a large file once more
    return _NOT_BLANK.search(data, start) is None


def _head_text(data: bytes) -> str:
    """The first 2 KB as lower-case text, good enough to spot tags in any common encoding."""
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(0) > 20:
        head = head.replace(b"\x00", b"")
    return head.decode("latin-1").lower()


def looks_like_html(data: bytes, strong_only: bool = False) -> bool:
    """A document start of ``<!doctype html``/``<html``, or early body/table/p tags."""
    text = _head_text(data).lstrip("\ufeff\xef\xbb\xbf\xff\xfe ")
    prolog = _PROLOG.match(text)
    start = prolog.end() if prolog else 0
    if _HTML_START.match(text, start):
        return True
    return not strong_only and _HTML_TAG.search(text) is not None


def _legacy_detail(data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]:
        return "password-protected Office document"
    if "WordDocument".encode("utf-16-le") in data:
        return "legacy Word .doc/.wps (OLE); save it as .docx"
    if "WpsContent".encode("utf-16-le") in data or "WPS".encode("utf-16-le") in data[:65536]:
        return "legacy WPS .wps (OLE); save it as .docx"
    return "legacy Word .doc/.wps (OLE compound file); save it as .docx"


def choose(path: str, data: bytes, ext: str) -> Kind:
    """The reader for ``data``; raises ``ReadError`` for empty or unreadable formats."""
    if is_blank(data):
        raise ReadError(path, "empty", "file is empty or holds only whitespace")
    if data.startswith(ZIP_MAGIC):
        if ext == ".ofd" or (_OFD_ROOT in data and b"word/document.xml" not in data):
            return Kind.OFD
        return Kind.DOCX
    if data.startswith(OLE_MAGIC):
        if "password" in _legacy_detail(data):
            raise ReadError(path, "encrypted", _legacy_detail(data))
        return Kind.DOC
    if b"%PDF-" in data[:1024]:
        return Kind.PDF
    if data.lstrip(_WHITESPACE).startswith(b"{\\rtf"):
        raise ReadError(path, "unsupported-format", "RTF; save it as .docx")
    if ext in HTML_EXTENSIONS:
        return Kind.HTML
    if ext in MARKDOWN_EXTENSIONS:
        return Kind.HTML if looks_like_html(data, strong_only=True) else Kind.MARKDOWN
    if looks_like_html(data):
        return Kind.HTML
    if ext in DOCX_EXTENSIONS:
        raise ReadError(path, "corrupt-docx", "not a zip package (a .docx is a zip file)")
    if ext == ".pdf":
        raise ReadError(path, "corrupt-pdf", "no PDF header (%PDF-) in the first 1 KB")
    if ext == ".wps":
        raise ReadError(
            path,
            "unsupported-format",
            "an older WPS or Works format (not an OLE compound file); open it in WPS Office"
            " and save it as .docx",
        )
    if ext in LEGACY_EXTENSIONS:
        raise ReadError(
            path,
            "unsupported-format",
            "not a Word 97–2003 file (Word 6/95 or older?); save it as .docx",
        )
    return Kind.TEXT
