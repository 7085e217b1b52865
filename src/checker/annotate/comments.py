"""Word comments written into a .docx package: the parts, the ranges, the relations.

A comment is three things in OOXML: its text in ``word/comments.xml`` (related
to the main document and declared in ``[Content_Types].xml``), a
``commentRangeStart``/``commentRangeEnd`` pair around what it concerns, and a
``commentReference`` run after the range, where Word, WPS and LibreOffice draw
the marker. Comments already in the draft are kept; new ids follow theirs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from checker.render.safe import for_xml

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_STRICT_COMMENTS_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "checker"


@dataclass(frozen=True)
class Comment:
    """One comment: the paragraphs it spans (first and last ``w:p``) and its lines."""

    first: etree._Element
    last: etree._Element
    lines: tuple[str, ...]


def _xml(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def add(
    read_xml: Callable[[str], etree._Element | None],
    main: str,
    document: etree._Element,
    comments: list[Comment],
    when: datetime | None = None,
) -> dict[str, bytes]:
    """The parts to replace or add (document, comments, relations, content types) so that
    the package carries ``comments``. ``read_xml`` parses a part of the package safely, or
    gives None when it is absent."""
    w = "{" + (etree.QName(document).namespace or "") + "}"
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    rels = read_xml(rels_name)
    if rels is None:
        rels = etree.fromstring(f'<Relationships xmlns="{_REL_NS}"/>'.encode())
    target = None
    for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("Type") in (_COMMENTS_REL, _STRICT_COMMENTS_REL):
            target = rel.get("Target")
    comments_name = posixpath.normpath(posixpath.join(folder, target or "comments.xml"))
    part = read_xml(comments_name) if target is not None else None
    if part is None:
        part = etree.Element(f"{w}comments", nsmap={"w": w[1:-1]})
    used = [int(c.get(f"{w}id", "0")) for c in part.iter(f"{w}comment") if _is_int(c.get(f"{w}id"))]
    used += [
        int(el.get(f"{w}id", "0"))
        for el in document.iter(f"{w}commentRangeStart", f"{w}commentReference")
        if _is_int(el.get(f"{w}id"))
    ]
    next_id = max(used, default=-1) + 1
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for comment in comments:
        cid = str(next_id)
        next_id += 1
        _comment_part(part, w, cid, comment.lines, stamp)
        _mark_range(w, cid, comment.first, comment.last)
    out = {main: _xml(document), comments_name: _xml(part)}
    if target is None:
        ids = {rel.get("Id") for rel in rels}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
        rel.set("Id", f"rId{n}")
        rel.set("Type", _COMMENTS_REL)
        rel.set("Target", posixpath.relpath(comments_name, folder or "."))
        out[rels_name] = _xml(rels)
    types = read_xml("[Content_Types].xml")
    if types is None:
        raise ValueError("the package has no [Content_Types].xml")
    part_name = "/" + comments_name
    overrides = [o.get("PartName", "").lower() for o in types.iter(f"{{{_CT_NS}}}Override")]
    if part_name.lower() not in overrides:
        override = etree.SubElement(types, f"{{{_CT_NS}}}Override")
        override.set("PartName", part_name)
        override.set("ContentType", _COMMENTS_TYPE)
        out["[Content_Types].xml"] = _xml(types)
    return out


def _is_int(value: str | None) -> bool:
    return value is not None and value.isdigit()


def _comment_part(
    part: etree._Element, w: str, cid: str, lines: tuple[str, ...], stamp: str
) -> None:
    comment = etree.SubElement(part, f"{w}comment")
    comment.set(f"{w}id", cid)
    comment.set(f"{w}author", AUTHOR)
    comment.set(f"{w}date", stamp)
    comment.set(f"{w}initials", "CK")
    for n, line in enumerate(lines):
        p = etree.SubElement(comment, f"{w}p")
        if n == 0:
            ref = etree.SubElement(p, f"{w}r")
            etree.SubElement(ref, f"{w}annotationRef")
        r = etree.SubElement(p, f"{w}r")
        t = etree.SubElement(r, f"{w}t")
        t.text = for_xml(line)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _mark_range(w: str, cid: str, first: etree._Element, last: etree._Element) -> None:
    start = etree.Element(f"{w}commentRangeStart")
    start.set(f"{w}id", cid)
    ppr = first.find(f"{w}pPr")
    first.insert(0 if ppr is None else first.index(ppr) + 1, start)
    end = etree.SubElement(last, f"{w}commentRangeEnd")
    end.set(f"{w}id", cid)
    run = etree.SubElement(last, f"{w}r")
    ref = etree.SubElement(run, f"{w}commentReference")
    ref.set(f"{w}id", cid)
