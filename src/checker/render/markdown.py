"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A count per file, then each file's findings in a collapsed block. Document
text is escaped (HTML, Markdown, ``@``), and the list is capped so that the
comment stays within what a pull request accepts; the cut is stated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from checker.messages import word
from checker.render.safe import for_markdown
from checker.render.words import SEVERITY_WORDS, baseline_line, place, summary_line
from checker.results import FileResult, display_path, message

if TYPE_CHECKING:
    from checker.results import Outcome

MAX_ROWS = 200


def _counts(result: FileResult) -> tuple[int, int, int]:
    sev = [f.severity.value for f in result.findings]
    return sev.count("error"), sev.count("warning"), sev.count("info")


def render(outcome: Outcome, lang: str) -> str:
    return "".join(chunks(outcome, lang))


def chunks(outcome: Outcome, lang: str) -> Iterator[str]:
    """The comment in pieces: the head, the count table (one walk over the files),
    then each file's findings (a second walk, ended at the cap)."""
    return _rstripped(_pieces(outcome, lang))


def _rstripped(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces' text with its trailing line breaks replaced by one, as it is made."""
    held = ""
    for piece in pieces:
        text = held + piece
        body = text.rstrip("\n")
        held = text[len(body) :]
        if body:
            yield body
    yield "\n"


def _pieces(outcome: Outcome, lang: str) -> Iterator[str]:
    words = SEVERITY_WORDS["en" if lang == "en" else "zh"]
    s = outcome.summary()
    verdict = word("markdown.failed" if outcome.failed else "markdown.passed", lang)
    out = [
        word("markdown.title", lang, verdict=verdict),
        "",
        for_markdown(summary_line(s, lang)),
        "",
    ]
    if outcome.baseline is not None:
        out += [for_markdown(baseline_line(outcome.suppressed, len(outcome.stale), lang)), ""]
    head = tuple(
        word(f"markdown.{key}", lang) for key in ("file", "format", "errors", "warnings", "infos")
    )
    out.append("| " + " | ".join(head) + " |")
    out.append("|---|---|---:|---:|---:|")
    yield "\n".join(out)
    for result in outcome.results:
        e, w, i = _counts(result)
        fmt = result.edition or word("html.unreadable", lang)
        path = for_markdown(display_path(result.path))
        yield f"\n| {path} | {for_markdown(fmt)} | {e} | {w} | {i} |"
    yield "\n"
    shown = 0
    total = s["findings"]
    for result in outcome.results:
        if shown >= MAX_ROWS:
            break  # nothing more is shown: no need to read the other files
        if not result.findings:
            continue
        title = f"{for_markdown(display_path(result.path))} ({len(result.findings)})"
        out = ["<details>", f"<summary>{title}</summary>", ""]
        cols = tuple(
            word(f"column.{key}", lang) for key in ("location", "severity", "rule", "message")
        )
        out += ["| " + " | ".join(cols) + " |", "|---|---|---|---|"]
        for f in result.findings:
            if shown >= MAX_ROWS:
                break
            shown += 1
            out.append(
                f"| {for_markdown(place(result, f, lang))} | {words[f.severity.value]} "
                f"| {f.rule} | {for_markdown(message(result, f, lang))} |"
            )
        out += ["", "</details>", ""]
        yield "\n" + "\n".join(out)
    if shown < total:
        cut = total - shown
        yield "\n" + "\n".join([word("markdown.cut", lang, cut=cut, limit=MAX_ROWS), ""])
