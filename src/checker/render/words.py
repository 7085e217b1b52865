"""Shared wording for renderers: messages and locations in the chosen language."""

from __future__ import annotations

from checker.findings import Finding
from checker.model import Location
from checker.results import FileResult

SEVERITY_WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def location(loc: Location, lang: str) -> str:
    zh = lang != "en"
    parts: list[str] = []
    if loc.section:
        parts.append(" > ".join(loc.section))
    if loc.table is not None:  # the document's own count, not the format's 表三
        parts.append(f"第{loc.table}个表格" if zh else f"document table {loc.table}")
    if loc.row_label or loc.row is not None:
        label = loc.row_label or (f"第{loc.row}行" if zh else f"row {loc.row}")
        parts.append(label)
    if loc.column_label or loc.column is not None:
        label = loc.column_label or (f"第{loc.column}列" if zh else f"column {loc.column}")
        parts.append(label)
    if loc.page is not None:  # a paged file (PDF, OFD): the page a reader turns to
        parts.append(f"第{loc.page}页" if zh else f"page {loc.page}")
    if loc.table is not None:
        pass  # a cell is placed by its table, row and column; a paragraph ordinal would confuse
    elif loc.line is not None:
        parts.append(f"第{loc.line}行" if zh else f"line {loc.line}")
    elif loc.paragraph is not None:
        parts.append(f"第{loc.paragraph}段" if zh else f"paragraph {loc.paragraph}")
    if not parts:
        return "全文" if zh else "whole document"
    return " · ".join(parts)


def where(loc: Location, lang: str, with_section: bool = True) -> str:
    """Section, table, row and column: what a line number cannot say about a .docx or a table."""
    zh = lang != "en"
    parts: list[str] = []
    if with_section and loc.section:
        parts.append(" > ".join(loc.section))
    if loc.table is not None:  # the document's own count, not the format's 表三
        parts.append(f"第{loc.table}个表格" if zh else f"document table {loc.table}")
    if loc.row_label or loc.row is not None:
        parts.append(loc.row_label or (f"第{loc.row}行" if zh else f"row {loc.row}"))
    if loc.column_label or loc.column is not None:
        parts.append(loc.column_label or (f"第{loc.column}列" if zh else f"column {loc.column}"))
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
    if lang != "en":
        return (
            f"共检查 {counts['files']} 个文件：错误 {counts['error']}，警告 {counts['warning']}，"
            f"提示 {counts['info']}"
            + (f"，无法读取 {counts['unreadable']}" if counts["unreadable"] else "")
        )
    return (
        f"{counts['files']} file(s) checked: {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} info"
        + (f", {counts['unreadable']} unreadable" if counts["unreadable"] else "")
    )


def baseline_line(suppressed: int, stale: int, lang: str) -> str:
    if lang != "en":
        return f"基线：已知问题 {suppressed} 条未显示；基线中已不存在的条目 {stale} 条"
    entries = "entry" if stale == 1 else "entries"
    return f"baseline: {suppressed} known finding(s) hidden; {stale} stale {entries}"
