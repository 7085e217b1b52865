"""The cross-report stage: pair reports by (body, year), then judge each pair.

Runs after every file was checked, on the files' summaries alone. Reports are
indexed by (issuing body, report year) in one pass, so a report finds last
year's report of its body by one lookup; copies between different bodies are
found through LSH bands of their signatures, each report meeting at most one
earlier report per band. Nothing here compares every pair, and every finding
goes to the later report (or, for duplicates, to both), naming the other file
as a related location.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from checker.across.sketch import bands, similarity
from checker.across.summary import CellNote, ReportSummary
from checker.findings import Finding, Item, Related, Severity
from checker.i18n import Text
from checker.messages import word
from checker.model import Location
from checker.rulepacks.pack import Rule

PAIR_KINDS = ("carry-over", "in-force", "copied-section", "copied-report")
_MAX_NAMED = 5  # other files named in one finding's message


@dataclass(frozen=True)
class Entry:
    """One checked report: its place among the results, its summary, its rule table."""

    index: int  # -1: the file named by --previous, which is not reported on
    summary: ReportSummary
    rules: Mapping[str, Rule]
    by_kind: Mapping[str, list[Rule]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Rule]:
        return self.by_kind.get(kind, []) if self.by_kind else _kinds(self.rules).get(kind, [])


def _kinds(rules: Mapping[str, Rule]) -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for rule in rules.values():
        out.setdefault(rule.kind, []).append(rule)
    return out


@dataclass
class Verdicts:
    """What the stage adds to each result, by its index."""

    findings: dict[int, list[Finding]] = field(default_factory=dict)
    applied: dict[int, list[str]] = field(default_factory=dict)
    not_evaluated: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # one line each, for standard error

    def add(self, entry: Entry, findings: Sequence[Finding]) -> None:
        if entry.index >= 0 and findings:
            self.findings.setdefault(entry.index, []).extend(findings)

    def ran(self, entry: Entry, rule: Rule) -> None:
        if entry.index >= 0:
            self.applied.setdefault(entry.index, []).append(rule.id)

    def skipped(self, entry: Entry, rule: Rule, why: str) -> None:
        if entry.index >= 0:
            self.not_evaluated.setdefault(entry.index, []).append((rule.id, why))


def _finding(
    rule: Rule,
    location: Location,
    related: Sequence[Related] = (),
    *,
    severity: Severity | None = None,
    expected: Decimal | str | None = None,
    actual: Decimal | str | None = None,
    items: Sequence[Item] = (),
    **args: object,
) -> Finding:
    if severity is None or severity.rank > rule.severity.rank:
        severity = rule.severity
    return Finding(
        rule=rule.id,
        severity=severity,
        category=rule.category,
        location=location,
        args=args,
        expected=expected,
        actual=actual,
        items=tuple(items),
        related=tuple(related),
    )


class Stage:
    """Collects summaries as files finish; judges them all in ``run``."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = lang  # of the notes for standard error
        self.entries: list[Entry] = []
        self._kinds: dict[int, dict[str, list[Rule]]] = {}  # per rule table (one per edition)

    def add(self, index: int, summary: ReportSummary | None, rules: Mapping[str, Rule]) -> None:
        if summary is not None:
            kinds = self._kinds.get(id(rules))
            if kinds is None:  # the entries keep ``rules`` alive, so its id stays its own
                kinds = self._kinds[id(rules)] = _kinds(rules)
            self.entries.append(Entry(index, summary, rules, kinds))

    def run(self, previous: Entry | None = None) -> Verdicts:
        verdicts = Verdicts()
        by_key: dict[tuple[str, int], list[Entry]] = {}
        for entry in self.entries:
            s = entry.summary
            if s.body is not None and s.year is not None:
                by_key.setdefault((s.body, s.year), []).append(entry)
        for group in by_key.values():
            if len(group) > 1:
                _duplicates(group, verdicts)
        for entry in self.entries:
            earlier = self._earlier(entry, by_key, previous, verdicts)
            if earlier is not None:
                _pair(earlier, entry, verdicts)
        _copies_across(self.entries, verdicts)
        _hierarchy(self.entries, by_key, verdicts)
        return verdicts

    def _earlier(
        self,
        entry: Entry,
        by_key: dict[tuple[str, int], list[Entry]],
        previous: Entry | None,
        verdicts: Verdicts,
    ) -> Entry | None:
        s = entry.summary
        if previous is not None:
            if previous.summary.path == s.path:
                return None
            problem = mismatch(previous.summary, s, self.lang)
            if problem is None:
                if previous.summary.edition != s.edition:
                    verdicts.notes.append(
                        word(
                            "across.editions-differ",
                            self.lang,
                            path=previous.summary.path,
                            edition=previous.summary.edition,
                            other=s.path,
                            other_edition=s.edition,
                        )
                    )
                return previous
            verdicts.notes.append(
                word(
                    "across.not-previous",
                    self.lang,
                    path=previous.summary.path,
                    problem=problem,
                    other=s.path,
                )
            )
            return None
        if s.body is None or s.year is None:
            return None
        found = by_key.get((s.body, s.year - 1), [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            for kind in PAIR_KINDS:
                for rule in entry.of_kind(kind):
                    verdicts.skipped(
                        entry, rule, f"{len(found)} reports of {s.year - 1} by this body"
                    )
        return None


def mismatch(earlier: ReportSummary, later: ReportSummary, lang: str = "zh") -> str | None:
    """Why ``earlier`` cannot be the previous report of ``later``, in one phrase."""
    if earlier.year is None or later.year is None:
        path = earlier.path if earlier.year is None else later.path
        return word("across.no-year", lang, path=path)
    if earlier.year != later.year - 1:
        return word(
            "across.wrong-year", lang, year=earlier.year, want=later.year - 1, later=later.year
        )
    if earlier.body is None or later.body is None:
        path = earlier.path if earlier.body is None else later.path
        return word("across.no-body", lang, path=path)
    if earlier.body != later.body:
        return word("across.other-body", lang, body=earlier.body_text, other=later.body_text)
    return None


# --------------------------------------------------------------------------
# One body, two consecutive years
# --------------------------------------------------------------------------


def _pair(earlier: Entry, later: Entry, verdicts: Verdicts) -> None:
    for rule in later.of_kind("carry-over"):
        _judge(later, rule, verdicts, _carry_over(rule, earlier.summary, later.summary))
    for rule in later.of_kind("in-force"):
        _judge(later, rule, verdicts, _in_force(rule, earlier.summary, later.summary))
    whole = [f for r in later.of_kind("copied-report") for f in _copied_report(r, earlier, later)]
    for rule in later.of_kind("copied-report"):
        verdicts.ran(later, rule)
    verdicts.add(later, whole)
    for rule in later.of_kind("copied-section"):
        verdicts.ran(later, rule)
        if not whole:  # the whole report copied is said once, not once per section
            verdicts.add(later, list(_copied_sections(rule, earlier, later)))


def _judge(
    entry: Entry, rule: Rule, verdicts: Verdicts, outcome: tuple[list[Finding], int, str]
) -> None:
    findings, compared, why = outcome
    if compared:
        verdicts.ran(entry, rule)
        verdicts.add(entry, findings)
    else:
        verdicts.skipped(entry, rule, why)


def _related(summary: ReportSummary, location: Location | None, label: Text) -> Related:
    return Related(summary.path, location or Location(), label)


def _last_year(earlier: ReportSummary) -> Text:
    return Text(f"{earlier.year}年度报告", f"the report on {earlier.year}")


def _carry_over(
    rule: Rule, earlier: ReportSummary, later: ReportSummary
) -> tuple[list[Finding], int, str]:
    p = rule.spec
    out: list[Finding] = []
    compared = 0
    for column in p.columns:
        before = earlier.cells.get((p.table, p.earlier, column))
        now = later.cells.get((p.table, p.later, column))
        if before is None or now is None or before.value is None or now.value is None:
            continue
        compared += 1
        if before.value == now.value:
            continue
        out.append(
            _against(
                rule,
                now,
                before,
                earlier,
                expected=before.value,
                actual=now.value,
                items=[
                    Item(_cell_words(now, later), now.value, now.location),
                    Item(_cell_words(before, earlier), before.value, before.location),
                ],
                column=now.column,
                difference=abs(before.value - now.value),
            )
        )
    return out, compared, "the carried-over cells are missing in one of the two reports"


def _cell_words(cell: CellNote, summary: ReportSummary) -> Text:
    return Text(
        f"{summary.year}年度报告“{cell.row.zh}·{cell.column.zh}”",
        f"report on {summary.year}, {cell.row.en} / {cell.column.en}",
    )


def _against(
    rule: Rule, cell: CellNote, last: CellNote, earlier: ReportSummary, **args: Any
) -> Finding:
    """A finding at this year's cell, with last year's cell as its related location."""
    related = [_related(earlier, last.location, _cell_words(last, earlier))]
    return _finding(
        rule,
        cell.location,
        related,
        previous=earlier.path,
        previous_year=str(earlier.year),
        **args,
    )


def _in_force(
    rule: Rule, earlier: ReportSummary, later: ReportSummary
) -> tuple[list[Finding], int, str]:
    p = rule.spec
    table = p.table
    out: list[Finding] = []
    compared = 0
    reform = later.reform or earlier.reform
    for row in p.rows:
        before = earlier.cells.get((table, row, p.valid))
        now = later.cells.get((table, row, p.valid))
        made = later.cells.get((table, row, p.made))
        repealed = later.cells.get((table, row, p.repealed))
        cells = (before, now, made, repealed)
        if any(c is None or c.value is None for c in cells):
            continue
        assert before and now and made and repealed  # for the type checker
        assert before.value is not None and now.value is not None
        assert made.value is not None and repealed.value is not None
        compared += 1
        expected = before.value + made.value - repealed.value
        if expected == now.value:
            continue
        out.append(
            _against(
                rule,
                now,
                before,
                earlier,
                severity=Severity.WARNING if reform else None,
                expected=expected,
                actual=now.value,
                items=[
                    Item(_cell_words(before, earlier), before.value, before.location),
                    Item(_cell_words(made, later), made.value, made.location),
                    Item(_cell_words(repealed, later), -repealed.value, repealed.location),
                ],
                row=now.row,
                before=before.value,
                made=made.value,
                repealed=repealed.value,
                difference=abs(expected - now.value),
                reform=Text(
                    f"（报告提及“{reform}”，故为警告）",
                    f' (the report mentions "{reform}", hence a warning)',
                )
                if reform
                else "",
            )
        )
    why = "the edition of one of the two reports has no in-force counts (or the cells are missing)"
    return out, compared, why


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _copied_report(rule: Rule, earlier: Entry, later: Entry) -> Iterator[Finding]:
    p = rule.spec
    e, s = earlier.summary, later.summary
    if e.whole_chars < p.min_chars or s.whole_chars < p.min_chars:
        return
    score = similarity(e.whole, s.whole)
    if score >= p.threshold:
        yield _finding(
            rule,
            Location(),
            [_related(e, None, _last_year(e))],
            similarity=_percent(score),
            previous=e.path,
            previous_year=str(e.year),
        )


def _copied_sections(rule: Rule, earlier: Entry, later: Entry) -> Iterator[Finding]:
    p = rule.spec
    least, threshold = p.min_chars, p.threshold
    e, s = earlier.summary, later.summary
    for key, now in s.sections.items():
        before = e.sections.get(key)
        if before is None or min(before.chars, now.chars) < least:
            continue
        score = similarity(before.signature, now.signature)
        if score >= threshold:
            yield _finding(
                rule,
                now.location,
                [_related(e, before.location, Text(before.title, before.title))],
                section=now.title,
                similarity=_percent(score),
                previous=e.path,
                previous_year=str(e.year),
            )


# --------------------------------------------------------------------------
# One body and year twice
# --------------------------------------------------------------------------


def _others(entries: Sequence[Entry]) -> str:
    names = [e.summary.path for e in entries[:_MAX_NAMED]]
    more = len(entries) - len(names)
    return "、".join(names) + (f" (+{more})" if more > 0 else "")


def _duplicates(group: list[Entry], verdicts: Verdicts) -> None:
    for entry in group:
        for rule in entry.of_kind("same-report-twice"):
            verdicts.ran(entry, rule)
            others = [o for o in group if o is not entry]
            verdicts.add(
                entry,
                [
                    _finding(
                        rule,
                        Location(),
                        [
                            _related(
                                o.summary,
                                None,
                                Text(
                                    "同一机关同一年度的另一份报告",
                                    "another report of the same body and year",
                                ),
                            )
                            for o in others[:_MAX_NAMED]
                        ],
                        body=entry.summary.body_text or entry.summary.body or "",
                        year=str(entry.summary.year),
                        others=_others(others),
                        count=str(len(group)),
                    )
                ],
            )


# --------------------------------------------------------------------------
# Different bodies, nearly the same report
# --------------------------------------------------------------------------


def _copies_across(entries: Sequence[Entry], verdicts: Verdicts) -> None:
    rule = next((r for e in entries for r in e.of_kind("copied-across")), None)
    if rule is None:
        return
    p = rule.spec
    least, threshold, count = p.min_chars, p.threshold, p.bands
    first_of: dict[int, Entry] = {}  # band key -> the first report with it
    named: set[int] = set()  # reports already told about a copy of theirs
    for entry in entries:
        s = entry.summary
        if s.whole_chars < least or not s.whole:
            continue
        keys = bands(s.whole, count)
        seen: set[int] = set()
        best: tuple[float, Entry] | None = None
        for key in keys:
            other = first_of.get(key)
            if other is None:
                first_of[key] = entry
                continue
            if id(other) in seen or _same_body(other.summary, s):
                continue
            seen.add(id(other))
            score = similarity(other.summary.whole, s.whole)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, other)
        if best is None:
            continue
        score, other = best
        for target, source in ((entry, other), (other, entry)):
            if target is other and id(other) in named:
                continue
            named.add(id(target))
            for r in target.of_kind("copied-across"):
                verdicts.ran(target, r)
                verdicts.add(target, [_across(r, target, source, score)])


def _same_body(a: ReportSummary, b: ReportSummary) -> bool:
    return a.body is not None and a.body == b.body


def _across(rule: Rule, target: Entry, source: Entry, score: float) -> Finding:
    o = source.summary
    label = Text(f"{o.body_text or o.path}的报告", f"the report of {o.body_text or o.path}")
    return _finding(
        rule,
        Location(),
        [_related(o, None, label)],
        similarity=_percent(score),
        other=o.path,
        other_body=o.body_text or "",
    )


# --------------------------------------------------------------------------
# A government and its subordinate bodies
# --------------------------------------------------------------------------


def _hierarchy(
    entries: Sequence[Entry], by_key: dict[tuple[str, int], list[Entry]], verdicts: Verdicts
) -> None:
    governments: dict[tuple[str, int], Entry] = {}
    for (_body, year), group in by_key.items():
        region = _region(group[0])
        if len(group) == 1 and group[0].summary.level == "government" and region:
            governments[(region, year)] = group[0]
    if not governments:
        return
    longest = max(len(region) for region, _ in governments)
    children: dict[int, list[Entry]] = {}
    for entry in entries:
        s = entry.summary
        if s.body is None or s.year is None:
            continue
        for n in range(min(len(s.body) - 1, longest), 1, -1):  # the nearest government above
            parent = governments.get((s.body[:n], s.year))
            if parent is not None and parent is not entry and _region(entry) != s.body[:n]:
                children.setdefault(id(parent), []).append(entry)
                break
    for parent in governments.values():
        found = children.get(id(parent))
        if found:
            _government(parent, found, verdicts)


def _region(entry: Entry) -> str | None:
    """The place a government's name begins with: 江泉县 of 江泉县人民政府."""
    body = entry.summary.body
    suffixes: tuple[str, ...] = ()
    for rule in entry.of_kind("hierarchy-sum") + entry.of_kind("hierarchy-coverage"):
        suffixes = rule.spec.government_suffixes
        break
    if body is None:
        return None
    for suffix in suffixes:
        if body.endswith(suffix) and len(body) > len(suffix):
            return body[: -len(suffix)]
    return None


def _government(parent: Entry, found: list[Entry], verdicts: Verdicts) -> None:
    g = parent.summary
    named = _others(found)
    for rule in parent.of_kind("hierarchy-coverage"):
        verdicts.ran(parent, rule)
        if g.coverage is None:
            verdicts.add(
                parent,
                [
                    _finding(
                        rule,
                        Location(),
                        [_related(c.summary, None, _body_words(c.summary)) for c in found],
                        count=str(len(found)),
                        others=named,
                    )
                ],
            )
    for rule in parent.of_kind("hierarchy-sum"):
        if g.coverage != "region":
            verdicts.skipped(
                parent, rule, "the report does not state that its tables cover the region"
            )
            continue
        verdicts.ran(parent, rule)
        verdicts.add(parent, list(_sums(rule, g, found)))


def _body_words(summary: ReportSummary) -> Text:
    name = summary.body_text or summary.path
    return Text(f"{name}的报告", f"the report of {name}")


def _sums(rule: Rule, g: ReportSummary, found: list[Entry]) -> Iterator[Finding]:
    for spec in rule.spec.cells:
        key = (spec.table, spec.row, spec.column)
        own = g.cells.get(key)
        if own is None or own.value is None:
            continue
        parts = [(c, c.summary.cells.get(key)) for c in found]
        present = [(c, cell) for c, cell in parts if cell is not None and cell.value is not None]
        if not present:
            continue
        total = sum((cell.value for _, cell in present if cell.value is not None), Decimal(0))
        if own.value >= total:
            continue
        yield _finding(
            rule,
            own.location,
            [_related(c.summary, cell.location, _body_words(c.summary)) for c, cell in present],
            expected=total,
            actual=own.value,
            items=[Item(_body_words(c.summary), cell.value, cell.location) for c, cell in present],
            cell=Text(f"{own.row.zh}·{own.column.zh}", f"{own.row.en} / {own.column.en}"),
            count=str(len(present)),
            difference=total - own.value,
            coverage=g.coverage_text or "",
        )


def apply(results: Sequence[Any], verdicts: Verdicts) -> None:
    """Add the stage's findings and bookkeeping to the results they belong to."""
    for index, result in enumerate(results):
        apply_one(index, result, verdicts)


def apply_one(index: int, result: Any, verdicts: Verdicts) -> None:
    """``apply`` for the result at ``index`` alone (a spooled result, as it is read back)."""
    result.findings.extend(verdicts.findings.get(index, ()))
    ran = dict.fromkeys(verdicts.applied.get(index, ()))
    result.applied.extend(r for r in ran if r not in result.applied)
    result.not_evaluated.extend(verdicts.not_evaluated.get(index, ()))
