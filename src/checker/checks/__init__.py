"""Check kinds, looked up by the ``kind:`` key of a rule.

Each kind is a pure function of a ``Context`` (the rule, the report, its
facts) and the rule's typed spec; none of them opens a file. The loader
parses every rule's parameters into its kind's spec once, when the pack
loads, so a check never reads raw pack data; once the pack set is merged,
it binds each spec to the set (``loader.bind``) and fixes the order the
engine runs the rules in (``PackSet.plan``).

How to add a kind ``my-kind``:

1. ``checks/my_kind.py`` (or a module of related kinds) with a frozen
   dataclass ``MySpec`` holding the parameters, already typed: patterns
   compiled (``params.patterns("key")``), words escaped, texts as ``Text``.
2. ``parse(params: Params) -> MySpec``: reads ``params`` (the rule's keys,
   already valid against the schema) and does all per-rule work; a pattern
   that does not compile is reported at its line by ``params.patterns``.
3. ``check(ctx: Context, spec: MySpec) -> Iterable[Finding]``: per report;
   ``ctx.finding(...)`` for findings, ``ctx.skip(reason)`` when it cannot
   judge. Build per-report structures once in ``ctx.report.cache``.
4. ``MY_KIND = Kind("my-kind", parse, check)`` (add ``facts=`` when the spec
   names pack facts, so an unknown fact is a pack error at load). Add
   ``bind=`` when the spec reads what the pack set defines (its tables):
   ``bind(spec, packset) -> BoundSpec`` runs once per rule when the set is
   merged, resolves those names (rows and columns to grid slots, say), raises
   ``BindError`` for one the set lacks, and ``check`` then receives the bound
   spec. Without it, ``check`` receives the parsed spec.
5. ``schemas/kinds/my-kind.schema.json`` (``Kind.schema``), which validates
   the rule's keys before ``parse`` sees them.
6. One line in ``_REGISTRY`` below: ``"my-kind": "my_kind:MY_KIND"``.
7. A rule using it, with passing and failing cases in ``tests/rules/<ID>.yaml``.

Modules are imported when a rule of their kind is first loaded.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from checker.checks.base import CheckFn, Context, Kind

# kind -> "module:attribute" within this package
_REGISTRY: dict[str, str] = {
    "required-section": "required_section:REQUIRED_SECTION",
    "numbering": "numbering:NUMBERING",
    "compare": "compare:COMPARE",
    "forbidden-pattern": "forbidden_pattern:FORBIDDEN_PATTERN",
    "date-format": "dates:DATE_FORMAT",
    "date-valid": "dates:DATE_VALID",
    "period": "dates:PERIOD",
    "year-consistency": "dates:YEAR_CONSISTENCY",
    "deadline": "deadline:DEADLINE",
    "attachment": "attachment:ATTACHMENT",
    "input": "base:INPUT",  # raised by the engine for unreadable files
    "root-cause": "base:ROOT_CAUSE",  # raised by the engine from broken identities
    "suppression": "base:SUPPRESSION",  # raised by post-processing for an unused suppression
    # statistics tables (2019 and 2021 editions)
    "table-present": "tables:TABLE_PRESENT",
    "table-sum": "tables:TABLE_SUM",
    "table-values": "tables:TABLE_VALUES",
    "edition-signature": "edition:EDITION_SIGNATURE",
    "prose-topics": "required_section:PROSE_TOPICS",
    "section-body": "section_body:SECTION_BODY",
    "announced-parts": "announced_parts:ANNOUNCED_PARTS",
    # arithmetic stated in prose
    "breakdown": "prose_arithmetic:BREAKDOWN",
    "share": "prose_arithmetic:SHARE",
    "growth": "prose_arithmetic:GROWTH",
    "same-figure": "prose_arithmetic:SAME_FIGURE",
    # across reports: judged by checker.across.stage once every file is read
    "carry-over": "across:CARRY_OVER",
    "in-force": "across:IN_FORCE",
    "copied-section": "across:COPIED_SECTION",
    "copied-report": "across:COPIED_REPORT",
    "copied-across": "across:COPIED_ACROSS",
    "hierarchy-sum": "across:HIERARCHY_SUM",
    "hierarchy-coverage": "across:HIERARCHY_COVERAGE",
    "same-report-twice": "across:SAME_REPORT_TWICE",
}

KINDS = frozenset(_REGISTRY)


@cache
def kind_for(name: str) -> Kind[Any, Any]:
    module, attribute = _REGISTRY[name].split(":")
    kind: Kind[Any, Any] = getattr(import_module(f"checker.checks.{module}"), attribute)
    assert kind.name == name, f"{_REGISTRY[name]} is kind {kind.name!r}, registered as {name!r}"
    return kind


__all__ = ["KINDS", "CheckFn", "Context", "Kind", "kind_for"]
