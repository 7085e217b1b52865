"""The JSON contract (schemas/output.schema.json): fields are only ever added."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.findings import Finding, json_arg
from checker.numbers import format_number
from checker.render.safe import json_text
from checker.render.words import pairs
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome

SCHEMA_VERSION = 1


def _value(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format_number(value)
    return value


def finding_dict(
    result: FileResult, finding: Finding, lang: str, fingerprint: str | None = None
) -> dict[str, Any]:
    rule = result.rules.get(finding.rule)
    out: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "category": finding.category,
        "message": message(result, finding, lang),
        "messages": {lg: message(result, finding, lg) for lg in ("zh", "en")},
        "location": finding.location.to_dict(),
    }
    if finding.expected is not None:
        out["expected"] = _value(finding.expected)
    if finding.actual is not None:
        out["actual"] = _value(finding.actual)
    if finding.items:
        out["items"] = [item.to_dict() for item in finding.items]
    if finding.snippet:
        out["snippet"] = finding.snippet
    if finding.args:
        out["args"] = {k: json_arg(v) for k, v in sorted(finding.args.items())}
    if finding.related:
        out["related"] = [{**r.to_dict(), "path": display_path(r.path)} for r in finding.related]
    if rule is not None:
        out["basis"] = rule.basis.get(lang)
    if fingerprint is not None:
        out["fingerprint"] = fingerprint
    return out


def file_dict(result: FileResult, lang: str) -> dict[str, Any]:
    return {
        "path": display_path(result.path),
        "readable": result.readable,
        "input_kind": result.source_kind,
        "format": result.edition,
        "format_reason": result.edition_reason.get(lang) if result.edition_reason else None,
        "year": result.year,
        "findings": [finding_dict(result, f, lang, fp) for f, fp in pairs(result)],
        "not_evaluated": [{"rule": r, "reason": why} for r, why in result.not_evaluated],
    }


def summary(results: list[FileResult]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "unreadable": sum(1 for r in results if not r.readable),
        "findings": len(findings),
        "error": sum(1 for f in findings if f.severity.value == "error"),
        "warning": sum(1 for f in findings if f.severity.value == "warning"),
        "info": sum(1 for f in findings if f.severity.value == "info"),
    }


def baseline_dict(outcome: Outcome) -> dict[str, Any]:
    return {
        "path": outcome.baseline,
        "suppressed": outcome.suppressed,
        "stale": [e.to_dict() for e in outcome.stale],
    }


def render(outcome: Outcome, lang: str) -> str:
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "files": [file_dict(r, lang) for r in outcome.results],
        "summary": summary(outcome.results),
    }
    if outcome.baseline is not None:
        doc["baseline"] = baseline_dict(outcome)
    return json_text(doc, indent=2) + "\n"
