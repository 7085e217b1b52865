"""Every kind is registered once, in the typed shape, with its schema; and the
modules between packs and checks import in any order (no import circle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.checks import KINDS, kind_for
from checker.checks.base import Kind
from checker.resources import schemas_dir
from checker.rulepacks.loader import load_packset
from checker.rulepacks.pack import Rule


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_resolves_to_itself_with_a_schema(name: str) -> None:
    kind = kind_for(name)
    assert isinstance(kind, Kind)
    assert kind.name == name
    assert (schemas_dir() / kind.schema).is_file()


def test_every_kind_schema_belongs_to_a_kind() -> None:
    schemas = {p.name.removesuffix(".schema.json") for p in (schemas_dir() / "kinds").iterdir()}
    assert schemas - {"table-definition"} == set(KINDS)


def test_rules_carry_the_spec_their_kind_parsed() -> None:
    packset = load_packset("edition2021")
    for rule in packset.rules.values():
        assert isinstance(rule, Rule)
        assert not isinstance(rule.spec, dict), rule.id
    assert packset.table_defs.keys() == packset.tables.keys()


@pytest.mark.parametrize(
    "first",
    ["checker.extract.tables", "checker.checks.tables", "checker.rulepacks.loader", "checker.engine"],
)
def test_modules_import_in_any_order(first: str) -> None:
    src = Path(__file__).resolve().parents[2] / "src"
    code = f"import {first}; import checker.rulepacks.loader, checker.checks, checker.engine"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
