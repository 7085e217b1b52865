"""Tables rebuilt from flattened text, by the rule pack's table definitions.

A statistics table copied out of a page arrives as a stream of cells (see
``cellstream``): its grid is gone, and its header — three rows of merged
cells — comes out in an order no parser can trust. What survives is what the
pack already knows: every row's label, and how many figures follow it (the
data columns of ``right_aligned``, or the header cells standing just before the
first row of a block). So a row is a run of words ending in a known row label,
followed by that many figures; the grid is laid out again from the pack, with a
header written from its own labels.

A table is rebuilt only where this is unambiguous: every row between its first
and last has its full count of figures (an empty cell counts where it left an
empty line, an empty ``||`` or a gap in a column of spaces). Otherwise nothing
changes and the table rules say, as before, that no such table was found. The
blocks a rebuilt table consumed — row labels like 一、本年新收… that would
otherwise pass for headings — are replaced by the table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

from checker.extract.cellstream import Token, stream
from checker.extract.tables import LabelDef, TableDef, TableIndex, is_numeric, normalise_label
from checker.model import Block, BlockKind, Document, Table, build_table
from checker.numbers import HEADING_NUMERALS as _CN
from checker.numbers import to_halfwidth
from checker.rulepacks import compiled

_PROSE = compiled.cached(r"[。！？；!?;]")
_PROSE_MAX = 80  # a cell is never this long
_HEADING_LIKE = compiled.cached(rf"^\s*(?:[{_CN}]{{1,3}}\s*[、.．]|[(（]\s*[{_CN}]{{1,3}}\s*[)）])")
_GROUP_LABEL = compiled.cached(rf"^\s*[(（]\s*[{_CN}]{{1,3}}\s*[)）]")
_AMOUNT = compiled.cached(r"^[-+−]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|个|条|次|项|宗|起|%|％)?$")
_MAX_LABEL_PARTS = 3  # a label broken over lines or spaces ("行政 处罚")
_MAX_TOKENS = 20_000  # a report holds hundreds of cells; beyond this nothing is rebuilt
_MAX_LEAD = 2  # cells of no defined label taken into a header in front of its first label
_DIGIT = compiled.cached(r"\d")


@dataclass
class _Row:
    labels: list[Token]  # the words before the figures
    values: list[Token]  # figures and blanks, trailing blanks removed
    words: list[Token] = field(default_factory=list)  # the labels that are not blanks
    _keys: list[str] | None = None  # the words' label keys, for every definition
    _normalised: list[str] | None = None  # each word normalised

    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = _label_keys(self.words)
        return self._keys

    def normalised(self) -> list[str]:
        if self._normalised is None:
            self._normalised = [normalise_label(t.text) for t in self.words]
        return self._normalised


@dataclass
class _Placed:
    rdef: LabelDef | None  # None for a header row
    group: str
    label: str
    cells: list[str]
    header: list[str] = field(default_factory=list)
    unit: str = ""  # the 单位 cell between label and figures, where the table has one


@dataclass
class _Region:
    first: Token
    last: Token
    rows: list[_Placed]
    how: str


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return to_halfwidth(text).strip()


def _is_value(text: str, tdef: TableDef) -> bool:
    """Whether a token's text reads as a figure (or a mark for none) in this table."""
    text = _fold(text)
    if not text:
        return False
    if text in tdef.zero_marks or text in tdef.nothing_marks:
        return True
    if not _DIGIT.search(text):  # a figure, with or without its unit, has a digit
        return False
    if tdef.count_unit is not None:
        text = tdef.count_unit.sub("", text)
    return is_numeric(text) or bool(_AMOUNT.match(text))


# ``_is_value`` of a text with a digit, by the definition's reading (``_value_reading``):
# reports share most of their figures (0, 1, 12…), so each is read once per process
_VALUES: dict[tuple[tuple[object, ...], str], bool] = {}
_MAX_VALUES = 1 << 16  # emptied when full: a memo, never a store


def _figures(texts: set[str], digits: list[str], tdef: TableDef) -> frozenset[str]:
    """``{t for t in texts if _is_value(t, tdef)}``, testing in full only the ``digits``
    (the texts whose folded form has a digit): any other can only be a mark."""
    marks = {*tdef.zero_marks, *tdef.nothing_marks} - {""}
    out = {t for t in texts if _fold(t) in marks}
    reading = _value_reading(tdef)
    memo = _VALUES
    if len(memo) > _MAX_VALUES:
        memo.clear()
    for t in digits:
        key = (reading, t)
        value = memo.get(key)
        if value is None:
            value = memo[key] = _is_value(t, tdef)
        if value:
            out.add(t)
    return frozenset(out)


def _value_reading(tdef: TableDef) -> tuple[object, ...]:
    """All that ``_is_value`` reads of a definition: equal tuples, equal figures."""
    unit = tdef.count_unit.pattern if tdef.count_unit is not None else None
    return tdef.zero_marks, tdef.nothing_marks, unit


def _is_prose(token: Token) -> bool:
    return len(token.text) > _PROSE_MAX or bool(_PROSE.search(token.text))


def _rows(
    tokens: list[Token], figures: frozenset[str], prose: dict[str, bool]
) -> list[_Row | None]:
    """Runs of words each followed by a run of figures; None where prose breaks the flow.

    ``figures`` holds the token texts that read as figures in the definition
    (so definitions that read the same texts alike share their rows);
    ``prose`` memoises ``_is_prose`` by text across the definitions of one
    document (it does not depend on the definition)."""
    out: list[_Row | None] = []
    labels: list[Token] = []
    values: list[Token] = []
    filled = False  # whether ``values`` holds a figure (not only blanks)

    def flush() -> None:
        # blanks the stream ends a row with are what stood between it and the next,
        # not its cells; a reader's table gives only the cells its row has
        while values and not values[-1].text and values[-1].how != "cells":
            values.pop()
        if labels and filled:
            out.append(_Row(list(labels), list(values), [t for t in labels if t.text]))
        labels.clear()
        values.clear()

    for token in tokens:
        text = token.text
        if not text:
            if labels:  # blanks count only among figures
                values.append(token)
            continue
        if text in figures:
            if labels:
                values.append(token)
                filled = True
            continue
        is_prose = prose.get(text)
        if is_prose is None:
            is_prose = prose[text] = _is_prose(token)
        if is_prose:
            flush()
            filled = False
            out.append(None)
        else:
            if filled:
                flush()
                filled = False
            values.clear()
            labels.append(token)
    flush()
    return out


def _stretches(rows: list[_Row | None]) -> list[tuple[int, int]]:
    """The runs of rows between prose, as ``rows[lo:hi]``."""
    out: list[tuple[int, int]] = []
    lo = 0
    for i, row in enumerate(rows):
        if row is None:
            if i > lo:
                out.append((lo, i))
            lo = i + 1
    if len(rows) > lo:
        out.append((lo, len(rows)))
    return out


def _by_label(defs: dict[str, LabelDef]) -> dict[str, LabelDef]:
    """Each normalised label and alias to its definition (the first one wins)."""
    out: dict[str, LabelDef] = {}
    for d in defs.values():
        for label in d.labels:
            out.setdefault(label, d)
    return out


def _label_keys(words: list[Token]) -> list[str]:
    """The last one, two and three words, joined and normalised."""
    return [
        normalise_label("".join([t.text for t in words[-n:]]))
        for n in range(1, min(_MAX_LABEL_PARTS, len(words)) + 1)
    ]


def _match(
    labels: list[Token], rows: dict[str, LabelDef], keys: list[str] | None = None
) -> tuple[LabelDef, int] | None:
    """The row whose label ends the words (joined over up to three pieces).

    ``keys``: ``_label_keys`` of the words, where the caller keeps them."""
    if keys is None:
        keys = _label_keys([t for t in labels[-2 * _MAX_LABEL_PARTS :] if t.text])
    for n, key in enumerate(keys, start=1):
        found = rows.get(key) if key else None
        if found is not None:
            words = [t for t in labels[-2 * _MAX_LABEL_PARTS :] if t.text]
            skipped = sum(1 for t in labels if t.text) - len(words)
            return found, skipped + len(words) - n
    return None


def _column_keys(tdef: TableDef) -> set[str]:
    return {lbl for d in tdef.columns.values() for lbl in d.labels if lbl} | {
        d.group for d in tdef.columns.values() if d.group
    }


def _fit(values: list[Token], k: int, reference: list[int] | None) -> list[str] | None:
    """Exactly ``k`` cells from a row's figures, or None when that is not certain."""
    figures = [v for v in values if not v.blank]
    if len(figures) == k:
        return [v.text for v in figures]
    if len(figures) > k or len(values) < k:
        return _by_columns(figures, k, reference)
    if all(v.blank for v in values[:-k]):  # blanks in front are cells the row does not fill
        return [v.text for v in values[-k:]]
    return None


def _by_columns(figures: list[Token], k: int, reference: list[int] | None) -> list[str] | None:
    """In a layout of spaces an empty cell leaves only a gap: place each figure
    under the column of a complete row it lines up with, when exactly one
    alignment fits them all."""
    if reference is None or len(figures) >= k or any(f.column is None for f in figures):
        return None
    positions = [f.column or 0 for f in figures]
    fits = []
    for anchor in range(k):
        shift = reference[anchor] - positions[0]
        placed: list[int] = []
        for p in positions:
            near = [c for c in range(k) if abs(reference[c] - (p + shift)) <= 1]
            if len(near) != 1 or (placed and near[0] <= placed[-1]):
                break
            placed.append(near[0])
        else:
            fits.append(placed)
    if len(fits) != 1:
        return None
    cells = [""] * k
    for f, c in zip(figures, fits[0], strict=True):
        cells[c] = f.text
    return cells


class _Builder:
    """Walks the rows of the stream for one table definition."""

    def __init__(self, tdef: TableDef, units: frozenset[str] = frozenset()) -> None:
        self.tdef = tdef
        self.units = units
        self.rows = _by_label(tdef.rows)
        self.columns = _column_keys(tdef)
        self.data_row = next((d for d in tdef.rows.values() if d.data_row), None)
        self.regions: list[_Region] = []
        self.ambiguous = False
        self._reset()

    def _reset(self) -> None:
        self.current: list[_Placed] = []
        self.first: Token | None = None
        self.last: Token | None = None
        self.failed = False  # a row that did not fit, after the region's first row
        self.header: list[str] | None = None
        self.group = ""
        self.reference: list[int] | None = None
        self.hows: Counter[str] = Counter()
        self.seen: set[str] = set()  # labels standing in the region, normalised

    def close(self) -> None:
        if self.current and self.first is not None and self.last is not None:
            rows = {r.rdef.key for r in self.current if r.rdef is not None}
            columns = [
                d for d in self.tdef.columns.values() if any(lbl in self.seen for lbl in d.labels)
            ]
            if len(rows) + len(columns) >= self.tdef.min_labels:
                how = self.hows.most_common(1)[0][0] if self.hows else "lines"
                self.regions.append(_Region(self.first, self.last, self.current, how))
        self._reset()

    def feed(self, row: _Row | None) -> None:
        if row is None:
            self.close()
            return
        placed = self._place(row)
        if placed is None:
            if self.current:
                self.failed = True
            return
        if self.failed:  # rows that fit on both sides of one that does not
            self.ambiguous = True
        self.current.extend(placed)
        if self.first is None:
            self.first = self._lead(row)
        start = row.labels.index(self.first) if self.first in row.labels else 0
        words = [t.text for t in row.labels[start:] if t.text]
        self.seen.update(normalise_label(w) for w in words)
        # and a label broken over two or three words (结果 维持, as a spaced cell copies)
        for n in range(2, _MAX_LABEL_PARTS + 1):
            self.seen.update(
                normalise_label("".join(words[i : i + n])) for i in range(len(words) - n + 1)
            )
        self.last = row.values[-1]
        self.hows.update(v.how for v in row.values if not v.blank)

    def _lead(self, row: _Row) -> Token:
        """Where the table starts: from its earliest label in front of the first
        row, and a few header cells of no defined label before that (申请人情况,
        信息内容) — never across a heading or a line with figures (a date)."""
        labels = row.labels
        start = len(labels) - 1
        for i in range(len(labels) - 1, -1, -1):
            if not labels[i].blank and not self._unknown(labels[i]):
                start = i
        taken = 0
        while start > 0 and taken < _MAX_LEAD:
            before = labels[start - 1]
            if not before.blank:
                if _HEADING_LIKE.match(before.text) or _DIGIT.search(before.text):
                    break
                taken += 1
            start -= 1
        while start < len(labels) - 1 and labels[start].blank:
            start += 1
        return labels[start]

    def _unknown(self, token: Token) -> bool:
        """Words that are none of this table's labels."""
        if token.blank or normalise_label(token.text) in self.columns:
            return False
        return _match([token], self.rows) is None

    def _label(self, row: _Row) -> tuple[LabelDef, str, list[Token], str] | None:
        """The row's definition, its label, the words before the label and its
        unit cell: the first thing a row needs to be placed, None where it has not."""
        words = row.words
        unit = ""
        if self.units and words and to_halfwidth(words[-1].text) in self.units:
            unit = words[-1].text
            words = words[:-1]
        matched = _match(words, self.rows, None if unit else row.keys())
        if matched is not None:
            rdef, at = matched
            return rdef, "".join(t.text for t in words[at:]), words[:at], unit
        if self.data_row is not None:
            normalised = row.normalised()
            columns = self.columns
            if sum(x in columns for x in (normalised[:-1] if unit else normalised)) >= 2:
                return self.data_row, "", list(words), unit
        return None

    def reaches_text(self, rows: list[_Row | None], ids: dict[int, int], texts: list[int]) -> bool:
        """Whether a region could hold words outside the reader's tables, without
        building it: a region lies between prose, from the lead of its first
        placed row to the last figure of its last, and every placed row has a
        label; so some such word must stand between the lead of the first row
        with a label and the last figure of the last one. ``texts[i]``: how many
        such words stand before token ``i``.

        Each stretch between prose is judged from its first and its last
        labelled row alone (found from either end), and not at all where no
        such word stands anywhere in it: lead and last figure lie inside it."""
        for lo, hi in _stretches(rows):
            stretch: list[_Row] = rows[lo:hi]  # type: ignore[assignment]  # no None inside
            end = ids[id(stretch[-1].values[-1])]
            if texts[end + 1] == texts[ids[id(stretch[0].labels[0])]]:
                continue  # no such word anywhere in the stretch
            first = next((r for r in stretch if self._label(r) is not None), None)
            if first is None:
                continue
            lead = ids[id(self._lead(first))]
            if texts[end + 1] == texts[lead]:
                continue
            last = next(r for r in reversed(stretch) if self._label(r) is not None)
            if texts[ids[id(last.values[-1])] + 1] > texts[lead]:
                return True
        return False

    def _header_cells(self, before: list[Token], k: int) -> tuple[list[str], int]:
        """The ``k`` header cells standing before a row's label, and how many words
        they take: a cell broken over lines or spaces (本年新 / 制作数量, 现行有效件数
        (历史累计)) is joined where only its pieces together make a column's label."""
        cells: list[str] = []
        i = len(before)
        columns = self.columns
        while len(cells) < k and i > 0:
            take = 1
            if normalise_label(before[i - 1].text) not in columns:
                for n in range(min(_MAX_LABEL_PARTS, i), 1, -1):
                    if normalise_label("".join(t.text for t in before[i - n : i])) in columns:
                        take = n
                        break
            cells.append("".join(t.text for t in before[i - take : i]))
            i -= take
        if len(cells) < k:
            return [], 0
        return cells[::-1], len(before) - i

    def _place(self, row: _Row) -> list[_Placed] | None:
        tdef = self.tdef
        labelled = self._label(row)
        if labelled is None:
            return None
        rdef: LabelDef | None
        rdef, label, before, unit = labelled
        for t in before:
            if _GROUP_LABEL.match(t.text):
                self.group = t.text
        group = "" if _HEADING_LIKE.match(label) else self.group
        out: list[_Placed] = []
        if tdef.right_aligned:
            k = len(tdef.right_aligned)
        else:
            # a reader's table gives its empty cells too: they are columns of the row
            k = sum(1 for v in row.values if not v.blank or v.how == "cells")
            header, taken = self._header_cells(before, k)
            if any(normalise_label(h) in self.columns for h in header):
                if len(before) > taken and normalise_label(before[-taken - 1].text) in self.columns:
                    return None  # more column labels than figures: a cell is missing
                self.header = header
                out.append(_Placed(None, "", "", [], header))
            elif before:  # words between two rows that are not this table's header
                self.header = None
            if self.header is None:
                return None
            k = len(self.header)
        cells = _fit(row.values, k, self.reference)
        if cells is None:
            return None
        if len([v for v in row.values if not v.blank]) == k and all(
            v.column is not None for v in row.values
        ):
            self.reference = [v.column or 0 for v in row.values if not v.blank]
        out.append(_Placed(rdef, group, label, cells, unit=unit))
        return out


def _grid(tdef: TableDef, rows: list[_Placed]) -> list[list[tuple[str, int, int]]]:
    """The rebuilt grid: a header from the pack's own labels (or the block's
    header cells), then each row as group, label and figures."""
    grid: list[list[tuple[str, int, int]]] = []
    lead = 3 if any(p.unit for p in rows) else 2  # group, label and, where there is one, unit

    def line(first: list[str], cells: list[str]) -> list[tuple[str, int, int]]:
        return [(text, 1, 1) for text in (first + [""] * lead)[:lead] + cells]

    if tdef.right_aligned:
        cols = [tdef.columns[key] for key in tdef.right_aligned]
        if any(c.group for c in cols):
            grid.append(line([], [c.group or "" for c in cols]))
        grid.append(line([], [c.labels[0] for c in cols]))
    for placed in rows:
        if placed.rdef is None:
            grid.append(line([], placed.header))
        else:
            grid.append(line([placed.group, placed.label, placed.unit], placed.cells))
    width = max(len(r) for r in grid)
    return [r + [("", 1, 1)] * (width - len(r)) for r in grid]


class _Found:
    """How many cells of a defined table the document's own tables already give
    (built only when a rebuilt table would compete with them)."""

    def __init__(self, document: Document, packset: Any) -> None:
        self.document = document
        self.packset = packset
        self._index: TableIndex | None = None

    def cells(self, key: str) -> int:
        if self._index is None:
            from checker.extract.outline import Outline
            from checker.extract.report import Report

            report = Report(
                document=self.document, packset=self.packset, blocks=[], norm={}, outline=Outline()
            )
            self._index = TableIndex(report)
        index = self._index
        if not index.present(key):
            return 0
        tdef = index.defs[key]
        return sum(
            1 for row in tdef.rows for column in tdef.columns if index.cell(key, row, column)
        )


def rebuild_tables(document: Document, packset: Any) -> Document:
    """The document with every flattened statistics table rebuilt as a table."""
    tables = packset.tables
    if not tables:
        return document
    blocks = list(document.blocks)
    # every block with words gives a token at least: past the limit, none need be cut
    if sum(1 for b in blocks if b.table is None and b.text.strip()) > _MAX_TOKENS:
        return document
    tokens = stream(blocks, _MAX_TOKENS)
    if not tokens or len(tokens) > _MAX_TOKENS:
        return document
    found = _Found(document, packset)
    ids = {id(t): i for i, t in enumerate(tokens)}
    chosen: list[tuple[_Region, TableDef]] = []
    prose: dict[str, bool] = {}
    texts = {t.text for t in tokens if t.text}
    # the rows depend on a definition only through which texts it reads as
    # figures: the definitions that read them alike share one pass over the stream
    figures_by_reading: dict[tuple[object, ...], frozenset[str]] = {}
    rows_by_figures: dict[frozenset[str], list[_Row | None]] = {}
    words_before: list[int] | None = None
    digits: list[str] | None = None
    has_tables = any(b.table is not None for b in blocks)
    for key, spec in tables.items():
        tdef = packset.table_defs.get(key) or TableDef.of(key, spec)
        units = frozenset(to_halfwidth(u) for u in spec.get("unit_cells") or ())
        builder = _Builder(tdef, units)
        reading = _value_reading(tdef)
        figures = figures_by_reading.get(reading)
        if figures is None:
            if digits is None:
                # folding keeps a digit a digit (０ is one already) and makes none
                digits = [t for t in texts if _DIGIT.search(t)]
            figures = _figures(texts, digits, tdef)
            figures_by_reading[reading] = figures
        rows = rows_by_figures.get(figures)
        if rows is None:
            rows = rows_by_figures[figures] = _rows(tokens, figures, prose)
        # a table is rebuilt only where it takes text: where none of its
        # regions can, it is not built at all (what a reader gave stays).
        # Without a reader's table every word is text: nothing to rule out.
        if has_tables:
            if words_before is None:
                words_before = _text_counts(tokens)
            if not builder.reaches_text(rows, ids, words_before):
                continue
        for row in rows:  # the builder reads rows, never changes them
            builder.feed(row)
        builder.close()
        regions = [g for g in builder.regions if _whole_tables(g, tokens, ids)]
        if builder.ambiguous or not regions or len(regions) < len(builder.regions):
            continue
        placed = sum(len(r.cells) for g in regions for r in g.rows if r.rdef)
        # a table the reader made whole is left to it; only words it left as
        # lines of text are worth rebuilding, and only for at least as many cells
        if not any(_takes_text(g, tokens, ids) for g in regions) or (
            has_tables and placed < found.cells(key)  # without a reader's table: none found
        ):
            continue
        chosen.extend((region, tdef) for region in regions)
    if not chosen:
        return document
    return _replace(document, blocks, _disjoint(chosen))


def _is_text(token: Token) -> bool:
    """Words outside the reader's tables (lines a reader took for paragraphs or headings)."""
    return token.start >= 0 and token.text.strip("|") != ""  # a blank strips to "" too


def _takes_text(region: _Region, tokens: list[Token], ids: dict[int, int]) -> bool:
    """Whether a region holds words outside the reader's tables."""
    inside = tokens[ids[id(region.first)] : ids[id(region.last)] + 1]
    return any(_is_text(t) for t in inside)


def _text_counts(tokens: list[Token]) -> list[int]:
    """``out[i]``: how many of the first ``i`` tokens are words outside the reader's tables."""
    return [0, *accumulate(t.start >= 0 and t.text.strip("|") != "" for t in tokens)]


def _whole_tables(region: _Region, tokens: list[Token], ids: dict[int, int]) -> bool:
    """A region takes a reader's table whole or not at all: rows of it left
    outside would be lost with the table."""
    lo, hi = ids[id(region.first)], ids[id(region.last)]
    for edge, step in ((lo, -1), (hi, 1)):
        token = tokens[edge]
        if token.start >= 0:
            continue
        neighbour = edge + step
        if 0 <= neighbour < len(tokens) and tokens[neighbour].block == token.block:
            return False
    return True


def _order(token: Token) -> tuple[int, int]:
    return token.block, token.start


def _disjoint(chosen: list[tuple[_Region, TableDef]]) -> list[tuple[_Region, TableDef]]:
    """Regions in document order; where two overlap, the earlier-starting one wins."""
    chosen.sort(key=lambda rt: _order(rt[0].first))
    out: list[tuple[_Region, TableDef]] = []
    for region, tdef in chosen:
        if out and _order(region.first) <= _order(out[-1][0].last):
            continue
        out.append((region, tdef))
    return out


def _replace(
    document: Document, blocks: list[Block], regions: list[tuple[_Region, TableDef]]
) -> Document:
    """Each region's blocks give way to its table; text before or after a
    region within the same block (one long line) stays as it was.

    The regions are disjoint (``_disjoint``): a block strictly inside one is
    wholly its own and gives nothing, so only the blocks where a region starts
    or ends are cut, each by the regions standing in it."""
    new: list[Block] = []
    inside: set[int] = set()
    edges: dict[int, list[tuple[_Region, TableDef]]] = {}
    for region, tdef in regions:
        opens, closes = region.first.block, region.last.block
        inside.update(range(opens + 1, closes))
        edges.setdefault(opens, []).append((region, tdef))
        if closes != opens:
            edges.setdefault(closes, []).append((region, tdef))
    for position, block in enumerate(blocks):
        if position in inside:
            continue
        standing = edges.get(position)
        if standing is None:
            new.append(block)
            continue
        spans: list[tuple[int, int, tuple[_Region, TableDef] | None]] = []
        for region, tdef in standing:
            first, last = region.first, region.last
            start = first.start if first.block == position else 0
            end = last.end if last.block == position else len(block.text)
            if block.table is not None or start < 0 or end < 0:
                start, end = 0, len(block.text)
            spans.append((start, end, (region, tdef) if first.block == position else None))
        cursor = 0
        for start, end, opened in sorted(spans, key=lambda s: s[0]):
            if start > cursor and block.table is None:
                new.append(block.moved(block.index, block.text[cursor:start]))
            if opened is not None:
                region, tdef = opened
                table = replace(build_table(_grid(tdef, region.rows), 0), rebuilt=region.how)
                new.append(Block(BlockKind.TABLE, "", 0, line=block.line, table=table))
            cursor = max(cursor, end)
        if block.table is None and cursor < len(block.text):
            new.append(block.moved(block.index, block.text[cursor:]))
    return _renumber(document, new)


def _renumber(document: Document, blocks: list[Block]) -> Document:
    from checker.readers.blocks import table_text

    out: list[Block] = []
    n_tables = 0
    for block in blocks:
        text = block.text.strip()
        if block.table is not None:
            n_tables += 1
            table = replace(block.table, index=n_tables)
            out.append(block.moved(len(out) + 1, table_text(table), table=table))
        elif text:
            out.append(block.moved(len(out) + 1, text))
    return replace(document, blocks=tuple(out))


__all__ = ["Table", "rebuild_tables"]
