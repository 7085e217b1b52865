"""The prose pack validates, its schemas refuse mistakes, and the bundled reports stay clean."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from prose_helpers import prose_findings

from checker.batch import engine_for
from checker.engine import Options
from checker.rulepacks.validate import schema_errors

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "prose.yaml"
SAMPLES = ROOT / "samples"


def _pack() -> Any:
    return yaml.safe_load(PACK.read_text(encoding="utf-8"))


def test_the_pack_validates() -> None:
    assert schema_errors(_pack()) == []


def test_every_prose_rule_reads_the_same_vocabulary() -> None:
    rules = _pack()["rules"]
    assert {r["id"] for r in rules} == {f"P10{i}" for i in range(1, 9)}
    assert all(r["vocabulary"] == rules[0]["vocabulary"] for r in rules)


@pytest.mark.parametrize(
    ("mutate", "complaint"),
    [
        (lambda r: r["vocabulary"].update(catch_al=["其他"]), "catch_al"),
        (lambda r: r["vocabulary"].pop("units"), "units"),
        (lambda r: r.update(check="equal"), "equal"),
        (lambda r: r.pop("min_parts"), "min_parts"),
        (lambda r: r["vocabulary"]["labels"].update(min_chars=0), "0"),
        (lambda r: r["vocabulary"]["growth"].update(increase=[]), "increase"),
    ],
)
def test_the_schemas_refuse_mistakes(mutate: Any, complaint: str) -> None:
    pack = _pack()
    rule = copy.deepcopy(pack["rules"][0])
    mutate(rule)
    pack["rules"] = [rule]
    errors = schema_errors(pack)
    assert errors, "the mistake was accepted"
    assert any(complaint in message or complaint in map(str, path) for path, message in errors)


def test_share_needs_a_tolerance() -> None:
    pack = _pack()
    rule = next(r for r in pack["rules"] if r["kind"] == "share")
    del rule["tolerance"]
    pack["rules"] = [rule]
    assert schema_errors(pack)


# every sample but the one with shares and growth planted on purpose (tests/test_prose_sample.py)
REPORTS = sorted(
    p
    for p in SAMPLES.iterdir()
    if p.suffix in (".txt", ".md", ".html", ".docx")
    and not p.name.startswith("edition2021-2023-prose")
)


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_the_bundled_reports_raise_no_prose_finding(path: Path) -> None:
    result = engine_for(Options()).check_path(str(path))
    assert [f for f in result.findings if f.rule.startswith("P1")] == []
    assert [n for n in result.not_evaluated if n[0].startswith("P1")] == []


def test_the_seed_channel_sentence_is_reported_once_by_a101() -> None:
    result = engine_for(Options()).check_path(str(SAMPLES / "seed-2018-xinxiang.txt"))
    arithmetic = [f for f in result.findings if f.category == "arithmetic"]
    assert [f.rule for f in arithmetic] == ["A101"]


@pytest.mark.parametrize("rule", _pack()["rules"], ids=lambda r: r["id"])
def test_the_explained_examples_behave_as_explained(rule: dict[str, Any]) -> None:
    def fired(example: str) -> bool:
        text = example.replace("（另一段）", "\n\n")  # P106 compares paragraphs
        return any(f.rule == rule["id"] for f in prose_findings(text))

    assert not fired(rule["explain"]["pass"])
    assert fired(rule["explain"]["fail"])
