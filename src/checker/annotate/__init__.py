"""The draft, annotated: a copy of the .docx with a Word comment on each finding.

Disclosure staff fix their drafts in Word or WPS; a comment on the paragraph or
table cell at fault, saying what is wrong and what the figure should be, is the
report they can act on without leaving the document. Findings without a place
(a missing section, say) are gathered in one comment at the title. The draft
itself is only read; the copy is built in memory and written elsewhere.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from lxml import etree

from checker.annotate import anchors, comments
from checker.findings import Finding
from checker.messages import word
from checker.render.words import SEVERITY_WORDS
from checker.results import FileResult, message

if TYPE_CHECKING:
    from checker.readers.opc import Package


@dataclass(frozen=True)
class Annotated:
    data: bytes  # the annotated package
    placed: int  # comments on a paragraph or cell
    general: int  # findings gathered in the title's comment


def lines_for(result: FileResult, finding: Finding, lang: str) -> tuple[str, ...]:
    """What is wrong, what the figure should be, and why it must be so."""
    severity = SEVERITY_WORDS["en" if lang == "en" else "zh"][finding.severity.value]
    lines = [f"[{finding.rule} {severity}] {message(result, finding, lang)}"]
    if isinstance(finding.expected, Decimal):
        from checker.numbers import format_number

        lines.append(word("annotate.should-be", lang, value=format_number(finding.expected)))
    rule = result.rules.get(finding.rule)
    if rule is not None and rule.basis.get(lang):
        lines.append(word("annotate.basis", lang, basis=rule.basis.get(lang)))
    return tuple(lines)


def annotate(
    data: bytes, path: str, result: FileResult, lang: str, when: datetime | None = None
) -> Annotated:
    """``data`` (the draft's bytes) with ``result``'s findings as comments."""
    from checker.readers import read_bytes
    from checker.readers.limits import DEFAULT_LIMITS
    from checker.readers.opc import Package

    document = read_bytes(data, path)
    package = Package(data, path, DEFAULT_LIMITS)
    main = package.main_document()
    root = package.xml(main)
    assert root is not None  # read_bytes has already refused a package without one
    found = anchors.find(root, document)
    w = found.w
    notes: list[comments.Comment] = []
    general: list[Finding] = []
    for finding in result.findings:
        span = _span(found, finding)
        if span is None:
            general.append(finding)
        else:
            notes.append(comments.Comment(span[0], span[1], lines_for(result, finding, lang)))
    if general:
        title = _title_paragraph(found, result, root, w)
        if title is not None:
            lines = [word("annotate.general", lang)]
            for finding in general:
                lines.extend(lines_for(result, finding, lang))
            notes.insert(0, comments.Comment(title, title, tuple(lines)))
    changed = comments.add(package.xml, main, root, notes, when)
    return Annotated(_repack(package, changed), len(notes) - (1 if general else 0), len(general))


def _span(found: anchors.Anchors, finding: Finding) -> tuple[etree._Element, etree._Element] | None:
    """The first and last paragraph a finding's comment should cover."""
    loc = finding.location
    w = found.w
    table = loc.table
    if table is None and loc.paragraph is not None:
        table = found.table_blocks.get(loc.paragraph)  # the whole table: its first cell
    if table is not None:
        cell = None
        if loc.row is not None and loc.column is not None:
            cell = found.cell(table, loc.row, loc.column)
        elif table in found.tables:
            cell = next(found.tables[table].iter(f"{w}tc"), None)
        paragraphs = list(cell.iter(f"{w}p")) if cell is not None else []
        return (paragraphs[0], paragraphs[-1]) if paragraphs else None
    if loc.paragraph is not None and loc.paragraph in found.paragraphs:
        p = found.paragraphs[loc.paragraph]
        return p, p
    return None


def _title_paragraph(
    found: anchors.Anchors, result: FileResult, root: etree._Element, w: str
) -> etree._Element | None:
    """The report's title, else the first paragraph with text."""
    places = result.places
    if places is not None and places.title_block in found.paragraphs:
        return found.paragraphs[places.title_block]
    for p in root.iter(f"{w}p"):
        if anchors.paragraph_text(p, w).strip():
            return p
    return next(root.iter(f"{w}p"), None)


def _repack(package: Package, changed: dict[str, bytes]) -> bytes:
    """Every member of the draft in its order, the changed ones replaced, new ones added."""
    by_lower = {name.lower(): name for name in changed}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in package.zip.infolist():
            name = info.filename.lstrip("/")
            replacement = by_lower.pop(name.lower(), None)
            body = changed[replacement] if replacement else package.read(name)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            out.writestr(copy, body or b"")
        for name in by_lower.values():
            added = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            added.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(added, changed[name])
    return buffer.getvalue()
