"""The cross-report kinds: their specs, parsed at pack load like every kind's.

They judge nothing on one report (``check`` yields nothing); the
cross-report stage (``checker.across.stage``) reads their specs once every
file of a run has been checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.checks.base import Kind, NoSpec, no_check, no_params
from checker.rulepacks.params import Params

if TYPE_CHECKING:
    from checker.rulepacks.pack import Rule


@dataclass(frozen=True)
class CarryOverSpec:
    table: str
    earlier: str  # the row of last year's table
    later: str  # the row of this year's
    columns: tuple[str, ...]


@dataclass(frozen=True)
class InForceSpec:
    table: str
    rows: tuple[str, ...]
    valid: str
    made: str
    repealed: str


@dataclass(frozen=True)
class CopiedSpec:
    threshold: float  # estimated Jaccard similarity from which texts count as copied
    min_chars: int  # masked characters both texts need
    bands: int = 0  # LSH bands (copies across bodies only)


@dataclass(frozen=True)
class CellRef:
    table: str
    row: str
    column: str


@dataclass(frozen=True)
class HierarchySpec:
    government_suffixes: tuple[str, ...]
    cells: tuple[CellRef, ...] = ()


def _carry_over(params: Params) -> CarryOverSpec:
    return CarryOverSpec(
        params["table"], params["earlier"], params["later"], tuple(params["columns"])
    )


def _in_force(params: Params) -> InForceSpec:
    return InForceSpec(
        params["table"], tuple(params["rows"]), params["valid"], params["made"], params["repealed"]
    )


def _copied(least: int) -> Callable[[Params], CopiedSpec]:
    def parse(params: Params) -> CopiedSpec:
        return CopiedSpec(
            float(params["threshold"]),
            int(params.get("min_chars", least)),
            int(params.get("bands", 0)),
        )

    return parse


def _hierarchy(params: Params) -> HierarchySpec:
    cells = tuple(CellRef(c["table"], c["row"], c["column"]) for c in params.get("cells") or ())
    return HierarchySpec(tuple(params["government_suffixes"]), cells)


CARRY_OVER = Kind("carry-over", _carry_over, no_check)
IN_FORCE = Kind("in-force", _in_force, no_check)
COPIED_SECTION = Kind("copied-section", _copied(80), no_check)
COPIED_REPORT = Kind("copied-report", _copied(300), no_check)
COPIED_ACROSS = Kind("copied-across", _copied(300), no_check)
HIERARCHY_SUM = Kind("hierarchy-sum", _hierarchy, no_check)
HIERARCHY_COVERAGE = Kind("hierarchy-coverage", _hierarchy, no_check)
SAME_REPORT_TWICE = Kind("same-report-twice", no_params, no_check)

ACROSS_KINDS = frozenset(
    k.name
    for k in (
        CARRY_OVER,
        IN_FORCE,
        COPIED_SECTION,
        COPIED_REPORT,
        COPIED_ACROSS,
        HIERARCHY_SUM,
        HIERARCHY_COVERAGE,
        SAME_REPORT_TWICE,
    )
)
__all__ = ["ACROSS_KINDS", "NoSpec"]


def cells_read(rules: Iterable[Rule]) -> tuple[tuple[str, str, str], ...]:
    """The table cells (table, row, column) these rules compare across reports, from
    either year, in order: each report's summary notes these and no others."""
    out: set[tuple[str, str, str]] = set()
    for rule in rules:
        spec = rule.spec
        if isinstance(spec, CarryOverSpec):
            for column in spec.columns:
                out.add((spec.table, spec.earlier, column))
                out.add((spec.table, spec.later, column))
        elif isinstance(spec, InForceSpec):
            for row in spec.rows:
                for column in (spec.valid, spec.made, spec.repealed):
                    out.add((spec.table, row, column))
        elif isinstance(spec, HierarchySpec):
            out.update((c.table, c.row, c.column) for c in spec.cells)
    return tuple(sorted(out))
