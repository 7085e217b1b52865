"""Statistics-table rules: the table is there, its identities hold, its cells are counts.

Identities are written in the pack as ``total`` and ``parts`` terms, each term
a row or a column of a defined table; ``for_each`` runs the identity over
columns (本列数据的勾稽关系) or rows (row totals), ``instances`` lists
explicit variants (the three groups of Table 4). Blank and "/" cells count as
zero here — the value rules report them — while words in a count cell make
that one instance unevaluable rather than wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checker.checks.base import BindError, Context, Kind
from checker.extract.report import search
from checker.extract.tables import CellValue, TableIndex, table_index
from checker.findings import Finding, Item, Severity
from checker.i18n import Text
from checker.labels import normalise_label
from checker.messages import word
from checker.model import Location
from checker.rulepacks.pack import LabelDef, PackSet, TableDef
from checker.rulepacks.params import Params

_ZERO = Decimal(0)
_FIGURE_ROW = re.compile(r"(?:^|\s)\d+(?:[ \t\u3000]+\d+){3,}\s*$")
_FIGURE_ROWS = 3
_WIDE_ROW = 10

Terms = tuple[tuple[str | None, str | None], ...]  # (row, column) keys; None: from for_each


@dataclass(frozen=True)
class PresentSpec:
    table: str
    rows: tuple[str, ...] | None  # None: every line of the definition the format prints
    columns: tuple[str, ...] | None
    columns_unless: frozenset[str]  # normalised labels of another edition's layout


@dataclass(frozen=True)
class Variant:
    name: Text | None
    total: Terms
    parts: Terms


@dataclass(frozen=True)
class SumSpec:
    table: str
    axis: str | None  # columns | rows: the identity runs over each; None: once
    keys: tuple[str, ...] | None  # the keys it runs over; None: all of the table's
    variants: tuple[Variant, ...]
    optional: bool


@dataclass(frozen=True)
class ValuesSpec:
    table: str
    statuses: frozenset[str]
    rows: tuple[str, ...] | None  # None: all
    columns: tuple[str, ...] | None
    aggregate: bool
    bodies: tuple[Any, ...]  # the rule applies only where the title matches one; (): always


Slots = tuple[int, ...]  # cells of one table, as ``TableDef.slot`` places them


@dataclass(frozen=True)
class BoundPresent:
    spec: PresentSpec
    tdef: TableDef
    rows: tuple[str, ...]  # the rows it requires
    columns: tuple[tuple[str, Slots], ...]  # the columns it requires, each with its cells
    text_columns: frozenset[str]  # column and row labels looked for in the text
    text_rows: frozenset[str]


@dataclass(frozen=True)
class BoundSum:
    spec: SumSpec
    tdef: TableDef
    instances: tuple[tuple[Text, Slots, Slots], ...]  # (name, total cells, part cells)


@dataclass(frozen=True)
class BoundValues:
    spec: ValuesSpec
    tdef: TableDef
    slots: Slots  # the cells it reads, row by row


def _definition(packset: PackSet, table: str) -> TableDef:
    tdef = packset.table_defs.get(table)
    if tdef is None:
        raise BindError(f"table {table!r} is not defined")
    return tdef


def _known(defs: dict[str, LabelDef], keys: Iterable[str], what: str, table: str) -> None:
    for key in keys:
        if key not in defs:
            raise BindError(f"table {table!r} defines no {what} {key!r}")


def bind_present(spec: PresentSpec, packset: PackSet) -> BoundPresent:
    tdef = _definition(packset, spec.table)
    rows = tuple(_required(tdef.rows, spec.rows))
    columns = tuple(_required(tdef.columns, spec.columns))
    _known(tdef.rows, rows, "row", spec.table)
    _known(tdef.columns, columns, "column", spec.table)
    return BoundPresent(
        spec,
        tdef,
        rows,
        tuple((c, _down(tdef, c)) for c in columns),
        frozenset(_long_first(tdef.columns)),
        frozenset(_long_first(tdef.rows)),
    )


def _down(tdef: TableDef, column: str) -> Slots:
    """The column's cells in every row."""
    width = len(tdef.column_at)
    return tuple(range(tdef.column_at[column], width * len(tdef.row_at), width))


def _long_first(defs: dict[str, LabelDef]) -> Iterator[str]:
    """Each definition's first label, when it is at least two characters."""
    return (d.labels[0] for d in defs.values() if d.labels and len(d.labels[0]) >= 2)


def parse_present(params: Params) -> PresentSpec:
    return PresentSpec(
        table=str(params["table"]),
        rows=_keys(params.get("rows") or ()),
        columns=_keys(params.get("columns") or ()),
        columns_unless=frozenset(normalise_label(x) for x in params.get("columns_unless") or ()),
    )


def _term_list(spec: list[dict[str, str]]) -> Terms:
    return tuple((t.get("row"), t.get("column")) for t in spec)


def parse_sum(params: Params) -> SumSpec:
    each: dict[str, Any] = params.get("for_each") or {}
    axis = "columns" if "columns" in each else "rows" if "rows" in each else None
    variants = params.get("instances") or [
        {"name": None, "total": params["total"], "parts": params["parts"]}
    ]
    return SumSpec(
        table=str(params["table"]),
        axis=axis,
        keys=None if axis is None or each[axis] == "all" else tuple(each[axis]),
        variants=tuple(
            Variant(
                Text.of(v["name"]) if v["name"] else None,
                _term_list(v["total"]),
                _term_list(v["parts"]),
            )
            for v in variants
        ),
        optional=bool(params.get("optional", False)),
    )


def _keys(value: Any) -> tuple[str, ...] | None:
    return None if value in (None, "all") else tuple(value)


def parse_values(params: Params) -> ValuesSpec:
    return ValuesSpec(
        table=str(params["table"]),
        statuses=frozenset(params["statuses"]),
        rows=_keys(params.get("rows", "all")),
        columns=_keys(params.get("columns", "all")),
        aggregate=bool(params.get("aggregate", False)),
        bodies=params.patterns("bodies"),
    )


def _bound_index(ctx: Context, tdef: TableDef) -> TableIndex:
    """The report's table index, which must read the definition the spec was bound to."""
    index = table_index(ctx.report)
    if index.defs.get(tdef.key) is not tdef:
        raise RuntimeError(f"rule {ctx.rule.id} was bound to another pack set's table {tdef.key}")
    return index


def _index(ctx: Context, tdef: TableDef) -> TableIndex | None:
    index = _bound_index(ctx, tdef)
    if not index.present(tdef.key):
        ctx.skip(f"table {tdef.key} not found")
        return None
    return index


def check_present(ctx: Context, bound: BoundPresent) -> Iterator[Finding]:
    spec, tdef = bound.spec, bound.tdef
    index = _bound_index(ctx, tdef)
    table = spec.table
    if not index.present(table):
        why = _unreadable(ctx, bound)
        # a table that may be there but cannot be read: say why, and do not call it an error
        yield ctx.finding(
            Location(),
            severity=Severity.WARNING if why is not None else None,
            table=tdef.title,
            missing=why or Text("", ""),
        )
        return
    missing: list[Text] = []
    for key in bound.rows:
        if not index.has_row(table, key):
            missing.append(tdef.rows[key].name)
    columns = bound.columns
    if _other_layout(index, table, spec.columns_unless):
        columns = ()  # another edition's columns stand there: the format rule says so, once
    labels = index.cell_labels(table)
    whole = not any(piece.table.ragged for piece in index.assigned[table])
    grid = index.grid(table)
    for key, slots in columns:
        cdef = tdef.columns[key]
        # a deleted column is told by its header where the grid is whole: figures
        # are placed by position only in a table that lost its spans
        absent = whole and cdef.group is None and not _named(labels, cdef.labels)
        if absent or all(grid[s] is None for s in slots):
            missing.append(cdef.name)
    if missing:
        first = index.assigned[table][0]
        yield ctx.finding(
            ctx.report.location(first.block),
            table=tdef.title,
            missing=Text(
                "（缺少：" + "、".join(m.zh for m in missing) + "）",
                " (missing: " + ", ".join(m.en for m in missing) + ")",
            ),
        )


def _named(texts: set[str], labels: tuple[str, ...]) -> bool:
    """Whether a cell carries one of a column's labels: as its whole text, or
    after the column's group (法人或其他组织—商业企业, as ``PieceLabels`` reads it)."""
    if not texts.isdisjoint(labels):
        return True
    return any(text.endswith(lbl) for lbl in labels if lbl for text in texts)


def _required(defs: dict[str, LabelDef], keys: tuple[str, ...] | None) -> list[str]:
    """None (``all``): every line of the definition the format prints, not a draft's subtotal."""
    if keys is None:
        return [k for k, d in defs.items() if not d.optional and not d.data_row]
    return list(keys)


def _other_layout(index: TableIndex, table: str, wanted: frozenset[str]) -> bool:
    return bool(wanted) and bool(wanted & index.cell_labels(table))


def _unreadable(ctx: Context, bound: BoundPresent) -> Text | None:
    """Why a table not found may stand in the document all the same: a picture, its
    labels as lines of text, or rows of figures laid out as text."""
    images = int(ctx.report.document.meta.get("images", "0") or 0)
    if images:
        return Text(
            f"（文档含{images}张图片，表格若以图片形式插入则无法核对，请改用文字表格）",
            f" (the document holds {images} picture(s); a table pasted as a picture"
            " cannot be checked: use a real table)",
        )
    if _labels_in_text(ctx, bound) >= max(4, bound.tdef.min_labels):
        return Text(
            "（正文中有该表的栏目文字，但不成表格，可能复制时丢失了表格结构，无法核对）",
            " (its labels are in the text but not as a table — the structure was"
            " probably lost when copying — so it cannot be checked)",
        )
    if _figure_rows(ctx) >= _FIGURE_ROWS:
        return Text(
            "（正文中有成行排列的数字，可能是复制时丢失了结构的表格，无法核对）",
            " (the text holds rows of figures, probably a table whose structure"
            " was lost when copying, so it cannot be checked)",
        )
    return None


def _figure_rows(ctx: Context) -> int:
    """Paragraphs ending in four or more figures apart: a table's rows laid out as text."""
    found = ctx.report.cache.get("tables:figure-rows")
    if found is None:
        rows = [m[0] for b in ctx.report.text_blocks() if (m := _FIGURE_ROW.search(b.text))]
        # a row of ten figures or more (Table 4's one row) is a table's on its own
        found = len(rows) + sum(_FIGURE_ROWS for r in rows if len(r.split()) >= _WIDE_ROW)
        ctx.report.cache["tables:figure-rows"] = found
    return int(found)


def _labels_in_text(ctx: Context, bound: BoundPresent) -> int:
    """How many of a table's labels stand in the text outside any table."""
    text = normalise_label(" ".join(ctx.report.norm[b.index] for b in ctx.report.text_blocks()))
    columns = bound.text_columns
    found_columns = sum(1 for label in columns if label in text)
    if not found_columns:  # row names like 规章 also occur in prose; a header does not
        return 0
    return found_columns + sum(1 for label in bound.text_rows - columns if label in text)


def bind_sum(spec: SumSpec, packset: PackSet) -> BoundSum:
    """(name, total cells, part cells) for each place the identity applies.

    ``for_each`` supplies the missing coordinate of every term; ``instances``
    lists variants, each run for every ``for_each`` value when both are given
    (a group's subtotal, in every column).
    """
    tdef = _definition(packset, spec.table)
    axis = spec.axis
    defs = tdef.columns if axis == "columns" else tdef.rows
    keys: list[str | None] = [None]  # the identity once, without ``for_each``
    if axis is not None:
        named = list(defs) if spec.keys is None else list(spec.keys)
        _known(defs, named, axis[:-1], spec.table)
        keys = list(named)
    instances = []
    for variant in spec.variants:
        label = variant.name
        for key in keys:
            if key is None:
                name = label or Text("", "")
            else:
                name = defs[key].name
                if label is not None:
                    name = Text(f"{label.zh}·{name.zh}", f"{label.en}, {name.en}")
            row, column = (None, key) if axis == "columns" else (key, None)
            totals = _slots(tdef, spec.table, variant.total, row, column)
            instances.append((name, totals, _slots(tdef, spec.table, variant.parts, row, column)))
    return BoundSum(spec, tdef, tuple(instances))


def _slots(tdef: TableDef, table: str, terms: Terms, row: str | None, column: str | None) -> Slots:
    """The terms' cells; a term's own row or column wins over the ``for_each`` one."""
    rows_at, columns_at = tdef.row_at, tdef.column_at
    width = len(columns_at)
    out = []
    for r, c in terms:
        r, c = r or row or "", c or column or ""
        if r not in rows_at:
            raise BindError(f"table {table!r} defines no row {r!r}")
        if c not in columns_at:
            raise BindError(f"table {table!r} defines no column {c!r}")
        out.append(rows_at[r] * width + columns_at[c])
    return tuple(out)


def _cells(grid: list[CellValue | None], slots: Slots) -> list[CellValue] | None:
    """The cells at the slots; None when one is missing or holds words."""
    out = []
    for slot in slots:
        cell = grid[slot]
        if cell is None or cell.status == "text":
            return None
        out.append(cell)
    return out


def _key(cell: CellValue) -> str:
    return cell.address


def _item(cell: CellValue) -> Item:
    name = Text(
        f"{cell.row_name.zh} / {cell.column_name.zh}", f"{cell.row_name.en} / {cell.column_name.en}"
    )
    return Item(name, cell.value if cell.value is not None else Decimal(0), cell.location)


def check_sum(ctx: Context, bound: BoundSum) -> Iterator[Finding]:
    spec = bound.spec
    index = _index(ctx, bound.tdef)
    if index is None:
        return
    grid = index.grid(spec.table)
    evaluated = 0
    for name, total_slots, part_slots in bound.instances:
        totals = _cells(grid, total_slots)
        if totals is None:
            continue
        parts = _cells(grid, part_slots)
        if parts is None:
            continue
        evaluated += 1
        reported = sum([c.value or _ZERO for c in totals], _ZERO)
        computed = sum([c.value or _ZERO for c in parts], _ZERO)
        if reported == computed:
            continue
        # the same cell may stand on both sides (rare); keep the equation exact
        equation = tuple((_key(c), 1) for c in totals) + tuple((_key(c), -1) for c in parts)
        yield ctx.finding(
            totals[0].location,
            expected=computed,
            actual=reported,
            items=[_item(c) for c in totals + parts],
            equation=equation,
            residual=reported - computed,
            where=name,
            total_text=_describe(totals),
            parts_text=_describe(parts),
            difference=abs(reported - computed),
        )
    if evaluated == 0 and not spec.optional:
        ctx.skip("no instance of the identity could be evaluated (rows or columns not found)")


def _describe(cells: list[CellValue]) -> Text:
    def fmt(c: CellValue, lang: str) -> str:
        shown = c.text.strip() or word("value.blank", lang)
        row = c.row_name.get(lang)
        col = c.column_name.get(lang)
        return f"{row}/{col} {shown}" if lang == "en" else f"{row}/{col}{shown}"

    return Text("＋".join(fmt(c, "zh") for c in cells), " + ".join(fmt(c, "en") for c in cells))


def bind_values(spec: ValuesSpec, packset: PackSet) -> BoundValues:
    tdef = _definition(packset, spec.table)
    rows = list(tdef.rows) if spec.rows is None else spec.rows
    columns = list(tdef.columns) if spec.columns is None else spec.columns
    _known(tdef.rows, rows, "row", spec.table)
    _known(tdef.columns, columns, "column", spec.table)
    width = len(tdef.column_at)
    starts = [tdef.row_at[r] * width for r in rows]
    at = [tdef.column_at[c] for c in columns]
    return BoundValues(spec, tdef, tuple(start + c for start in starts for c in at))


def check_values(ctx: Context, bound: BoundValues) -> Iterator[Finding]:
    """Cells where a count belongs that hold a blank, a slash, words, a negative or a fraction.

    With ``aggregate``, all such cells of the table make one finding: a real
    report that leaves every empty count blank would otherwise drown its
    other findings in a hundred identical ones.
    """
    spec, tdef = bound.spec, bound.tdef
    index = _index(ctx, tdef)
    if index is None:
        return
    if spec.bodies and not _body_matches(ctx, spec.bodies):
        return  # a figure only some bodies may report: this one may
    flagged = spec.statuses
    bad: list[CellValue] = []
    for cell, status in _distinct_cells(index, bound):
        if status in flagged or ("nonzero" in flagged and status == "number" and cell.value):
            bad.append(cell)
    if not bad:
        return
    if spec.aggregate:
        shown = bad[:3]
        more = len(bad) - len(shown)
        yield ctx.finding(
            bad[0].location,
            table=tdef.title,
            count=len(bad),
            cells=Text(
                "、".join(_name(c).zh for c in shown) + (f"等{len(bad)}处" if more else ""),
                ", ".join(_name(c).en for c in shown) + (f" and {more} more" if more else ""),
            ),
            items=[_item(c) for c in bad],
        )
        return
    for cell in bad:
        yield ctx.finding(
            cell.location,
            cell=_name(cell),
            value=cell.text.strip() or Text("（空白）", "(blank)"),
            status=cell.judged,
            snippet=cell.text,
        )


def _distinct_cells(index: TableIndex, bound: BoundValues) -> list[tuple[CellValue, str]]:
    """The cells found at the rule's slots, each grid cell once, with its status:
    the value rules of one table read them alike (kept per table and cells)."""
    spec = bound.spec
    memo: dict[tuple[object, ...], list[tuple[CellValue, str]]] = index.memo
    key = ("distinct", spec.table, spec.rows, spec.columns)
    found = memo.get(key)
    if found is None:
        grid = index.grid(spec.table)
        seen: set[int] = set()
        found = memo[key] = []
        for slot in bound.slots:
            cell = grid[slot]
            if cell is None or cell.origin in seen:
                continue
            seen.add(cell.origin)
            found.append((cell, cell.judged))
    return found


def _body_matches(ctx: Context, patterns: tuple[Any, ...]) -> bool:
    """Whether the report's title (else its opening lines) names such a body."""
    report = ctx.report
    blocks = [report.title] if report.title is not None else report.text_blocks()[:3]
    return any(search(p, report.norm[b.index]) for b in blocks for p in patterns)


def _name(cell: CellValue) -> Text:
    return Text(
        f"{cell.row_name.zh} / {cell.column_name.zh}", f"{cell.row_name.en} / {cell.column_name.en}"
    )


TABLE_PRESENT = Kind("table-present", parse_present, check_present, bind=bind_present)
TABLE_SUM = Kind("table-sum", parse_sum, check_sum, bind=bind_sum)
TABLE_VALUES = Kind("table-values", parse_values, check_values, bind=bind_values)
