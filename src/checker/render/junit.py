"""JUnit XML: one test case per file and rule, passing ones included.

GitLab and Jenkins show a test report as a list of cases; listing the rules a
file passed, not only the failures, shows what was checked. Case names are
``path::rule`` (unique in the report). A rule that could not be evaluated is
a skipped case with its reason: never a silent pass.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
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


def render(outcome: Outcome, lang: str) -> str:
    root = ET.Element("testsuites", name="checker")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in outcome.results:
        suite = _suite(result, lang)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
