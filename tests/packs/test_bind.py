"""Rules are bound to their pack set when it loads: the engine's plan, and specs
resolved against the set's table definitions (a name it lacks is a pack error)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker.checks import kind_for
from checker.checks.across import ACROSS_KINDS
from checker.checks.tables import BoundPresent, BoundSum, BoundValues
from checker.errors import RulePackError
from checker.rulepacks.loader import load_packset

SUM_RULE = """\
pack: mine
extends: edition2021
rules:
  - id: Z301
    kind: table-sum
    severity: error
    category: arithmetic
    table: {table}
    for_each: {{columns: all}}
    parts: [{{row: new}}, {{row: carried}}]
    total: [{{row: {total}}}]
    message: {{zh: '不符', en: 'off'}}
    basis: {{zh: 本省要求, en: a provincial rule}}
"""


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)


def test_the_plan_runs_every_per_report_rule_in_id_order_with_its_kind() -> None:
    packset = load_packset("edition2021")
    plan = packset.plan
    assert plan is not None
    ids = [rule.id for rule, _, _ in plan.here]
    assert ids == sorted(r.id for r in packset.rules.values() if r.kind not in ACROSS_KINDS)
    assert sorted(plan.across) == sorted(
        r.id for r in packset.rules.values() if r.kind in ACROSS_KINDS
    )
    for rule, check, _ in plan.here:
        assert check is kind_for(rule.kind).check, rule.id


def test_kinds_without_a_bind_get_the_spec_as_parsed() -> None:
    plan = load_packset("edition2021").plan
    assert plan is not None
    for rule, _, bound in plan.here:
        if not rule.kind.startswith("table-"):
            assert bound is rule.spec, rule.id


def test_table_rules_are_bound_to_the_sets_own_definitions() -> None:
    packset = load_packset("edition2021")
    assert packset.plan is not None
    bound = {rule.id: spec for rule, _, spec in packset.plan.here if rule.kind.startswith("table-")}
    assert bound
    for spec in bound.values():
        assert isinstance(spec, BoundPresent | BoundSum | BoundValues)
        assert spec.tdef is packset.table_defs[spec.spec.table]
    # the identity over every column of table 3: one instance per column,
    # each total and part a slot of that column
    t3 = packset.table_defs["t3"]
    sums = [
        s
        for s in bound.values()
        if isinstance(s, BoundSum) and s.spec.axis == "columns" and s.spec.keys is None
    ]
    assert sums
    first = sums[0]
    assert len(first.instances) == len(first.spec.variants) * len(t3.columns)
    name, totals, parts = first.instances[0]
    column = next(iter(t3.columns))
    assert name == t3.columns[column].name
    rows = [r for r, _ in first.spec.variants[0].total]
    assert totals == tuple(t3.slot(r or "", column) for r in rows)
    assert all(slot % len(t3.columns) == 0 for slot in totals + parts)


def test_a_kept_set_is_bound_again_and_never_keeps_its_plan(tmp_path: Path) -> None:
    first = load_packset("edition2021")
    again = load_packset("edition2021")  # from the kept entry
    assert again is not first and again.plan is not None
    assert [r.id for r, _, _ in again.plan.here] == [r.id for r, _, _ in first.plan.here]
    assert pickle.loads(pickle.dumps(again)).plan is None
    (entry,) = (tmp_path / "cache" / "packs").glob("set-*.pickle")
    assert b"check_sum" not in entry.read_bytes()


@pytest.mark.parametrize(
    ("table", "total", "named"),
    [("t9", "total", "table 't9'"), ("t3", "grand_total", "row 'grand_total'")],
)
def test_a_table_rule_naming_what_the_set_lacks_is_a_pack_error(
    tmp_path: Path, table: str, total: str, named: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(SUM_RULE.format(table=table, total=total), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_packset("edition2021", [str(path)])
    assert err.value.path == str(path)
    assert err.value.key == "Z301" and err.value.line == 4  # the rule's own line
    assert "Z301" in str(err.value) and named in str(err.value)


def test_a_user_table_rule_on_defined_rows_is_bound() -> None:
    path = Path("mine.yaml")
    path.write_text(SUM_RULE.format(table="t3", total="total"), encoding="utf-8")
    packset = load_packset("edition2021", [str(path)])
    assert packset.plan is not None
    (bound,) = [spec for rule, _, spec in packset.plan.here if rule.id == "Z301"]
    assert isinstance(bound, BoundSum)
    assert len(bound.instances) == len(packset.table_defs["t3"].columns)


def test_the_plan_names_the_cells_the_cross_report_rules_compare() -> None:
    from checker.checks.across import CarryOverSpec, InForceSpec

    packset = load_packset("edition2021")
    plan = packset.plan
    assert plan is not None
    assert list(plan.cells) == sorted(set(plan.cells))  # in order, each once
    specs = [rule.spec for rule in plan.across.values()]
    carried = [s for s in specs if isinstance(s, CarryOverSpec)]
    in_force = [s for s in specs if isinstance(s, InForceSpec)]
    assert carried and in_force  # the 2021 edition compares both kinds across years
    for s in carried:
        for column in s.columns:
            assert (s.table, s.earlier, column) in plan.cells
            assert (s.table, s.later, column) in plan.cells
    for s in in_force:
        for row in s.rows:
            assert {(s.table, row, c) for c in (s.valid, s.made, s.repealed)} <= set(plan.cells)

