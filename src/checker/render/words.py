"""Shared wording for renderers: messages and locations in the chosen language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.findings import Finding, Item
from checker.messages import word
from checker.model import Location
from checker.results import FileResult

if TYPE_CHECKING:
    from checker.places import Places

SEVERITY_WORDS = {
    lang: {level: word(f"severity.{level}", lang) for level in ("error", "warning", "info")}
    for lang in ("zh", "en")
}


def location(
    loc: Location, lang: str, places: Places | None = None, items: Sequence[Item] = ()
) -> str:
    """Where a person finds it in the draft: the section, the table by its title and its
    row and column labels, the first words of the paragraph; the page of a PDF. Never a
    paragraph ordinal or a source line (JSON keeps those). A finding that sets text
    against a table also names the other place."""
    here = _place(loc, lang, places)
    others: list[str] = []
    for item in items:
        other = item.location
        if other.paragraph is None or other.paragraph == loc.paragraph:
            continue
        if (other.table is None) == (loc.table is None):
            continue  # only text against a table is a second place worth naming
        words = _place(other, lang, places)
        if words not in others and words != here:
            others.append(words)
    if others:
        here += f"；{word('place.also', lang)}：" + "；".join(others)
    return here


def _place(loc: Location, lang: str, places: Places | None) -> str:
    parts: list[str] = []
    section = " > ".join(loc.section)
    page = loc.page
    if loc.table is not None:
        parts.append(_table_words(loc, lang, places, section))
        if loc.rebuilt:
            parts.append(word("place.rebuilt", lang))
        if loc.row_label or loc.row is not None:
            parts.append(loc.row_label or word("place.row", lang, n=loc.row))
        if loc.column_label or loc.column is not None:
            parts.append(loc.column_label or word("place.column", lang, n=loc.column))
        text = " · ".join(parts)
    else:
        quote = places.quote(loc.paragraph) if places is not None else None
        heading = loc.section[-1] if loc.section else None
        if quote and heading and quote.rstrip("…") and heading.startswith(quote.rstrip("…")):
            quote = None  # the finding is on the heading itself: the section says it
        text = section
        if quote:
            text = f"{section} · “{quote}”" if section else f"“{quote}”"
    if page is not None:
        text = (
            f"{text} · {word('place.page', lang, n=page)}"
            if text
            else word("place.page", lang, n=page)
        )
    return text or word("place.whole", lang)


def _table_words(loc: Location, lang: str, places: Places | None, section: str) -> str:
    assert loc.table is not None
    place = places.tables.get(loc.table) if places is not None else None
    name = word("place.table", lang)
    if place is not None:
        if place.title and not (loc.section and place.title == loc.section[-1]):
            name = word("place.table-title", lang, title=place.title)
        elif place.of > 1:
            name = word("place.nth-table", lang, n=place.nth)
    return f"{section} > {name}" if section else name


def place(result: FileResult, finding: Finding, lang: str) -> str:
    """A finding's place in words, for the formats people read."""
    return location(finding.location, lang, result.places, finding.items)


def where(loc: Location, lang: str, with_section: bool = True) -> str:
    """Section, table, row and column: what a line number cannot say about a .docx or a table."""
    parts: list[str] = []
    if with_section and loc.section:
        parts.append(" > ".join(loc.section))
    if loc.table is not None:  # the document's own count, not the format's 表三
        parts.append(word("place.document-table", lang, n=loc.table))
    if loc.row_label or loc.row is not None:
        parts.append(loc.row_label or word("place.row", lang, n=loc.row))
    if loc.column_label or loc.column is not None:
        parts.append(loc.column_label or word("place.column", lang, n=loc.column))
    return " · ".join(parts)


def position(loc: Location) -> tuple[int, int]:
    """(line, column), 1-based, always present: the source line for text and Markdown,
    the paragraph's ordinal for .docx and HTML, 1 for the whole document."""
    line = loc.line if loc.line is not None else loc.paragraph
    column = loc.offset + 1 if loc.offset is not None else 1
    return (line if line is not None and line >= 1 else 1), column


def is_line_based(result: FileResult) -> bool:
    """Whether a result's positions are source lines (text, Markdown) or paragraph ordinals."""
    return result.source_kind in ("text", "markdown")


def pairs(result: FileResult) -> list[tuple[Finding, str | None]]:
    """Each finding with its fingerprint (None before post-processing)."""
    if len(result.fingerprints) == len(result.findings):
        return list(zip(result.findings, result.fingerprints, strict=True))
    return [(f, None) for f in result.findings]


def summary_line(counts: dict[str, int], lang: str) -> str:
    line = word(
        "summary.line",
        lang,
        files=counts["files"],
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
    )
    if counts["unreadable"]:
        line += word("summary.unreadable", lang, n=counts["unreadable"])
    return line


def baseline_line(suppressed: int, stale: int, lang: str) -> str:
    code = "baseline.line-one" if stale == 1 else "baseline.line"
    return word(code, lang, suppressed=suppressed, stale=stale)
