"""Text whose paragraphs were wrapped into lines of one width, joined back.

Text copied out of a PDF viewer, or saved by a converter that keeps the page
layout, ends every printed line with a line break: a paragraph is several
lines, a sentence and the figure it states are cut apart, and every line
would be read as a paragraph of its own. Such text betrays itself by its
widths: most long lines are about as wide as the page (counted in columns,
a Chinese character two), which paragraphs written as lines never are. A line
that full, not closed by a sentence end, runs on into the next, unless that
one begins a top-level heading or either holds the figures of a table row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from checker.numbers import HEADING_NUMERALS

_LONG = 24  # columns: lines narrower than this are headings, labels, signatures
_WIDEST = 200  # columns: no page is wider (A4 at 10 points is some 90)
_SAMPLE = 4000  # lines looked at to decide whether the text is wrapped
_MIN_FULL = 8  # full lines needed to call a text wrapped ...
_FULL_SHARE = 0.3  # ... and their share of the long lines
_SLACK = 5  # a full line may fall short by an indent and a character moved down
_ENDS = tuple("。！？!?；;：:")
# figures of a table row, aligned columns, or a row of a pipe or tab table
_ROW = re.compile(r"\d+\s+\d+\s+\d+|\S {2,}\S|[|\t]")
# a top-level heading opening a line (not 三、四部分, which goes on a list of numbers)
_HEADING = re.compile(
    rf"\s*(?:[{HEADING_NUMERALS}]{{1,3}}、(?![{HEADING_NUMERALS}])"
    rf"|第[{HEADING_NUMERALS}]{{1,3}}(?:部分|章))"
)
_GOES_ON = tuple("，,、（(“《")  # a line ending so is cut inside a sentence, whatever follows


def width(line: str) -> int:
    """Columns the line takes in a fixed-width font, as a page of Chinese text comes
    near it without a search: a character of three UTF-8 bytes (the CJK ones, and
    the full-width marks) takes two."""
    stripped = line.rstrip()
    return (len(stripped.encode("utf-8", "surrogatepass")) + len(stripped)) // 2


def page_width(lines: Sequence[str]) -> int | None:
    """The width the text was wrapped at, or None when its lines are paragraphs."""
    widths = []
    for line in lines[:_SAMPLE]:
        if 2 * len(line) >= _LONG:
            w = width(line)
            # a line far wider than any page is a paragraph (most lines, where there
            # is no wrap): it is counted without a search
            if w > _WIDEST or (w >= _LONG and not _ROW.search(line)):
                widths.append(w)
    if len(widths) < _MIN_FULL:
        return None
    counts = Counter(widths)
    common, _ = max(counts.items(), key=lambda item: (item[1], item[0]))
    if common > _WIDEST:
        return None
    full = counts[common - 1] + counts[common] + counts[common + 1]
    if full < _MIN_FULL or full < _FULL_SHARE * len(widths):
        return None
    return common


def _runs_on(line: str, following: str, wrap: int) -> bool:
    stripped = line.rstrip()
    if not stripped or not following.strip() or stripped.endswith(_ENDS):
        return False
    if not wrap - _SLACK <= width(stripped) <= wrap + 2 * _SLACK:
        return False
    if _ROW.search(stripped) or _ROW.search(following):
        return False
    return stripped.endswith(_GOES_ON) or not _HEADING.match(following)


def _latin(char: str) -> bool:
    """A Latin word wraps at a space, which the break took; a figure is never broken."""
    return char.isascii() and char.isalpha()


def unwrap(lines: list[str]) -> list[str]:
    """The lines with each wrapped paragraph on its first line and blanks where
    its other lines stood, so that line numbers still point into the source."""
    wrap = page_width(lines)
    if wrap is None:
        return lines
    out = list(lines)
    i = 0
    n = len(out)
    while i < n - 1:
        j = i
        text = out[i]
        while j < n - 1 and _runs_on(lines[j], lines[j + 1], wrap):
            nxt = lines[j + 1].strip()
            head = text.rstrip()
            text = head + (" " if _latin(head[-1:]) and _latin(nxt[:1]) else "") + nxt
            j += 1
            out[j] = ""
        out[i] = text
        i = j + 1
    return out
