"""SARIF 2.1.0, as GitHub code scanning accepts it.

Every result has a ``startLine``: the source line for text and Markdown, the
paragraph's ordinal for .docx and HTML (1 for the whole document). Because a
paragraph number says little inside a .docx, the section, table, row and
column go into the message and into ``properties``. ``partialFingerprints``
let code scanning follow an alert while the draft is edited.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from checker import __version__
from checker.findings import Finding
from checker.render.safe import LazyList, json_chunks, visible
from checker.render.words import pairs, position, where
from checker.results import FileResult, display_path, message
from checker.ruledoc import help_uri
from checker.rulepacks.pack import Rule

if TYPE_CHECKING:
    from checker.results import Outcome

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "checkerFindingHash/v1"


def artifact_uri(path: str) -> str:
    """A URI reference: relative paths stay relative (to the repository root), encoded."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(path, safe="/")


def _help(rule: Rule) -> dict[str, str]:
    from checker.ruledoc import markdown

    ex = rule.explain
    zh = (
        f"检查：{ex.get('zh', '')}\n依据：{rule.basis.zh}\n"
        f"正确示例：{ex.get('pass', '')}\n错误示例：{ex.get('fail', '')}"
    )
    en = (
        f"Checks: {ex.get('en', '')}\nBasis: {rule.basis.en}\n"
        f"Passes: {ex.get('pass', '')}\nFails: {ex.get('fail', '')}"
    )
    return {"text": f"{zh}\n\n{en}", "markdown": markdown(rule)}


def rule_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    ex = rule.explain
    short = ex.get(lang) or rule.message.get(lang)
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": visible(short)},
        "fullDescription": {"text": visible(f"{short} ({rule.basis.get(lang)})")},
        "help": _help(rule),
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {
            "category": rule.category,
            "kind": rule.kind,
            "tags": [rule.category],
            "precision": "high",
            "zh": {"description": ex.get("zh", ""), "basis": rule.basis.zh},
            "en": {"description": ex.get("en", ""), "basis": rule.basis.en},
        },
    }


def _rules(outcome: Outcome) -> dict[str, Rule]:
    """Every rule with a result, sorted by ID (what code scanning needs to show them)."""
    found: dict[str, Rule] = {}
    for result in outcome.results:
        for rule_id in sorted({f.rule for f in result.findings}):
            rule = result.rules.get(rule_id)
            if rule is not None and rule_id not in found:
                found[rule_id] = rule
    return dict(sorted(found.items()))


def _result(
    result: FileResult, finding: Finding, fingerprint: str | None, index: int, lang: str
) -> dict[str, Any]:
    loc = finding.location
    line, column = position(loc)
    text = message(result, finding, lang)
    context = where(loc, lang)
    region: dict[str, int] = {"startLine": line}
    if loc.offset is not None:
        region["startColumn"] = column
    physical = {
        "artifactLocation": {"uri": artifact_uri(display_path(result.path))},
        "region": region,
    }
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.section:
        location["logicalLocations"] = [
            {
                "name": visible(loc.section[-1]),
                "fullyQualifiedName": visible(" › ".join(loc.section)),
                "kind": "section",
            }
        ]
    properties: dict[str, Any] = {"category": finding.category}
    properties.update({k: v for k, v in loc.to_dict().items()})
    properties["messages"] = {lg: message(result, finding, lg) for lg in ("zh", "en")}
    if result.source_kind:
        properties["inputKind"] = result.source_kind
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity.value],
        "message": {"text": visible(f"{text} ({context})" if context else text)},
        "locations": [location],
        "properties": properties,
    }
    if finding.related:
        out["relatedLocations"] = _related(finding, lang)
    if index >= 0:
        out["ruleIndex"] = index
    if fingerprint is not None:
        out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    return out


def _related(finding: Finding, lang: str) -> list[dict[str, Any]]:
    """Other files a cross-report finding compares with (last year's report, a duplicate)."""
    out = []
    for i, other in enumerate(finding.related):
        line, _ = position(other.location)
        context = where(other.location, lang)
        words = other.label.get(lang) if other.label else ""
        text = " · ".join(p for p in (words, context) if p) or display_path(other.path)
        out.append(
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(display_path(other.path))},
                    "region": {"startLine": line},
                },
                "message": {"text": visible(text)},
            }
        )
    return out


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The log in pieces: the rules take one walk over the files, the results another,
    each result made as the encoder reaches it."""
    rules = _rules(outcome)
    index = {rule_id: i for i, rule_id in enumerate(rules)}

    def results() -> Iterator[dict[str, Any]]:
        for r in outcome.results:
            for f, fp in pairs(r):
                yield _result(r, f, fp, index.get(f.rule, -1), lang)

    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": "zh-CN" if lang != "en" else "en-US",
                        "rules": [rule_descriptor(rule, lang) for rule in rules.values()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": LazyList(results, outcome.summary()["findings"] > 0),
            }
        ],
    }
    yield from json_chunks(log, commands=True, indent=2)
    yield "\n"
