"""Ruled tables from straight lines: where a page's lines make a grid, and its merged cells.

Lines at the same height (or position) within a snap are one line, joined where
they touch; each connected set of horizontal and vertical lines is a table;
neighbouring cells with no line between them form one merged cell. Shared by
the paged readers (PDF, OFD), which give the lines in top-down page points.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

Span = tuple[int, int]  # rowspan, colspan
Line = tuple[float, float, float]  # position, start, end
_SNAP = 2.0  # points: lines this close are one line
MIN_RULE = 3.0  # points: shorter segments are not table lines
MAX_RULES = 5_000  # more straight lines than this on one page is a drawing, not a table


@dataclass
class Ruled:
    """A table's grid: column and row boundaries, and each cell's span by its top-left."""

    xs: list[float]
    ys: list[float]
    cells: dict[tuple[int, int], Span]


def add_segment(
    p: tuple[float, float], q: tuple[float, float], horizontal: list[Line], vertical: list[Line]
) -> None:
    """Keep a segment from ``p`` to ``q`` when it runs along an axis."""
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 1 and abs(x0 - x1) >= MIN_RULE:
        horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) < 1 and abs(y0 - y1) >= MIN_RULE:
        vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge(lines: list[Line]) -> list[Line]:
    """Lines at one position (within a snap) joined where they touch or overlap."""
    out: list[Line] = []
    groups: list[list[Line]] = []
    for line in sorted(lines):
        if groups and line[0] - groups[-1][0][0] <= _SNAP:
            groups[-1].append(line)
        else:
            groups.append([line])
    for group in groups:
        at = sum(g[0] for g in group) / len(group)
        spans = sorted((g[1], g[2]) for g in group)
        lo, hi = spans[0]
        for s0, s1 in spans[1:]:
            if s0 <= hi + _SNAP:
                hi = max(hi, s1)
            else:
                out.append((at, lo, hi))
                lo, hi = s0, s1
        out.append((at, lo, hi))
    return out


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


_STACK_WORK = 200_000  # rows times lines: past this a page is a drawing, not set tables
_OPEN = 4.0  # points: column lines running this far past the last row line close a row


def _open_edges(ys: list[float], vs: list[Line]) -> None:
    """Close a row left open at the table's top or bottom: a browser printing a
    table over two pages draws the border between two rows on one page only,
    so the first row on the next page has column lines but no line above it."""
    top = min(v[1] for v in vs)
    if top < ys[0] - _OPEN and sum(1 for v in vs if v[1] <= top + _SNAP) >= 2:
        ys.insert(0, top)
    bottom = max(v[2] for v in vs)
    if bottom > ys[-1] + _OPEN and sum(1 for v in vs if v[2] >= bottom - _SNAP) >= 2:
        ys.append(bottom)


def find_grids(horizontal: list[Line], vertical: list[Line]) -> list[Ruled]:
    hs, vs = _merge(horizontal), _merge(vertical)
    union = _Union(len(hs) + len(vs))
    for i, (y, hx0, hx1) in enumerate(hs):
        for j, (x, vy0, vy1) in enumerate(vs):
            if hx0 - _SNAP <= x <= hx1 + _SNAP and vy0 - _SNAP <= y <= vy1 + _SNAP:
                union.join(i, len(hs) + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(hs)):
        groups.setdefault(union.find(i), ([], []))[0].append(i)
    for j in range(len(vs)):
        groups.setdefault(union.find(len(hs) + j), ([], []))[1].append(j)
    grids = []
    for h_ids, v_ids in groups.values():
        for part_h, part_v in _stacked([hs[i] for i in h_ids], [vs[j] for j in v_ids]):
            grid = _grid(part_h, part_v)
            if grid is not None:
                grids.append(grid)
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _stacked(hs: list[Line], vs: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """The tables of one set of touching lines: two tables set one right under the
    other (a page's two tables with nothing between them) share a line, and the
    columns above it and below it differ both ways. Within one table the columns
    of one row are among those of the next, whatever cells are merged."""
    ys = _positions([h[0] for h in hs])
    xs = _positions([v[0] for v in vs])
    if len(ys) < 3 or len(xs) < 3 or len(ys) * len(vs) > _STACK_WORK:
        return [(hs, vs)]
    edge = [bisect_left(xs, x - _SNAP) for x, _y0, _y1 in vs]  # each line's column edge

    def columns(y: float, below: bool) -> set[int]:
        out = set()
        for k, (_x, y0, y1) in enumerate(vs):
            if below:
                crosses = y0 <= y + _SNAP and y1 > y + _SNAP
            else:
                crosses = y0 < y - _SNAP and y1 >= y - _SNAP
            if crosses:
                out.add(edge[k])
        return out

    cuts = []
    for y in ys[1:-1]:
        above, under = columns(y, False), columns(y, True)
        if above - under and under - above:
            cuts.append(y)
    if not cuts:
        return [(hs, vs)]
    parts = []
    edges = [float("-inf"), *cuts, float("inf")]  # outer ends as drawn (an open edge stays)
    for top, bottom in pairwise(edges):
        part_h = [h for h in hs if top - _SNAP <= h[0] <= bottom + _SNAP]
        part_v = [
            (x, max(y0, top), min(y1, bottom))
            for x, y0, y1 in vs
            if min(y1, bottom) - max(y0, top) > _SNAP
        ]
        parts.append((part_h, part_v))
    return parts


def _grid(hs: list[Line], vs: list[Line]) -> Ruled | None:
    ys, xs = _positions([h[0] for h in hs]), _positions([v[0] for v in vs])
    if len(ys) < 2 or len(xs) < 2:
        return None  # lines without a crossing grid: rules under a heading, a three-line table
    _open_edges(ys, vs)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1

    def ruled_h(r: int, c: int) -> bool:  # a line along the top of row r over column c
        return any(
            abs(y - ys[r]) <= _SNAP and x0 <= xs[c] + _SNAP and x1 >= xs[c + 1] - _SNAP
            for y, x0, x1 in hs
        )

    def ruled_v(c: int, r: int) -> bool:  # a line along the left of column c over row r
        return any(
            abs(x - xs[c]) <= _SNAP and y0 <= ys[r] + _SNAP and y1 >= ys[r + 1] - _SNAP
            for x, y0, y1 in vs
        )

    union = _Union(n_rows * n_cols)
    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not ruled_v(c + 1, r):
                union.join(r * n_cols + c, r * n_cols + c + 1)
            if r + 1 < n_rows and not ruled_h(r + 1, c):
                union.join(r * n_cols + c, (r + 1) * n_cols + c)
    boxes: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = boxes.setdefault(union.find(r * n_cols + c), [r, c, r, c])
            box[0], box[1] = min(box[0], r), min(box[1], c)
            box[2], box[3] = max(box[2], r), max(box[3], c)
    cells = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in boxes.values()}
    if len(cells) < 2:
        return None  # a frame around text, not a table
    return Ruled(xs, ys, cells)
