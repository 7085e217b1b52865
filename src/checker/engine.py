"""Run the rules of the right edition over one document.

read → Document → Report (outline, report facts) → rules → findings. The
engine picks the edition from the report year (or the user's override), runs
every rule's kind, and records rules that could not be evaluated instead of
letting them pass silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker import budget
from checker.checks import Context
from checker.errors import ReadError
from checker.extract.facts import FactStore
from checker.extract.report import SOURCE_NAMES, Report, build_report
from checker.findings import Finding
from checker.i18n import Text
from checker.messages import read_reason
from checker.model import Document, Location
from checker.places import collect
from checker.results import FileResult, display_path
from checker.rulepacks import compiled
from checker.rulepacks.editions import (
    Edition,
    edition_by_id,
    edition_for_year,
    editions,
    latest,
)
from checker.rulepacks.loader import PackSet, load_packset, load_reading

if TYPE_CHECKING:
    from checker.readers.limits import ReadLimits

INPUT_RULE = "E001"


@dataclass(frozen=True)
class Options:
    edition: str | None = None  # force an edition id
    extra_packs: tuple[str, ...] = ()
    level: str | None = None  # "government" | "department": overrides detection
    limits: ReadLimits | None = None  # bounds for reading one file; None: the readers' defaults
    deadlines: tuple[tuple[str, str], ...] = ()  # ("government"|"department"|"all", "MM-DD")
    pattern_timeout: float | None = None  # CPU seconds for one document's patterns (budget.py)
    convert_with: str | None = None  # "soffice": read .doc/.wps through LibreOffice
    # False where nothing will be compared with the report (one file, no --previous):
    # the cross-report summary is then not made
    summaries: bool = True


class Engine:
    """Holds the loaded packs so that many files share one load."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._packs: dict[str, PackSet] = {}
        self._reading: PackSet | None = None
        if self.options.edition is not None and edition_by_id(self.options.edition) is None:
            raise ValueError(f"unknown edition {self.options.edition!r}")

    def packset(self, pack: str) -> PackSet:
        if pack not in self._packs:
            self._packs[pack] = self._dated(load_packset(pack, list(self.options.extra_packs)))
        return self._packs[pack]

    def _dated(self, loaded: PackSet) -> PackSet:
        if self.options.deadlines:
            overrides = dict(self.options.deadlines)
            if "all" in overrides:  # one date for every level replaces the pack's table
                loaded.deadline.clear()
            loaded.deadline.update(overrides)
        return loaded

    def common(self) -> PackSet:
        return self.packset("common")

    def reading(self) -> PackSet:
        """The common set without its rules: enough to build a report and find its year."""
        if self._reading is None:
            if "common" in self._packs:
                self._reading = self._packs["common"]
            else:
                extra = list(self.options.extra_packs)
                self._reading = self._dated(load_reading("common", extra))
        return self._reading

    def check_path(self, path: str) -> FileResult:
        from checker.readers import read_path

        try:
            document = read_path(path, self.options.limits, self.options.convert_with)
        except ReadError as exc:
            return self.unreadable(path, exc)
        return self.check_document(document)

    def unreadable(self, path: str, exc: ReadError) -> FileResult:
        rules = self.common().rules
        rule = rules[INPUT_RULE]
        finding = Finding(
            rule=rule.id,
            severity=rule.severity,
            category=rule.category,
            location=Location(),
            args={"reason": read_reason(exc.code), "code": exc.code, "detail": exc.detail},
        )
        return FileResult(
            path=path, findings=[finding], rules=rules, readable=False, applied=[rule.id]
        )

    def choose_edition(self, report: Report) -> tuple[Edition, Text]:
        if self.options.edition is not None:
            chosen = edition_by_id(self.options.edition)
            assert chosen is not None
            return chosen, Text("命令行指定", "set on the command line")
        year = report.year
        if year is not None:
            found = edition_for_year(year)
            if found is not None:
                source = report.year_sources[0]
                return found, Text(
                    f"报告年度{year}（取自{SOURCE_NAMES[source.name].zh}）",
                    f"report year {year} (from the {SOURCE_NAMES[source.name].en})",
                )
        by_tables = self._edition_from_tables(report)
        if by_tables is not None:
            return by_tables, Text(
                "未能识别报告年度，按表格栏目判断格式",
                "no report year found; the format is judged from the table labels",
            )
        fallback = latest()
        return fallback, Text(
            "未能识别报告年度，按现行格式检查",
            "no report year found; the current format is assumed",
        )

    def _edition_from_tables(self, report: Report) -> Edition | None:
        """Without a year: the edition whose own table labels (``document:
        signatures`` in its pack) stand in the document's tables."""
        from checker.labels import normalise_label

        labels = {
            normalise_label(cell.text)
            for table in report.document.tables
            for row in table.rows
            for cell in row
            if cell.text
        }
        if not labels:
            return None
        scores = []
        for edition in editions():
            wanted = {normalise_label(s) for s in self.packset(edition.pack).signatures}
            scores.append((len(wanted & labels), edition.first_year, edition))
        best = max(scores, key=lambda s: (s[0], s[1]))
        return best[2] if best[0] else None

    def check_document(self, document: Document) -> FileResult:
        try:
            with budget.document(self.options.pattern_timeout):
                result = self._check_document(document)
            compiled.save()  # the grammars' patterns, compiled on the first report
            return result
        except TimeoutError:
            error = ReadError(document.path, "too-complex", "the pattern budget was spent")
        except Exception as exc:  # never lose the other files to a defect of ours
            error = ReadError(document.path, "internal-error", f"{type(exc).__name__}: {exc}")
        return self.unreadable(document.path, error)

    def _check_document(self, document: Document) -> FileResult:
        # the year alone decides the edition: the outline waits until the report is reused
        first = build_report(document, self.reading(), outline=False)
        edition, reason = self.choose_edition(first)
        packset = self.packset(edition.pack)
        report = build_report(document, packset, like=first)
        if self.options.level is not None:
            report.level = self.options.level
        report.edition = edition.id
        facts = FactStore(report)
        result = FileResult(
            path=document.path,
            edition=edition.id,
            edition_reason=reason,
            year=report.year,
            source_kind=document.source_kind,
            rules=packset.rules,
            comments=list(document.comments),
        )
        plan = packset.plan
        assert plan is not None, "a pack set is bound when it loads (loader.load_packset)"
        across = plan.across
        level = report.level
        for rule, check, spec in plan.here:
            if rule.applies_to != "all" and rule.applies_to != level:
                continue
            result.applied.append(rule.id)
            if budget.spent():  # the document's pattern budget went on earlier rules
                result.not_evaluated.append((rule.id, "pattern timed out"))
                continue
            ctx = Context(rule, report, facts)
            try:
                result.findings.extend(check(ctx, spec))
            except TimeoutError:  # bounded per file, so results do not depend on scheduling
                result.not_evaluated.append((rule.id, "pattern timed out"))
                continue
            except Exception as exc:  # a defect of ours must not stop the file or the run
                result.not_evaluated.append((rule.id, f"internal error: {type(exc).__name__}"))
                continue
            if ctx.skipped:
                result.not_evaluated.append((rule.id, ctx.skipped))
        if across and self.options.summaries:
            from checker.across.summary import summarise

            try:
                result.summary = summarise(report, plan.cells)
            except TimeoutError:  # the pattern budget was spent
                result.not_evaluated.extend((rule_id, "pattern timed out") for rule_id in across)
            except Exception as exc:  # a defect of ours costs the cross-report checks only
                why = f"internal error: {type(exc).__name__}"
                result.not_evaluated.extend((rule_id, why) for rule_id in across)
        result.places = collect(
            document.blocks, report.outline.section_of, result.findings, report.title, report.year
        )
        # the extractors' memos refer back to the report (a table index, the prose
        # read): emptied, the report's objects go now, by reference counting, and
        # not at the next collection of cycles, which would walk them all first
        report.cache.clear()
        first.cache.clear()
        return result  # raw, in the order the rules ran: see postprocess.STAGES


# the result types moved to checker.results; these names stay importable from here
__all__ = ["Engine", "FileResult", "Options", "display_path"]
