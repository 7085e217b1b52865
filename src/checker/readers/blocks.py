"""Collects blocks in reading order and applies the limits shared by every reader."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from checker.errors import ReadError
from checker.model import Block, BlockKind, Comment, Document, Table, build_table

from .limits import ReadLimits

SourceCell = tuple[str, int, int]  # text, rowspan, colspan — as ``build_table`` takes them
MAX_SPAN = 1000  # browsers cap colspan at 1000; a real report never comes close
MAX_COMMENT_CHARS = 1000  # a comment's text kept as data; the rest is cut
MAX_COMMENTS = 10000  # comments kept per document; a page full of them keeps the first

_SENTENCE_ENDS = "。！？；!?;"


def table_text(table: Table) -> str:
    """Plain text of a table: one line per row, anchor cells separated by tabs."""
    # ``is_anchor`` spelled out: a property call per cell costs more than the compare
    return "\n".join(
        [
            "\t".join([c.text for c in row if c.origin[0] == c.row and c.origin[1] == c.column])
            for row in table.rows
        ]
    )


def grid_cells_bound(grid: Sequence[Sequence[SourceCell]]) -> int:
    """An upper bound of the resolved grid's size, computed without building it.

    No row can be wider than the spans covering it, so rows × widest coverage
    bounds what ``build_table`` would allocate.
    """
    n = len(grid)
    delta = [0] * (n + 1)
    for r, row in enumerate(grid):
        # a cell of one row (most) ends at the next: its width is taken off there at once
        opened = ended = 0
        for _text, rowspan, colspan in row:
            width = colspan if colspan > 1 else 1
            opened += width
            if rowspan > 1:
                delta[min(n, r + rowspan)] -= width
            else:
                ended += width
        delta[r] += opened
        delta[r + 1] -= ended
    widest = running = 0
    for r in range(n):
        running += delta[r]
        widest = max(widest, running)
    return n * widest


def is_frame(cells_per_row: Sequence[int], holds_tables: bool, paragraphs: int) -> bool:
    """Whether a Word table arranges the page rather than holding data, read then
    as the paragraphs and tables it holds: some bodies set the whole report, or
    each part, in a one-column table, or in a table (a frame, or a margin beside
    it) whose cells hold the statistics tables. ``paragraphs``: the most any one
    cell holds; a one-column list of one-line entries stays a table."""
    widest = max(cells_per_row, default=0)
    if not widest:
        return False
    if widest <= 2 and holds_tables:
        return True
    return widest == 1 and paragraphs > 2


def split_long(text: str, limit: int) -> list[str]:
    """Cut an overlong paragraph into pieces of at most ``limit`` characters.

    Pieces end at a sentence end when one lies in the second half of the window,
    so later sentence-based checks see whole sentences.
    """
    if limit <= 0 or len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = max(text.rfind(mark, start + limit // 2, end) for mark in _SENTENCE_ENDS)
        end = cut + 1 if cut >= 0 else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


class BlockSink:
    """Numbers blocks and tables as they arrive and builds the ``Document``."""

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path = path
        self.limits = limits
        self.blocks: list[Block] = []
        self.n_tables = 0
        self.n_chars = 0
        self.comments: list[Comment] = []
        self.pictures_first = 0  # pictures before any block: the first block's

    def picture(self) -> None:
        """A picture stands here: it belongs to the last block so far."""
        if self.blocks:
            last = self.blocks[-1]
            self.blocks[-1] = replace(last, pictures=last.pictures + 1)
        else:
            self.pictures_first += 1

    def _count(self, n: int) -> None:
        """Checks on a text far longer than any report would take minutes: refuse it."""
        self.n_chars += n
        if self.n_chars > self.limits.max_text_chars:
            raise ReadError(
                self.path,
                "too-large",
                f"more than {self.limits.max_text_chars} characters of text"
                " (an annual report has tens of thousands)",
            )

    def _add(
        self, kind: BlockKind, text: str, line: int | None, level: int | None, page: int | None
    ) -> None:
        self._count(len(text))
        for piece in split_long(text, self.limits.max_line_chars):
            piece = piece.strip()
            if piece:
                index = len(self.blocks) + 1
                self.blocks.append(Block(kind, piece, index, line=line, level=level, page=page))

    def paragraph(self, text: str, line: int | None = None, page: int | None = None) -> None:
        self._add(BlockKind.PARAGRAPH, text, line, None, page)

    def paragraph_lines(self, lines: Sequence[str], start: int, end: int) -> None:
        """``paragraph(lines[i].strip(), line=i + 1)`` for each line in ``start:end``,
        in one loop: a text file of 200,000 paragraphs pays no call per line."""
        blocks = self.blocks
        limit = self.limits.max_line_chars
        most = self.limits.max_text_chars
        kind = BlockKind.PARAGRAPH
        for i in range(start, end):
            text = lines[i].strip()
            if not text:
                continue
            if len(text) > limit > 0:
                self._add(kind, text, i + 1, None, None)
                continue
            self.n_chars += len(text)
            if self.n_chars > most:
                self._count(0)  # raises
            blocks.append(Block(kind, text, len(blocks) + 1, i + 1))

    def heading(
        self, text: str, level: int | None, line: int | None = None, page: int | None = None
    ) -> None:
        self._add(BlockKind.HEADING, text, line, level, page)

    def comment(self, text: str, line: int | None = None) -> None:
        """A comment standing before the next block (or inside the one being built)."""
        self.attached(text, len(self.blocks) + 1, None, line)

    def attached(self, text: str, first: int, last: int | None, line: int | None = None) -> None:
        """A comment on blocks ``first``..``last`` (``last`` None: positional)."""
        text = text.strip()
        if text and len(self.comments) < MAX_COMMENTS:
            self.comments.append(Comment(text[:MAX_COMMENT_CHARS], first, last, line))

    def check_table_size(self, cells: int) -> None:
        """Refuse a table whose grid would exceed the cell limit (call before building it)."""
        if cells > self.limits.max_table_cells:
            raise ReadError(
                self.path,
                "table-too-large",
                f"table {self.n_tables + 1} would have up to {cells} cells "
                f"(limit {self.limits.max_table_cells})",
            )

    def table(
        self,
        grid: list[list[SourceCell]],
        line: int | None = None,
        row_pages: Sequence[int] = (),
        bounded: bool = False,
    ) -> None:
        """Resolve and append a table; tables without any cell are dropped.

        ``row_pages`` gives the page of each grid row when the source is paged;
        ``bounded`` says the reader already passed this grid's spans to
        ``check_table_size``."""
        if not any(grid):
            return
        if not bounded:
            self.check_table_size(grid_cells_bound(grid))
        self._count(sum(len(text) for row in grid for text, _, _ in row))
        self.n_tables += 1
        table = build_table(grid, self.n_tables)
        if row_pages:
            table = replace(table, row_pages=tuple(row_pages))
        index = len(self.blocks) + 1
        page = row_pages[0] if row_pages else None
        self.blocks.append(
            Block(BlockKind.TABLE, table_text(table), index, line=line, table=table, page=page)
        )

    def document(
        self, source_kind: str, encoding: str | None = None, meta: dict[str, str] | None = None
    ) -> Document:
        """The finished document; a source without any text is an ``empty`` error."""
        if not self.blocks:
            raise ReadError(self.path, "empty", "no text content")
        if self.pictures_first:
            first = self.blocks[0]
            self.blocks[0] = replace(first, pictures=first.pictures + self.pictures_first)
        return Document(
            path=self.path,
            source_kind=source_kind,
            blocks=tuple(self.blocks),
            encoding=encoding,
            meta=dict(meta or {}),
            comments=tuple(self.comments),
        )
