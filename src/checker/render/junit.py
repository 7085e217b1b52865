"""JUnit XML: one test case per file and rule, passing ones included.

GitLab and Jenkins show a test report as a list of cases; listing the rules a
file passed, not only the failures, shows what was checked. Case names are
``path::rule`` (unique in the report). A rule that could not be evaluated is
a skipped case with its reason: never a silent pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.findings import Finding
from checker.render.held import holding, pieces
from checker.render.safe import for_xml, one_line
from checker.render.words import SEVERITY_WORDS, place
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome


def _text(text: str) -> str:
    """Character data escaped as ``xml.etree`` escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    """An attribute value escaped as ``xml.etree`` escapes it."""
    text = _text(text).replace('"', "&quot;")
    if "\r" in text or "\n" in text or "\t" in text:
        text = text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
    return text


def failure(result: FileResult, hits: list[Finding], lang: str) -> tuple[str, str, str]:
    """A failed case's type (its worst severity), message (its first finding's) and
    text (a line per finding), each as XML can hold it, before markup escaping."""
    words = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    worst = max(hits, key=lambda f: f.severity.rank)
    body = "\n".join(
        f"{place(result, f, lang)}: [{words[f.severity.value]}] "
        + one_line(message(result, f, lang))
        for f in hits
    )
    return worst.severity.value, for_xml(message(result, hits[0], lang)), for_xml(body)


def cases(result: FileResult) -> list[tuple[str, list[Finding], str | None]]:
    """A file's test cases, one per rule it ran or found, in ID order: the rule, its
    findings and, for a rule not evaluated, why (None otherwise)."""
    by_rule: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    skipped = dict(result.not_evaluated)
    return [
        (rule_id, by_rule.get(rule_id, []), skipped.get(rule_id))
        for rule_id in sorted(set(result.applied) | set(by_rule))
    ]


def _suite(result: FileResult, lang: str) -> tuple[str, int, int, int]:
    """A file's suite as ``xml.etree`` writes it indented at level 1 (the tree is not
    built: a suite is a flat list of cases), and its tests, failures and skips."""
    path = display_path(result.path)
    name = _attr(for_xml(path))
    failures = skips = 0
    found: list[str] = []
    listed = cases(result)
    for rule_id, hits, why in listed:
        head = f'<testcase classname="{name}" name="{_attr(for_xml(f"{path}::{rule_id}"))}"'
        if hits:
            failures += 1
            kind, first, body = failure(result, hits, lang)
            found.append(
                f'{head}>\n      <failure type="{_attr(kind)}" '
                f'message="{_attr(first)}">{_text(body)}</failure>\n    </testcase>'
            )
        elif why is not None:
            skips += 1
            found.append(
                f'{head}>\n      <skipped message="{_attr(for_xml(why))}" />\n    </testcase>'
            )
        else:
            found.append(head + " />")
    tests = len(listed)
    opening = (
        f'<testsuite name="{name}" tests="{tests}" failures="{failures}" '
        f'errors="0" skipped="{skips}"'
    )
    if not found:
        return opening + " />", tests, failures, skips
    return opening + ">\n    " + "\n    ".join(found) + "\n  </testsuite>", tests, failures, skips


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The report in pieces. The totals open it, so each suite is written in one walk
    over the files and held (on disk past a few megabytes) until the totals are known:
    a walk for the totals first would read every spooled file back twice."""
    tests = failures = skipped = 0
    with holding() as held:
        for result in outcome.results:
            suite, t, f, s = _suite(result, lang)
            tests, failures, skipped = tests + t, failures + f, skipped + s
            held.write("\n  " + suite)
        yield '<?xml version="1.0" encoding="UTF-8"?>\n'
        totals = f'tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}"'
        if not outcome.results:
            yield f'<testsuites name="checker" {totals} />\n'
            return
        yield f'<testsuites name="checker" {totals}>'
        yield from pieces(held)
    yield "\n</testsuites>\n"
