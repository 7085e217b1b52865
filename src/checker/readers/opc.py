"""Guarded access to the parts of an Office Open XML (zip) package.

A .docx is a zip of XML parts, so a hostile one can be a zip bomb or carry a
DOCTYPE that asks for local files.  Declared member sizes are checked against
the budget before anything is inflated, members are inflated in bounded
chunks (so a header that understates its size is still caught), and any part
with a DOCTYPE is refused before the XML parser sees it.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from checker.errors import ReadError

from .limits import ReadLimits

_CHUNK = 1024 * 1024
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
# RuntimeError: zipfile raises a subclass of it for an unsupported compression method
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError)
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"

_OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook"),
    ("ppt/presentation.xml", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file; save it as .docx"),
)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


_EOCD = b"PK\x05\x06"
_EOCD_SEARCH = 22 + 0xFFFF  # the record plus the longest possible zip comment


def declared_members(data: bytes) -> int | None:
    """Number of members the end-of-central-directory record announces, if it can be found."""
    at = data.rfind(_EOCD, max(0, len(data) - _EOCD_SEARCH))
    if at < 0 or at + 22 > len(data):
        return None
    count: int = struct.unpack_from("<H", data, at + 10)[0]
    return count


class Package:
    """The members of one zip, read within a shared decompression budget."""

    def __init__(
        self, data: bytes, path: str, limits: ReadLimits, corrupt: str = "corrupt-docx"
    ) -> None:
        self.path = path
        self.corrupt = corrupt  # the reason code for a damaged package
        self.budget = limits.max_decompressed_bytes
        self.parser = _parser()
        announced = declared_members(data)
        if announced is not None and announced > limits.max_zip_members:
            raise ReadError(
                path,
                "too-large",
                f"zip announces {announced} members (limit {limits.max_zip_members})",
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ZIP_ERRORS as exc:
            raise ReadError(path, corrupt, f"not a readable zip archive: {exc}") from None
        if len(infos) > limits.max_zip_members:
            raise ReadError(path, "too-large", f"zip holds {len(infos)} members")
        # Part names in OPC are case-insensitive; two members with one name are
        # a known trick to show different content to different readers.
        self.members = {info.filename.lstrip("/").lower(): info for info in infos}
        if len(self.members) != len(infos):
            raise ReadError(path, corrupt, "zip holds two members with the same name")

    def has(self, name: str) -> bool:
        return name.lower() in self.members

    def read(self, name: str) -> bytes | None:
        """The inflated bytes of member ``name``, or None when it is absent."""
        info = self.members.get(name.lower())
        if info is None:
            return None
        if info.file_size > self.budget:
            raise self._bomb(name, info.file_size)
        if info.flag_bits & 0x1:
            raise ReadError(self.path, "encrypted", f"{name} is encrypted")
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    total += len(chunk)
                    if total > self.budget:
                        raise self._bomb(name, total)
                    chunks.append(chunk)
        except ReadError:
            raise
        except (*_ZIP_ERRORS, RuntimeError) as exc:
            raise ReadError(self.path, self.corrupt, f"{name}: {exc}") from None
        self.budget -= total
        return b"".join(chunks)

    def _bomb(self, name: str, size: int) -> ReadError:
        return ReadError(
            self.path,
            "decompression-bomb",
            f"{name} inflates to more than the remaining budget ({size} > {self.budget} bytes)",
        )

    def xml(self, name: str) -> etree._Element | None:
        """Member ``name`` parsed safely, or None when absent."""
        data = self.read(name)
        if data is None:
            return None
        if any(marker in data for marker in _DTD_MARKERS):
            raise ReadError(self.path, "forbidden-dtd", f"{name} contains a DOCTYPE or ENTITY")
        try:
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise ReadError(self.path, self.corrupt, f"{name}: invalid XML: {exc}") from None
        if root is None:
            raise ReadError(self.path, self.corrupt, f"{name}: no XML content")
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise ReadError(self.path, "forbidden-dtd", f"{name} contains a DOCTYPE")
        return root

    def main_document(self) -> str:
        """Name of the main document part, found directly or through the package rels."""
        if self.has("word/document.xml"):
            return "word/document.xml"
        for member, what in _OTHER_PACKAGES:
            if self.has(member):
                raise ReadError(self.path, "not-a-word-document", f"zip holds {what}")
        rels = self.xml("_rels/.rels") if self.has("_rels/.rels") else None
        if rels is not None:
            for rel in rels.iter(f"{_REL_NS}Relationship"):
                if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                    target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                    if target.lower().endswith(".xml") and self.has(target):
                        return target
        raise ReadError(self.path, "not-a-word-document", "zip archive without word/document.xml")
