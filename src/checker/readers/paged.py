"""Paged documents (PDF, OFD): paragraphs and ruled tables rebuilt from where each glyph stands.

A page keeps no paragraphs and no tables, only glyphs at positions and the
lines drawn between them.  From those, page by page: lines of text, then
paragraphs (a style change, a gap, a short last line or a first-line indent
ends one), and tables from the ruling lines whose merged cells keep their
spans.  Running heads and page numbers are dropped; a table continued on the
next page is joined to its start, its repeated header dropped.  Tables drawn
without ruling lines come out as lines of text, for the flattened-table pass to
rebuild.  A text layer that cannot be read and a scan without any text are
refused with a reason, never checked as if they were a report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from checker.errors import ReadError
from checker.model import Document
from checker.numbers import HEADING_NUMERALS

from .blocks import BlockSink, SourceCell
from .limits import ReadLimits
from .rulings import Ruled


@dataclass
class PageContent:
    """What a format's page reader gives: glyphs (text, x0, x1, top, bottom, size, bold,
    in top-down points), ruled grids, and counts for the text-layer verdict."""

    width: float
    height: float
    chars: list[dict[str, Any]] = field(default_factory=list)
    grids: list[Ruled] = field(default_factory=list)
    images: int = 0
    unmapped: int = 0  # characters without a Unicode meaning
    # tops of the pictures wide enough to be a table pasted as a picture
    picture_tops: list[float] = field(default_factory=list)


Char = dict[str, Any]
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

_PAGE_NUMBER = re.compile(
    r"[-—–－―~～·•\s]*[0-9０-９]{1,4}[-—–－―~～·•\s]*"
    rf"|第\s*[0-9０-９{HEADING_NUMERALS}百]{{1,6}}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{{1,4}}\s*页)?"
    r"|共\s*[0-9０-９]{1,4}\s*页\s*[,，]?\s*第\s*[0-9０-９]{1,4}\s*页"
    r"|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?"
)
_DIGITS = re.compile(r"[0-9０-９]+")
_CONTINUED = re.compile(rf"[(（]?\s*(?:续表|续上表|接上表)\s*[0-9{HEADING_NUMERALS}]*\s*[)）]?")
_COLUMN_GAP = 1.5  # of the font size: a gap this wide between two glyphs parts columns
_MARGIN_SHARE = 0.1  # of the lines: enough starting at one place to make it the margin
_SENTENCE_ENDS = tuple("。！？；：!?;:")
_HEADING_START = re.compile(
    rf"(?:[{HEADING_NUMERALS}]{{1,3}}、|[(（][{HEADING_NUMERALS}]{{1,3}}[)）])(?![{HEADING_NUMERALS}])"
)
_EDGE_LINES = 2  # running heads and footers: at most this many lines at each end of a page
_EDGE_BAND = 0.12  # ... standing in the top or bottom eighth of the page


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF
    )


def _bad_char(ch: str) -> bool:
    """A character no real text holds: private use areas and the replacement mark."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000 or o == 0xFFFD


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_width: float  # width of the first word: what a wrap could not fit on the line above


@dataclass
class _Grid:
    """A ruled table on one page or joined over several: anchors with their spans."""

    n_rows: int
    n_cols: int
    xs: list[float]
    # (row, col) -> [text, rowspan, colspan, cut]; cut: the text runs to the cell's bottom
    anchors: dict[tuple[int, int], list[Any]]
    pages: list[int]  # page of each row
    top: float
    bottom: float

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        out = {}
        for (r, c), (_t, rs, cs, _cut) in self.anchors.items():
            for dr in range(rs):
                for dc in range(cs):
                    out[(r + dr, c + dc)] = (r, c)
        return out

    def drop_row(self, row: int) -> None:
        """Remove a row every cell of which is covered from above."""
        moved: dict[tuple[int, int], list[Any]] = {}
        for (r, c), cell in self.anchors.items():
            if r < row < r + cell[1]:
                cell[1] -= 1
            moved[(r - 1 if r > row else r, c)] = cell
        self.anchors = moved
        del self.pages[row]
        self.n_rows -= 1

    def row_texts(self, r: int) -> list[str]:
        return [self.anchors[(r, c)][0] for c in range(self.n_cols) if (r, c) in self.anchors]

    def source(self) -> list[list[SourceCell]]:
        covered = self.covered()
        grid: list[list[SourceCell]] = []
        for r in range(self.n_rows):
            row: list[SourceCell] = []
            c = 0
            while c < self.n_cols:
                anchor = self.anchors.get((r, c))
                if anchor is not None:
                    row.append((anchor[0], anchor[1], anchor[2]))
                    c += anchor[2]
                elif (r, c) in covered:
                    c += 1  # covered by a span from a row above
                else:
                    row.append(("", 1, 1))  # no box drawn here
                    c += 1
            grid.append(row)
        return grid


@dataclass
class _Page:
    number: int
    height: float
    items: list[tuple[float, _Line | _Grid]] = field(default_factory=list)
    picture_tops: list[float] = field(default_factory=list)  # sorted


# ---- characters into lines --------------------------------------------------------------


def _join(left: str, right: str) -> str:
    """Chinese wraps anywhere without a space; Latin words keep one. A figure
    wrapped in a narrow cell (4 / 1 for 41) is one figure."""
    a, b = left[-1:], right[:1]
    if a.isdigit() and b.isdigit():
        return left + right
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return left + " " + right
    return left + right


def _text_of(chars: Sequence[Char]) -> str:
    out: list[str] = []
    prev: Char | None = None
    for ch in chars:
        t = ch["text"]
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            p, n = prev["text"][-1:], t[:1]
            if gap > _COLUMN_GAP * ch["size"]:
                out.append("  ")  # cells of a table drawn without rulings, or a tab stop
            elif gap > 0.25 * ch["size"] and p.isascii() and n.isascii() and p.strip():
                out.append(" ")
        out.append(t)
        prev = ch
    return "".join(out).strip()


def _lines(chars: Iterable[Char]) -> list[_Line]:
    """Characters grouped into lines by vertical overlap, each line left to right."""
    ordered = sorted((c for c in chars if c["text"].strip()), key=lambda c: (c["top"], c["x0"]))
    groups: list[list[Char]] = []
    band = (0.0, -1.0)
    for ch in ordered:
        mid = (ch["top"] + ch["bottom"]) / 2
        if groups and band[0] <= mid <= band[1]:
            groups[-1].append(ch)
            band = (min(band[0], ch["top"]), max(band[1], ch["bottom"]))
        else:
            groups.append([ch])
            band = (ch["top"], ch["bottom"])
    out = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        text = _text_of(group)
        if not text:
            continue
        sizes = [c["size"] for c in group]
        bold = sum(1 for c in group if c["bold"])
        first = group[0]
        end = first["x1"]
        if first["text"].isascii():
            for c in group[1:]:
                if not (c["text"].isascii() and c["text"].strip()) or c["x0"] - end > c["size"] / 4:
                    break
                end = c["x1"]
        out.append(
            _Line(
                text=text,
                x0=group[0]["x0"],
                x1=max(c["x1"] for c in group),
                top=min(c["top"] for c in group),
                bottom=max(c["bottom"] for c in group),
                size=median(sizes),
                bold=bold * 2 > len(group),
                first_width=end - first["x0"],
            )
        )
    return out


# ---- ruled tables -----------------------------------------------------------------------


def _grid(ruled: Ruled, chars: Sequence[Char], page: int) -> _Grid:
    xs, ys = ruled.xs, ruled.ys
    anchors: dict[tuple[int, int], list[Any]] = {
        at: ["", rowspan, colspan, False] for at, (rowspan, colspan) in ruled.cells.items()
    }
    grid = _Grid(len(ys) - 1, len(xs) - 1, xs, anchors, [page] * (len(ys) - 1), ys[0], ys[-1])
    covered = grid.covered()
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        r, c = bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1
        owner = covered.get((r, c))
        if owner is not None:
            by_cell.setdefault(owner, []).append(ch)
    for owner, owned in by_cell.items():
        text = ""
        lines = _lines(owned)
        for line in lines:
            text = _join(text, line.text)
        anchor = anchors[owner]
        anchor[0] = text
        if lines:
            bottom = ys[owner[0] + anchor[1]]
            anchor[3] = bottom - lines[-1].bottom < 0.6 * lines[-1].size + 2.0
    return grid


_SAME_X = 3.0  # points: two rulings this close are one


def _near(x: float, xs: Sequence[float]) -> bool:
    return any(abs(x - y) <= _SAME_X for y in xs)


def _continues(prev: _Grid, grid: _Grid) -> bool:
    """The table goes on at the top of the next page: the same outer edges, and the
    columns of one part among those of the other (cells merged on one page leave
    out rulings the other draws: 行政事业性收费's figure over three columns)."""
    if grid.pages[0] != prev.pages[-1] + 1:
        return False
    if abs(prev.xs[0] - grid.xs[0]) > _SAME_X or abs(prev.xs[-1] - grid.xs[-1]) > _SAME_X:
        return False
    return all(_near(x, prev.xs) for x in grid.xs) or all(_near(x, grid.xs) for x in prev.xs)


def _align(prev: _Grid, grid: _Grid) -> None:
    """Give both parts the columns of both: a cell keeps its edges, and spans the
    columns that lie between them."""
    xs = sorted(prev.xs)
    for x in grid.xs:
        if not _near(x, xs):
            xs.append(x)
    xs.sort()
    if len(xs) == prev.n_cols + 1 and len(xs) == grid.n_cols + 1:
        return

    def column(x: float) -> int:
        return min(range(len(xs)), key=lambda i: abs(xs[i] - x))

    for part in (prev, grid):
        moved: dict[tuple[int, int], list[Any]] = {}
        for (r, c), cell in part.anchors.items():
            start, end = column(part.xs[c]), column(part.xs[c + cell[2]])
            cell[2] = max(1, end - start)
            moved[(r, start)] = cell
        part.anchors = moved
        part.xs = list(xs)
        part.n_cols = len(xs) - 1


_FIGURE = re.compile(r"[-+]?[0-9０-９][0-9０-９,，.]*%?")
# what stands in a figure's cell besides a number: a dash or slash for none
_MARK = re.compile(r"[-—–－―/／\\]{1,2}|无")
# a cell that opens a row of its own: an item's or a group's number (1. （三） 三、)
_ITEM = re.compile(
    rf"\s*(?:(?P<arabic>[0-9０-９]{{1,2}}\s*[.．、])"
    rf"|(?P<paren>[(（]\s*[{HEADING_NUMERALS}0-9]{{1,3}}\s*[)）])|(?P<cn>[{HEADING_NUMERALS}]{{1,3}}、))"
)


def _numbered_alike(text: str, above: str) -> bool:
    """Whether ``text`` opens with a number of the kind ``above`` opens with: the
    next line of a list ((二)… then (三)…), not the rest of a label the page cut
    (三、本年度办理结果（三）不予公开 / 1.属于国家秘密)."""
    m = _ITEM.match(text)
    if m is None:
        return False
    n = _ITEM.match(above)
    return n is not None and n.lastgroup == m.lastgroup


def _figure_like(text: str) -> bool:
    return bool(_FIGURE.fullmatch(text) or _MARK.fullmatch(text.strip()))


def _split_row(prev: _Grid, top: dict[tuple[int, int], list[Any]], n_cols: int) -> bool:
    """A row broken by the page: the top row holds only the rest of some words,
    no figure, where the row above it holds figures in those empty columns."""
    last = prev.covered()
    r = prev.n_rows - 1
    texts = [top[(0, c)][0] if (0, c) in top else "" for c in range(n_cols)]
    if not any(texts) or any(_figure_like(t) for t in texts):
        return False
    figures = 0
    for c in range(n_cols):
        owner = last.get((r, c))
        cell = prev.anchors[owner] if owner is not None and owner[0] == r else None
        above = cell[0] if cell is not None else ""
        if _numbered_alike(texts[c], above):
            return False  # the next numbered line (a group's, its figures blank)
        if _FIGURE.fullmatch(above):
            if texts[c]:
                return False
            figures += 1
    return figures > 0


def _cut_row(prev: _Grid, top: dict[tuple[int, int], list[Any]], n_cols: int) -> bool:
    """A row of words broken by the page (a header's 结果 / 维持): every word on the
    new page goes on a cell of the last row whose text ran to the page's foot."""
    last = prev.covered()
    r = prev.n_rows - 1
    went_on = 0
    for c in range(n_cols):
        cell = top.get((0, c))
        if cell is None or not cell[0]:
            continue
        if _figure_like(cell[0]):
            return False  # a row of figures (— for none)
        owner = last.get((r, c))
        above = prev.anchors[owner] if owner is not None and owner[1] == c else None
        if above is None or not above[0] or not above[3] or above[2] != cell[2]:
            return False
        if _numbered_alike(cell[0], above[0]):
            return False  # the next numbered line of its own
        went_on += 1
    return went_on > 0


def _overflows(table: _Grid, page: _Page, index: int) -> bool:
    """Whether the line at ``index`` and every item after it on the page stand just
    under the table, within its width: the rest of a merged cell's words that a
    browser, centring them over rows the page break carries on, prints below the
    page's part of the table."""
    if table.pages[-1] != page.number:
        return False
    rest = page.items[index:]
    if len(rest) > 2:
        return False
    bottom = table.bottom
    for _top, item in rest:
        if not isinstance(item, _Line):
            return False
        if item.top < bottom - 1 or item.top - bottom > 2 * item.size:
            return False
        if item.x0 < table.xs[0] - 1 or item.x1 > table.xs[-1] + 1:
            return False
        bottom = item.bottom
    return True


def _overflowed(table: _Grid, lines: list[_Line]) -> None:
    """Put the lines printed below a table's part back into the cells of its last
    row they stand under, as text that runs on to the next page."""
    covered = table.covered()
    r = table.n_rows - 1
    for line in lines:
        c = bisect_right(table.xs, (line.x0 + line.x1) / 2) - 1
        owner = covered.get((r, min(max(c, 0), table.n_cols - 1)))
        if owner is None:
            continue
        anchor = table.anchors[owner]
        anchor[0] = _join(anchor[0], line.text)
        anchor[3] = True


def _stitch(prev: _Grid, grid: _Grid) -> None:
    """Append ``grid`` to ``prev``: a repeated header is dropped; a cell the page
    cut (empty label cells under a label, text continuing a cell whose text ran
    to its bottom, a whole row broken in two) is joined to the cell above it."""
    _align(prev, grid)
    repeated = 0
    for k in range(1, min(grid.n_rows - 1, prev.n_rows, 6) + 1):
        if all(grid.row_texts(r) == prev.row_texts(r) for r in range(k)):
            repeated = k
    rows = {(r - repeated, c): cell for (r, c), cell in grid.anchors.items() if r >= repeated}
    offset = prev.n_rows
    last = prev.covered()
    split = _split_row(prev, rows, grid.n_cols) or _cut_row(prev, rows, grid.n_cols)
    for c in range(grid.n_cols):
        cell = rows.get((0, c))
        if cell is None:
            continue  # covered by a cell to its left
        owner = last.get((offset - 1, c))
        above = prev.anchors[owner] if owner is not None and owner[1] == c else None
        if above is None or above[2] != cell[2]:
            if split:
                continue
            break
        if not split:
            if _FIGURE.fullmatch(cell[0]):
                break  # figures start, labels end
            cut = cell[0] and above[3] and cell[1] > 1  # a merged cell's text carried over
            if not ((not cell[0] and above[0]) or cut):
                break
        above[0] = _join(above[0], cell[0])
        above[1] += cell[1]
        above[3] = cell[3]
        del rows[(0, c)]
    for (r, c), cell in rows.items():
        prev.anchors[(r + offset, c)] = cell
    prev.n_rows += grid.n_rows - repeated
    prev.pages += grid.pages[repeated:]
    prev.bottom = grid.bottom
    if split and not any(r == offset for r, _c in prev.anchors):
        prev.drop_row(offset)


# ---- pages --------------------------------------------------------------------------------


def _inside(ch: Char, boxes: Sequence[BBox]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _read_page(content: PageContent, number: int) -> _Page:
    out = _Page(number, content.height, picture_tops=sorted(content.picture_tops))
    chars = content.chars
    boxes: list[BBox] = []
    for whole in content.grids:
        for ruled in _unframed(whole, chars):
            bbox = (ruled.xs[0], ruled.ys[0], ruled.xs[-1], ruled.ys[-1])
            grid = _grid(ruled, [c for c in chars if _inside(c, [bbox])], number)
            boxes.append(bbox)
            out.items.append((grid.top, grid))
    rest = [c for c in chars if not _inside(c, boxes)] if boxes else chars
    out.items.extend((line.top, line) for line in _lines(rest))
    out.items.sort(key=lambda item: item[0])
    return out


_FRAME_LINES = 3  # lines of text in a grid outside its tables' cells: a frame round the text
_FRAME_WORK = 20_000  # grid positions: past this a page is a drawing, read as it stands


def _unframed(ruled: Ruled, chars: Sequence[Char]) -> list[Ruled]:
    """The tables of a grid that frames a page's text round them: a report set in
    a one-cell table whose cell holds its paragraphs and its tables. The frame's
    cell is a ring round the inner tables' cells (their edges off the frame's),
    or, where their edges fall on the frame's, rows of one cell across the grid
    holding paragraphs, a heading (一、… （一）…) or nothing; a one-line row
    (第二十条第（一）项) stays a table's. Rows the tables' cells do not reach are
    the frame's text. A grid with one or two lines of such text is no frame."""
    n_rows, n_cols = len(ruled.ys) - 1, len(ruled.xs) - 1
    cells = ruled.cells
    if n_rows * n_cols > _FRAME_WORK:
        return [ruled]
    # each grid position's cell: the smallest one over it (a ring's box holds others)
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for at, (rs, cs) in sorted(cells.items(), key=lambda item: -item[1][0] * item[1][1]):
        for r in range(at[0], at[0] + rs):
            for c in range(at[1], at[1] + cs):
                owner[(r, c)] = at
    frame = {  # a cell whose box holds another cell's corner: a ring
        at
        for at, (rs, cs) in cells.items()
        if rs * cs > 1
        and any(
            (r, c) in cells and (r, c) != at
            for r in range(at[0], at[0] + rs)
            for c in range(at[1], at[1] + cs)
        )
    }
    bands = {at for at in cells if at[1] == 0 and cells[at][1] == n_cols}
    if not frame and not bands:
        return [_without_margins(ruled, chars)]
    held: dict[tuple[int, int], list[Char]] = {}  # the characters each cell holds
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        r, c = bisect_right(ruled.ys, cy) - 1, bisect_right(ruled.xs, cx) - 1
        if 0 <= r < n_rows and 0 <= c < n_cols and (r, c) in owner:
            held.setdefault(owner[(r, c)], []).append(ch)
    texts = {at: _lines(held.get(at, ())) for at in frame | bands}
    # a frame with paragraphs in it, or an empty ring round a table (the frame
    # goes on over a page that holds only the table)
    if max(len(t) for t in texts.values()) < _FRAME_LINES and not (
        frame and not any(texts.values())
    ):
        return [_without_margins(ruled, chars)]
    for at in bands:  # where the tables' edges fall on the frame's
        lines = texts[at]
        if len(lines) != 1 or _HEADING_START.match(lines[0].text.strip()):
            frame.add(at)
    inner = {at: span for at, span in cells.items() if at not in frame}
    used = [False] * n_rows
    for (r, _c), (rs, _cs) in inner.items():
        for k in range(r, min(r + rs, n_rows)):
            used[k] = True
    parts: list[Ruled] = []
    r = 0
    while r < n_rows:
        if not used[r]:
            r += 1
            continue
        end = r
        while end < n_rows and used[end]:
            end += 1
        part = {(r0 - r, c0): span for (r0, c0), span in inner.items() if r <= r0 < end}
        if len(part) >= 2:
            for piece in _by_columns(Ruled(ruled.xs, ruled.ys[r : end + 1], part)):
                parts.append(_without_margins(_own_columns(piece), chars))
        r = end
    return parts


def _by_columns(ruled: Ruled) -> list[Ruled]:
    """A frame's tables set one right under the other, each in a frame of its own:
    cut where the column edges of one row and of the next differ both ways."""
    n_rows = len(ruled.ys) - 1
    edges: list[set[int]] = [set() for _ in range(n_rows)]
    for (r, c), (rs, cs) in ruled.cells.items():
        for k in range(r, min(r + rs, n_rows)):
            edges[k].update((c, c + cs))
    cuts = [k for k in range(1, n_rows) if edges[k - 1] - edges[k] and edges[k] - edges[k - 1]]
    if not cuts:
        return [ruled]
    out = []
    for a, b in zip([0, *cuts], [*cuts, n_rows], strict=True):
        cells = {
            (r - a, c): (min(rs, b - r), cs)
            for (r, c), (rs, cs) in ruled.cells.items()
            if a <= r < b
        }
        if len(cells) >= 2:
            out.append(Ruled(ruled.xs, ruled.ys[a : b + 1], cells))
    return out


_MARGIN_WIDTH = 12.0  # points: a column narrower than a character, left between two edges


def _without_margins(ruled: Ruled, chars: Sequence[Char]) -> Ruled:
    """The grid without an empty, narrow column at either side: the margin
    between a frame's edge and the table it holds, on a page where the frame
    holds nothing else (each page's part of a table then has the same edges)."""
    for side in (0, -1):
        n_cols = len(ruled.xs) - 1
        k = 0 if side == 0 else n_cols - 1
        x0, x1 = ruled.xs[k], ruled.xs[k + 1]
        if n_cols < 3 or x1 - x0 > _MARGIN_WIDTH:
            continue  # a column a merged label's rows carry over to this page is wider
        band = (x0, ruled.ys[0], x1, ruled.ys[-1])
        if any(_inside(ch, [band]) for ch in chars):
            continue
        cells: dict[tuple[int, int], tuple[int, int]] = {}
        for (r, c), (rs, cs) in ruled.cells.items():
            if c == k and cs == 1:
                continue  # the margin's own cell
            if c <= k < c + cs:
                cs -= 1  # a cell over the margin and its neighbour keeps the neighbour
            cells[(r, c - 1 if side == 0 and c > k else c)] = (rs, cs)
        xs = ruled.xs[1:] if side == 0 else ruled.xs[:-1]
        ruled = Ruled(xs, ruled.ys, cells)
    return ruled


def _own_columns(ruled: Ruled) -> Ruled:
    """The grid with only the column edges its own cells have: a table taken out of
    a frame keeps none of the frame's, nor another inner table's."""
    used = sorted({c for (_r, c), (_rs, cs) in ruled.cells.items() for c in (c, c + cs)})
    if len(used) == len(ruled.xs):
        return ruled
    index = {c: i for i, c in enumerate(used)}
    cells = {
        (r, index[c]): (rs, index[c + cs] - index[c]) for (r, c), (rs, cs) in ruled.cells.items()
    }
    return Ruled([ruled.xs[c] for c in used], ruled.ys, cells)


def _edge_lines(page: _Page) -> list[tuple[str, _Line]]:
    """The first and last few text lines of a page standing in its margins
    (never lines between tables or below the page's first table top)."""
    items = [item for _top, item in page.items]
    out: list[tuple[str, _Line]] = []
    for item in items[:_EDGE_LINES]:
        if not isinstance(item, _Line):
            break
        if item.bottom <= page.height * _EDGE_BAND:
            out.append(("top", item))
    for item in reversed(items[-_EDGE_LINES:]):
        if not isinstance(item, _Line):
            break
        if item.top >= page.height * (1 - _EDGE_BAND):
            out.append(("bottom", item))
    return out


def _drop_chrome(pages: list[_Page]) -> None:
    """Page numbers, and heads or footers repeated on many pages (figures masked)."""
    seen: Counter[tuple[str, str]] = Counter()
    for page in pages:
        keys = {(band, _DIGITS.sub("#", line.text)) for band, line in _edge_lines(page)}
        seen.update(keys)
    threshold = max(2, (len(pages) + 1) // 2)
    for page in pages:
        drop = set()
        for band, line in _edge_lines(page):
            key = (band, _DIGITS.sub("#", line.text))
            if _PAGE_NUMBER.fullmatch(line.text) or (len(pages) > 1 and seen[key] >= threshold):
                drop.add(id(line))
        if drop:
            page.items = [item for item in page.items if id(item[1]) not in drop]


# ---- lines into paragraphs ----------------------------------------------------------------


@dataclass
class _Frame:
    left: float
    right: float
    gap: float = 0.0  # the usual space between two lines of a paragraph

    def centred(self, line: _Line) -> bool:
        """Set in the middle with room on both sides (a full line that an indent
        pushes right of the middle is not: it reaches the right margin)."""
        middle = (self.left + self.right) / 2
        return (
            line.x0 - self.left > line.size
            and self.right - line.x1 > line.size / 2
            and abs((line.x0 + line.x1) / 2 - middle) < line.size
        )


def _frame(pages: list[_Page]) -> _Frame:
    lines = [item for page in pages for _t, item in page.items if isinstance(item, _Line)]
    if not lines:
        return _Frame(0.0, 0.0)
    lefts = Counter(round(line.x0) for line in lines)
    # the margin is where the most lines start, unless a good share start further
    # left: where every paragraph and heading is indented (one line each, mostly),
    # only the lines a paragraph wraps onto stand at the margin
    left = float(lefts.most_common(1)[0][0])
    least = max(3, _MARGIN_SHARE * len(lines))
    for x in sorted(lefts):
        if x >= left:
            break
        if lefts[x - 1] + lefts[x] + lefts[x + 1] >= least:
            left = float(x)
            break
    ends = sorted(line.x1 for line in lines)
    right = ends[min(len(ends) - 1, int(len(ends) * 0.9))]
    return _Frame(left, right, _line_gap(pages))


def _line_gap(pages: list[_Page]) -> float:
    """The space most often left between a line and the next of the same size: the
    leading a fixed line spacing sets (28 points for 14-point text leaves 14)."""
    gaps: Counter[float] = Counter()
    for page in pages:
        previous: _Line | None = None
        for _t, item in page.items:
            if not isinstance(item, _Line):
                previous = None
                continue
            if previous is not None and abs(previous.size - item.size) <= 0.5:
                gap = item.top - previous.bottom
                if 0 < gap < 3 * item.size:
                    gaps[round(gap * 2) / 2] += 1
            previous = item
    if not gaps:
        return 0.0
    return gaps.most_common(1)[0][0]


def _breaks(frame: _Frame, a: _Line, b: _Line, same_page: bool = True) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    if abs(a.size - b.size) > 0.5 or a.bold != b.bold:
        return True
    if "  " in a.text or "  " in b.text:
        return True  # a row of a table drawn without rulings is a line of its own
    if same_page and b.top - a.bottom > max(0.9 * max(a.size, b.size), 1.4 * frame.gap):
        return True  # space between paragraphs, beyond the leading between lines
    if a.text.endswith(_SENTENCE_ENDS) and _HEADING_START.match(b.text):
        return True  # a sentence ends the line, a numbered heading opens the next
    if frame.centred(a) or frame.centred(b):
        # a centred line goes on a centred one, or a title's full first line
        full = frame.right - a.x1 < a.size
        return not (
            frame.centred(b) and (frame.centred(a) or (a.x0 - frame.left < a.size and full))
        )
    if b.x0 - frame.left > 1.5 * b.size:
        return True  # first-line indent
    return frame.right - a.x1 > b.first_width + 2 * a.size  # the line above ended short


# ---- safety -------------------------------------------------------------------------------


def _text_quality(pages: list[_Page], path: str, n_pages: int, images: int, unmapped: int) -> None:
    text = "".join(
        item.text if isinstance(item, _Line) else "".join(str(a[0]) for a in item.anchors.values())
        for page in pages
        for _t, item in page.items
    )
    solid = [ch for ch in text if not ch.isspace()]
    if not solid or (len(solid) < 20 and images):
        raise ReadError(
            path,
            "no-text-layer",
            f"{n_pages} page(s), {images} image(s), no text: a scan, which would need OCR",
        )
    bad = unmapped + sum(1 for ch in solid if _bad_char(ch))
    cjk = Counter(ch for ch in solid if _is_cjk(ch))
    n_cjk = sum(cjk.values())
    monotone = n_cjk >= 200 and cjk.most_common(1)[0][1] > 0.25 * n_cjk
    if bad > max(10, 0.02 * len(solid)) or monotone:
        shown = f"{bad} of {len(solid)} characters" if bad else "one glyph for every character"
        raise ReadError(
            path,
            "unreadable-text",
            f"{shown} cannot be decoded (fonts without a Unicode map)",
        )


def build_document(
    contents: list[PageContent], path: str, limits: ReadLimits, source_kind: str
) -> Document:
    """The document of a paged file, its pages' contents in order."""
    pages = [_read_page(content, n) for n, content in enumerate(contents, start=1)]
    images = sum(c.images for c in contents)
    _text_quality(pages, path, len(pages), images, sum(c.unmapped for c in contents))
    _drop_chrome(pages)
    return _assemble(pages, path, limits, images, source_kind)


def _assemble(
    pages: list[_Page], path: str, limits: ReadLimits, images: int, source_kind: str
) -> Document:
    frame = _frame(pages)
    # the lowest line of any page: a page whose last line stands higher ended a paragraph
    floor = max((item.bottom for page in pages for _t, item in page.items), default=0.0)
    sink = BlockSink(path, limits)
    para: list[_Line] = []
    para_pages = (0, 0)  # first and last page of the pending paragraph
    table: _Grid | None = None

    def flush() -> None:
        nonlocal para, table
        if para:
            text = ""
            for line in para:
                text = _join(text, line.text)
            sink.paragraph(text, page=para_pages[0])
        elif table is not None and table.n_cols == 1:
            # a frame with only horizontal rules between lines: a box of text, or a
            # table whose columns no ruling parts; its lines are read as text
            for r, row in enumerate(table.source()):
                for text, _rowspan, _colspan in row:
                    for piece in text.split("\n"):
                        sink.paragraph(piece, page=table.pages[r])
        elif table is not None:
            sink.table(table.source(), row_pages=table.pages)
        para, table = [], None

    overflow: list[_Line] = []  # words of a merged cell printed below the page's part

    def spill() -> None:
        """The held lines were not a cell's after all: the text after the table."""
        nonlocal para_pages
        if overflow:
            flush()
            para_pages = (table_page, table_page)
            para.extend(overflow)
            overflow.clear()

    table_page = 0
    for page in pages:
        first = 0  # the index a continued table starts at: after a 续表 line
        pictures = page.picture_tops
        shown = 0  # pictures of the page placed so far
        for index, (top, item) in enumerate(page.items):
            while shown < len(pictures) and pictures[shown] < top:
                spill()
                flush()  # a picture ends the paragraph or table above it
                sink.picture()
                shown += 1
            if isinstance(item, _Grid):
                if table is not None and index == first and _continues(table, item):
                    _overflowed(table, overflow)
                    overflow.clear()
                    _stitch(table, item)
                else:
                    spill()
                    flush()
                    table = item
                continue
            if table is not None and _overflows(table, page, index):
                overflow.append(item)  # held until the next page shows whether the table goes on
                table_page = page.number
                continue
            spill()
            if table is not None and index == first and _CONTINUED.fullmatch(item.text):
                first += 1  # "续表" over the rest of a table: not a paragraph of the report
                continue
            if table is not None:
                flush()
            elif para:
                same_page = para_pages[1] == page.number
                room = floor - para[-1].bottom > 1.5 * para[-1].size
                if _breaks(frame, para[-1], item, same_page) or (
                    not same_page and (index > 0 or room)
                ):
                    flush()
            if not para:
                para_pages = (page.number, page.number)
            para.append(item)
            para_pages = (para_pages[0], page.number)
        if shown < len(pictures):
            flush()
            for _ in range(len(pictures) - shown):
                sink.picture()
    spill()
    flush()
    meta = {"pages": str(len(pages))}
    if images:
        meta["images"] = str(images)
    return sink.document(source_kind, meta=meta)
