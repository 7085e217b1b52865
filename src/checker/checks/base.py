"""What every check kind is and receives, and the one way to make a finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from checker.extract.facts import FactStore
from checker.extract.report import Report
from checker.findings import Finding, Item, Severity
from checker.model import Location
from checker.rulepacks.pack import PackSet, Rule
from checker.rulepacks.params import Params

S = TypeVar("S")  # the spec ``parse`` makes of a rule's parameters
B = TypeVar("B")  # the spec ``check`` reads: ``bind`` resolved it against the pack set


@dataclass
class Context:
    rule: Rule
    report: Report
    facts: FactStore
    skipped: str | None = None  # why the rule could not be evaluated, if it could not

    def skip(self, reason: str) -> None:
        """Record that the rule was not evaluated; never a silent pass."""
        self.skipped = reason

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


def _no_facts(spec: Any) -> Iterable[str]:
    return ()


def _as_parsed(spec: Any, packset: PackSet) -> Any:
    return spec


class BindError(ValueError):
    """A spec that names what its pack set does not define (a table, a row): a pack error."""


@dataclass(frozen=True)
class Kind(Generic[S, B]):
    """One check kind: how its rules' parameters become a spec, and how it judges a report.

    ``parse`` runs once per rule when the pack loads (a bad parameter is a
    pack error then, not a surprise in the middle of a batch). ``bind`` runs
    once per rule when the whole pack set is merged, and resolves the spec
    against what the set defines (its tables' rows and columns), raising
    ``BindError`` for a name the set lacks; by default the spec is used as
    parsed. ``check`` runs per report with the bound spec. ``facts`` names
    the pack facts a spec reads, so that a rule naming an unknown fact fails
    at load.
    """

    name: str
    parse: Callable[[Params], S]
    check: Callable[[Context, B], Iterable[Finding]]
    facts: Callable[[S], Iterable[str]] = _no_facts
    bind: Callable[[S, PackSet], B] = _as_parsed

    @property
    def schema(self) -> str:
        """The JSON Schema of its rules, under ``schemas/``."""
        return f"kinds/{self.name}.schema.json"


@dataclass(frozen=True)
class NoSpec:
    """The spec of a kind that takes no parameters."""


def no_params(params: Params) -> NoSpec:
    return NoSpec()


def no_check(ctx: Context, spec: object) -> Iterable[Finding]:
    return ()


INPUT = Kind("input", no_params, no_check)  # raised by the engine for unreadable files
ROOT_CAUSE = Kind("root-cause", no_params, no_check)  # raised by the engine from broken identities
SUPPRESSION = Kind("suppression", no_params, no_check)  # raised by post-processing (suppress.py)

CheckFn = Callable[[Context, Any], Iterable[Finding]]
