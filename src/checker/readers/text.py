"""Plain text: one paragraph per line, with pipe- and tab-separated runs read as tables.

Reports copied out of web pages or Word into Notepad keep their tables either
as ``| a | b |`` rows or as tab-separated columns; both are recovered so that
table rules can still run.  Everything here is linear in the input size, so a
file holding megabytes on one line costs no more than a normal one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from checker.errors import ReadError
from checker.model import Document

from .blocks import BlockSink, SourceCell
from .encoding import decode_text
from .limits import ReadLimits
from .unwrap import unwrap

LineKind = str  # "pipe", "tab" or "text"
_MIN_TABLE_ROWS = 2
_SEPARATOR_CHARS = frozenset("|:- \t")
_ESCAPED_PIPE = "\\|"


# NULs, and the zero-width spaces and joiners web editors leave in a page's text
# (a copied "37\u200b" is no figure, "\u200b一、总体情况" no heading)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_DROP = dict.fromkeys(map(ord, _INVISIBLE))


def split_lines(text: str) -> list[str]:
    """Lines split on LF, CRLF or a lone CR (old Mac files), invisible characters removed."""
    if any(ch in text for ch in _INVISIBLE):  # one C scan each; rare, so translated only then
        text = text.translate(_DROP)
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def line_kind(line: str) -> LineKind:
    stripped = line.strip()
    if stripped.count("|") - stripped.count(_ESCAPED_PIPE) >= 2:
        return "pipe"
    # Leading tabs are often indentation, so a tab row needs a tab after some value;
    # trailing tabs are empty cells ("一、主动公开情况\t\t").
    if line.count("\t") >= 2 and "\t" in line.lstrip(" \t\u3000"):
        return "tab"
    return "text"


def is_separator(line: str) -> bool:
    """A Markdown table delimiter row such as ``|---|:--:|``."""
    stripped = line.strip()
    return "-" in stripped and set(stripped) <= _SEPARATOR_CHARS


def pipe_cells(line: str) -> list[str]:
    body = line.strip().replace(_ESCAPED_PIPE, "\x00")
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [cell.replace("\x00", "|").strip() for cell in body.split("|")]


def tab_cells(line: str, trailing: bool = False) -> list[str]:
    """A tab row's cells; with ``trailing``, a tab ending the row opens a blank cell."""
    body = line.strip(" \u3000")
    body = body.rstrip(" ") if trailing else body.rstrip("\t ")
    return [cell.strip() for cell in body.split("\t")]


def _blank_last_cells(lines: list[str], start: int, end: int) -> bool:
    """Whether the tabs that end some rows are blank cells: where every row ends with
    one, the copy added it; where only some do, a cell was left empty (规章⇥0⇥0⇥)."""
    ends = [lines[i].rstrip(" \u3000").endswith("\t") for i in range(start, end)]
    return any(ends) and not all(ends)


def runs(lines: list[str]) -> Iterator[tuple[LineKind, int, int]]:
    """Maximal runs of lines of one kind, as ``(kind, start, end)``; short table runs are text.

    Only a line holding a pipe or a tab can be a table row, so those are found
    first (in C) and the lines between them are one text run, however many."""
    n = len(lines)
    marked = [i for i, line in enumerate(lines) if "|" in line or "\t" in line]
    text_from = 0  # start of the text run not yet yielded
    k, m = 0, len(marked)
    while k < m:
        i = marked[k]
        k += 1
        kind = line_kind(lines[i])
        if kind == "text":
            continue
        j = i + 1
        while k < m and marked[k] == j and line_kind(lines[j]) == kind:
            j += 1
            k += 1
        if j - i >= _MIN_TABLE_ROWS:
            if text_from < i:
                yield "text", text_from, i
            yield kind, i, j
            text_from = j
    if text_from < n:
        yield "text", text_from, n


def add_table(
    sink: BlockSink,
    lines: list[str],
    kind: LineKind,
    start: int,
    end: int,
    clean: Callable[[str], str] = str.strip,
) -> None:
    if kind == "pipe":
        splitter = pipe_cells
    elif _blank_last_cells(lines, start, end):
        splitter = partial(tab_cells, trailing=True)
    else:
        splitter = tab_cells
    mark = "|" if kind == "pipe" else "\t"
    widest = max(lines[i].count(mark) for i in range(start, end)) + 1
    sink.check_table_size(widest * (end - start))  # before splitting megabyte lines
    grid: list[list[SourceCell]] = []
    for line in lines[start:end]:
        if kind == "pipe" and is_separator(line):
            continue
        grid.append([(clean(cell), 1, 1) for cell in splitter(line)])
    sink.table(grid, line=start + 1)


def read_lines(
    sink: BlockSink,
    lines: list[str],
    on_text: Callable[[BlockSink, str, int], None],
    clean: Callable[[str], str] = str.strip,
) -> None:
    """Emit tables for table runs and hand every other line to ``on_text``."""
    for kind, start, end in runs(lines):
        if kind == "text":
            for i in range(start, end):
                on_text(sink, lines[i], i + 1)
        else:
            add_table(sink, lines, kind, start, end, clean)


def is_blank(lines: list[str]) -> bool:
    """No line holds anything but whitespace (one C scan, not a strip per line)."""
    joined = "".join(lines)
    return not joined or joined.isspace()


def read_text(data: bytes, path: str, limits: ReadLimits) -> Document:
    decoded = decode_text(data, path)
    lines = split_lines(decoded.text)
    if is_blank(lines):
        raise ReadError(path, "empty", "file holds only whitespace")
    lines = unwrap(lines)
    sink = BlockSink(path, limits)
    for kind, start, end in runs(lines):
        if kind == "text":
            sink.paragraph_lines(lines, start, end)
        else:
            add_table(sink, lines, kind, start, end)
    meta = {"encoding_warning": decoded.warning} if decoded.warning else {}
    return sink.document("text", decoded.encoding, meta)
