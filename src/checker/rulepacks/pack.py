"""What a loaded pack is made of: rules with their typed specs, facts, table definitions.

Plain data, importable by the extractors and the checks without the loader
(which imports the check kinds to parse each rule: no circle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regex

from checker.findings import Severity
from checker.i18n import Text
from checker.labels import normalise_label
from checker.numbers import to_halfwidth


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    category: str
    message: Text
    basis: Text
    explain: dict[str, str]
    spec: Any  # the kind's typed parameters, parsed once at load
    pack: str
    source: str
    line: int | None
    applies_to: str = "all"


@dataclass(frozen=True)
class FactDef:
    name: str
    label: Text
    unit: str | None
    patterns: list[Any]
    table: str | None = None
    row: str | None = None
    column: str | None = None
    # patterns that state the figure in words ("未收到申请"): the value they mean
    none_patterns: list[Any] = field(default_factory=list)
    none_value: Decimal = Decimal(0)
    screen: Any = None  # ``patterns`` as one screen (rulepacks.patterns.screen); None: none


@dataclass(frozen=True)
class LabelDef:
    key: str
    labels: tuple[str, ...]  # normalised label and aliases
    group: str | None  # normalised group label, when the label repeats
    name: Text  # how findings name it
    data_row: bool = False  # the table's data row has no label (Table 4)
    optional: bool = False  # a line the format does not print (a draft's own subtotal)

    @classmethod
    def of(cls, key: str, spec: dict[str, Any]) -> LabelDef:
        labels = [spec.get("label", ""), *list(spec.get("aliases") or [])]
        zh = spec.get("label") or key
        return cls(
            key=key,
            labels=tuple(normalise_label(lbl) for lbl in labels if lbl),
            group=normalise_label(spec["group"]) if spec.get("group") else None,
            name=Text(spec.get("name_zh", zh), spec.get("en", key)),
            data_row=bool(spec.get("data_row", False)),
            optional=bool(spec.get("optional", False)),
        )


@dataclass
class TableDef:
    key: str
    title: Text
    rows: dict[str, LabelDef]
    columns: dict[str, LabelDef]
    zero_marks: tuple[str, ...]
    nothing_marks: frozenset[str]  # read as 0 but reported (blank-like: "/", 无)
    count_unit: Any  # a unit after a figure ("12件"), compiled; None when the pack names none
    min_labels: int
    right_aligned: tuple[str, ...]  # data columns in order at the right edge of every data row
    # the layout a table index keeps its cells in: row-major slots, in definition order
    row_at: dict[str, int] = field(init=False, repr=False, compare=False)
    column_at: dict[str, int] = field(init=False, repr=False, compare=False)
    # each row's and column's labels, for scoring a document table against the definition
    label_sets: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.row_at = {k: i for i, k in enumerate(self.rows)}
        self.column_at = {k: i for i, k in enumerate(self.columns)}
        self.label_sets = tuple(
            d.labels for d in (*self.rows.values(), *self.columns.values()) if d.labels
        )

    def slot(self, row: str, column: str) -> int:
        """Where the cell at a row and a column key stands in a table index's grid."""
        return self.row_at[row] * len(self.column_at) + self.column_at[column]

    @classmethod
    def of(cls, key: str, spec: dict[str, Any]) -> TableDef:
        return cls(
            right_aligned=tuple(spec.get("right_aligned") or ()),
            key=key,
            title=Text.of(spec.get("title") or {"zh": key, "en": key}),
            rows={k: LabelDef.of(k, v) for k, v in (spec.get("rows") or {}).items()},
            columns={k: LabelDef.of(k, v) for k, v in (spec.get("columns") or {}).items()},
            zero_marks=tuple(spec.get("zero_marks") or ()),
            nothing_marks=frozenset(to_halfwidth(m) for m in spec.get("nothing_marks") or ()),
            count_unit=unit_pattern(spec.get("count_units") or ()),
            min_labels=int(spec.get("min_labels", 3)),
        )


@dataclass(frozen=True, eq=False)  # one per pack set: compared and hashed by identity
class Figures:
    """What the pack's tables write in a cell for a figure besides a bare number:
    a mark (—, /, 无) or a number with its unit (37件). A row of them is a row of
    figures, not a header (as a 规章 line filled with "/" by a body that makes no rules)."""

    marks: frozenset[str]  # folded
    units: Any  # compiled: a unit after a number, to take off; None when the pack names none
    # every row label the tables define, normalised: a row of blank cells under one
    # of them is a row left empty, not a header
    row_labels: frozenset[str] = frozenset()
    column_labels: frozenset[str] = frozenset()  # and the columns' (总计 is both)

    @classmethod
    def of(cls, tables: dict[str, dict[str, Any]], defs: Iterable[TableDef] = ()) -> Figures:
        defs = list(defs)
        labels = frozenset(
            lbl for tdef in defs for rdef in tdef.rows.values() for lbl in rdef.labels
        )
        columns = frozenset(
            lbl for tdef in defs for cdef in tdef.columns.values() for lbl in cdef.labels
        )
        marks = {
            to_halfwidth(m).strip()
            for spec in tables.values()
            for m in (*(spec.get("zero_marks") or ()), *(spec.get("nothing_marks") or ()))
        }
        marks.discard("")
        words = sorted({u for spec in tables.values() for u in spec.get("count_units") or ()})
        return cls(frozenset(marks), unit_pattern(words), labels, columns)


def unit_pattern(words: Iterable[str]) -> Any:
    """A unit after a number ("12件"), compiled, to take off; None without units."""
    words = list(words)
    if not words:
        return None
    return regex.compile(r"(?<=\d)\s*(?:" + "|".join(map(regex.escape, words)) + ")$")


NO_FIGURES = Figures(frozenset(), None)  # a pack set's before it loads its tables


CheckFn = Callable[[Any, Any], Iterable[Any]]  # a kind's check: (Context, bound spec) -> findings


@dataclass(frozen=True)
class Plan:
    """A pack set's rules as the engine runs them, fixed once when the set loads."""

    # per report, in ID order: the rule, its kind's check, its spec bound to this set
    here: tuple[tuple[Rule, CheckFn, Any], ...]
    across: dict[str, Rule]  # judged once every report is read (checker.across)
    # the table cells (table, row, column) those rules compare, noted in each summary
    cells: tuple[tuple[str, str, str], ...] = ()


@dataclass
class PackSet:
    """The merged result of an edition's pack chain plus any user packs."""

    name: str
    files: list[str] = field(default_factory=list)
    document: dict[str, list[Any]] = field(default_factory=dict)
    screens: dict[str, Any] = field(default_factory=dict)  # each ``document`` list as one
    deadline: dict[str, str] = field(default_factory=dict)
    signatures: list[str] = field(default_factory=list)
    outline: dict[str, list[Any]] = field(default_factory=dict)
    facts: dict[str, FactDef] = field(default_factory=dict)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)  # as merged from the packs
    table_defs: dict[str, TableDef] = field(default_factory=dict)  # built from ``tables``
    figures: Figures = NO_FIGURES  # what its tables write for a figure, also from ``tables``
    rules: dict[str, Rule] = field(default_factory=dict)
    title: Text = field(default_factory=lambda: Text("", ""))
    across: dict[str, Any] = field(default_factory=dict)  # reading reports for cross-report rules
    # made by ``loader.bind`` in each process that loads the set: never pickled (it holds
    # the kinds' functions, which a kept set may not name)
    plan: Plan | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "plan": None}

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[k] for k in sorted(self.rules)]
