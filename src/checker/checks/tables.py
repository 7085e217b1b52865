"""Statistics-table rules: the table is there, its identities hold, its cells are counts.

Identities are written in the pack as ``total`` and ``parts`` terms, each term
a row or a column of a defined table; ``for_each`` runs the identity over
columns (本列数据的勾稽关系) or rows (row totals), ``instances`` lists
explicit variants (the three groups of Table 4). Blank and "/" cells count as
zero here — the value rules report them — while words in a count cell make
that one instance unevaluable rather than wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checker.checks.base import Context, Kind
from checker.extract.report import search
from checker.extract.tables import CellValue, TableIndex, table_index
from checker.findings import Finding, Item, Severity
from checker.i18n import Text
from checker.labels import normalise_label
from checker.messages import word
from checker.model import Location
from checker.rulepacks.pack import LabelDef, TableDef
from checker.rulepacks.params import Params

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


def _index(ctx: Context, table: str) -> TableIndex | None:
    index = table_index(ctx.report)
    if not index.present(table):
        ctx.skip(f"table {table} not found")
        return None
    return index


def check_present(ctx: Context, spec: PresentSpec) -> Iterator[Finding]:
    index = table_index(ctx.report)
    table = spec.table
    tdef = index.defs[table]
    if not index.present(table):
        images = int(ctx.report.document.meta.get("images", "0") or 0)
        if images:  # the table may be a picture: say so, and do not call it an error
            yield ctx.finding(
                Location(),
                severity=Severity.WARNING,
                table=tdef.title,
                missing=Text(
                    f"（文档含{images}张图片，表格若以图片形式插入则无法核对，请改用文字表格）",
                    f" (the document holds {images} picture(s); a table pasted as a picture"
                    " cannot be checked: use a real table)",
                ),
            )
            return
        if _labels_in_text(ctx, index, table) >= max(4, tdef.min_labels):
            yield ctx.finding(
                Location(),
                severity=Severity.WARNING,
                table=tdef.title,
                missing=Text(
                    "（正文中有该表的栏目文字，但不成表格，可能复制时丢失了表格结构，无法核对）",
                    " (its labels are in the text but not as a table — the structure was"
                    " probably lost when copying — so it cannot be checked)",
                ),
            )
            return
        yield ctx.finding(Location(), table=tdef.title, missing=Text("", ""))
        return
    missing: list[Text] = []
    for key in _required(tdef.rows, spec.rows):
        if not index.has_row(table, key):
            missing.append(tdef.rows[key].name)
    columns = _required(tdef.columns, spec.columns)
    if _other_layout(index, table, spec.columns_unless):
        columns = []  # another edition's columns stand there: the format rule says so, once
    labels = index.cell_labels(table)
    whole = not any(piece.table.ragged for piece in index.assigned[table])
    for key in columns:
        cdef = tdef.columns[key]
        # a deleted column is told by its header where the grid is whole: figures
        # are placed by position only in a table that lost its spans
        absent = whole and cdef.group is None and not (set(cdef.labels) & labels)
        if absent or not any(index.cell(table, r, key) is not None for r in tdef.rows):
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


def _required(defs: dict[str, LabelDef], keys: tuple[str, ...] | None) -> list[str]:
    """None (``all``): every line of the definition the format prints, not a draft's subtotal."""
    if keys is None:
        return [k for k, d in defs.items() if not d.optional and not d.data_row]
    return list(keys)


def _other_layout(index: TableIndex, table: str, wanted: frozenset[str]) -> bool:
    return bool(wanted) and bool(wanted & index.cell_labels(table))


def _labels_in_text(ctx: Context, index: TableIndex, table: str) -> int:
    """How many of a table's labels stand in the text outside any table."""
    text = normalise_label(" ".join(ctx.report.norm[b.index] for b in ctx.report.text_blocks()))
    tdef = index.defs[table]
    columns = {d.labels[0] for d in tdef.columns.values() if d.labels and len(d.labels[0]) >= 2}
    rows = {d.labels[0] for d in tdef.rows.values() if d.labels and len(d.labels[0]) >= 2}
    found_columns = sum(1 for label in columns if label in text)
    if not found_columns:  # row names like 规章 also occur in prose; a header does not
        return 0
    return found_columns + sum(1 for label in rows - columns if label in text)


def _terms(
    table: str, terms: Terms, row: str | None, column: str | None
) -> tuple[tuple[str, str, str], ...]:
    return tuple((table, r or row or "", c or column or "") for r, c in terms)


Instance = tuple[Text, tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]
# per rule spec, its instances: they depend only on the spec and its table's definition,
# which a pack set keeps for the whole run (the spec and definition are kept to check identity)
_INSTANCES: dict[int, tuple[SumSpec, object, tuple[Instance, ...]]] = {}


def _instances(spec: SumSpec, index: TableIndex) -> tuple[Instance, ...]:
    """(name, total cells, part cells) for each place the identity applies.

    ``for_each`` supplies the missing coordinate of every term; ``instances``
    lists variants, each run for every ``for_each`` value when both are given
    (a group's subtotal, in every column).
    """
    tdef = index.defs[spec.table]
    kept = _INSTANCES.get(id(spec))
    if kept is not None and kept[0] is spec and kept[1] is tdef:
        return kept[2]
    found = tuple(_each_instance(spec, tdef))
    if len(_INSTANCES) > 4096:  # pack sets loaded again and again (tests): start afresh
        _INSTANCES.clear()
    _INSTANCES[id(spec)] = (spec, tdef, found)
    return found


def _each_instance(spec: SumSpec, tdef: TableDef) -> Iterator[Instance]:
    table = spec.table
    axis = spec.axis
    for variant in spec.variants:
        label = variant.name
        if axis is None:
            yield (
                label or Text("", ""),
                _terms(table, variant.total, None, None),
                _terms(table, variant.parts, None, None),
            )
            continue
        defs = tdef.columns if axis == "columns" else tdef.rows
        keys = list(defs) if spec.keys is None else spec.keys
        for key in keys:
            name = defs[key].name
            if label is not None:
                name = Text(f"{label.zh}·{name.zh}", f"{label.en}, {name.en}")
            row, column = (None, key) if axis == "columns" else (key, None)
            yield (
                name,
                _terms(table, variant.total, row, column),
                _terms(table, variant.parts, row, column),
            )


def _cells(index: TableIndex, terms: tuple[tuple[str, str, str], ...]) -> list[CellValue] | None:
    out = []
    cell_at = index.cell_at
    for key in terms:
        cell = cell_at(key)
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


def check_sum(ctx: Context, spec: SumSpec) -> Iterator[Finding]:
    table = spec.table
    index = _index(ctx, table)
    if index is None:
        return
    evaluated = 0
    for name, total_terms, part_terms in _instances(spec, index):
        totals = _cells(index, total_terms)
        parts = _cells(index, part_terms)
        if totals is None or parts is None:
            continue
        evaluated += 1
        reported = sum((c.value or Decimal(0) for c in totals), Decimal(0))
        computed = sum((c.value or Decimal(0) for c in parts), Decimal(0))
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


def check_values(ctx: Context, spec: ValuesSpec) -> Iterator[Finding]:
    """Cells where a count belongs that hold a blank, a slash, words, a negative or a fraction.

    With ``aggregate``, all such cells of the table make one finding: a real
    report that leaves every empty count blank would otherwise drown its
    other findings in a hundred identical ones.
    """
    table = spec.table
    index = _index(ctx, table)
    if index is None:
        return
    tdef = index.defs[table]
    if spec.bodies and not _body_matches(ctx, spec.bodies):
        return  # a figure only some bodies may report: this one may
    flagged = spec.statuses
    bad: list[CellValue] = []
    for cell, status in _distinct_cells(index, table, spec.rows, spec.columns):
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
            status=_status(cell),
            snippet=cell.text,
        )


def _distinct_cells(
    index: TableIndex, table: str, rows: tuple[str, ...] | None, columns: tuple[str, ...] | None
) -> list[tuple[CellValue, str]]:
    """The cells found at the rows and columns (all where None), each grid cell
    once, with its status: the value rules of one table read them alike."""
    memo: dict[tuple[object, ...], list[tuple[CellValue, str]]] = index.memo
    key = ("distinct", table, rows, columns)
    found = memo.get(key)
    if found is None:
        tdef = index.defs[table]
        row_keys = list(tdef.rows) if rows is None else rows
        col_keys = list(tdef.columns) if columns is None else columns
        seen: set[str] = set()
        found = memo[key] = []
        for r in row_keys:
            for c in col_keys:
                cell = index.cell(table, r, c)
                if cell is None:
                    continue
                address = _key(cell)
                if address in seen:
                    continue
                seen.add(address)
                found.append((cell, _status(cell)))
    return found


def _body_matches(ctx: Context, patterns: tuple[Any, ...]) -> bool:
    """Whether the report's title (else its opening lines) names such a body."""
    report = ctx.report
    blocks = [report.title] if report.title is not None else report.text_blocks()[:3]
    return any(search(p, report.norm[b.index]) for b in blocks for p in patterns)


def _status(cell: CellValue) -> str:
    if cell.status == "number" and cell.value is not None:
        if cell.value < 0:
            return "negative"
        if cell.value != cell.value.to_integral_value():
            return "fraction"
    return cell.status


def _name(cell: CellValue) -> Text:
    return Text(
        f"{cell.row_name.zh} / {cell.column_name.zh}", f"{cell.row_name.en} / {cell.column_name.en}"
    )


TABLE_PRESENT = Kind("table-present", parse_present, check_present)
TABLE_SUM = Kind("table-sum", parse_sum, check_sum)
TABLE_VALUES = Kind("table-values", parse_values, check_values)
