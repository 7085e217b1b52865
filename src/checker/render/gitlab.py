"""GitLab Code Quality report: a JSON array of issues with unique fingerprints.

GitLab compares the fingerprints of the merge request's report with the
target branch's to show new and fixed issues, so they must be unique and
must not move with line numbers (see ``fingerprint.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.render.safe import LazyList, json_chunks, one_line
from checker.render.words import pairs, position, where
from checker.results import display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def _issues(outcome: Outcome, lang: str) -> Iterator[dict[str, Any]]:
    for result in outcome.results:
        path = display_path(result.path)
        for finding, fingerprint in pairs(result):
            line, _ = position(finding.location)
            text = message(result, finding, lang)
            context = where(finding.location, lang)
            yield {
                "description": one_line(f"{text} ({context})" if context else text),
                "check_name": finding.rule,
                "fingerprint": fingerprint,
                "severity": SEVERITY[finding.severity.value],
                "location": {"path": path, "lines": {"begin": line}},
            }


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The array in pieces, each issue made as the encoder reaches it."""
    issues = LazyList(lambda: _issues(outcome, lang), outcome.summary()["findings"] > 0)
    yield from json_chunks(issues, commands=True, indent=2)
    yield "\n"
