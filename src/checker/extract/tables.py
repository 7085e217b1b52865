"""Statistics tables: find them, stitch split pieces, address cells by labels.

A rule pack defines each table once — its rows and columns by label, with
aliases and, where a label repeats (结果维持 under three groups, 其他 under
(六)其他处理), the group label that tells them apart. Real documents vary: full
and half-width brackets, spaces and line breaks inside cells, remarks in
parentheses ("现行有效件数(历史累计)"), quotes of any kind, labels split over
merged cells, a table broken in two at a page break. Labels are compared after
``normalise_label``; positions are never assumed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from checker.extract.facts import Fact
from checker.extract.report import Report
from checker.i18n import Text
from checker.labels import normalise_label
from checker.model import Block, Cell, Location, Table
from checker.numbers import HEADING_NUMERALS, parse_number, to_halfwidth
from checker.rulepacks import compiled
from checker.rulepacks.pack import NO_FIGURES, FactDef, Figures, LabelDef, TableDef

__all__ = ["CellValue", "LabelDef", "TableDef", "TableIndex", "normalise_label", "table_index"]

_CONTINUED = compiled.cached(r"^\s*[(（]?\s*(?:续表|接上表|续)\s*[)）]?\s*$")
_NUMERIC = compiled.cached(r"^[-+−]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@lru_cache(maxsize=8192)
def is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(to_halfwidth(text).strip()))


@lru_cache(maxsize=8192)
def _is_figure(text: str, figures: Figures) -> bool:
    """A number, or what the pack's tables write for one (``Figures``: —, /, 37件)."""
    return _is_count(text, figures) or to_halfwidth(text).strip() in figures.marks


def _is_count(text: str, figures: Figures) -> bool:
    """A number, with or without its unit (37, 37件)."""
    if is_numeric(text):
        return True
    units = figures.units
    if units is None or not text[-1:].isalpha():
        return False
    return is_numeric(units.sub("", to_halfwidth(text).strip()))


class CellValue:
    """One addressed cell: its text, its number if any, and where it stands.

    A report reads hundreds of cells and places few of them in a finding, so
    the ``Location`` is built on first use, from the piece's base location.
    Treat it as immutable.
    """

    __slots__ = (
        "_address",
        "_location",
        "_place",
        "column_name",
        "judged",
        "origin",
        "row_name",
        "status",
        "text",
        "value",
    )

    def __init__(
        self,
        reading: tuple[str, Decimal | None, str, str],  # text, value, status, judged
        place: tuple[Location, int | None, int, int, int, str | None],
        row_name: Text,
        column_name: Text,
    ) -> None:
        # text: stripped; value: None when blank, a mark or words; status: number |
        # zero-mark | blank | slash | text; judged: status, with a number told
        # apart as negative or fraction (what the value rules report)
        self.text, self.value, self.status, self.judged = reading
        self.row_name = row_name
        self.column_name = column_name
        self._place = place  # base, page, table, row, column, rebuilt
        # the grid position as one number: cells read through two keys share it
        self.origin = (place[2] << 64) | (place[3] << 32) | place[4]
        self._location: Location | None = None
        self._address: str | None = None

    @property
    def location(self) -> Location:
        found = self._location
        if found is None:
            base, page, table, row, column, rebuilt = self._place
            found = self._location = Location(
                paragraph=base.paragraph,
                line=base.line,
                section=base.section,
                table=table,
                row=row,
                column=column,
                row_label=self.row_name.zh,
                column_label=self.column_name.zh,
                offset=base.offset,
                page=page,
                rebuilt=rebuilt,
            )
        return found

    @property
    def address(self) -> str:
        """The grid position, ``table:row:column`` (1-based), without building the location."""
        found = self._address
        if found is None:
            _, _, table, row, column, _ = self._place
            found = self._address = f"{table}:{row}:{column}"
        return found

    def __repr__(self) -> str:
        return f"CellValue({self.text!r}, {self.value!r}, {self.status!r}, {self.location!r})"


@dataclass
class Piece:
    """A document table after stitching, with the block it starts at."""

    table: Table
    block: Block
    header_rows: set[int] = field(default_factory=set)


class TableIndex:
    """Which document tables are which defined tables, and cell lookups in them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.defs = report.packset.table_defs
        self.figures = report.packset.figures
        self.pieces = stitch(report, self.figures)
        self.assigned: dict[str, list[Piece]] = {k: [] for k in self.defs}
        self._assign()
        # per table, every defined cell at its slot (``TableDef.slot``), found at first use
        self._grids: dict[str, list[CellValue | None]] = {}
        self._labels: dict[int, PieceLabels] = {}  # per piece, built on first lookup
        self._cell_labels: dict[str, set[str]] = {}
        self.memo: dict[tuple[object, ...], Any] = {}  # what the table rules derive, once each

    def _assign(self) -> None:
        self._texts: dict[int, set[str]] = {}  # per piece, its normalised cell texts
        for piece in self.pieces:
            texts = self._texts[id(piece)] = {
                normalise_label(c.text) for row in piece.table.rows for c in row if c.text
            }
            scores = {k: _score(texts, d) for k, d in self.defs.items()}
            best = max(scores.values(), default=0)
            if best == 0:
                continue
            winners = [k for k, s in scores.items() if s == best]
            if len(winners) == 1 and best >= self.defs[winners[0]].min_labels:
                self.assigned[winners[0]].append(piece)

    def labels(self, piece: Piece) -> PieceLabels:
        found = self._labels.get(id(piece))
        if found is None:
            found = self._labels[id(piece)] = PieceLabels(
                piece, self.report.location(piece.block), self.figures
            )
        return found

    def present(self, table: str) -> bool:
        return bool(self.assigned.get(table))

    def has_row(self, table: str, row: str) -> bool:
        """Whether the row's label stands in the table, whatever its columns."""
        rdef = self.defs[table].rows[row]
        return any(self.labels(piece).row(rdef) is not None for piece in self.assigned[table])

    def cell(self, table: str, row: str, column: str) -> CellValue | None:
        """The cell at a row and a column of a defined table; None where no piece has both."""
        return self.grid(table)[self.defs[table].slot(row, column)]

    def grid(self, table: str) -> list[CellValue | None]:
        """Every defined cell of the table at its slot (``TableDef.slot``), found once."""
        found = self._grids.get(table)
        if found is None:
            found = self._grids[table] = self._fill(table)
        return found

    def cell_labels(self, table: str) -> set[str]:
        """Every cell text of the table's pieces, normalised (computed once per table)."""
        found = self._cell_labels.get(table)
        if found is None:
            pieces = self.assigned.get(table, [])
            found = self._cell_labels[table] = set().union(*(self._texts[id(p)] for p in pieces))
            if any(not c.text for p in pieces for row in p.table.rows for c in row):
                found.add("")  # as an empty cell normalises
        return found

    def _fill(self, table: str) -> list[CellValue | None]:
        """Each (row, column) of the definition from the first piece holding both: a
        table's rules read nearly all of its cells, so they are found together,
        each row once per piece and each column once per header run."""
        tdef = self.defs[table]
        rdefs = list(tdef.rows.values())
        cdefs = list(tdef.columns.values())
        width = len(cdefs)
        grid: list[CellValue | None] = [None] * (len(rdefs) * width)
        # a cell's text read as a count (a report repeats 0 and a few figures many times)
        readings: dict[str, tuple[str, Decimal | None, str, str]] = {}
        for piece in self.assigned.get(table, []):
            labels = self._labels.get(id(piece)) or self.labels(piece)
            table_ = piece.table
            rows, base = table_.rows, labels.base
            for i, rdef in enumerate(rdefs):
                start = i * width
                if None not in grid[start : start + width]:
                    continue  # an earlier piece gave every cell of the row
                r = labels.row(rdef)
                if r is None:
                    continue
                # a table of one data row may stack its blocks, each under its own
                # header (行政复议 above 行政诉讼): each later row of figures gives
                # the columns the rows before it did not
                for rr in labels.data_rows(r) if rdef.data_row else (r,):
                    for j, c in enumerate(labels.columns_at(tdef, cdefs, rr)):
                        if c is None or grid[start + j] is not None:
                            continue
                        grid[start + j] = _value(
                            rows[rr][c], table_, base, tdef, readings, rdef, cdefs[j]
                        )
                    if None not in grid[start : start + width]:
                        break
            if len(rdefs) == 1 and rdefs[0].data_row and None in grid:
                self._fill_transposed(piece, labels, tdef, grid, readings)
        return grid

    def _fill_transposed(
        self,
        piece: Piece,
        labels: PieceLabels,
        tdef: TableDef,
        grid: list[CellValue | None],
        readings: dict[str, tuple[str, Decimal | None, str, str]],
    ) -> None:
        """A table of one data row under grouped columns (Table 4) laid out the
        other way round: its results as rows under the groups, or its groups as
        rows under the results. Each cell still found by its two labels."""
        rdef = next(iter(tdef.rows.values()))
        table_ = piece.table
        for j, cdef in enumerate(tdef.columns.values()):
            if grid[j] is not None or cdef.group is None:
                continue
            found = labels.transposed(cdef)
            if found is not None:
                cell = table_.rows[found[0]][found[1]]
                grid[j] = _value(cell, table_, labels.base, tdef, readings, rdef, cdef)


def _value(
    cell: Cell,
    table: Table,
    base: Location,
    tdef: TableDef,
    readings: dict[str, tuple[str, Decimal | None, str, str]],
    rdef: LabelDef,
    cdef: LabelDef,
) -> CellValue:
    """The cell read as a count, with where it stands (its merged cell's origin)."""
    reading = readings.get(cell.text)
    if reading is None:
        reading = readings[cell.text] = _read_count(tdef, cell.text)
    r0, c0 = cell.origin
    pages = table.row_pages
    page = pages[r0] if r0 < len(pages) else base.page
    return CellValue(
        reading, (base, page, table.index, r0 + 1, c0 + 1, table.rebuilt), rdef.name, cdef.name
    )


class PieceLabels:
    """A piece's row labels and header labels, normalised once, for every lookup in it."""

    def __init__(self, piece: Piece, base: Location, figures: Figures = NO_FIGURES) -> None:
        self.piece = piece
        self.base = base  # the location of the block the piece starts at
        self.figures = figures  # what stands for a figure besides a number (—, 37件)
        table = piece.table
        self.raw = [_row_labels(table, r, figures) for r in range(table.n_rows)]
        self.norm = [[normalise_label(x) for x in labels] for labels in self.raw]
        self.ragged = table.ragged
        self._rows: dict[str, int | None] = {}
        self._last_labels: dict[int, int] = {}
        self._runs: dict[int, list[int]] = {}
        self._headers: dict[int, tuple[dict[str, list[int]], list[str]]] = {}
        self._columns: dict[tuple[str, int], int | None] = {}
        self._column_rows: dict[tuple[str, int], list[int | None]] = {}
        self._by_last: dict[str, list[int]] | None = None
        self._loose: list[tuple[int, str, str | None]] | None = None

    def row(self, rdef: LabelDef) -> int | None:
        found = self._rows.get(rdef.key, -1)
        if found == -1:
            found = self._rows[rdef.key] = self._find_row(rdef)
        return found

    def _find_row(self, rdef: LabelDef) -> int | None:
        piece = self.piece
        table = piece.table
        if rdef.data_row:
            figures = self.figures
            for r in range(table.n_rows):
                if r not in piece.header_rows and any(
                    _is_figure(c.text, figures) for c in table.rows[r]
                ):
                    return r
            # the data row left blank: a last row of empty cells under the header
            last = table.rows[-1] if table.n_rows > 1 else ()
            if last and not any(c.text.strip() for c in last):
                return table.n_rows - 1
            return None
        found = self._labelled_row(rdef)
        if found is not None and rdef.optional and not self._counted(found):
            return None  # a draft's own subtotal line of marks only is a group's caption
        return found

    def data_rows(self, first: int) -> list[int]:
        """``first`` and the rows of figures after it that are not headers."""
        piece, figures = self.piece, self.figures
        rows = piece.table.rows
        return [first] + [
            r
            for r in range(first + 1, piece.table.n_rows)
            if r not in piece.header_rows and any(_is_figure(c.text, figures) for c in rows[r])
        ]

    def _counted(self, r: int) -> bool:
        """Whether row ``r`` holds a number (not only marks for one)."""
        return any(_is_count(c.text, self.figures) for c in self.piece.table.rows[r])

    def _labelled_row(self, rdef: LabelDef) -> int | None:
        # where a row's last label is the label itself, the first such row in the
        # group is the answer; the scan below finds the looser matches
        by_last = self._last_label_rows()
        for r in sorted({r for lbl in rdef.labels for r in by_last.get(lbl, ())}):
            if not rdef.group or self._in_group(r, rdef.group):
                return r
        # the looser matches: every row whose last label is the label was taken above
        # or lies outside the group. The first row ending in the label wins; else
        # the first whose label is followed by figures in words.
        labels = rdef.labels
        worded = None
        for r, joined, worded_label in self._loose_rows():
            if rdef.group and not self._in_group(r, rdef.group):
                continue
            if any(lbl and joined.endswith(lbl) for lbl in labels):
                return r
            if worded is None and worded_label in labels:
                worded = r
        return worded

    def _loose_rows(self) -> list[tuple[int, str, str | None]]:
        """Each labelled row that is not a header: its labels joined, and the label
        before its trailing words for figures (``_worded_label``)."""
        found = self._loose
        if found is None:
            headers = self.piece.header_rows
            found = self._loose = [
                (r, "".join(normalised), _worded_label(normalised, self.figures.row_labels))
                for r, normalised in enumerate(self.norm)
                if normalised and r not in headers
            ]
        return found

    def _last_label_rows(self) -> dict[str, list[int]]:
        """Each normalised last label of a row that is not a header -> those rows, in order."""
        found = self._by_last
        if found is None:
            found = self._by_last = {}
            headers = self.piece.header_rows
            for r, normalised in enumerate(self.norm):
                if normalised and r not in headers:
                    found.setdefault(normalised[-1], []).append(r)
        return found

    def last_label(self, r: int, end: int) -> int:
        """The grid column of row ``r``'s last label cell before ``end``, or -1."""
        found = self._last_labels.get(r)
        if found is None:
            row = self.piece.table.rows[r]
            found = max((i for i, cell in enumerate(row[:end]) if _is_label(cell.text)), default=-1)
            self._last_labels[r] = found
        return found

    def _in_group(self, r: int, group: str) -> bool:
        """Whether row ``r`` falls under the group label ``group`` — in its own
        cells, or, where a merged group cell was flattened into blanks, in the
        nearest group label above it."""
        for above in range(r, -1, -1):
            if above in self.piece.header_rows:
                return False
            if any(group in x for x in self.norm[above]):
                return True
            if any(_GROUP_LABEL.match(to_halfwidth(x)) for x in self.raw[above]):
                return False
        return False

    def _run(self, r: int) -> list[int]:
        """The run of header rows closest above ``r``, nearest first."""
        run = self._runs.get(r)
        if run is None:
            run = []
            for h in sorted((h for h in self.piece.header_rows if h < r), reverse=True):
                if run and h != run[-1] - 1:
                    break
                run.append(h)
            self._runs[r] = run
        return run

    def _header(self, h: int) -> tuple[dict[str, list[int]], list[str]]:
        """Header row ``h``: label -> its columns, and each column's label (a blank
        header cell belongs to the label on its left, as when a merged header is
        flattened into one label and blanks in Markdown or text)."""
        found = self._headers.get(h)
        if found is None:
            columns: dict[str, list[int]] = {}
            filled: list[str] = []
            for c, cell in enumerate(self.piece.table.rows[h]):
                text = normalise_label(cell.text)
                columns.setdefault(text, []).append(c)
                filled.append(text or (filled[-1] if filled else ""))
            found = self._headers[h] = (columns, filled)
        return found

    def columns_at(self, tdef: TableDef, cdefs: list[LabelDef], r: int) -> list[int | None]:
        """The grid column of each defined column in row ``r`` (None: not found)."""
        if self.ragged:
            found: list[int | None] = []
            for cdef in cdefs:
                c = _right_aligned(self, tdef, cdef.key, r)
                if c is None and not tdef.right_aligned:
                    c = self.column(cdef, r)
                found.append(c)
            return found
        run = self._run(r)
        # the columns are fixed by the nearest header: rows under the same one share them
        key = (tdef.key, run[0] if run else -1)
        kept = self._column_rows.get(key)
        if kept is None:
            kept = self._column_rows[key] = [self.column(cdef, r) for cdef in cdefs]
        if tdef.right_aligned and self._misread(kept, r, len(tdef.right_aligned)):
            # the spans were lost and each row padded with empty cells to one
            # width (a page copied as "a | b | ||"): the headers stand anywhere
            return [_right_aligned(self, tdef, cdef.key, r, lost=True) for cdef in cdefs]
        return kept

    def _misread(self, columns: list[int | None], r: int, k: int) -> bool:
        """Whether the headers fail row ``r`` — a defined column not found, or found
        over one of the row's labels — though the row has a cell for every one
        of the ``k`` figures after its labels (a deleted column leaves fewer)."""
        row = self.piece.table.rows[r]
        if None not in columns and not any(
            _is_label(row[c].text) for c in columns if c is not None
        ):
            return False  # every figure's cell found, none of them words: the usual case
        width = self.piece.table.n_cols
        last = self.last_label(r, width)
        if not any(c is None or c <= last for c in columns):
            return False
        return width - last - 1 >= k

    def column(self, cdef: LabelDef, r: int) -> int | None:
        """The column whose nearest header above row ``r`` carries the label."""
        run = self._run(r)
        # the run is fixed by its nearest header: rows under the same one share the answer
        key = (cdef.key, run[0] if run else -1)
        found = self._columns.get(key, -1)
        if found == -1:
            found = self._columns[key] = self._column(cdef, run)
        return found

    def transposed(self, cdef: LabelDef) -> tuple[int, int] | None:
        """Where a grouped column's figure stands in a table turned round: in the
        row of its label under the column of its group, or in the row of its
        group under the column of its label."""
        group = cdef.group
        assert group is not None
        labels = set(cdef.labels)
        headers = self.piece.header_rows
        for r, normalised in enumerate(self.norm):
            if r in headers or not normalised:
                continue
            run = self._run(r)
            if normalised[-1] in labels:  # results as rows, groups as columns
                for c in range(self.piece.table.n_cols):
                    if any(self._header(h)[1][c] == group for h in run):
                        return r, c
            if any(group in x for x in normalised):  # groups as rows, results as columns
                for h in run:
                    columns, _ = self._header(h)
                    at = sorted(c for lbl in labels for c in columns.get(lbl, ()))
                    if at:
                        return r, at[0]
        return None

    def _column(self, cdef: LabelDef, run: list[int]) -> int | None:
        labels = set(cdef.labels)
        for h in run:
            columns, _ = self._header(h)
            candidates = sorted(c for lbl in labels for c in columns.get(lbl, ()))
            for c in candidates:
                if cdef.group and not any(cdef.group == self._header(g)[1][c] for g in run):
                    continue
                return c
        # a one-line header may name each column with its group before it
        # (法人或其他组织—商业企业): the label ends the cell's text
        for h in run:
            columns, _ = self._header(h)
            candidates = sorted(
                c
                for text, at in columns.items()
                if any(len(text) > len(lbl) and text.endswith(lbl) for lbl in labels if lbl)
                for c in at
            )
            for c in candidates:
                if cdef.group and not any(cdef.group in self._header(g)[1][c] for g in run):
                    continue
                return c
        return None


def _read_count(tdef: TableDef, raw: str) -> tuple[str, Decimal | None, str, str]:
    """A cell's text, stripped; its number if any; its status; and the status the
    value rules judge, where a number may be negative or a fraction."""
    text = raw.strip()
    folded = to_halfwidth(text).strip()
    if tdef.count_unit is not None:
        folded = tdef.count_unit.sub("", folded)  # "12件" is 12
    value: Decimal | None = None
    if not folded:
        status = "blank"
    elif folded in tdef.zero_marks:
        status, value = "zero-mark", Decimal(0)
    elif folded in tdef.nothing_marks:  # a mark or word for "nothing": read as 0, warned
        status = "slash"
    elif is_numeric(folded):
        status = "number"
        value = parse_number(folded.replace("−", "-").replace(" ", ""))
    else:
        status = "text"
    judged = status
    if value is not None and status == "number":
        if value < 0:
            judged = "negative"
        elif value != value.to_integral_value():
            judged = "fraction"
    return text, value, status, judged


def _right_aligned(
    labels: PieceLabels, tdef: TableDef, column: str, r: int, lost: bool = False
) -> int | None:
    """In a table whose spans were lost (text copied from a page), rows have
    different widths and headers no longer stand over their figures; the
    figures themselves still end every data row in the defined order. ``lost``:
    the spans are known lost though the rows are of one width (padded).

    Empty cells past the figures a row needs are padding, not the last column."""
    if not ((labels.ragged or lost) and column in tdef.right_aligned):
        return None
    table = labels.piece.table
    end = table.row_ends[r] if r < len(table.row_ends) else table.n_cols
    last = labels.last_label(r, end)
    k = len(tdef.right_aligned)
    row = table.rows[r]
    while end - last - 1 > k and not row[end - 1].text.strip():
        end -= 1
    c = end - k + tdef.right_aligned.index(column)
    return c if c > last else None


_CJK = compiled.cached(r"\p{Han}")


@lru_cache(maxsize=8192)
def _is_label(text: str) -> bool:
    """Words, not a figure or a mark: at least two Chinese characters."""
    return len(_CJK.findall(text)) >= 2


def _row_labels(table: Table, r: int, figures: Figures = NO_FIGURES) -> list[str]:
    """The distinct label cells of a row, left to right, up to its first figure (or
    mark); an item's number in a cell of its own (a 序号 column, or （三）不予公开 |
    1 | 属于国家秘密) is passed over where it opens the row or follows group labels
    only, and a label and then figures follow it (行政许可 | 12 | 减少若干 | 30 is
    a row of figures, one in words)."""
    labels: list[str] = []
    row = table.rows[r]
    for i, cell in enumerate(row):
        if _is_figure(cell.text, figures):
            if (
                _SEQUENCE.match(cell.text)
                and all(_NUMBERED.match(x) for x in labels)
                and _numbers_an_item(row, i + 1, figures)
            ):
                continue
            break
        text = cell.text.strip()
        if text and text not in labels:
            labels.append(text)
    return labels


_SEQUENCE = compiled.cached(r"^\s*\d{1,3}\s*[.、．]?\s*$")
# a group's label (三、本年度办理结果, （三）不予公开): an item's number may follow it
_NUMBERED = compiled.cached(
    rf"^\s*(?:[{HEADING_NUMERALS}]+\s*[、.．]|[(（]\s*[{HEADING_NUMERALS}]+\s*[)）])"
)


def _numbers_an_item(row: tuple[Cell, ...], start: int, figures: Figures) -> bool:
    """Whether the next filled cell from ``start`` is a label with figures after it."""
    for i in range(start, len(row)):
        text = row[i].text
        if not text.strip():
            continue
        if not _is_label(text) or _is_figure(text, figures):
            return False
        return any(_is_figure(c.text, figures) for c in row[i + 1 :])
    return False


_DIGIT = compiled.cached(r"\d")


def _worded_label(normalised: list[str], known: Collection[str] = ()) -> str | None:
    """In a row whose first figures are words (若干, 约12), the label they follow:
    such figures must not hide the row from the value rules. None: no such words.
    A short label the tables define (其他, under （六）其他处理) is a label, not words."""
    end = len(normalised)
    while end > 1 and (
        _DIGIT.search(last := normalised[end - 1]) or (len(last) <= 2 and last not in known)
    ):
        end -= 1
    return normalised[end - 1] if end < len(normalised) else None


_GROUP_LABEL = compiled.cached(rf"^\s*[(（]\s*[{HEADING_NUMERALS}]+\s*[)）]")


def _score(texts: set[str], tdef: TableDef) -> int:
    """How many of the definition's rows and columns have a label among the texts."""
    return sum(not texts.isdisjoint(labels) for labels in tdef.label_sets)


def _header_rows(table: Table, figures: Figures = NO_FIGURES) -> set[int]:
    """Rows holding no figure (nor a mark or a count for one): headers and block
    titles (第二十条第(一)项), but not a row left blank (1.属于国家秘密 and empty cells)."""
    rows = table.rows
    empty = {
        r for r in range(table.n_rows) if not any(_is_figure(c.text, figures) for c in rows[r])
    }
    if figures.row_labels:
        empty -= {r for r in empty if _left_blank(table.rows[r], figures)}
    return empty


def _left_blank(row: tuple[Cell, ...], figures: Figures) -> bool:
    """A row under a label the tables define, every cell after its labels blank: a
    row whose figures were left out (a header holds column labels, 自然人 … 总计,
    and a block title such as 第二十条第(一)项 no row's label)."""
    n = 0
    while n < len(row) and row[n].text.strip():
        n += 1
    if n == 0 or n == len(row) or any(c.text.strip() for c in row[n:]):
        return False
    labels = {normalise_label(c.text) for c in row[:n]}
    last = normalise_label(row[n - 1].text)
    # a header names two columns or more; a row's labels name one at most (总计, 其他)
    return last in figures.row_labels and len(labels & figures.column_labels) < 2


def stitch(report: Report, figures: Figures = NO_FIGURES) -> list[Piece]:
    """Join a table broken at a page break: the next table, with nothing but
    blank or short paragraphs between, the same width and no header of its own."""
    pieces: list[Piece] = []
    previous: Piece | None = None
    gap_ok = True
    for block in report.document.blocks:
        if block.table is None:
            if gap_ok and block.text.strip() and not _CONTINUED.search(block.text):
                gap_ok = False
            continue
        table = block.table
        headers = _header_rows(table, figures)
        if (
            previous is not None
            and gap_ok
            and table.n_cols == previous.table.n_cols
            and 0 not in headers
            and table.n_rows > 0
        ):
            offset = previous.table.n_rows
            rows = previous.table.rows + tuple(
                tuple(
                    replace(c, row=c.row + offset, origin=(c.origin[0] + offset, c.origin[1]))
                    for c in row
                )
                for row in table.rows
            )
            previous.table = replace(
                previous.table,
                rows=rows,
                row_ends=previous.table.row_ends + table.row_ends,
                row_pages=previous.table.row_pages + table.row_pages,
            )
            previous.header_rows |= {h + offset for h in headers}
        else:
            previous = Piece(table=table, block=block, header_rows=headers)
            pieces.append(previous)
        gap_ok = True
    return pieces


def table_index(report: Report) -> TableIndex:
    cached = report.cache.get("tables")
    if not isinstance(cached, TableIndex):
        cached = report.cache["tables"] = TableIndex(report)
    return cached


def table_fact(report: Report, definition: FactDef) -> list[Fact]:
    """A fact defined as a table cell (``table``, ``row``, ``column``)."""
    index = table_index(report)
    table, row, column = definition.table, definition.row, definition.column
    if table not in index.defs or row is None or column is None:  # the schema requires all three
        return []
    cell = index.cell(table, row, column)
    if cell is None or cell.value is None:
        return []
    return [Fact(definition.name, cell.value, definition.unit, cell.text, cell.location)]
