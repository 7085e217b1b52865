"""Findings are data: renderers turn them into words at the very end.

A finding names its rule, carries the numbers a person needs to fix the draft
(``expected``, ``actual`` and each contributing figure) and a structured
location. The message is only rendered, in the chosen language, by ``message``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from checker.i18n import Text
from checker.model import Location
from checker.numbers import format_number


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


CATEGORIES = (
    "structure",
    "numbering",
    "arithmetic",
    "consistency",
    "date",
    "deadline",
    "format",
    "content",
    "value",
    "input",
)


@dataclass(frozen=True)
class Item:
    """One figure that took part in a computation, with where it stands."""

    label: Text
    value: Decimal | None
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "label": self.label.to_dict(),
            "value": None if self.value is None else format_number(self.value),
        }
        loc = self.location.to_dict()
        if loc:
            out["location"] = loc
        return out


@dataclass(frozen=True)
class Related:
    """Another file's place a finding points at (last year's report, a duplicate)."""

    path: str
    location: Location = field(default_factory=Location)
    label: Text | None = None  # what stands there, in words

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"path": self.path, "location": self.location.to_dict()}
        if self.label is not None:
            out["label"] = self.label.to_dict()
        return out


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    category: str
    location: Location
    args: Mapping[str, object] = field(default_factory=dict)
    expected: Decimal | str | None = None
    actual: Decimal | str | None = None
    items: tuple[Item, ...] = ()
    snippet: str | None = None  # the document text concerned, verbatim
    # For identities between cells: (cell key, coefficient) per item, in the
    # order of ``items``, and total minus parts. Lets a wrong cell that breaks
    # several identities be reported once, as the root cause.
    equation: tuple[tuple[str, int], ...] = ()
    residual: Decimal | None = None
    related: tuple[Related, ...] = ()  # places in other files (cross-report checks)

    def sort_key(self) -> tuple[object, ...]:
        loc = self.location
        return (
            loc.paragraph if loc.paragraph is not None else 10**9,
            loc.offset if loc.offset is not None else -1,
            loc.row if loc.row is not None else -1,
            loc.column if loc.column is not None else -1,
            self.rule,
            str(sorted((k, str(v)) for k, v in self.args.items())),
        )


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """The same rule, place and values reported twice is one finding."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location, tuple(sorted((k, str(v)) for k, v in f.args.items())))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _fmt(value: object, lang: str) -> str:
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, (list, tuple)):
        from checker.messages import word

        return word("list.separator", lang).join(_fmt(v, lang) for v in value)
    return str(value)


class _Args(dict[str, str]):
    """Leaves an unknown placeholder visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, finding: Finding, lang: str) -> str:
    values = _Args({k: _fmt(v, lang) for k, v in finding.args.items()})
    if finding.expected is not None:
        values.setdefault("expected", _fmt(finding.expected, lang))
    if finding.actual is not None:
        values.setdefault("actual", _fmt(finding.actual, lang))
    return template.format_map(values)


def json_arg(value: object) -> object:
    """An argument as JSON: numbers as strings (exact), bilingual words as {zh, en}."""
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, Text):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [json_arg(v) for v in value]
    return value
