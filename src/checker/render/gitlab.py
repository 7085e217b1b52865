"""GitLab Code Quality report: a JSON array of issues with unique fingerprints.

GitLab compares the fingerprints of the merge request's report with the
target branch's to show new and fixed issues, so they must be unique and
must not move with line numbers (see ``fingerprint.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.render.safe import json_text, one_line
from checker.render.words import pairs, position, where
from checker.results import display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(outcome: Outcome, lang: str) -> str:
    issues: list[dict[str, Any]] = []
    for result in outcome.results:
        path = display_path(result.path)
        for finding, fingerprint in pairs(result):
            line, _ = position(finding.location)
            text = message(result, finding, lang)
            context = where(finding.location, lang)
            issues.append(
                {
                    "description": one_line(f"{text} ({context})" if context else text),
                    "check_name": finding.rule,
                    "fingerprint": fingerprint,
                    "severity": SEVERITY[finding.severity.value],
                    "location": {"path": path, "lines": {"begin": line}},
                }
            )
    return json_text(issues, indent=2) + "\n"
