"""HTML pages: the report body of a government web page as headings, paragraphs and tables.

Published reports are mostly CMS pages: the report sits in one container
among navigation, sidebars and footers, often inside layout tables.  The page
is decoded here (lxml given bytes stops at the first GBK-only character of a
page declared gb2312), page chrome is skipped, the container holding most of
the Chinese text is kept, and only tables that hold data become tables.
"""

from __future__ import annotations

import re

from lxml import etree

from checker.errors import ReadError
from checker.model import Document

from .blocks import MAX_SPAN, BlockSink, SourceCell, grid_cells_bound
from .encoding import decode_html
from .limits import ReadLimits

_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "nav", "header", "footer",
        "select", "option", "optgroup", "datalist", "button", "input", "textarea", "iframe",
        "frame", "object", "embed", "svg", "canvas", "audio", "video", "map", "dialog",
    }
)  # fmt: skip
_KEEP_INSIDE_ARTICLE = frozenset({"header", "footer"})  # an article's own header holds its title
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "main", "aside",
        "blockquote", "pre", "center", "form", "fieldset", "legend", "address", "figure",
        "figcaption", "caption", "hr", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "body", "html", "details", "summary", "menu",
    }
)  # fmt: skip
_CELL_BREAKS = _BLOCKS | {"br"} | _HEADINGS.keys()
_SECTIONS = ("thead", "tbody", "tfoot")
_CJK_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))
_ZERO_WIDTH_CHAR = re.compile("[\u200b\u200c\u200d\ufeff]")
# A line a <br> ends on one of these runs on: the sentence (or the list of a
# report's parts) was broken to fit the editor's width, not into paragraphs.
_RUNS_ON = frozenset("，,、（(“《")
_INDENT = " \t\n\r\f\v\xa0\u3000\u200b"
_LINKED_FILE = re.compile(r"\.(?:xlsx?|et|docx?|wps|pdf|ofd|zip|rar)(?:[?#]|$)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}\?>")
_MAX_DEPTH = 200
_MAX_ROWSPAN = 65534
_MIN_CJK_FOR_CONTAINER = 50
# A container is kept only when it holds nearly all the Chinese text of the page
# (losing report text is worse than keeping some page chrome); a container whose
# class or id names it as the article body needs a smaller share.
_CONTAINER_SHARE = 0.9
_NAMED_CONTAINER_SHARE = 0.6
_CONTENT_NAMES = re.compile(r"trs_editor|zoom|article|content|detail|main|zw|text", re.I)
_CONTAINER_TAGS = frozenset(
    {
        "div", "section", "article", "main", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "center", "form", "font", "span", "blockquote",
    }
)  # fmt: skip
_TITLE_MAX_CHARS = 120


def collapse(text: str) -> str:
    """Collapse runs of whitespace (``&nbsp;`` included) to one space and strip."""
    if _ZERO_WIDTH_CHAR.search(text):  # translate looks every character up: only when needed
        text = text.translate(_ZERO_WIDTH)
    return _SPACES.sub(" ", text).strip()


def parse_span(value: str | None, maximum: int) -> int:
    """A span attribute as browsers read it: leading digits, clamped; 0 stays 0."""
    if not value:
        return 1
    digits = re.match(r"\s*\+?(\d{1,9})", value)
    if digits is None:
        return 1
    return min(int(digits.group(1)), maximum)


def _cjk_count(text: str | None) -> int:
    """Chinese characters in a text node, counted by runs (most nodes are blank or ASCII)."""
    if not text or text.isascii():
        return 0
    return sum(map(len, _CJK_RUNS.findall(text)))


def _tag(el: etree._Element) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None
    # libxml2 lowers ASCII names already; lower() still folds the rest, as before
    return tag if tag.isascii() else tag.lower()


def _hidden(el: etree._Element) -> bool:
    names = el.keys()  # one list built in C; most elements carry neither attribute
    if "hidden" in names:
        return True
    if "style" not in names:
        return False
    style = el.get("style")
    return style is not None and "display:none" in style.replace(" ", "").lower()


def _line(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) else None


def _all_text(el: etree._Element, sep: str = "") -> str:
    return sep.join(t for t in el.itertext() if isinstance(t, str))


class _Page:
    """Per-page analysis shared by container choice and the walk."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.cjk: dict[etree._Element, int] = {}
        self.dropped: set[etree._Element] = set()
        self._count(body, False, 0)

    def skip(self, el: etree._Element, in_article: bool) -> bool:
        tag = _tag(el)
        if tag is None:
            return True
        if tag in _DROP and not (in_article and tag in _KEEP_INSIDE_ARTICLE):
            return True
        return _hidden(el)

    def _count(self, el: etree._Element, in_article: bool, depth: int) -> int:
        in_article = in_article or _tag(el) in ("article", "main")
        text = el.text
        total = _cjk_count(text) if text else 0
        for child in el:
            if self.skip(child, in_article):
                self.dropped.add(child)
            elif depth < _MAX_DEPTH:
                total += self._count(child, in_article, depth + 1)
            tail = child.tail
            if tail:  # most tails are None or blank: no call for them
                total += _cjk_count(tail)
        self.cjk[el] = total
        return total

    def container(self) -> etree._Element:
        """The element holding most of the page's Chinese text, or the body."""
        total = self.cjk.get(self.body, 0)
        node = self.body
        if total < _MIN_CJK_FOR_CONTAINER:
            return node
        while True:
            best = max(
                (c for c in node if c in self.cjk and c not in self.dropped),
                key=lambda c: self.cjk[c],
                default=None,
            )
            if best is None or _tag(best) not in _CONTAINER_TAGS:
                return node
            named = _CONTENT_NAMES.search(f"{best.get('class', '')} {best.get('id', '')}")
            share = _NAMED_CONTAINER_SHARE if named else _CONTAINER_SHARE
            if self.cjk[best] < share * total:
                return node
            if _tag(best) == "table" and not is_layout_table(best):
                return node
            node = best


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows in source order (not those of nested tables)."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in _SECTIONS:
            rows.extend(c for c in child if _tag(c) == "tr")
    return rows


def row_cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if _tag(c) in ("td", "th")]


def is_layout_table(table: etree._Element) -> bool:
    """Tables that hold other tables, or only one cell per row, arrange a page, not data."""
    if any(inner is not table for inner in table.iter("table")):
        return True
    return all(len(row_cells(row)) <= 1 for row in table_rows(table))


class _Walker:
    def __init__(self, page: _Page, sink: BlockSink) -> None:
        self.page = page
        self.sink = sink
        self.buffer: list[str] = []
        self.line: int | None = None
        self.pre = 0
        self.rejoin = False

    def text(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if self.pre:
            lines = text.split("\n")
            for i, piece in enumerate(lines):
                if i:
                    self.flush()
                self._append(piece, line)
            return
        self._append(text, line)

    def _append(self, text: str, line: int | None) -> None:
        if self.rejoin:
            text = text.lstrip(_INDENT)
            if not text:
                return
            self.rejoin = False
        if not self.buffer:
            self.line = line
        self.buffer.append(text)

    def _runs_on(self) -> bool:
        for piece in reversed(self.buffer):
            stripped = piece.rstrip(_INDENT)
            if stripped:
                return stripped[-1] in _RUNS_ON
        return False

    def flush(self) -> None:
        self.rejoin = False
        if self.buffer:
            self.sink.paragraph(collapse("".join(self.buffer)), line=self.line)
            self.buffer = []
            self.line = None

    def children(self, el: etree._Element, in_article: bool, depth: int) -> None:
        self.text(el.text, _line(el))
        for child in el:
            if isinstance(child, etree._Comment):
                self.sink.comment(child.text or "", line=_line(child))
            elif not self.page.skip(child, in_article):
                self.visit(child, in_article, depth + 1)
            self.text(child.tail, _line(child))

    def visit(self, el: etree._Element, in_article: bool, depth: int) -> None:
        tag = _tag(el) or ""
        if depth > _MAX_DEPTH:
            self.text(_all_text(el, " "), _line(el))
            return
        if tag == "br":
            if self._runs_on():
                self.buffer = ["".join(self.buffer).rstrip(_INDENT)]
                self.rejoin = True  # the next line's indent is the editor's, not the text's
            else:
                self.flush()
        elif tag == "img":
            self.sink.picture()
        elif tag in _HEADINGS:
            self.flush()
            text = collapse(" ".join(self.cell_lines(el, in_article)))
            self.sink.heading(text, _HEADINGS[tag], line=_line(el))
        elif tag == "table" and not is_layout_table(el):
            self.flush()
            self.table(el, in_article)
        elif tag in _BLOCKS:
            self.flush()
            self.pre += tag == "pre"
            self.children(el, in_article or tag in ("article", "main"), depth)
            self.flush()
            self.pre -= tag == "pre"
        else:
            self.children(el, in_article, depth)

    def cell_lines(self, el: etree._Element, in_article: bool) -> list[str]:
        """Text of an element as lines: ``<br>`` and block elements start a new line."""
        pieces: list[str] = []
        self._collect(el, in_article, pieces, 0)
        return [line for line in (collapse(p) for p in "".join(pieces).split("\n")) if line]

    def _collect(self, el: etree._Element, in_article: bool, out: list[str], depth: int) -> None:
        out.append(el.text or "")
        for child in el:
            if not self.page.skip(child, in_article):
                tag = _tag(child) or ""
                breaks = tag in _CELL_BREAKS
                if breaks:
                    out.append("\n")
                if depth < _MAX_DEPTH:
                    self._collect(child, in_article, out, depth + 1)
                else:
                    out.append(_all_text(child, " "))
                if breaks:
                    out.append("\n")
            out.append(child.tail or "")

    def table(self, table: etree._Element, in_article: bool) -> None:
        for child in table:
            if _tag(child) == "caption":
                self.sink.paragraph(collapse(" ".join(self.cell_lines(child, in_article))))
        rows = [row_cells(row) for row in table_rows(table)]
        shape: list[list[SourceCell]] = []
        for r, cells in enumerate(rows):
            spans: list[SourceCell] = []
            for cell in cells:
                rowspan = parse_span(cell.get("rowspan"), _MAX_ROWSPAN)
                colspan = parse_span(cell.get("colspan"), MAX_SPAN) or 1
                if rowspan == 0:  # "to the end of the table"
                    rowspan = len(rows) - r
                spans.append(("", rowspan, colspan))
            shape.append(spans)
        self.sink.check_table_size(grid_cells_bound(shape))  # before reading any cell text
        grid = [
            [
                ("\n".join(self.cell_lines(cell, in_article)), rowspan, colspan)
                for cell, (_text, rowspan, colspan) in zip(cells, spans, strict=True)
            ]
            for cells, spans in zip(rows, shape, strict=True)
        ]
        self.sink.table(grid, line=_line(table), bounded=True)


def _title(root: etree._Element) -> str | None:
    title = root.find(".//title")
    if title is None:
        return None
    return collapse(_all_text(title)) or None


# <meta> names portals use for an article's publication date
_PUBLISHED_META = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time")


def _published(root: etree._Element) -> str | None:
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if name in _PUBLISHED_META and (meta.get("content") or "").strip():
            return collapse(meta.get("content") or "")
    return None


def _title_heading(
    page: _Page, container: etree._Element, title: str | None
) -> etree._Element | None:
    """The page's own title heading when it stands before the chosen container.

    Only a heading whose text is part of the page ``<title>`` qualifies, so
    sidebar headings such as "最新信息" are never taken for the title.
    """
    if not title:
        return None
    found = None
    for el in page.body.iter():
        if el is container:
            return found
        if _tag(el) not in _HEADINGS or any(a in page.dropped for a in el.iterancestors()):
            continue
        text = collapse(_all_text(el))
        if len(title) * 0.4 <= len(text) <= _TITLE_MAX_CHARS and text in title:
            found = el  # the site name in a logo heading is too short to qualify
    return None


_CELL_TAG = re.compile(r"<t[dh][\s>/]", re.IGNORECASE)


def _bound_before_parse(text: str, path: str, limits: ReadLimits) -> None:
    """Refuse a page by what parsing it would build, counted in the raw text.

    lxml's tree costs a few hundred bytes per element, so a page of a million
    cells reaches hundreds of MB before the walk could count its cells; two
    linear scans of the text bound it first. The counts are upper bounds (a
    ``<`` in a script counts too), far below what a real report reaches.
    """
    tags = text.count("<")
    if tags > limits.max_elements:
        raise ReadError(
            path, "too-large", f"{tags} tags exceeds the limit of {limits.max_elements} elements"
        )
    if tags > limits.max_table_cells:
        cells = sum(1 for _ in _CELL_TAG.finditer(text))
        if cells > limits.max_table_cells:
            raise ReadError(
                path,
                "table-too-large",
                f"{cells} table cells exceeds the limit of {limits.max_table_cells}",
            )


def read_html(data: bytes, path: str, limits: ReadLimits) -> Document:
    decoded, declared = decode_html(data, path)
    text = _XML_DECLARATION.sub("", decoded.text.replace("\x00", ""), count=1)
    if not text.strip():
        raise ReadError(path, "empty", "page holds only whitespace")
    _bound_before_parse(text, path, limits)
    # huge_tree lifts libxml2's nesting limit from 256 to 2048: pages with
    # hundreds of unclosed <font> tags exist, and hitting the limit silently
    # drops the rest of the page.  The HTML parser loads no DTD or entities.
    # Comments stay in the tree: the walk skips them as text and keeps them as
    # the document's comments.
    # etree's parser, not lxml.html's: the walk uses nothing of HtmlElement, and
    # lxml.html picks each element's class by a Python call per element built.
    parser = etree.HTMLParser(
        remove_comments=False, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(path, "empty", f"no HTML content: {exc}") from None
    if root is None:
        raise ReadError(path, "empty", "no HTML content: Document is empty")
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        raise ReadError(path, "too-complex", "elements nested too deeply to read the whole page")
    body = root.find("body")
    page = _Page(body if body is not None else root)
    container = page.container()
    sink = BlockSink(path, limits)
    walker = _Walker(page, sink)
    title = _title(root)
    if container is not page.body:
        heading = _title_heading(page, container, title)
        if heading is not None and heading not in container.iterancestors():
            walker.visit(heading, False, 0)
    in_article = any(_tag(a) in ("article", "main") for a in container.iterancestors())
    walker.visit(container, in_article, 0)
    walker.flush()
    meta: dict[str, str] = {}
    if title:
        meta["title"] = title
    published = _published(root)
    if published:
        meta["published"] = published
    if declared:
        meta["declared_charset"] = declared
    if decoded.warning:
        meta["encoding_warning"] = decoded.warning
    if container is not page.body:
        meta["content_container"] = _describe(container)
    images = sum(1 for _ in container.iter("img"))
    if images:
        meta["images"] = str(images)  # tables published as pictures cannot be read
    linked = sum(1 for a in container.iter("a") if _LINKED_FILE.search(a.get("href") or ""))
    if linked:
        meta["linked_files"] = str(linked)  # an attachment published for download
    return sink.document("html", decoded.encoding, meta)


def _describe(el: etree._Element) -> str:
    tag = _tag(el) or "?"
    ident = el.get("id")
    classes = el.get("class")
    suffix = f"#{ident}" if ident else ""
    if classes:
        suffix += "." + ".".join(classes.split())
    return tag + suffix
