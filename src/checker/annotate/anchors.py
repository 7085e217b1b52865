"""Which Word paragraph or table cell a finding's block came from.

The reader turns ``word/document.xml`` into blocks and forgets the XML; here
the same body is walked again in the same order and each block is matched to
its element by its text, so a comment lands on the paragraph a person sees.
A block whose element cannot be found is left without an anchor (its finding
goes to the title's comment) rather than put on a wrong paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from checker.model import BlockKind, Document

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WINDOW = 60  # paragraphs looked ahead for a block's text before giving up


@dataclass
class Anchors:
    w: str  # "{namespace}" of the document's WordprocessingML
    paragraphs: dict[int, etree._Element] = field(default_factory=dict)  # block index -> w:p
    tables: dict[int, etree._Element] = field(default_factory=dict)  # table index -> w:tbl
    # block index -> table index: a finding on a whole table (rows or columns missing)
    table_blocks: dict[int, int] = field(default_factory=dict)

    def cell(self, table: int, row: int, column: int) -> etree._Element | None:
        """The ``w:tc`` at 1-based grid ``row`` and ``column`` (a merged cell's anchor)."""
        tbl = self.tables.get(table)
        if tbl is None:
            return None
        rows = list(_children(tbl, self.w, "tr"))
        if not 1 <= row <= len(rows):
            return None
        tr = rows[row - 1]
        col = _grid_before(tr, self.w)
        for tc in _children(tr, self.w, "tc"):
            span = _grid_span(tc, self.w)
            if col <= column - 1 < col + span:
                return tc
            col += span
        return None


def squash(text: str) -> str:
    return "".join(text.split())


def paragraph_text(p: etree._Element, w: str) -> str:
    """The visible text of one paragraph, without the text boxes it holds."""
    parts = []
    for t in p.iter(f"{w}t"):
        owner = t.getparent()
        while owner is not None and owner.tag != f"{w}p":
            owner = owner.getparent()
        if owner is p:
            parts.append(t.text or "")
    return "".join(parts)


def find(root: etree._Element, document: Document) -> Anchors:
    w = "{" + (etree.QName(root).namespace or "") + "}"
    body = root.find(f"{w}body")
    anchors = Anchors(w)
    if body is None:
        return anchors
    paragraphs: list[etree._Element] = []
    tables: list[etree._Element] = []
    for el in _blocks(body, w):
        (tables if el.tag == f"{w}tbl" else paragraphs).append(el)
    texts = [squash(paragraph_text(p, w)) for p in paragraphs]
    at = 0
    for block in document.blocks:
        if block.kind == BlockKind.TABLE:
            if block.table is not None and block.table.index <= len(tables):
                anchors.tables[block.table.index] = tables[block.table.index - 1]
                anchors.table_blocks[block.index] = block.table.index
            continue
        key = squash(block.text)
        if not key:
            continue
        for i in range(at, min(len(paragraphs), at + _WINDOW)):
            text = texts[i]
            if not text:
                continue
            if key.endswith(text) or text.endswith(key):  # a list label Word draws itself
                anchors.paragraphs[block.index] = paragraphs[i]
                at = i + 1
                break
            if key in text:  # one piece of a paragraph the reader cut in several
                anchors.paragraphs[block.index] = paragraphs[i]
                at = i
                break
    return anchors


def _blocks(parent: etree._Element, w: str) -> Iterator[etree._Element]:
    """Paragraphs (text boxes included) and top-level tables in reading order."""
    for el in parent:
        tag = el.tag
        if tag == f"{w}p":
            yield el
            for box in el.iter(f"{w}txbxContent"):
                if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
                    yield from _blocks(box, w)
        elif tag == f"{w}tbl":
            yield el
        elif tag == f"{w}sdt":
            content = el.find(f"{w}sdtContent")
            if content is not None:
                yield from _blocks(content, w)
        elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
            yield from _blocks(el, w)
        elif tag == f"{_MC}AlternateContent":
            for branch in el:
                if branch.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
                    yield from _blocks(branch, w)
                    break


def _children(parent: etree._Element, w: str, name: str) -> Iterator[etree._Element]:
    """Children named ``name``, looking through content controls and custom XML."""
    for el in parent:
        if el.tag == f"{w}{name}":
            yield el
        elif el.tag == f"{w}sdt":
            content = el.find(f"{w}sdtContent")
            if content is not None:
                yield from _children(content, w, name)
        elif el.tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
            yield from _children(el, w, name)


def _int(el: etree._Element | None, w: str, default: int) -> int:
    if el is None:
        return default
    try:
        return max(0, int(el.get(f"{w}val", default)))
    except ValueError:
        return default


def _grid_before(tr: etree._Element, w: str) -> int:
    return _int(tr.find(f"{w}trPr/{w}gridBefore"), w, 0)


def _grid_span(tc: etree._Element, w: str) -> int:
    return max(1, _int(tc.find(f"{w}tcPr/{w}gridSpan"), w, 1))
