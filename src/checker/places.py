"""What a person needs to find a finding in the draft: words, not ordinals.

Word shows no paragraph numbers and nobody counts the lines of an HTML page, so
the human formats place a finding by its section, a quote of the paragraph and
the table's title. These are gathered here, once per file after the checks,
for the blocks the findings point at; renderers only print them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.findings import Finding
from checker.model import Block, BlockKind, Table

QUOTE_CHARS = 16  # the first words of a paragraph: enough to find it with Ctrl+F
KEEP_CHARS = 400  # paragraph text kept for the HTML report's quote
_CAPTION_CHARS = 40  # a table's title is a short line, not a sentence


@dataclass(frozen=True)
class TablePlace:
    title: str | None  # the caption above the table or its own title row
    nth: int  # 1-based among the tables of its section
    of: int  # tables in that section


@dataclass
class Places:
    title: str | None = None  # the report's title
    title_block: int | None = None  # the title's block index
    body: str | None = None  # the issuing body, as the title names it
    texts: dict[int, str] = field(default_factory=dict)  # block index -> its text
    tables: dict[int, TablePlace] = field(default_factory=dict)  # table index -> place

    def quote(self, paragraph: int | None, chars: int = QUOTE_CHARS) -> str | None:
        """The first words of a paragraph, as a person would search for them."""
        text = self.texts.get(paragraph) if paragraph is not None else None
        if not text:
            return None
        text = " ".join(text.split())
        return text if len(text) <= chars else text[:chars] + "…"


def collect(
    blocks: Iterable[Block],
    sections: dict[int, tuple[str, ...]],
    findings: Iterable[Finding],
    title: Block | None,
    year: int | None,
) -> Places:
    blocks = list(blocks)
    wanted: set[int] = set()
    for f in findings:
        for loc in (f.location, *(item.location for item in f.items)):
            if loc.paragraph is not None:
                wanted.add(loc.paragraph)
    places = Places(
        title=title.text.strip() if title is not None else None,
        title_block=title.index if title is not None else None,
    )
    places.body = _body(places.title, year)
    for block in blocks:
        if block.index in wanted and block.kind != BlockKind.TABLE:
            places.texts[block.index] = block.text[:KEEP_CHARS]
    places.tables = _tables(blocks, sections)
    return places


def _body(title: str | None, year: int | None) -> str | None:
    """The words of the title before its year: "新乡经济技术开发区2018年…" names the body."""
    if not title or year is None:
        return None
    head = title.split(str(year), 1)[0].strip(' 　《“"')
    for lead in ("关于",):
        head = head.removeprefix(lead)
    return head or None


def _tables(blocks: list[Block], sections: dict[int, tuple[str, ...]]) -> dict[int, TablePlace]:
    found: list[tuple[Table, str | None, tuple[str, ...]]] = []
    previous: Block | None = None
    for block in blocks:
        if block.table is not None:
            caption = _own_title(block.table) or _caption(previous)
            found.append((block.table, caption, sections.get(block.index, ())))
        previous = block
    counts: dict[tuple[str, ...], int] = {}
    for _, _, section in found:
        counts[section] = counts.get(section, 0) + 1
    seen: dict[tuple[str, ...], int] = {}
    out = {}
    for table, caption, section in found:
        seen[section] = seen.get(section, 0) + 1
        out[table.index] = TablePlace(caption, seen[section], counts[section])
    return out


def _own_title(table: Table) -> str | None:
    """A first row that is one cell across the whole table is the table's title."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    first = table.rows[0]
    if all(cell.origin == first[0].origin for cell in first):
        text = first[0].text.strip()
        if 0 < len(text) <= _CAPTION_CHARS:
            return text
    return None


def _caption(block: Block | None) -> str | None:
    """A short line just above the table, not a sentence of the prose."""
    if block is None or block.table is not None:
        return None
    text = block.text.strip()
    if not text or len(text) > _CAPTION_CHARS or text[-1] in "。；：:;，,":
        return None
    return text
