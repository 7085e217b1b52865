"""One wrong cell, reported once.

A wrong figure in Table 3 breaks the row total, the column's result
breakdown and the column's 勾稽关系 all at once. When a single cell appears in
two or more broken identities and one correction of that cell would repair
every one of them, that cell is the root cause: it is reported once, naming
the identities it breaks, and their separate findings are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from checker.findings import Finding, Item
from checker.i18n import Text
from checker.rulepacks.pack import Rule


def consolidate(findings: list[Finding], rule: Rule | None) -> list[Finding]:
    if rule is None:
        return findings
    broken = [f for f in findings if f.equation and f.residual]
    by_cell: dict[str, list[tuple[Finding, int, Item]]] = defaultdict(list)
    for f in broken:
        for (key, coef), item in zip(f.equation, f.items, strict=True):
            by_cell[key].append((f, coef, item))
    consumed: set[int] = set()
    roots: list[Finding] = []
    # most-implicated cells first; ties by position for determinism
    for key in sorted(by_cell, key=lambda k: (-len(by_cell[k]), k)):
        entries = [(f, c, i) for f, c, i in by_cell[key] if id(f) not in consumed]
        if len(entries) < 2:
            continue
        corrections = {(-(f.residual or Decimal(0))) / coef for f, coef, _ in entries}
        if len(corrections) != 1:
            continue
        correction = corrections.pop()
        _, _, item = entries[0]
        current = item.value or Decimal(0)
        rules = sorted({f.rule for f, _, _ in entries})
        roots.append(
            Finding(
                rule=rule.id,
                severity=rule.severity,
                category=rule.category,
                location=item.location,
                args={
                    "cell": item.label,
                    "rules": Text("、".join(rules), ", ".join(rules)),
                    "count": len(entries),
                    "difference": abs(correction),
                },
                expected=current + correction,
                actual=current,
                items=(item,),
            )
        )
        consumed.update(id(f) for f, _, _ in entries)
    return [f for f in findings if id(f) not in consumed] + roots
