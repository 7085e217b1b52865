"""Between the rules and the renderers: one ordered list of stages, applied per file.

Rules only say what is wrong; whether a finding is shown, at which severity,
whether it is already known, and whether the run fails are decided here, once,
for every output format. Each stage takes a file's result and returns the next
one (textlint's message pipeline): root causes → select → override → dedupe →
sort → baseline → suppression. Nothing else sorts, dedupes or filters findings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.findings import Finding, Severity
from checker.findings import dedupe as dedupe_findings
from checker.fingerprint import fingerprints, stable_path
from checker.results import THRESHOLDS, FileResult, Outcome, ReadBack, count, message
from checker.rootcause import ROOT_CAUSE_RULE, consolidate

if TYPE_CHECKING:
    from checker.baseline import Baseline, Entry
    from checker.rulepacks.pack import Rule
    from checker.spool import Spool


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

    def apply_to(self, rule: Rule) -> Rule:
        """The rule at its configured severity."""
        level = self.severity_for(rule.id, rule.severity)
        return rule if level == rule.severity else replace(rule, severity=level)

    def override(self, rule_id: str) -> Severity | None:
        """The configured severity for a rule, by its longest matching prefix."""
        best: tuple[int, str] | None = None
        for prefix, level in self.severity:
            if rule_id.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), level)
        return Severity(best[1]) if best else None

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return self.override(rule_id) or default


@dataclass
class FileRun:
    """What the stages share while one file goes through them."""

    policy: Policy
    known: frozenset[str] = frozenset()  # the baseline's fingerprints
    report_unused: bool = True  # suppressions that silence nothing become findings
    matched: set[str] = field(default_factory=set)  # baseline entries met in this file
    hidden: int = 0  # findings hidden by the baseline


Stage = Callable[[FileResult, FileRun], FileResult]


def root_causes(result: FileResult, run: FileRun) -> FileResult:
    """One wrong cell that breaks several identities is reported once (see rootcause.py)."""
    rule = result.rules.get(ROOT_CAUSE_RULE)
    return replace(result, findings=consolidate(result.findings, rule))


def select(result: FileResult, run: FileRun) -> FileResult:
    """Drop the rules the policy does not select: their findings and their bookkeeping."""
    chosen = run.policy.selects
    return replace(
        result,
        findings=[f for f in result.findings if chosen(f.rule)],
        applied=[r for r in result.applied if chosen(r)],
        not_evaluated=[(r, why) for r, why in result.not_evaluated if chosen(r)],
    )


def override(result: FileResult, run: FileRun) -> FileResult:
    """Configured severities, in the findings and in the rule table the renderers show."""
    policy = run.policy
    if not policy.severity:
        return result
    rules = {}
    for rule_id, rule in result.rules.items():
        level = policy.severity_for(rule_id, rule.severity)
        rules[rule_id] = rule if level == rule.severity else replace(rule, severity=level)
    return replace(result, findings=_overridden(result.findings, policy), rules=rules)


def _overridden(findings: Sequence[Finding], policy: Policy) -> list[Finding]:
    out = []
    for f in findings:
        # a rule may report below its default (a guess is a warning): keep that unless overridden
        level = policy.severity_for(f.rule, f.severity)
        out.append(f if level == f.severity else replace(f, severity=level))
    return out


def dedupe(result: FileResult, run: FileRun) -> FileResult:
    return replace(result, findings=dedupe_findings(result.findings))


def sort(result: FileResult, run: FileRun) -> FileResult:
    """Document order, so that output does not depend on the order rules ran in."""
    return replace(result, findings=sorted(result.findings, key=Finding.sort_key))


def baseline(result: FileResult, run: FileRun) -> FileResult:
    """Fingerprint every finding, then hide those the baseline already knows."""
    prints = fingerprints(result.findings, result.path)
    kept = _unknown(list(zip(result.findings, prints, strict=True)), run)
    return replace(result, findings=[f for f, _ in kept], fingerprints=[fp for _, fp in kept])


def _unknown(pairs: list[tuple[Finding, str]], run: FileRun) -> list[tuple[Finding, str]]:
    """The (finding, fingerprint) pairs the baseline does not know; the others counted."""
    if not run.known:
        return pairs
    kept = [(f, fp) for f, fp in pairs if fp not in run.known]
    run.matched.update(fp for _, fp in pairs if fp in run.known)
    run.hidden += len(pairs) - len(kept)
    return kept


def suppression(result: FileResult, run: FileRun) -> FileResult:
    """Inline ``checker: ignore`` comments; a suppression that silences nothing is reported."""
    if not result.comments:
        return result
    from checker import suppress

    findings, problems = suppress.apply(result.findings, result.comments)
    kept = {id(f) for f in findings}
    pairs = [(f, fp) for f, fp in zip(result.findings, result.fingerprints, strict=True)]
    pairs = [(f, fp) for f, fp in pairs if id(f) in kept]
    rule = result.rules.get(suppress.UNUSED_RULE)
    if rule is not None and run.report_unused and run.policy.selects(rule.id):
        unused = []
        for problem in problems:
            if problem.reason == "unused" and problem.rule is not None:
                named = [r for r in result.rules if r.startswith(problem.rule)]
                if named and not any(run.policy.selects(r) for r in named):
                    continue  # the rule is switched off here: nothing to silence, nothing wrong
                if not any(r.startswith(problem.rule) for r in result.applied):
                    problem.reason = "unknown"
            unused.append(suppress.unused_finding(problem, run.policy.apply_to(rule)))
        if unused:
            import heapq

            new = sorted(zip(unused, fingerprints(unused, result.path), strict=True), key=_by_place)
            pairs = list(heapq.merge(pairs, new, key=_by_place))  # merged in, not sorted again
    return replace(result, findings=[f for f, _ in pairs], fingerprints=[fp for _, fp in pairs])


def _by_place(pair: tuple[Finding, str]) -> tuple[object, ...]:
    return pair[0].sort_key()


STAGES: tuple[Stage, ...] = (
    root_causes,
    select,
    override,
    dedupe,
    sort,
    baseline,
    suppression,
)


def apply(result: FileResult, run: FileRun, stages: Sequence[Stage] = STAGES) -> FileResult:
    for stage in stages:
        result = stage(result, run)
    return result


def as_reported(result: FileResult, policy: Policy | None = None) -> FileResult:
    """One file's result as a run reports it (without a baseline): for library callers."""
    return apply(result, FileRun(policy or Policy()))


# The stages that need nothing but the file and its policy. A worker runs them (and
# makes every fingerprint) where the file was checked, once; what the other files
# bring (the cross-report stage's findings), the baseline and the suppressions are
# added in ``complete``, with the same result as every stage run on the whole.
LOCAL: tuple[Stage, ...] = (root_causes, select, override, dedupe, sort)


def prepare(result: FileResult, policy: Policy) -> FileResult:
    """``result`` through ``LOCAL``, its findings fingerprinted, its rule table left as is
    (``complete``'s caller gives the one ``override`` makes)."""
    done = apply(result, FileRun(policy), LOCAL)
    done.fingerprints = fingerprints(done.findings, done.path)
    done.rules = result.rules
    if done.applied == result.applied:  # one list, pickled once, when nothing was dropped
        done.applied = result.applied
    if done.not_evaluated == result.not_evaluated:
        done.not_evaluated = result.not_evaluated
    return done


def mergeable(added: Sequence[Finding], rules: Collection[str]) -> bool:
    """Whether ``complete`` may add ``added`` to a prepared result whose raw findings are
    of ``rules``: none of them of one of those rules (so no stage sees the two sides
    meet: no duplicate, no tie in the order, no shared fingerprint ordinal) and none
    that a root cause could consume. Cross-report findings always are."""
    return not any(f.rule in rules or (f.equation and f.residual) for f in added)


def additions(added: Sequence[Finding], policy: Policy) -> list[Finding]:
    """The findings of another stage as ``LOCAL`` leaves them (see ``mergeable``)."""
    chosen = policy.selects
    kept = [f for f in added if chosen(f.rule)]
    if policy.severity:
        kept = _overridden(kept, policy)
    return sorted(dedupe_findings(kept), key=Finding.sort_key)


def complete(
    done: FileResult,
    run: FileRun,
    added: Sequence[Finding] = (),
    ran: Sequence[str] = (),
    skipped: Sequence[tuple[str, str]] = (),
) -> FileResult:
    """A prepared result with the cross-report stage's findings, rules run and rules not
    evaluated, then the baseline and the suppressions: the same as every stage on the
    raw result with those added (``across.stage.apply_one``), when ``mergeable``."""
    chosen = run.policy.selects
    pairs = list(zip(done.findings, done.fingerprints, strict=True))
    changed = False
    if added:
        new = additions(added, run.policy)
        pairs = _merged(pairs, list(zip(new, fingerprints(new, done.path), strict=True)))
        changed = bool(new)
    applied, not_evaluated = done.applied, done.not_evaluated
    if ran:
        have = set(applied)
        more = [r for r in dict.fromkeys(ran) if r not in have and chosen(r)]
        if more:
            applied, changed = [*applied, *more], True
    if skipped:
        more_skipped = [(r, why) for r, why in skipped if chosen(r)]
        if more_skipped:
            not_evaluated, changed = [*not_evaluated, *more_skipped], True
    kept = _unknown(pairs, run)
    if changed or len(kept) != len(pairs):
        done = replace(
            done,
            findings=[f for f, _ in kept],
            fingerprints=[fp for _, fp in kept],
            applied=applied,
            not_evaluated=not_evaluated,
        )
    return suppression(done, run)


class Processed(ReadBack):
    """Results put through the stages each time one is read, none of them kept.

    For results spooled to disk (``spool.Spool``): a renderer may walk the files
    more than once (totals first, then the files), and each walk holds one file.
    """

    def __init__(
        self,
        results: Sequence[FileResult],
        policies: Sequence[Policy],
        prints: frozenset[str] = frozenset(),
        report_unused: bool = True,
    ) -> None:
        self.results, self.policies = results, policies
        self.prints, self.report_unused = prints, report_unused

    def __len__(self) -> int:
        return len(self.results)

    def run(self, index: int) -> FileRun:
        return FileRun(self.policies[index], self.prints, self.report_unused)

    def _at(self, index: int) -> FileResult:
        return self.completed(index, self.run(index))

    def completed(self, index: int, run: FileRun) -> FileResult:
        """File ``index`` through every stage, for ``run``."""
        return apply(self.results[index], run)

    def counted(self, index: int, run: FileRun) -> dict[str, int] | None:
        """File ``index``'s counts when known without completing it; else ``None``."""
        return None


def walk(
    results: Sequence[FileResult],
    policies: Sequence[Policy],
    prints: frozenset[str] = frozenset(),
    report_unused: bool = True,
) -> Processed:
    """The results as each walk reads them: a spool's completed from what its workers
    prepared (``Finished``), any other put through every stage (``Processed``)."""
    from checker.spool import Spool

    if isinstance(results, Spool):
        return Finished(results, policies, prints, report_unused)
    return Processed(results, policies, prints, report_unused)


def _merged(
    pairs: list[tuple[Finding, str]], new: list[tuple[Finding, str]]
) -> list[tuple[Finding, str]]:
    """Both lists (each in place order) as one, as ``heapq.merge`` gives them: a few
    findings put in by bisection, without the place of every other one made again."""
    from bisect import bisect_right

    out: list[tuple[Finding, str]] = []
    start = 0
    for pair in new:
        end = bisect_right(pairs, _by_place(pair), lo=start, key=_by_place)
        out.extend(pairs[start:end])
        out.append(pair)
        start = end
    out.extend(pairs[start:])
    return out


class Finished(Processed):
    """A spool's results completed as each is read: a prepared one (``prepare``, done in
    its worker) through ``complete``, any other through every stage."""

    def __init__(
        self,
        results: Spool,
        policies: Sequence[Policy],
        prints: frozenset[str] = frozenset(),
        report_unused: bool = True,
    ) -> None:
        super().__init__(results, policies, prints, report_unused)
        self.spool = results
        self._tables: dict[tuple[int, Policy], dict[str, Rule]] = {}

    def completed(self, index: int, run: FileRun) -> FileResult:
        spool = self.spool
        if not self.quick(index, run.policy):
            return apply(spool[index], run)
        done = spool.prepared(index)
        done.rules = self._rules(done.rules, run.policy)
        return complete(done, run, *spool.additions(index))

    def quick(self, index: int, policy: Policy) -> bool:
        """Whether file ``index`` was prepared for ``policy`` and the stage's findings merge."""
        tally = self.spool.tally(index)
        if tally is None or tally.policy != policy:
            return False
        return mergeable(self.spool.additions(index)[0], tally.rules)

    def counted(self, index: int, run: FileRun) -> dict[str, int] | None:
        """File ``index``'s counts without reading it, when nothing but the stage's
        findings is still to be added; else ``None``."""
        tally = self.spool.tally(index)
        if run.known or tally is None or tally.comments or not self.quick(index, run.policy):
            return None
        totals = tally.totals()
        added = self.spool.additions(index)[0]
        if added:
            new = additions(added, run.policy)
            totals = dict(totals)
            totals["findings"] += len(new)
            for f in new:
                totals[f.severity.value] += 1
        return totals

    def _rules(self, rules: dict[str, Rule], policy: Policy) -> dict[str, Rule]:
        """The rule table as ``override`` shows it, made once per table and policy."""
        if not policy.severity:
            return rules
        key = (id(rules), policy)  # the spool keeps every table alive
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = {r: policy.apply_to(rule) for r, rule in rules.items()}
        return found


def process(
    results: Sequence[FileResult],
    policies: Sequence[Policy],
    fail_on: str = "error",
    known: Baseline | None = None,
    report_unused: bool = True,
) -> Outcome:
    """Every file through the stages, in input order.

    Results spooled to disk stay there: the outcome's results are then read and
    post-processed again on each walk, and this walk only counts them.
    """
    from checker.spool import Spool

    if len(policies) != len(results):
        raise ValueError("one policy per result")
    out: list[FileResult] = []
    matched: set[str] = set()
    hidden = 0
    prints = frozenset(known.fingerprints()) if known else frozenset()
    spooled = isinstance(results, Spool)
    lazy = walk(results, policies, prints, report_unused)
    paths: set[str] = set()
    totals = count(())
    for index in range(len(results)):
        run = lazy.run(index)
        quick = lazy.counted(index, run)
        if quick is not None:
            totals = _sum(totals, quick)
            continue
        done = lazy.completed(index, run)
        matched |= run.matched
        hidden += run.hidden
        if known is not None:
            paths.add(stable_path(done.path))
        if spooled:
            totals = _add(totals, done)
        else:
            out.append(done)
    stale: list[Entry] = []
    if known is not None:
        stale = known.stale(paths, matched)
    outcome = Outcome(out, fail_on, suppressed=hidden, stale=stale, planned=len(results))
    if spooled:  # nothing was kept: each walk reads and completes again
        outcome.results, outcome.totals = lazy, totals
    return outcome


def _add(totals: dict[str, int], result: FileResult) -> dict[str, int]:
    return _sum(totals, count((result,)))


def _sum(totals: dict[str, int], one: dict[str, int]) -> dict[str, int]:
    return {key: totals[key] + one[key] for key in totals}


def all_entries(results: Sequence[FileResult], policies: Sequence[Policy]) -> list[Entry]:
    """Every selected finding as a baseline entry, ignoring any existing baseline.

    Unused suppressions are left out: they arise after the baseline stage, so a
    baseline could never match them.
    """
    from checker.baseline import Entry

    return [
        Entry(
            fingerprint=fp,
            rule=f.rule,
            path=stable_path(r.path),
            section=f.location.section,
            message=message(r, f, "zh"),
        )
        for r in walk(results, policies, report_unused=False)
        for f, fp in zip(r.findings, r.fingerprints, strict=True)
    ]


__all__ = [
    "STAGES",
    "THRESHOLDS",
    "FileRun",
    "Outcome",
    "Policy",
    "Processed",
    "all_entries",
    "as_reported",
    "process",
]
