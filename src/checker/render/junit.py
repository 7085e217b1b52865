"""JUnit XML: one test case per file and rule, passing ones included.

GitLab and Jenkins show a test report as a list of cases; listing the rules a
file passed, not only the failures, shows what was checked. Case names are
``path::rule`` (unique in the report). A rule that could not be evaluated is
a skipped case with its reason: never a silent pass.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.render.safe import for_xml, one_line
from checker.render.words import SEVERITY_WORDS, place
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome


def _suite(result: FileResult, lang: str) -> ET.Element:
    path = display_path(result.path)
    by_rule: dict[str, list[int]] = {}
    for i, f in enumerate(result.findings):
        by_rule.setdefault(f.rule, []).append(i)
    skipped = dict(result.not_evaluated)
    rule_ids = sorted(set(result.applied) | set(by_rule))
    suite = ET.Element("testsuite", name=for_xml(path))
    failures = skips = 0
    words = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    for rule_id in rule_ids:
        case = ET.SubElement(
            suite, "testcase", classname=for_xml(path), name=for_xml(f"{path}::{rule_id}")
        )
        hits = [result.findings[i] for i in by_rule.get(rule_id, [])]
        if hits:
            failures += 1
            worst = max(hits, key=lambda f: f.severity.rank)
            body = "\n".join(
                f"{place(result, f, lang)}: [{words[f.severity.value]}] "
                + one_line(message(result, f, lang))
                for f in hits
            )
            failure = ET.SubElement(
                case,
                "failure",
                type=worst.severity.value,
                message=for_xml(message(result, hits[0], lang)),
            )
            failure.text = for_xml(body)
        elif rule_id in skipped:
            skips += 1
            ET.SubElement(case, "skipped", message=for_xml(skipped[rule_id]))
    suite.set("tests", str(len(rule_ids)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skips))
    return suite


def _tally(result: FileResult) -> tuple[int, int, int]:
    """(tests, failures, skipped) of a file's suite, without building it."""
    failed = {f.rule for f in result.findings}
    rule_ids = set(result.applied) | failed
    skipped = {rule_id for rule_id, _ in result.not_evaluated} & rule_ids
    return len(rule_ids), len(failed), len(skipped - failed)


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The report in pieces: the totals take one walk over the files, then one piece
    per suite, serialised and indented as it would be inside the whole tree."""
    tests = failures = skipped = 0
    for result in outcome.results:
        t, f, s = _tally(result)
        tests, failures, skipped = tests + t, failures + f, skipped + s
    root = ET.Element("testsuites", name="checker")
    for key, value in (
        ("tests", tests),
        ("failures", failures),
        ("errors", 0),
        ("skipped", skipped),
    ):
        root.set(key, str(value))
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    if not outcome.results:
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    empty = ET.tostring(root, encoding="unicode")  # <testsuites … />
    yield empty[: -len(" />")] + ">"
    for result in outcome.results:
        suite = _suite(result, lang)
        ET.indent(suite, space="  ", level=1)
        yield "\n  " + ET.tostring(suite, encoding="unicode")
    yield "\n</testsuites>\n"
