"""The cross-report stage inside one ``checker check`` run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.across.stage import Entry, Stage, apply

if TYPE_CHECKING:
    from checker.engine import Options
    from checker.results import FileResult


def cross_check(
    results: Sequence[FileResult],
    previous: str | None,
    options: Options | None,
    lang: str = "zh",
) -> list[str]:
    """Judge the checked reports against each other (and ``--previous``); returns notes."""
    from checker.spool import Spool

    stage = Stage(lang)
    if isinstance(results, Spool):  # the summaries were kept aside: no result is read
        for index, summary in enumerate(results.summaries):
            if summary is not None:
                stage.add(index, summary, results.rules(index))
    else:
        for index, result in enumerate(results):
            stage.add(index, result.summary, result.rules)
    notes: list[str] = []
    earlier = None
    if previous is not None and options is not None:
        earlier, note = _previous(previous, options, lang)
        if note:
            notes.append(note)
    verdicts = stage.run(earlier)
    if isinstance(results, Spool):
        results.verdicts = verdicts  # added to each result as it is read back
        results.summaries.clear()  # nothing downstream needs them
        return notes + verdicts.notes
    apply(results, verdicts)
    for result in results:
        result.summary = None  # nothing downstream needs it
    return notes + verdicts.notes


def _previous(path: str, options: Options, lang: str) -> tuple[Entry | None, str | None]:
    """Last year's report named on the command line: checked, but only to be compared with."""
    from checker.batch import engine_for
    from checker.messages import read_reason, word

    result = engine_for(options).check_path(path)
    if not result.readable:
        finding = result.findings[0] if result.findings else None
        code = str(finding.args.get("code", "")) if finding else ""
        reason = read_reason(code).get(lang)
        return None, word("across.previous-unreadable", lang, path=path, reason=reason)
    if result.summary is None:
        return None, word("across.previous-no-rule", lang, path=path)
    return Entry(-1, result.summary, result.rules), None
