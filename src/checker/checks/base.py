"""What every check kind receives, and the one way to make a finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checker.extract.facts import FactStore
from checker.extract.report import Report
from checker.findings import Finding, Item, Severity
from checker.model import Location
from checker.rulepacks.loader import Rule


@dataclass
class Context:
    rule: Rule
    report: Report
    facts: FactStore
    skipped: str | None = None  # why the rule could not be evaluated, if it could not

    def skip(self, reason: str) -> None:
        """Record that the rule was not evaluated; never a silent pass."""
        self.skipped = reason

    @property
    def params(self) -> dict[str, Any]:
        return self.rule.params

    def finding(
        self,
        location: Location,
        *,
        expected: Decimal | str | None = None,
        actual: Decimal | str | None = None,
        items: Iterable[Item] = (),
        snippet: str | None = None,
        equation: tuple[tuple[str, int], ...] = (),
        residual: Decimal | None = None,
        severity: Severity | None = None,
        **args: object,
    ) -> Finding:
        """A finding of this rule; ``severity`` may only lower the rule's own."""
        if severity is None or severity.rank > self.rule.severity.rank:
            severity = self.rule.severity
        return Finding(
            rule=self.rule.id,
            severity=severity,
            category=self.rule.category,
            location=location,
            args=args,
            expected=expected,
            actual=actual,
            items=tuple(items),
            snippet=snippet,
            equation=equation,
            residual=residual,
        )


CheckFn = Callable[[Context], Iterable[Finding]]


def no_check(ctx: Context) -> Iterable[Finding]:
    return ()
