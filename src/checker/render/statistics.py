"""``--statistics``: how often each rule fired, with its first message (as ruff's)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from checker.render.safe import one_line
from checker.render.words import summary_line
from checker.results import message

if TYPE_CHECKING:
    from checker.results import Outcome


def rows(outcome: Outcome, lang: str) -> list[dict[str, Any]]:
    """One row per rule: most frequent first, then by rule ID."""
    found: dict[str, dict[str, Any]] = {}
    for result in outcome.results:
        for finding in result.findings:
            row = found.get(finding.rule)
            if row is None:
                row = found[finding.rule] = {
                    "rule": finding.rule,
                    "count": 0,
                    "severity": finding.severity.value,
                    "message": message(result, finding, lang),
                }
            row["count"] += 1
    return sorted(found.values(), key=lambda r: (-r["count"], r["rule"]))


def render(outcome: Outcome, lang: str, as_json: bool = False) -> str:
    table = rows(outcome, lang)
    if as_json:
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(r["count"])) for r in table), default=1)
    lines = [
        f"{r['count']:>{width}}  {r['rule']}  [{r['severity']}]  {one_line(r['message'])}"
        for r in table
    ]
    lines.append(summary_line(outcome.summary(), lang))
    return "\n".join(lines) + "\n"
