"""The table format's console, without rich's console for lines of plain text.

Importing ``rich.console`` is a tenth of a one-file ``checker check``. When the
output is not a terminal, rich writes no colour or style, and a line of text
with no markup but ``[bold]``, no tab, line break, control character, emoji
code (``:name:``) or backslash comes out as the text broken into lines. Such
lines are written here directly: one that fits as it is, one wider than the
console broken as rich breaks it (``wrapped``, with rich's own word division
and cell widths, which cost a tenth of its console to import). Anything else (a
findings table, an unusual line, a terminal) goes to a rich console, made on
first use, writing to the same stream, so the bytes are the same as if rich
had printed every line. The width is the one rich would take (``COLUMNS``, else
the size of the first standard stream that is a terminal, else 80).
"""

from __future__ import annotations

import builtins
import itertools
import os
import re
import sys
from collections.abc import Callable
from typing import Any

_EMOJI = re.compile(r":\S*:")  # rich replaces a known ``:name:`` by its emoji


def is_plain_stream() -> bool:
    """True when a rich console on stdout would write no colour or style at all."""
    if os.name == "nt" or hasattr(builtins, "get_ipython"):
        return False  # legacy Windows consoles and notebooks render differently
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return False
    if getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def console_width() -> int:
    """The width rich gives a console on stdout that is not a terminal."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def plain_text(text: str, markup: bool) -> str | None:
    """The text rich would print for ``text``, if it is that simple; else None."""
    parts = plain_parts(text, markup)
    return None if parts is None else parts[0]


def plain_parts(text: str, markup: bool) -> tuple[str, int] | None:
    """The text rich would lay out for ``text`` and the length of its bold start (0
    if none), if it is that simple; else None."""
    bold = 0
    if markup:
        if text.startswith("[bold]"):  # the file's heading: bold, closed once
            inner, closed, rest = text[6:].partition("[/bold]")
            if not closed:
                return None
            text, bold = inner + rest, len(inner)
        if "[" in text:
            return None
    if "\\" in text or not text.isprintable() or _EMOJI.search(text):
        return None
    return text, bold


def fits(text: str, width: int) -> bool:
    """At most ``width`` cells wide: a character is never wider than two cells."""
    ascii_count = sum(1 for c in text if c < "\x80")
    return ascii_count + 2 * (len(text) - ascii_count) <= width


_TRAILING_SPACE = re.compile(r"\s+$")


def wrapped(text: str, bold: int, width: int) -> list[str]:
    """The lines rich prints for one line of plain ``text`` on a console ``width``
    cells wide, of which the first ``bold`` characters are one styled span.

    This is ``Text.wrap`` as a console's ``print`` calls it (word division, folding
    of words wider than a line, trailing space cut past the width, truncation),
    then the console's crop of each line, which measures the line's pieces on
    either side of the span's end. A property test holds it to rich's output."""
    from rich._wrap import divide_line
    from rich.cells import cell_len, set_cell_size

    bounds = [0, *divide_line(text, width, fold=True), len(text)]
    lines = []
    for start, end in itertools.pairwise(bounds):
        line = text[start:end]
        if len(line) > width:  # Text.rstrip_end counts characters
            space = _TRAILING_SPACE.search(line)
            if space is not None:
                line = line[: len(line) - min(len(space.group(0)), len(line) - width)]
        if cell_len(line) > width:  # Text.truncate, overflow "fold"
            line = set_cell_size(line, width)
        cut = bold - start
        pieces = [line[:cut], line[cut:]] if 0 < cut < len(line) else [line]
        lines.append(_cropped(pieces, width, cell_len, set_cell_size))
    return lines


def _cropped(pieces: list[str], width: int, cell_len: Any, set_cell_size: Any) -> str:
    """``Segment.adjust_line_length`` without padding, over a line's pieces."""
    if sum(cell_len(piece) for piece in pieces) <= width:
        return "".join(pieces)
    kept, used = [], 0
    for piece in pieces:
        size = cell_len(piece)
        if used + size < width:
            kept.append(piece)
            used += size
        else:
            kept.append(set_cell_size(piece, width - used))
            break
    return "".join(kept)


class PlainConsole:
    """``print`` as rich's console has it, for the calls the table format makes."""

    def __init__(self, make_rich: Callable[[], Any], width: int | None = None) -> None:
        self._make_rich = make_rich
        self._rich: Any = None
        self.width = console_width() if width is None else width

    def print(self, obj: Any, style: str | None = None, markup: bool = True) -> None:
        parts = plain_parts(obj, markup) if isinstance(obj, str) else None
        if parts is not None and self.width > 0:
            text, bold = parts
            lines = [text] if fits(text, self.width) else wrapped(text, bold, self.width)
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()  # as rich does: lines keep their place among stderr's
            return
        if self._rich is None:
            self._rich = self._make_rich()
        self._rich.print(obj, style=style, markup=markup)
