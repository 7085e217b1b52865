"""Check kinds, looked up by the ``kind:`` key of a rule.

Each kind is a pure function of a ``Context`` (the rule, the report, its
facts) that yields findings; none of them opens a file.
"""

from __future__ import annotations

from checker.checks import (
    attachment,
    compare,
    dates,
    deadline,
    forbidden_pattern,
    numbering,
    required_section,
)
from checker.checks.base import CheckFn, Context

KINDS: dict[str, CheckFn] = {
    "required-section": required_section.check,
    "numbering": numbering.check,
    "compare": compare.check,
    "forbidden-pattern": forbidden_pattern.check,
    "date-format": dates.check_format,
    "date-valid": dates.check_valid,
    "period": dates.check_period,
    "year-consistency": dates.check_year,
    "deadline": deadline.check,
    "attachment": attachment.check,
    "input": lambda ctx: (),  # raised by the engine for unreadable files
}

__all__ = ["KINDS", "CheckFn", "Context"]
