"""What one report leaves behind for the cross-report stage, and nothing more.

A summary is a few hundred bytes of facts plus a few kilobytes of signatures,
made in the worker that checked the file, so a run over ten thousand reports
never holds their documents. What it keeps is named by the rule pack: the
``across`` block (how to read the issuing body, what to mask, what declares
coverage) and the table cells the cross-report rules use.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from checker.across.sketch import bounded, combine, finish, mask, minima, shingle_hashes
from checker.i18n import Text
from checker.model import Location
from checker.numbers import to_halfwidth
from checker.rulepacks import compiled

if TYPE_CHECKING:
    from collections.abc import Sequence

    from checker.extract.report import Report
    from checker.rulepacks.pack import PackSet

CellKey = tuple[str, str, str]  # table, row, column as the pack names them

_TIDY = compiled.cached(r"[\s\p{P}\p{S}]+")


_WHERE = ("paragraph", "line", "section", "table", "row", "column", "row_label", "column_label")


@dataclass(frozen=True, slots=True)
class CellNote:
    """A table cell's figure and place, kept small: ten thousand reports hold 22 each."""

    value: Decimal | None
    where: tuple[Any, ...]  # the Location's fields, in the order of _WHERE
    row: Text
    column: Text

    @classmethod
    def of(cls, value: Decimal | None, location: Location, row: Text, column: Text) -> CellNote:
        return cls(value, tuple(getattr(location, k) for k in _WHERE), row, column)

    @property
    def location(self) -> Location:
        return Location(**dict(zip(_WHERE, self.where, strict=True)))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # the names and labels are the pack's and the format's, alike in every report:
        # one copy of each in the process that collects the summaries
        return _cell_note, (self.value, self.where, *_words(self.row), *_words(self.column))


def _words(text: Text) -> tuple[str, str]:
    return text.zh, text.en


_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    return _SHARED.setdefault(value, value)


def _cell_note(
    value: Decimal | None,
    where: tuple[Any, ...],
    row_zh: str,
    row_en: str,
    col_zh: str,
    col_en: str,
) -> CellNote:
    row = _shared(Text(row_zh, row_en))
    column = _shared(Text(col_zh, col_en))
    where = tuple(_shared(v) if isinstance(v, (str, tuple)) else v for v in where)
    return CellNote(value, where, row, column)


@dataclass(frozen=True)
class SectionSketch:
    title: str  # the heading as written, without its number
    location: Location
    chars: int  # length of the masked text
    signature: bytes


@dataclass
class ReportSummary:
    path: str
    body: str | None = None  # normalised: the pairing key
    body_text: str | None = None  # as the report writes it
    year: int | None = None
    edition: str | None = None
    level: str = "other"
    coverage: str | None = None  # region | own | both | None (not stated)
    coverage_text: str | None = None
    reform: str | None = None  # the words announcing an institutional reform, if any
    cells: dict[CellKey, CellNote] = field(default_factory=dict)
    sections: dict[str, SectionSketch] = field(default_factory=dict)
    whole: bytes = b""
    whole_chars: int = 0

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _summary, tuple(getattr(self, f.name) for f in fields(self))


def _summary(*values: Any) -> ReportSummary:
    summary = ReportSummary(*values)
    summary.cells = {_shared(k): v for k, v in summary.cells.items()}  # keys alike everywhere
    return summary


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> Any:
    return compiled.cached(pattern)


def _patterns(values: list[str] | None) -> list[Any]:
    return [_compiled(p) for p in values or []]


def normalise_body(name: str, config: dict[str, Any]) -> str | None:
    """A body's name as a pairing key: folded, tidied, accepted only with a body's ending.

    人民政府办公室 and 人民政府 stay apart: the longest ending decides nothing
    but acceptance, and the whole name is the key.
    """
    text = str(_TIDY.sub("", to_halfwidth(name)))
    for pattern, replacement in config.get("rewrite") or []:
        text = str(_compiled(pattern).sub(replacement, text))
    if not 2 <= len(text) <= 40:
        return None
    if any(text.endswith(s) for s in config.get("suffixes") or []):
        return text
    for place in config.get("places") or []:  # 江泉县2023年政府信息公开… : the county issues it
        if text.endswith(place):
            return text + str(config.get("place_body", ""))
    return None


def _body(report: Report, config: dict[str, Any]) -> tuple[str | None, str | None]:
    if report.title is not None:
        text = report.norm[report.title.index]
        for pattern in _patterns(config.get("title_drop")):
            text = str(pattern.sub("", text))
        key = normalise_body(text, config)
        if key:
            return key, text.strip()
    if report.signature is not None:  # the body's line above the signature date
        at = report.signature.location.paragraph
        blocks = report.text_blocks()
        for i, block in enumerate(blocks):
            if block.index == at and i > 0:
                line = report.norm[blocks[i - 1].index]
                key = normalise_body(line, config) if len(line) <= 40 else None
                if key:
                    return key, line.strip()
    return None, None


def _first(patterns: list[Any], text: str) -> str | None:
    """The sentence holding the first match of any pattern, for the message."""
    from checker.extract.report import search

    for pattern in patterns:
        m = search(pattern, text)
        if m:
            start = max(text.rfind(end, 0, m.start()) for end in "。;!?\n") + 1
            stops = [i for end in "。;!?\n" if (i := text.find(end, m.end())) >= 0]
            return text[start : min(stops) + 1 if stops else len(text)].strip()
    return None


def summarise(report: Report, cells: Sequence[CellKey]) -> ReportSummary:
    """The summary of one checked report; ``cells``: the table cells the pack set's
    cross-report rules compare (its plan's ``cells``)."""
    packset: PackSet = report.packset
    config = packset.across
    body, body_text = _body(report, config.get("body") or {})
    summary = ReportSummary(
        path=report.document.path,
        body=body,
        body_text=body_text,
        year=report.year,
        edition=report.edition,
        level=report.level,
    )
    prose = [b for b in report.text_blocks() if report.title is None or b is not report.title]
    text = "\n".join(report.norm[b.index] for b in prose)  # one search per pattern
    coverage = config.get("coverage") or {}
    region = _first(_patterns(coverage.get("region")), text)
    own = _first(_patterns(coverage.get("own")), text)
    summary.coverage = "both" if region and own else "region" if region else "own" if own else None
    summary.coverage_text = region or own
    summary.reform = _first(_patterns(config.get("reform")), text)
    _cells(report, cells, summary)
    _sketch(report, config, prose, summary)
    return summary


def _cells(report: Report, wanted: Sequence[CellKey], summary: ReportSummary) -> None:
    if not wanted:
        return
    from checker.extract.tables import table_index

    index = table_index(report)
    for key in wanted:
        table, row, column = key
        tdef = index.defs.get(table)
        if tdef is None or row not in tdef.rows or column not in tdef.columns:
            continue  # this edition does not define the cell: nothing to compare
        cell = index.cell(table, row, column)
        if cell is not None:
            summary.cells[key] = CellNote.of(
                cell.value, cell.location, cell.row_name, cell.column_name
            )


def _sketch(
    report: Report, config: dict[str, Any], prose: list[Any], summary: ReportSummary
) -> None:
    sketch = config.get("sketch") or {}
    shingle, bins = int(sketch.get("shingle", 5)), int(sketch.get("bins", 128))
    masks = _patterns(config.get("mask"))
    names = [summary.body_text or ""]
    tops = {h.block.index: h for h in report.outline.headings if h.level == 1}
    texts: dict[str, list[str]] = {}
    heads: dict[str, tuple[str, Location]] = {}
    preamble: list[str] = []  # before the first section: in the whole text only
    current: str | None = None  # the top-level section the blocks belong to
    for block in prose:
        text = report.norm[block.index]
        heading = tops.get(block.index)
        if heading is not None:
            current = _key(heading.title)
            if current not in heads:
                heads[current] = (heading.title, report.location(block))
            continue
        (texts.setdefault(current, []) if current is not None else preamble).append(text)
    keys = ["", *texts]
    kept = bounded([preamble, *texts.values()])  # a huge report: a sample of its paragraphs
    raw: list[list[int]] = []
    for key, part in zip(keys, kept, strict=True):
        masked = mask("".join(part), masks, names)
        mins = minima(shingle_hashes(masked, shingle), bins)
        raw.append(mins)
        summary.whole_chars += len(masked)
        if key and key in heads:
            title, location = heads[key]
            summary.sections[key] = SectionSketch(title, location, len(masked), finish(mins))
    summary.whole = finish(combine(raw, bins))


def _key(title: str) -> str:
    """Sections align by their heading's words, punctuation and spaces aside."""
    return str(_TIDY.sub("", to_halfwidth(title)))
