"""The table format's console, without rich for the lines rich would print unchanged.

Importing ``rich.console`` is a tenth of a one-file ``checker check``. When the
output is not a terminal, rich writes no colour or style, and a line of text
with no markup but ``[bold]``, no tab, line break, control character, emoji
code (``:name:``) or backslash, and no wider than the console, comes out as
the text and a newline. Such lines are written here directly; anything else (a
findings table, a long or unusual line, a terminal) goes to a rich console,
made on first use, writing to the same stream, so the bytes are the same as if
rich had printed every line. The width is the one rich would take (``COLUMNS``,
else the size of the first standard stream that is a terminal, else 80).
"""

from __future__ import annotations

import builtins
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
    if markup:
        if text.startswith("[bold]"):  # the file's heading: bold, closed once
            inner, closed, rest = text[6:].partition("[/bold]")
            if not closed:
                return None
            text = inner + rest
        if "[" in text:
            return None
    if "\\" in text or not text.isprintable() or _EMOJI.search(text):
        return None
    return text


def fits(text: str, width: int) -> bool:
    """At most ``width`` cells wide: a character is never wider than two cells."""
    ascii_count = sum(1 for c in text if c < "\x80")
    return ascii_count + 2 * (len(text) - ascii_count) <= width


class PlainConsole:
    """``print`` as rich's console has it, for the calls the table format makes."""

    def __init__(self, make_rich: Callable[[], Any], width: int | None = None) -> None:
        self._make_rich = make_rich
        self._rich: Any = None
        self.width = console_width() if width is None else width

    def print(self, obj: Any, style: str | None = None, markup: bool = True) -> None:
        if isinstance(obj, str):
            text = plain_text(obj, markup)
            if text is not None and fits(text, self.width):
                sys.stdout.write(text + "\n")
                sys.stdout.flush()  # as rich does: lines keep their place among stderr's
                return
        if self._rich is None:
            self._rich = self._make_rich()
        self._rich.print(obj, style=style, markup=markup)
