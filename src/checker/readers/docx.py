"""Word .docx: a direct walk over ``word/document.xml`` in document order.

Python-docx is slow on tables and other libraries miss the ``w:val="continue"``
merge form LibreOffice writes, so the body is walked here with lxml.  What
Word shows is what we read: inserted text is kept and deleted text dropped,
field results are kept and field codes dropped, list numbers are rebuilt from
numbering.xml, hidden (``w:vanish``) runs and table-of-contents entries are
skipped.  Text boxes become paragraphs of their own right after the paragraph
that anchors them.  Nested tables are flattened into their cell's text, but a
table that only frames the page (one cell a row, or cells holding tables) is
read as the paragraphs and tables it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from lxml import etree

from checker.errors import ReadError
from checker.model import Document

from .blocks import MAX_SPAN, BlockSink, SourceCell, grid_cells_bound, is_frame
from .limits import ReadLimits
from .numbering import Numbering
from .opc import Package
from .styles import Styles, int_attr

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_OFF = ("0", "false", "off")
_MAX_FRAMES = 4  # frame tables inside frame tables read as blocks; deeper ones as tables

# Elements whose children continue the run-level (inline) content.
_INLINE_CONTAINERS = (
    "hyperlink", "smartTag", "ins", "moveTo", "fldSimple", "customXml", "dir", "bdo",
)  # fmt: skip
# Elements whose children continue the block-level content.
_BLOCK_CONTAINERS = ("customXml", "ins", "moveTo")


class _Tags:
    """Clark-notation tag names for one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, w: str) -> None:
        self.val = f"{w}val"
        self.body = f"{w}body"
        self.p = f"{w}p"
        self.r = f"{w}r"
        self.t = f"{w}t"
        self.tabs = frozenset((f"{w}tab", f"{w}ptab"))
        self.breaks = frozenset((f"{w}br", f"{w}cr"))
        self.no_break_hyphen = f"{w}noBreakHyphen"
        self.tbl = f"{w}tbl"
        self.tr = f"{w}tr"
        self.tc = f"{w}tc"
        self.pPr = f"{w}pPr"
        self.rPr = f"{w}rPr"
        self.trPr = f"{w}trPr"
        self.tcPr = f"{w}tcPr"
        self.pStyle = f"{w}pStyle"
        self.numPr = f"{w}numPr"
        self.numId = f"{w}numId"
        self.ilvl = f"{w}ilvl"
        self.outlineLvl = f"{w}outlineLvl"
        self.vanish = f"{w}vanish"
        self.sdt = f"{w}sdt"
        self.sdtContent = f"{w}sdtContent"
        self.gridSpan = f"{w}gridSpan"
        self.tblGrid = f"{w}tblGrid"
        self.w = f"{w}w"
        self.vMerge = f"{w}vMerge"
        self.hMerge = f"{w}hMerge"
        self.gridBefore = f"{w}gridBefore"
        self.gridAfter = f"{w}gridAfter"
        self.txbxContent = f"{w}txbxContent"
        self.altChunk = f"{w}altChunk"
        self.id_ = f"{w}id"
        self.comment = f"{w}comment"
        self.comment_marks = (f"{w}commentRangeStart", f"{w}commentReference")
        self.inline = frozenset(f"{w}{name}" for name in _INLINE_CONTAINERS)
        self.blocks = frozenset(f"{w}{name}" for name in _BLOCK_CONTAINERS)
        self.graphics = frozenset(f"{w}{name}" for name in ("drawing", "pict", "object"))


# (style id, heading level or None for body text, is a table-of-contents entry,
#  numId given on the paragraph itself, its ilvl): a plain tuple, built per paragraph
_Props = tuple[str | None, int | None, bool, str | None, int | None]


# An element's children as ``el[:]``, a list lxml builds in C: about half the
# cost of iterating the element (a child iterator and its tag matcher per loop).
_kids: Callable[[etree._Element], list[etree._Element]] = itemgetter(slice(None))


def _first(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child with ``tag``: what ``parent.find(tag)`` gives, by a loop over
    the children (lxml's ``find`` goes through its path engine, several times slower)."""
    for child in _kids(parent):
        if child.tag == tag:
            return child
    return None


def _from(parent: etree._Element, start: etree._Element) -> list[etree._Element]:
    """The children of ``parent`` from ``start`` (one of them) on."""
    children = _kids(parent)
    return children[children.index(start) :]


def _choice(alternate: etree._Element) -> etree._Element | None:
    """The one branch of ``mc:AlternateContent`` to read (the first Choice, else Fallback)."""
    for child in _kids(alternate):
        if child.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            return child
    return None


_SLIVER_TWIPS = 20  # one point


def _without_slivers(row: list[_Source], slivers: set[int]) -> list[_Source]:
    """The row with sliver grid columns taken out of every span; a cell standing
    only on slivers is dropped."""
    out = []
    for entry in row:
        kept = sum(1 for c in range(entry.start, entry.start + entry.colspan) if c not in slivers)
        if kept:
            entry.colspan = kept
            out.append(entry)
    return out


class _Source:
    """A source cell while vertical merges are still being counted."""

    __slots__ = ("colspan", "rowspan", "start", "text")

    def __init__(self, colspan: int = 1, start: int = 0) -> None:
        self.text = ""
        self.rowspan = 1
        self.colspan = colspan
        self.start = start  # first grid column


class _Walker:
    def __init__(self, t: _Tags, styles: Styles, numbering: Numbering, sink: BlockSink) -> None:
        self.t = t
        self.styles = styles
        self.numbering = numbering
        self.sink = sink
        self.alt_chunks = 0  # imported HTML/RTF parts Word renders but this reader does not
        self.frames = 0  # depth of the frame tables being walked as blocks
        self.comment_tags: tuple[str, ...] = ()  # set when the package has comments
        self.commented: dict[str, tuple[int, int]] = {}  # comment id -> first, last block

    def _note_comments(self, el: etree._Element, before: int) -> None:
        """Which blocks the Word comments anchored in ``el`` are attached to."""
        if not self.comment_tags:
            return
        first = before + 1
        last = max(len(self.sink.blocks), first)
        for mark in el.iter(*self.comment_tags):
            key = mark.get(self.t.id_)
            if key is None:
                continue
            start, end = self.commented.get(key, (first, last))
            self.commented[key] = (min(start, first), max(end, last))

    # ---- block level -------------------------------------------------------------------

    def blocks(self, parent: etree._Element) -> None:
        t = self.t
        for el in _kids(parent):
            tag = el.tag
            before = len(self.sink.blocks)
            if tag == t.p:
                self.paragraph(el)
                self._note_comments(el, before)
            elif tag == t.tbl:
                if self.frames < _MAX_FRAMES and self._frame(el):
                    self.frames += 1
                    for tr in self.rows(el):
                        for tc in self._children(tr, t.tc):
                            self.blocks(tc)
                    self.frames -= 1
                else:
                    self.sink.table(self.table_grid(el), bounded=True)
                self._note_comments(el, before)
            elif tag == t.sdt:
                content = _first(el, t.sdtContent)
                if content is not None:
                    self.blocks(content)
            elif tag in t.blocks:
                self.blocks(el)
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(el)
                if branch is not None:
                    self.blocks(branch)
            elif tag == t.altChunk:
                self.alt_chunks += 1

    def _frame(self, tbl: etree._Element) -> bool:
        t = self.t
        cells = [self._children(tr, t.tc) for tr in self.rows(tbl)]
        return is_frame(
            [len(row) for row in cells],
            any(inner is not tbl for inner in tbl.iter(t.tbl)),
            max((len(self._block_children(tc)) for row in cells for tc in row), default=0),
        )

    def paragraph(self, p: etree._Element) -> None:
        boxes: list[etree._Element] = []
        text, level, toc = self.paragraph_text(p, boxes)
        if not toc:
            if level is not None:
                self.sink.heading(text, level)
            else:
                self.sink.paragraph(text)
        for box in boxes:
            self.blocks(box)

    def properties(self, p: etree._Element, kids: list[etree._Element] | None = None) -> _Props:
        """The paragraph's properties (``kids``: its children, when the caller has them)."""
        t = self.t
        ppr = None
        for el in _kids(p) if kids is None else kids:  # a loop: lxml's find() is slower
            if el.tag == t.pPr:
                ppr = el
                break
        if ppr is None:  # most paragraphs in table cells
            style_id = self.styles.default_paragraph
            level, toc = self.styles.paragraph_kind(style_id)
            return (style_id, level, toc, None, None)
        style_id = num_id = None
        outline = ilvl = None
        val = t.val
        for el in _kids(ppr):
            tag = el.tag
            if tag == t.pStyle:
                style_id = el.get(val)
            elif tag == t.outlineLvl:
                outline = int_attr(el.get(val))
            elif tag == t.numPr:
                for sub in _kids(el):
                    if sub.tag == t.numId:
                        num_id = sub.get(val)
                    elif sub.tag == t.ilvl:
                        ilvl = int_attr(sub.get(val))
        if style_id is None:
            style_id = self.styles.default_paragraph
        level, toc = self.styles.paragraph_kind(style_id)
        if outline is not None and 0 <= outline < 9:
            level = outline + 1
        return (style_id, level, toc, num_id, ilvl)

    def label(self, props: _Props) -> str:
        """The list label Word shows before the paragraph, with its separator."""
        style_id, _level, _toc, num_id, ilvl = props
        if num_id is None:
            inherited = self.styles.numbering(style_id)
            if inherited is None:
                return ""
            num_id = inherited[0]
            ilvl = inherited[1] if ilvl is None else ilvl
        found = self.numbering.label(num_id, ilvl or 0)
        if found is None:
            return ""
        text, suffix = found
        if suffix == "nothing" or not text[-1].isascii():
            return text  # "一、总体情况", "（一）主动公开"
        return text + " "  # "1. 总体情况"; the tab Word puts here is only layout

    # ---- inline level ------------------------------------------------------------------

    def paragraph_text(
        self, p: etree._Element, boxes: list[etree._Element]
    ) -> tuple[str, int | None, bool]:
        """``(visible text with its list label, heading level, is a TOC entry)``;
        the label counts even when the text is empty."""
        kids = _kids(p)  # one list for both passes, its proxies kept alive between them
        props = self.properties(p, kids)
        parts: list[str] = []
        self.inline(p, parts, boxes, kids)
        text = "".join(parts).strip()
        if props[3] is None and props[0] is None:
            return text, props[1], props[2]  # no numbering, nothing to count
        label = self.label(props)
        return (label + text if text else ""), props[1], props[2]

    def inline(
        self,
        parent: etree._Element,
        out: list[str],
        boxes: list[etree._Element],
        kids: list[etree._Element] | None = None,
    ) -> None:
        t = self.t
        r_tag, t_tag, rpr_tag = t.r, t.t, t.rPr
        for el in _kids(parent) if kids is None else kids:
            tag = el.tag
            if tag == r_tag:
                # the common run (properties, texts) read here; anything else by run()
                for sub in _kids(el):
                    sub_tag = sub.tag
                    if sub_tag == t_tag:
                        out.append(sub.text or "")
                    elif sub_tag == rpr_tag:
                        if self._hidden(sub):
                            break
                    else:
                        self.run(el, out, boxes, sub)
                        break
            elif tag in t.inline:
                self.inline(el, out, boxes)
            elif tag == t.sdt:
                content = _first(el, t.sdtContent)
                if content is not None:
                    self.inline(content, out, boxes)
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(el)
                if branch is not None:
                    self.inline(branch, out, boxes)
            elif tag in (f"{_MATH}oMath", f"{_MATH}oMathPara"):
                out.extend(m.text or "" for m in el.iter(f"{_MATH}t"))

    def _hidden(self, rpr: etree._Element) -> bool:
        """A run whose first ``w:vanish`` is on: Word hides the rest of it."""
        t = self.t
        for prop in _kids(rpr):
            if prop.tag == t.vanish:
                return prop.get(t.val, "1") not in _OFF
        return False

    def run(
        self,
        r: etree._Element,
        out: list[str],
        boxes: list[etree._Element],
        start: etree._Element | None = None,
    ) -> None:
        """The run's content in order (from child ``start`` on, when given)."""
        t = self.t
        children = _kids(r) if start is None else _from(r, start)
        for el in children:
            tag = el.tag
            if tag == t.t:
                out.append(el.text or "")
            elif tag in t.tabs:
                out.append("\t")
            elif tag in t.breaks:
                out.append("\n")
            elif tag == t.rPr:
                if self._hidden(el):
                    return
            elif tag == t.no_break_hyphen:
                out.append("-")
            elif tag in t.graphics:
                found = self.text_boxes(el)
                if found:
                    boxes.extend(found)
                else:
                    self.sink.picture()
            elif tag == f"{_MC}AlternateContent":
                branch = _choice(el)
                if branch is not None:
                    self.run(branch, out, boxes)

    def text_boxes(self, graphic: etree._Element) -> list[etree._Element]:
        """Outermost text boxes of a drawing, skipping fallback copies and boxes inside boxes."""
        found = []
        for box in graphic.iter(self.t.txbxContent):
            ancestor = box.getparent()
            while ancestor is not None and ancestor is not graphic:
                if ancestor.tag in (self.t.txbxContent, f"{_MC}Fallback"):
                    break
                ancestor = ancestor.getparent()
            if ancestor is graphic:
                found.append(box)
        return found

    # ---- tables ------------------------------------------------------------------------

    def rows(self, tbl: etree._Element) -> list[etree._Element]:
        return self._children(tbl, self.t.tr)

    def _children(self, parent: etree._Element, tag: str) -> list[etree._Element]:
        """Children with ``tag``, looking through content controls and custom XML wrappers."""
        t = self.t
        out = []
        for el in _kids(parent):
            if el.tag == tag:
                out.append(el)
            elif el.tag == t.sdt:
                content = _first(el, t.sdtContent)
                if content is not None:
                    out.extend(self._children(content, tag))
            elif el.tag in t.blocks:
                out.extend(self._children(el, tag))
        return out

    def _span(self, el: etree._Element, default: int) -> int:
        value = int_attr(el.get(self.t.val), default)
        return default if value is None else max(0, min(value, MAX_SPAN))

    def _row_props(self, tr: etree._Element) -> tuple[int, int]:
        """``(gridBefore, gridAfter)`` of a row."""
        t = self.t
        before = after = 0
        for trpr in _kids(tr):
            if trpr.tag == t.trPr:
                for el in _kids(trpr):
                    if el.tag == t.gridBefore:
                        before = self._span(el, 0)
                    elif el.tag == t.gridAfter:
                        after = self._span(el, 0)
                break
        return before, after

    def _cell_props(self, tc: etree._Element) -> tuple[int, str | None, bool]:
        """``(gridSpan, vMerge value, hMerge continues)``; a bare ``<w:vMerge/>`` continues."""
        t = self.t
        span, vmerge, hmerge = 1, None, False
        for tcpr in _kids(tc):
            if tcpr.tag == t.tcPr:
                for el in _kids(tcpr):
                    tag = el.tag
                    if tag == t.gridSpan:
                        span = max(1, self._span(el, 1))
                    elif tag == t.vMerge:
                        vmerge = el.get(t.val, "continue")
                    elif tag == t.hMerge:
                        hmerge = el.get(t.val, "continue") == "continue"
                break
        return span, vmerge, hmerge

    def table_grid(self, tbl: etree._Element) -> list[list[SourceCell]]:
        """Source cells per row, with vMerge runs turned into rowspans on their anchor.

        The shape is settled and checked against the cell limit before any cell
        text is read; texts are then read in document order, so list numbering
        inside cells still counts correctly.
        """
        rows: list[list[_Source]] = []
        sources: list[tuple[etree._Element, _Source]] = []  # each tc and the cell it feeds
        open_anchors: dict[int, _Source] = {}  # grid column -> anchor of a vertical merge
        for tr in self.rows(tbl):
            before, after = self._row_props(tr)
            row = [_Source(1, c) for c in range(before)]
            col = before
            for tc in self._children(tr, self.t.tc):
                span, vmerge, hmerge = self._cell_props(tc)
                anchor = open_anchors.get(col)
                if vmerge == "continue" and anchor is not None and anchor.colspan == span:
                    anchor.rowspan += 1
                    sources.append((tc, anchor))
                    col += span
                    continue
                for c in range(col, col + span):
                    open_anchors.pop(c, None)
                if hmerge and row:
                    row[-1].colspan += span  # legacy horizontal merge
                    sources.append((tc, row[-1]))
                else:
                    entry = _Source(span, col)
                    row.append(entry)
                    sources.append((tc, entry))
                    if vmerge is not None:  # restart, or a continue with nothing to continue
                        open_anchors[col] = entry
                col += span
            row.extend(_Source(1, col + c) for c in range(after))
            if open_anchors:
                for c in [c for c in open_anchors if c >= col or c < before]:
                    del open_anchors[c]
            rows.append(row)
        slivers = self._slivers(tbl)
        if slivers:
            rows = [_without_slivers(row, slivers) for row in rows]
        shape = [[("", e.rowspan, e.colspan) for e in row] for row in rows]
        self.sink.check_table_size(grid_cells_bound(shape))
        for tc, target in sources:
            text = self.cell_text(tc)
            if text:
                target.text = f"{target.text}\n{text}" if target.text else text
        return [[(e.text, e.rowspan, e.colspan) for e in row] for row in rows]

    def _slivers(self, tbl: etree._Element) -> set[int]:
        """Grid columns under a point wide: rounding left over when an editor
        (LibreOffice among them) lines up cell edges that differ by a twip."""
        grid = _first(tbl, self.t.tblGrid)
        if grid is None:
            return set()
        widths = [int_attr(col.get(self.t.w)) for col in grid]
        return {i for i, w in enumerate(widths) if w is not None and 0 <= w < _SLIVER_TWIPS}

    def cell_text(self, tc: etree._Element) -> str:
        """Paragraphs of a cell joined by newlines; nested tables contribute their cells' text."""
        t = self.t
        parts: list[str] = []
        for el in self._block_children(tc):
            if el.tag == t.p:
                boxes: list[etree._Element] = []
                text = self.paragraph_text(el, boxes)[0]
                if text:
                    parts.append(text)
                for box in boxes:
                    parts.extend(self._box_text(box))
            elif el.tag == t.tbl:
                for row in self.rows(el):
                    for cell in self._children(row, t.tc):
                        text = self.cell_text(cell)
                        if text:
                            parts.append(text)
        return "\n".join(parts)

    def _box_text(self, box: etree._Element) -> list[str]:
        text = self.cell_text(box)
        return [text] if text else []

    def _block_children(self, parent: etree._Element) -> list[etree._Element]:
        t = self.t
        out = []
        for el in _kids(parent):
            if el.tag in (t.p, t.tbl):
                out.append(el)
            elif el.tag == t.sdt:
                content = _first(el, t.sdtContent)
                if content is not None:
                    out.extend(self._block_children(content))
            elif el.tag in t.blocks:
                out.extend(self._block_children(el))
        return out


def _core_title(package: Package) -> str | None:
    if not package.has("docProps/core.xml"):
        return None
    root = package.xml("docProps/core.xml")
    title = root.find(_DC_TITLE) if root is not None else None
    if title is None or not (title.text or "").strip():
        return None
    return (title.text or "").strip()


def _comments_part(package: Package, part_dir: str) -> etree._Element | None:
    """Word's comments part (``word/comments.xml``), when the document has one."""
    name = part_dir + "comments.xml"
    return package.xml(name) if package.has(name) else None


def _add_comments(part: etree._Element, walker: _Walker, t: _Tags) -> None:
    """Each Word comment's text, attached to the blocks its range covers."""
    for comment in part.iter(t.comment):
        span = walker.commented.get(comment.get(t.id_) or "")
        if span is None:
            continue
        text = "\n".join("".join(x.text or "" for x in p.iter(t.t)) for p in comment.iter(t.p))
        walker.sink.attached(text, span[0], span[1])


# Elements only: the part's parser drops comments and processing instructions, so
# these are all the nodes ``root.iter()`` yields (a union of three axes costs a sort).
_COUNT_NODES = "count(descendant-or-self::*)"


def _xpath_count(root: etree._Element, expression: str, namespaces: dict[str, str]) -> int:
    found = root.xpath(expression, namespaces=namespaces)
    assert isinstance(found, float)  # count() is a number
    return int(found)


def _bound_before_walk(root: etree._Element, p_tag: str, path: str, limits: ReadLimits) -> None:
    """Count elements and paragraphs (in C, by libxml2's XPath: no Python object
    per node) before walking them in Python. The part has no DTD, so no entity
    nodes: these are exactly the nodes ``root.iter()`` yields."""
    namespace, _, local = p_tag[1:].partition("}")
    elements = _xpath_count(root, _COUNT_NODES, {})
    paragraphs = _xpath_count(root, f"count(descendant-or-self::w:{local})", {"w": namespace})
    if elements > limits.max_elements:
        raise ReadError(
            path, "too-large", f"{elements} XML elements exceeds the limit of {limits.max_elements}"
        )
    if paragraphs > limits.max_paragraphs:
        raise ReadError(
            path,
            "too-large",
            f"{paragraphs} paragraphs exceeds the limit of {limits.max_paragraphs}",
        )


def read_docx(data: bytes, path: str, limits: ReadLimits) -> Document:
    package = Package(data, path, limits)
    main = package.main_document()
    root = package.xml(main)
    if root is None or etree.QName(root).localname != "document":
        raise ReadError(path, "not-a-word-document", f"{main} is not a WordprocessingML document")
    w = "{" + (etree.QName(root).namespace or "") + "}"
    t = _Tags(w)
    body = _first(root, t.body)
    if body is None:
        raise ReadError(path, "corrupt-docx", f"{main} has no w:body")
    part_dir = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    styles = Styles(package.xml(part_dir + "styles.xml"), w)
    numbering = Numbering(package.xml(part_dir + "numbering.xml"), styles, w)
    _bound_before_walk(root, t.p, path, limits)
    sink = BlockSink(path, limits)
    walker = _Walker(t, styles, numbering, sink)
    comments = _comments_part(package, part_dir)
    if comments is not None:
        walker.comment_tags = t.comment_marks
    walker.blocks(body)
    if comments is not None:
        _add_comments(comments, walker, t)
    meta: dict[str, str] = {}
    if walker.alt_chunks:
        meta["unread_parts"] = f"{walker.alt_chunks} embedded altChunk part(s) not read"
    title = _core_title(package)
    if title:
        meta["title"] = title
    images = sum(1 for _ in body.iter("{*}drawing", "{*}pict"))  # a tag filter: no walk in Python
    if images:
        meta["images"] = str(images)  # tables pasted as pictures cannot be read
    return sink.document("docx", None, meta)
