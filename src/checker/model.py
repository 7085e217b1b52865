"""The document model every reader produces and every check consumes.

Readers resolve their format's quirks (encodings, merged cells, page chrome of
the markup) once, so that everything downstream sees one shape: an ordered list
of blocks, each knowing where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


@dataclass(frozen=True)
class Location:
    """Where something stands in a source document.

    Every field is optional because different inputs can say different things:
    a text file knows its lines, a .docx its paragraph ordinals, a table cell its
    row and column. ``paragraph`` is the 1-based ordinal of the block in the
    document, present for every block.
    """

    paragraph: int | None = None
    line: int | None = None
    section: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    column: int | None = None
    row_label: str | None = None
    column_label: str | None = None
    offset: int | None = None  # 0-based character offset within the paragraph
    page: int | None = None  # 1-based page, for paged inputs (PDF)
    # a table rebuilt from flattened text: how its cells were separated ("lines", "spaces"…)
    rebuilt: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.section:
            out["section"] = list(self.section)
        keys = (
            "paragraph",
            "page",
            "line",
            "offset",
            "table",
            "row",
            "column",
            "row_label",
            "column_label",
            "rebuilt",
        )
        for key in keys:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built per grid position, 3x cheaper
class Cell:
    """One grid position of a table after spans are resolved; treat it as immutable.

    A merged cell occupies several grid positions; each carries the same text
    and points at the anchor (top-left) position through ``origin``.
    """

    text: str
    row: int  # 0-based grid row
    column: int  # 0-based grid column
    origin: tuple[int, int]  # grid position of the anchor of a merged cell
    rowspan: int = 1
    colspan: int = 1

    @property
    def is_anchor(self) -> bool:
        return self.origin == (self.row, self.column)


@dataclass(frozen=True)
class Table:
    """A rectangular grid of cells; ragged source rows are padded with empty cells."""

    rows: tuple[tuple[Cell, ...], ...]
    index: int  # 1-based ordinal of the table in the document
    # where each source row really ends (rows are padded to one width); rows
    # that end in different places come from text whose spans were lost
    row_ends: tuple[int, ...] = ()
    # the 1-based page each row stands on, for paged inputs (a table may cross pages)
    row_pages: tuple[int, ...] = ()
    # set when the grid was rebuilt from flattened text by the pack's definition
    rebuilt: str | None = None

    @property
    def ragged(self) -> bool:
        return len(set(self.row_ends)) > 1

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def text_rows(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    index: int  # 1-based ordinal among the document's blocks
    line: int | None = None  # 1-based source line (text, Markdown)
    level: int | None = None  # heading level when the source marks it (docx style, <h2>, ##)
    table: Table | None = None
    page: int | None = None  # 1-based page where the block starts (PDF)
    # pictures standing in the block or after it, before the next: a table
    # pasted as a picture is a section's content, though no text can be read
    pictures: int = 0

    @property
    def location(self) -> Location:
        return Location(paragraph=self.index, line=self.line, page=self.page)

    def moved(
        self,
        index: int,
        text: str | None = None,
        kind: BlockKind | None = None,
        table: Table | None = None,
    ) -> Block:
        """The block at ordinal ``index`` (with other text, kind or table when given):
        ``dataclasses.replace`` without its walk over the fields, which a document
        rebuilt or cut anew pays for every block it renumbers."""
        return Block(
            self.kind if kind is None else kind,
            self.text if text is None else text,
            index,
            self.line,
            self.level,
            self.table if table is None else table,
            self.page,
            self.pictures,
        )


@dataclass(frozen=True)
class Comment:
    """A comment in the source (``<!-- … -->``, a Word comment), verbatim.

    Readers keep comments as data and never interpret them: what a comment
    means to the checker (a suppression directive) is decided after the rules.
    """

    text: str
    block: int  # 1-based index of the block it stands before, or of the first it is attached to
    last: int | None = None  # a comment attached to blocks (Word): the last one; None: positional
    line: int | None = None  # 1-based source line, when the source has lines


@dataclass(frozen=True)
class Document:
    path: str
    source_kind: str  # "text", "markdown", "html", "docx"
    blocks: tuple[Block, ...]
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    comments: tuple[Comment, ...] = ()

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]


def build_table(grid: list[list[tuple[str, int, int]]], index: int) -> Table:
    """Resolve a grid of ``(text, rowspan, colspan)`` source cells into a ``Table``.

    ``grid`` lists each source row's cells in order, as HTML or Word give them;
    positions covered by a span from an earlier row are skipped, exactly as a
    browser lays out ``rowspan``. Shared by the HTML, docx and text readers.
    """
    n_rows = len(grid)
    # per grid row, column -> cell; one dict per row, positional construction
    placed: list[dict[int, Cell]] = [{} for _ in range(n_rows)]
    n_cols = 0
    for r, source_row in enumerate(grid):
        here = placed[r]
        c = 0
        for text, rowspan, colspan in source_row:
            while c in here:
                c += 1
            if rowspan <= 1 and colspan <= 1:
                here[c] = Cell(text, r, c, (r, c), 1, 1)
                c += 1
            else:
                rowspan = max(1, rowspan)
                colspan = max(1, colspan)
                origin = (r, c)
                # a rowspan reaching past the last row is clipped, as browsers do
                for dr in range(min(rowspan, n_rows - r)):
                    below = placed[r + dr]
                    for dc in range(colspan):
                        below[c + dc] = Cell(text, r + dr, c + dc, origin, rowspan, colspan)
                c += colspan
            if c > n_cols:
                n_cols = c
    ends = [max(here) + 1 if here else 0 for here in placed]
    rows: list[tuple[Cell, ...]] = []
    for r, here in enumerate(placed):
        if len(here) == n_cols:  # every position filled
            rows.append(tuple([here[c] for c in range(n_cols)]))
        else:
            rows.append(tuple([here.get(c) or Cell("", r, c, (r, c)) for c in range(n_cols)]))
    return Table(rows=tuple(rows), index=index, row_ends=tuple(ends))
