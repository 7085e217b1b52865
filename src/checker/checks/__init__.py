"""Check kinds, looked up by the ``kind:`` key of a rule.

Each kind is a pure function of a ``Context`` (the rule, the report, its
facts) that yields findings; none of them opens a file. Modules are imported
when a rule of their kind first runs, so adding a kind is one line here and
one module beside it.
"""

from __future__ import annotations

from importlib import import_module

from checker.checks.base import CheckFn, Context

# kind -> "module:function" within this package
_REGISTRY: dict[str, str] = {
    "required-section": "required_section:check",
    "numbering": "numbering:check",
    "compare": "compare:check",
    "forbidden-pattern": "forbidden_pattern:check",
    "date-format": "dates:check_format",
    "date-valid": "dates:check_valid",
    "period": "dates:check_period",
    "year-consistency": "dates:check_year",
    "deadline": "deadline:check",
    "attachment": "attachment:check",
    "input": "base:no_check",  # raised by the engine for unreadable files
    "root-cause": "base:no_check",  # raised by the engine from broken identities
    "suppression": "base:no_check",  # raised by post-processing for an unused suppression
    # statistics tables (2019 and 2021 editions)
    "table-present": "tables:check_present",
    "table-sum": "tables:check_sum",
    "table-values": "tables:check_values",
    "edition-signature": "edition:check",
    "prose-topics": "required_section:check_topics",
    # arithmetic stated in prose
    "breakdown": "prose_arithmetic:check_breakdown",
    "share": "prose_arithmetic:check_share",
    "growth": "prose_arithmetic:check_growth",
    "same-figure": "prose_arithmetic:check_same_figure",
}

KINDS = frozenset(_REGISTRY)


def check_for(kind: str) -> CheckFn:
    module, function = _REGISTRY[kind].split(":")
    fn: CheckFn = getattr(import_module(f"checker.checks.{module}"), function)
    return fn


__all__ = ["KINDS", "CheckFn", "Context", "check_for"]
