"""The flattened text forms of a sample: how a report reads once copied out of a
web page or a PDF into plain text, with its table structure gone.

Each form keeps every word and figure of the report and loses something else:

- ``cells``: every table cell on a line of its own (what copying a web table
  into Notepad gives); an empty cell is an empty line.
- ``pipes``: each table row as ``| a | b |`` without a header separator, and
  without the cells a merged cell covers, so rows differ in width.
- ``tabs``: each row's cells separated by tabs, merged cells written once.
- ``spaces``: each row laid out in columns padded with spaces, as text taken
  from a PDF's layout reads; an empty cell is only a wider gap.
- ``collapsed``: the line breaks gone: each top-level section is one long
  line, blocks and cells separated by single spaces.

The content comes from the same ``sample_content`` source as every other form,
so the findings must be the same as for the .docx of the report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from sample_content import Block, Report, Table

FORMS = ("cells", "pipes", "tabs", "spaces", "collapsed")


def _rows(table: Table) -> list[list[str]]:
    """The source rows as HTML writes them: covered cells omitted."""
    return [[span.text for span in row] for row in table.rows]


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def blocks_text(report: Report, table_lines: Callable[[Table], list[str]]) -> str:
    """Blocks separated by blank lines, each table written by ``table_lines``."""
    parts = []
    for block in report.blocks:
        if block.table is not None:
            parts.append("\n".join(table_lines(block.table)))
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


def cell_lines(table: Table) -> list[str]:
    return [text for row in _rows(table) for text in row]


def pipe_lines(table: Table) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in _rows(table)]


def tab_lines(table: Table) -> list[str]:
    return ["\t".join(row) for row in _rows(table)]


def space_lines(table: Table) -> list[str]:
    """Columns laid out on the grid, each padded to its widest cell plus a gap.

    A cell spanning several columns starts at its first column; a covered cell
    is blank, so merged labels and empty cells both read as wide gaps.
    """
    grid = table.grid()
    n_cols = len(grid[0])
    widths = [0] * n_cols
    for r, row in enumerate(grid):
        for c, (span, o_r, o_c) in enumerate(row):
            if (o_r, o_c) == (r, c) and span.colspan == 1:
                widths[c] = max(widths[c], _width(span.text))
    lines = []
    for r, row in enumerate(grid):
        out = ""
        target = 0
        for c, (span, o_r, o_c) in enumerate(row):
            if (o_r, o_c) == (r, c) and span.text:
                out += " " * max(target - _width(out), 2 if out else 0) + span.text
            target += widths[c] + 3
        lines.append(out.rstrip())
    return lines


def _collapsed_block(block: Block) -> str:
    if block.table is None:
        return block.text
    return " ".join(text for row in _rows(block.table) for text in row)


def render_collapsed(report: Report) -> str:
    """One line per top-level section; the title and preamble on the first."""
    lines: list[list[str]] = [[]]
    for block in report.blocks:
        if block.kind == "heading" and block.level == 1:
            lines.append([])
        lines[-1].append(_collapsed_block(block))
    return "\n".join(" ".join(parts) for parts in lines if parts) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "cells": lambda r: blocks_text(r, cell_lines),
    "pipes": lambda r: blocks_text(r, pipe_lines),
    "tabs": lambda r: blocks_text(r, tab_lines),
    "spaces": lambda r: blocks_text(r, space_lines),
    "collapsed": render_collapsed,
}


def file_name(report: Report, form: str) -> str:
    return f"{report.slug}.{form}.txt"


def render(report: Report) -> dict[str, bytes]:
    """Every flattened form of one report, by file name."""
    return {file_name(report, form): RENDERERS[form](report).encode("utf-8") for form in FORMS}
