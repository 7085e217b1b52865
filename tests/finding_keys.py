"""What two checks of one report in two forms must agree on: per finding its rule,
severity, numbers and cell labels (locations differ between forms by nature)."""

from __future__ import annotations

from checker.findings import Finding
from checker.results import FileResult


def finding_key(f: Finding) -> tuple[object, ...]:
    loc = f.location
    return (
        f.rule,
        f.severity.value,
        str(f.expected),
        str(f.actual),
        loc.row_label,
        loc.column_label,
    )


def result_keys(result: FileResult, *, sections: bool = False) -> list[tuple[object, ...]]:
    """``sections``: also the section path, for forms that keep the headings (PDF, .doc)."""
    if sections:
        return sorted((*finding_key(f), tuple(f.location.section)) for f in result.findings)
    return sorted(map(finding_key, result.findings))
