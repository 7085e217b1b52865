"""SARIF 2.1.0, as GitHub code scanning accepts it.

Every result has a ``startLine``: the source line for text and Markdown, the
paragraph's ordinal for .docx and HTML (1 for the whole document). Because a
paragraph number says little inside a .docx, the section, table, row and
column go into the message and into ``properties``. ``partialFingerprints``
let code scanning follow an alert while the draft is edited.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from checker import __version__
from checker.findings import Finding
from checker.render.held import holding, pieces, split
from checker.render.jsonindent import nested
from checker.render.safe import json_chunks, json_safe, json_text, visible
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


def _result(
    result: FileResult, finding: Finding, fingerprint: str | None, index: str, lang: str
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
    out["ruleIndex"] = index  # a stand-in, put right once every file is read (_placed)
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


_LEVEL = 4  # log, runs, run, results: each result's depth in the log
_BETWEEN = ",\n" + "  " * _LEVEL
_MARK = "\x00results\x00"  # where the held results go in the log's text
# a result's stand-in member, as written: its separator, the name, the number
_STAND_IN = re.compile(r',\n *"ruleIndex": "\\u0000(\d+)\\u0000"')


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The log in pieces, from one walk over the files (reading a spooled run's files
    back is a good part of a result's cost). The rules come first in the log and each
    result names its rule's place among them, known only once every file is read: the
    results are held (on disk past a few megabytes), each rule's place written as a
    stand-in, and put right as they are handed out."""
    found: dict[str, Rule] = {}
    stand_ins: dict[str, str] = {}  # rule ID -> its stand-in's number
    held_any = False
    with holding() as held:
        for r in outcome.results:
            for rule_id in sorted({f.rule for f in r.findings}):
                rule = r.rules.get(rule_id)
                if rule is not None and rule_id not in found:
                    found[rule_id] = rule
            for f, fp in pairs(r):
                number = stand_ins.setdefault(f.rule, str(len(stand_ins)))
                item = nested(_result(r, f, fp, f"\x00{number}\x00", lang), 2, _LEVEL)
                held.write((_BETWEEN if held_any else "") + item)
                held_any = True
        rules = dict(sorted(found.items()))
        where = {rule_id: i for i, rule_id in enumerate(rules)}
        places = {number: where.get(rule_id) for rule_id, number in stand_ins.items()}
        log = _log(rules, lang, [_MARK] if held_any else [])
        text = "".join(json_chunks(log, commands=True, indent=2))
        if not held_any:
            yield text + "\n"
            return
        head, _, tail = text.rpartition(json_text(_MARK))  # the results come last
        yield from split(head)
        yield from _placed(pieces(held), places)
    yield tail + "\n"


def _placed(held: Iterable[str], places: dict[str, int | None]) -> Iterator[str]:
    """The held results made safe, each stand-in replaced by its rule's place (or taken
    out with its separator, for a rule no file's table holds, as ``ruleIndex`` was
    left out). Read in pieces cut after a line that ends without a comma: a stand-in
    (with the comma before it) never spans two pieces, as it follows a comma."""

    def put(m: re.Match[str]) -> str:
        place = places[m.group(1)]
        whole = m.group(0)
        return "" if place is None else f"{whole[: whole.index(':')]}: {place}"

    rest = ""
    for piece in held:
        text = rest + piece
        cut = len(text)
        while (cut := text.rfind("\n", 0, cut)) > 0 and text[cut - 1] == ",":
            pass
        if cut <= 0:
            rest = text
            continue
        rest = text[cut + 1 :]
        yield json_safe(_STAND_IN.sub(put, text[: cut + 1]), True)
    if rest:
        yield json_safe(_STAND_IN.sub(put, rest), True)


def _log(rules: dict[str, Rule], lang: str, results: list[Any]) -> dict[str, Any]:
    return {
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
                "results": results,
            }
        ],
    }
