"""SARIF from one walk over the files gives the log a walk for the rules and another
for the results gives: each result's ``ruleIndex`` put right once every file is read,
left out for a rule no file's table holds, however the held results are cut."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from checker.engine import Engine
from checker.findings import Finding, Severity
from checker.model import Location
from checker.postprocess import Policy, process
from checker.render import held, sarif
from checker.render.safe import json_chunks
from checker.render.words import pairs
from checker.results import FileResult, Outcome
from cli_support import ROOT


def _two_walks(outcome: Outcome, lang: str) -> str:
    """The log as it was written before: the rules from a first walk, the results
    from a second, each with its rule's place or without ``ruleIndex``."""
    found: dict[str, Any] = {}
    for result in outcome.results:
        for rule_id in sorted({f.rule for f in result.findings}):
            rule = result.rules.get(rule_id)
            if rule is not None and rule_id not in found:
                found[rule_id] = rule
    rules = dict(sorted(found.items()))
    index = {rule_id: i for i, rule_id in enumerate(rules)}
    results = []
    for r in outcome.results:
        for f, fp in pairs(r):
            item = sarif._result(r, f, fp, "", lang)
            del item["ruleIndex"]
            if f.rule in index:  # where it stood: after the related places
                item = {**item, "ruleIndex": index[f.rule]}
                if fp is not None:  # and before the fingerprint
                    item["partialFingerprints"] = item.pop("partialFingerprints")
            results.append(item)
    return "".join(json_chunks(sarif._log(rules, lang, results), commands=True, indent=2)) + "\n"


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    engine = Engine()
    paths = sorted((ROOT / "samples").glob("*defective*"))
    results = [engine.check_path(str(p)) for p in paths]
    assert sum(len(r.findings) for r in results) > 20
    stray = Finding(
        rule="Z999",  # in no rule table: its results carry no ruleIndex
        severity=Severity.WARNING,
        category="input",
        location=Location(paragraph=3),
        args={"reason": "x\x00y \u202e ##[z"},
    )
    first = results[0]
    results[0] = replace(first, findings=[*first.findings, stray])
    results.append(replace(first, path="last.txt", findings=[stray]))  # a stand-in ends it
    return process(results, [Policy()] * len(results))


@pytest.mark.parametrize("piece", [1, 7, 64, 1000, 1 << 16])
def test_one_walk_gives_the_log_of_two(
    outcome: Outcome, piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(held, "PIECE", piece)
    monkeypatch.setattr(held, "IN_MEMORY", 5000)  # the results go to a temporary file
    for lang in ("zh", "en"):
        pieces = list(sarif.chunks(outcome, lang))
        assert "".join(pieces) == _two_walks(outcome, lang)
    text = "".join(pieces)
    assert '"ruleId": "Z999"' in text and '"ruleIndex": "' not in text  # no stand-in left


def test_a_run_without_findings_has_empty_rules_and_results() -> None:
    clean = FileResult(path="a.txt", applied=["C101"])
    outcome = process([clean], [Policy()])
    text = "".join(sarif.chunks(outcome, "zh"))
    assert text == _two_walks(outcome, "zh")
    assert '"rules": []' in text and '"results": []' in text
