"""The JUnit writer gives the text ``xml.etree`` gives for the same tree, byte for byte,
whatever the paths, messages and reasons hold, and past its memory cap as below it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine import Engine
from checker.findings import Finding, Severity
from checker.i18n import Text
from checker.model import Location
from checker.postprocess import Policy, process
from checker.render import held, junit
from checker.render.safe import for_xml
from checker.results import FileResult, display_path
from cli_support import ROOT


def _etree_suite(result: FileResult, lang: str) -> str:
    """The suite as the writer once built it: an element tree, indented and serialised
    (the cases and the failure's words are the writer's own: what is compared is the markup)."""
    path = display_path(result.path)
    listed = junit.cases(result)  # which cases, and their words, are the writer's own
    suite = ET.Element("testsuite", name=for_xml(path))
    failures = skips = 0
    for rule_id, hits, why in listed:
        case = ET.SubElement(
            suite, "testcase", classname=for_xml(path), name=for_xml(f"{path}::{rule_id}")
        )
        if hits:
            failures += 1
            kind, first, body = junit.failure(result, hits, lang)  # the markup is the tree's
            failure = ET.SubElement(case, "failure", type=kind, message=first)
            failure.text = body
        elif why is not None:
            skips += 1
            ET.SubElement(case, "skipped", message=for_xml(why))
    for key, value in (("tests", len(listed)), ("failures", failures), ("errors", 0)):
        suite.set(key, str(value))
    suite.set("skipped", str(skips))
    ET.indent(suite, space="  ", level=1)
    return ET.tostring(suite, encoding="unicode")


TEXT = st.text(
    alphabet=st.sampled_from(list("ab报告<>&\"'\t\n\r\x00\x1b\u202e\u2028 ##[;:|/\\")), max_size=12
)


def _result(path: str, detail: str, reason: str, rules: dict[str, object]) -> FileResult:
    finding = Finding(
        rule="E001",
        severity=Severity.ERROR,
        category="input",
        location=Location(paragraph=1, section=(detail,)),
        args={"reason": Text(detail, detail), "code": "x", "detail": detail},
    )
    return FileResult(
        path=path,
        findings=[finding, replace(finding, location=Location(paragraph=2))],
        rules=rules,  # type: ignore[arg-type]
        applied=["E001", "C101", "D101"],
        not_evaluated=[("C101", reason)],
    )


@pytest.fixture(scope="module")
def rules() -> dict[str, object]:
    return dict(Engine().common().rules)


@settings(max_examples=150, deadline=None)
@given(path=TEXT, detail=TEXT, reason=TEXT)
def test_a_suite_is_what_etree_writes(
    rules: dict[str, object], path: str, detail: str, reason: str
) -> None:
    result = _result(path or "x", detail, reason, rules)
    for lang in ("zh", "en"):
        assert junit._suite(result, lang)[0] == _etree_suite(result, lang)


def test_real_reports_and_a_run_held_on_disk_give_the_same_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = Engine()
    results = [engine.check_path(str(p)) for p in sorted((ROOT / "samples").glob("*.txt"))]
    outcome = process(results, [Policy()] * len(results))
    for result in outcome.results:
        assert junit._suite(result, "zh")[0] == _etree_suite(result, "zh")
    in_memory = junit.render(outcome, "zh")
    monkeypatch.setattr(held, "IN_MEMORY", 1000)  # the suites go to a temporary file
    monkeypatch.setattr(held, "PIECE", 777)
    pieces = list(junit.chunks(outcome, "zh"))
    assert "".join(pieces) == in_memory and len(pieces) > 10
    root = ET.fromstring(in_memory.encode("utf-8"))
    assert int(root.get("tests", "0")) == sum(len(s) for s in root)
