"""Between the rules and the renderers: select → override → dedupe → baseline → sort → gate.

Rules only say what is wrong; whether a finding is shown, at which severity,
whether it is already known, and whether the run fails are decided here, once,
for every output format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.baseline import Baseline, Entry
from checker.findings import Finding, Severity, dedupe
from checker.fingerprint import fingerprints, stable_path
from checker.results import THRESHOLDS, FileResult, Outcome, message


@dataclass(frozen=True)
class Policy:
    """Which rules are reported for one file, and at which severity.

    ``select`` of ``None`` means every rule. Entries are rule IDs or prefixes;
    ``ignore`` wins over ``select``. Severity overrides apply by the longest
    matching prefix.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()

    def selects(self, rule_id: str) -> bool:
        if any(rule_id.startswith(p) for p in self.ignore):
            return False
        if self.select is None:
            return True
        return any(rule_id.startswith(p) for p in (*self.select, *self.extend_select))

    def override(self, rule_id: str) -> Severity | None:
        """The configured severity for a rule, by its longest matching prefix."""
        best: tuple[int, str] | None = None
        for prefix, level in self.severity:
            if rule_id.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), level)
        return Severity(best[1]) if best else None

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return self.override(rule_id) or default


def select(result: FileResult, policy: Policy) -> FileResult:
    """Drop unselected rules and apply severity overrides, findings and rule table alike."""
    rules = {}
    for rule_id, rule in result.rules.items():
        level = policy.severity_for(rule_id, rule.severity)
        rules[rule_id] = rule if level == rule.severity else replace(rule, severity=level)
    findings = []
    for f in result.findings:
        if not policy.selects(f.rule):
            continue
        # a rule may report below its default (a guess is a warning): keep that unless overridden
        level = policy.severity_for(f.rule, f.severity)
        findings.append(f if level == f.severity else replace(f, severity=level))
    return replace(
        result,
        findings=findings,
        rules=rules,
        applied=[r for r in result.applied if policy.selects(r)],
        not_evaluated=[(r, why) for r, why in result.not_evaluated if policy.selects(r)],
    )


def process(
    results: Sequence[FileResult],
    policies: Sequence[Policy],
    fail_on: str = "error",
    baseline: Baseline | None = None,
) -> Outcome:
    """The whole pipeline, file by file, in input order."""
    out: list[FileResult] = []
    matched: set[str] = set()
    suppressed = 0
    known = baseline.fingerprints() if baseline else set()
    for result, policy in zip(results, policies, strict=True):
        chosen = select(result, policy)
        findings = sorted(dedupe(chosen.findings), key=Finding.sort_key)
        prints = fingerprints(findings, chosen.path)
        kept = [(f, fp) for f, fp in zip(findings, prints, strict=True) if fp not in known]
        matched.update(fp for fp in prints if fp in known)
        suppressed += len(findings) - len(kept)
        out.append(
            replace(chosen, findings=[f for f, _ in kept], fingerprints=[fp for _, fp in kept])
        )
    stale: list[Entry] = []
    if baseline is not None:
        stale = baseline.stale({stable_path(r.path) for r in results}, matched)
    return Outcome(
        results=out, fail_on=fail_on, suppressed=suppressed, stale=stale, planned=len(out)
    )


def all_entries(results: Sequence[FileResult], policies: Sequence[Policy]) -> list[Entry]:
    """Every selected finding as a baseline entry, ignoring any existing baseline."""
    outcome = process(results, policies)
    return [
        Entry(
            fingerprint=fp,
            rule=f.rule,
            path=stable_path(r.path),
            section=f.location.section,
            message=message(r, f, "zh"),
        )
        for r in outcome.results
        for f, fp in zip(r.findings, r.fingerprints, strict=True)
    ]


__all__ = ["THRESHOLDS", "Outcome", "Policy", "all_entries", "process", "select"]
