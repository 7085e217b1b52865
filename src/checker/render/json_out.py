"""The JSON contract (schemas/output.schema.json): fields are only ever added."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.findings import Finding, json_arg
from checker.numbers import format_number
from checker.render.safe import json_chunks
from checker.render.words import pairs
from checker.results import FileResult, count, display_path, message

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
    messages = {lg: message(result, finding, lg) for lg in ("zh", "en")}
    out: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "category": finding.category,
        "message": messages[lang] if lang in messages else message(result, finding, lang),
        "messages": messages,
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


def summary(results: Iterable[FileResult]) -> dict[str, int]:
    return count(results)


def baseline_dict(outcome: Outcome) -> dict[str, Any]:
    return {
        "path": outcome.baseline,
        "suppressed": outcome.suppressed,
        "stale": [e.to_dict() for e in outcome.stale],
    }


class _Files(list):  # type: ignore[type-arg]
    """The files array, each file's object built only when the encoder reaches it, so
    a large run never holds every file's dictionary at once."""

    def __init__(self, results: Sequence[FileResult], lang: str) -> None:
        super().__init__()
        self.results, self.lang = results, lang

    def __bool__(self) -> bool:
        return bool(self.results)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (file_dict(r, self.lang) for r in self.results)


def _doc(outcome: Outcome, lang: str, files: list[Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checker", "version": __version__},
        "files": files,
        "summary": outcome.summary(),
    }
    if outcome.baseline is not None:
        doc["baseline"] = baseline_dict(outcome)
    return doc


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The same text as ``render``, in pieces, for writing as it is made."""
    yield from json_chunks(
        _doc(outcome, lang, _Files(outcome.results, lang)), commands=True, indent=2
    )
    yield "\n"
