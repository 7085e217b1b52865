"""A document as one stream of cells, whatever once separated them.

Text copied out of a web page or a PDF keeps a table's words and figures in
order but loses its grid: cells come one per line, between ``|`` marks, between
tabs, in columns of spaces, or run together on one long line. Here every
block — paragraph, heading or a table a reader already made — becomes a list
of cell tokens with their place in the block, so that one rebuilder can work on
all of those forms alike.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.model import Block
from checker.rulepacks import compiled

_FIELD_SEPARATORS = compiled.cached(r"[\n\t|]")
_SPACE_RUN = compiled.cached(r"[ \u3000\xa0]+")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: thousands per report; treat as immutable
class Token:
    """One cell's text, or a blank where a separator stood with nothing between."""

    text: str
    block: int  # position of the block in the list it came from
    start: int  # character span in the block's text; -1 for a reader table's cell
    end: int
    how: str  # lines, pipes, tabs, spaces, runs, cells
    column: int | None = None  # display column in a line laid out with spaces

    @property
    def blank(self) -> bool:
        return not self.text


@lru_cache(maxsize=8192)
def _extra(ch: str) -> int:
    """The column a character takes beyond one: 1 for a wide one."""
    return 1 if unicodedata.east_asian_width(ch) in "WF" else 0


def display_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_extra, text))


_SPACES = " \u3000\xa0"
_WIDE_GAP = compiled.cached(r"[ \u3000\xa0]{2,}")
_ONE_SPACE = compiled.cached(r"[ \u3000\xa0]")


def _no_space(text: str) -> bool:
    return " " not in text and "\u3000" not in text and "\xa0" not in text


def _field_tokens(text: str, lo: int, hi: int, block: int, how: str, out: list[Token]) -> None:
    """Tokens of one field: columns laid out with spaces, or words run on with
    single spaces (where two spaces in a row leave an empty cell between)."""
    if lo == 0 and hi == len(text) and _no_space(text):  # a line that is one word or figure
        out.append(Token(text, block, lo, hi, how))
        return
    while lo < hi and text[lo] in _SPACES:
        lo += 1
    while hi > lo and text[hi - 1] in _SPACES:
        hi -= 1
    body = text[lo:hi]
    if not _SPACE_RUN.search(body):  # most fields: one word or figure
        out.append(Token(body, block, lo, hi, how))
        return
    runs = [m.end() - m.start() for m in _SPACE_RUN.finditer(body)]
    wide = sum(1 for r in runs if r >= 2)
    if wide and wide >= len(runs) - wide:  # columns of spaces
        at = lo
        column = 0  # display width of the line up to ``at``, kept as it grows
        for gap in [*_WIDE_GAP.finditer(body), None]:
            end = lo + gap.start() if gap is not None else hi
            piece = text[at:end]
            out.append(Token(piece, block, at, end, "spaces", column))
            if gap is not None:
                column += display_width(text[at : lo + gap.end()])
                at = lo + gap.end()
    else:  # words run on with single spaces: every space ends a token
        at = lo
        for m in _ONE_SPACE.finditer(text, lo, hi):
            end = m.start()
            out.append(Token(text[at:end], block, at, end, "runs"))
            at = end + 1
        out.append(Token(text[at:hi], block, at, hi, "runs"))


def block_tokens(block: Block, position: int) -> list[Token]:
    """The cells of one block, in reading order."""
    table = block.table
    if table is not None:
        rows = table.rows
        if table.ragged:  # a row padded to the table's width gives no cells past its end
            rows = tuple(row[:end] for row, end in zip(rows, table.row_ends, strict=True))
        # so a blank cell is one the source has (规章⇥0⇥0⇥: 现行有效件数 left empty)
        return [
            Token(" ".join(cell.text.split()), position, -1, -1, "cells")
            for row in rows
            for cell in row
            if cell.origin[0] == cell.row and cell.origin[1] == cell.column  # an anchor cell
        ]
    out: list[Token] = []
    text = block.text
    if "|" in text and not text.strip(" |\u3000"):  # a bar alone: a cell left empty
        return [Token("", position, 0, 0, "pipes")]
    if "|" in text:
        how = "pipes"
    elif "\t" in text:
        how = "tabs"
    elif "\n" not in text:  # one field: a paragraph or a cell on a line of its own
        if text.strip():
            _field_tokens(text, 0, len(text), position, "lines", out)
        return out
    else:
        how = "lines"
    seps = list(_FIELD_SEPARATORS.finditer(text))
    bounds = [0, *(m.start() for m in seps), len(text)]
    for i in range(len(bounds) - 1):
        lo = bounds[i] + (1 if i > 0 else 0)
        hi = bounds[i + 1]
        field = text[lo:hi]
        if field.strip():
            _field_tokens(text, lo, hi, position, how, out)
        elif 0 < i < len(bounds) - 2 and seps[i - 1].group() == seps[i].group() != "\n":
            out.append(Token("", position, lo, lo, how))  # ||, \t\t: an empty cell
    return out


def stream(blocks: Sequence[Block], limit: int | None = None) -> list[Token]:
    """Every block's tokens; lines left empty between one-cell lines are blank cells.

    With ``limit``, the stream stops once it holds more than ``limit`` tokens
    (whoever gives up beyond that need not tokenise a huge document whole).
    """
    out: list[Token] = []
    previous: Block | None = None
    for position, block in enumerate(blocks):
        if limit is not None and len(out) > limit:
            break
        if (
            previous is not None
            and previous.line is not None
            and block.line is not None
            and block.table is None
            and previous.table is None
        ):
            for _ in range(max(0, block.line - previous.line - 1)):
                out.append(Token("", position, 0, 0, "lines"))
        out.extend(block_tokens(block, position))
        previous = block
    return out
