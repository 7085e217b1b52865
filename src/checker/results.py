"""What a run produces, as data: one result per file and the run's outcome.

The engine fills these, post-processing filters and orders them, renderers
read them. Keeping them here, below all three, means a renderer or a
post-processing stage never has to import the engine (and its readers and
rule packs) to name a dataclass.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, overload

from checker.findings import Finding, render_message
from checker.i18n import Text
from checker.model import Comment

if TYPE_CHECKING:
    from checker.across.summary import ReportSummary
    from checker.baseline import Entry
    from checker.places import Places
    from checker.rulepacks.pack import Rule

# lowest severity rank that fails the run, per --fail-on value
THRESHOLDS = {"error": 3, "warning": 2, "info": 1, "never": 99}


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    edition: str | None = None
    edition_reason: Text | None = None
    year: int | None = None
    source_kind: str | None = None
    not_evaluated: list[tuple[str, str]] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    readable: bool = True
    applied: list[str] = field(default_factory=list)  # IDs of the rules run on this file
    fingerprints: list[str] = field(default_factory=list)  # one per finding, set after the run
    comments: list[Comment] = field(default_factory=list)  # the document's, as data (suppress.py)
    places: Places | None = None  # quotes and table titles for the human formats
    summary: ReportSummary | None = None  # what the cross-report stage needs of this file

    def take_rules(self, rules: dict[str, Rule]) -> None:
        """Give a result read back from a pickle its pack's rule table again; the rule
        IDs it ran, new strings per file once unpickled, become the table's own."""
        self.rules = rules
        self.applied = [rules[r].id if r in rules else r for r in self.applied]


class ReadBack(Sequence[FileResult]):
    """Results made again each time one is read (from a spool, through post-processing):
    indexed and walked as often as needed, never all held at once."""

    @abstractmethod
    def _at(self, index: int) -> FileResult:
        """The result of file ``index``, made afresh."""

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileResult]: ...

    def __getitem__(self, index: int | slice) -> FileResult | list[FileResult]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)

    def __iter__(self) -> Iterator[FileResult]:
        return (self._at(i) for i in range(len(self)))


@dataclass
class Outcome:
    """What the renderers see: the post-processed results and the gate's verdict.

    ``results`` is a list, or for a ``checker check`` run a sequence read back from
    disk file by file (``postprocess.Processed``): renderers walk it, never keep it.
    """

    results: Sequence[FileResult]
    fail_on: str = "error"
    baseline: str | None = None  # the baseline file, when one was used
    suppressed: int = 0  # findings hidden by the baseline
    stale: list[Entry] = field(default_factory=list)
    interrupted: bool = False
    planned: int = 0  # files the run set out to check
    totals: dict[str, int] | None = None  # ``summary()``, when counted while post-processing

    def summary(self) -> dict[str, int]:
        """Files, unreadable files, findings and findings per severity."""
        return self.totals if self.totals is not None else count(self.results)

    @property
    def failed(self) -> bool:
        threshold = THRESHOLDS[self.fail_on]
        totals = self.summary()
        return any(totals[level] for level, rank in RANKS.items() if rank >= threshold)


RANKS = {"error": 3, "warning": 2, "info": 1}  # Severity.rank, by severity


def count(results: Iterable[FileResult]) -> dict[str, int]:
    """The run's summary counts (the JSON contract's ``summary``), in one walk."""
    totals = {"files": 0, "unreadable": 0, "findings": 0, "error": 0, "warning": 0, "info": 0}
    for result in results:
        totals["files"] += 1
        totals["unreadable"] += not result.readable
        totals["findings"] += len(result.findings)
        for finding in result.findings:
            totals[finding.severity.value] += 1
    return totals


def message(result: FileResult, finding: Finding, lang: str) -> str:
    """A finding's message in ``lang``, from its rule's template."""
    rule = result.rules.get(finding.rule)
    template = rule.message.get(lang) if rule else finding.rule
    text = render_message(template, finding, lang)
    if finding.rule == "E001" and finding.args.get("detail"):
        text += f" ({finding.args['detail']})"
    return text


@lru_cache(maxsize=4096)  # a file's path is shown with each finding naming it as related
def display_path(path: str) -> str:
    """Paths as the user gave them, with forward slashes for stable output."""
    return Path(path).as_posix() if path != "-" else path
