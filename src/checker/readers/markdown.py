"""Markdown: the text reader plus headings and the handful of markers reports actually use.

Only what changes the meaning for later checks is interpreted (heading levels,
tables); other markup is removed just enough that it does not get in the way
of matching Chinese text.  Embedded HTML stays as text lines, except comments
on lines of their own, which become the document's comments.
"""

from __future__ import annotations

import re

from checker.errors import ReadError
from checker.model import Document

from .blocks import BlockSink
from .encoding import decode_text
from .limits import ReadLimits
from .text import read_lines, split_lines

_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LIST_MARKERS = ("- ", "* ", "+ ")
_FENCES = ("```", "~~~")
_COMMENT_START, _COMMENT_END = "<!--", "-->"


def inline(text: str) -> str:
    """Drop emphasis markers and keep link texts."""
    text = text.replace("**", "").replace("__", "")
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    return text.strip()


def heading_of(line: str) -> tuple[int, str] | None:
    """``(level, text)`` for an ATX heading line (``## 二、主动公开``)."""
    hashes = len(line) - len(line.lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    rest = line[hashes:]
    if rest and rest[0] not in " \t":
        return None
    rest = rest.rstrip()
    closed = rest.rstrip("#")
    if closed != rest and (not closed or closed[-1] in " \t"):
        rest = closed
    return hashes, inline(rest)


def _is_rule(line: str) -> bool:
    compact = line.replace(" ", "")
    return len(compact) >= 3 and len(set(compact)) == 1 and compact[0] in "-*_"


class _MarkdownLines:
    """Line handler that remembers whether it is inside a fenced code block."""

    def __init__(self) -> None:
        self.in_fence = False
        self.comment: list[str] | None = None  # lines of an HTML comment still open
        self.comment_line = 0

    def __call__(self, sink: BlockSink, line: str, number: int) -> None:
        stripped = line.strip()
        if self.comment is not None:
            head, end, rest = stripped.partition(_COMMENT_END)
            self.comment.append(head)
            if not end:
                return
            sink.comment("\n".join(self.comment), line=self.comment_line)
            self.comment = None
            stripped = rest.strip()
            if not stripped:
                return
        if stripped.startswith(_FENCES):
            self.in_fence = not self.in_fence
            return
        if self.in_fence:
            sink.paragraph(stripped, line=number)
            return
        if stripped.startswith(_COMMENT_START):  # kept as data, not as text of the report
            head, end, rest = stripped[len(_COMMENT_START) :].partition(_COMMENT_END)
            if not end:
                self.comment, self.comment_line = [head], number
                return
            sink.comment(head, line=number)
            stripped = rest.strip()
            if not stripped:
                return
        heading = heading_of(stripped)
        if heading is not None:
            sink.heading(heading[1], heading[0], line=number)
            return
        if _is_rule(stripped):
            return
        while stripped.startswith(">"):
            stripped = stripped[1:].lstrip()
        if stripped.startswith(_LIST_MARKERS):
            stripped = stripped[2:]
        sink.paragraph(inline(stripped), line=number)


def read_markdown(data: bytes, path: str, limits: ReadLimits) -> Document:
    decoded = decode_text(data, path)
    lines = split_lines(decoded.text)
    if not any(line.strip() for line in lines):
        raise ReadError(path, "empty", "file holds only whitespace")
    sink = BlockSink(path, limits)
    read_lines(sink, lines, _MarkdownLines(), clean=inline)
    meta = {"encoding_warning": decoded.warning} if decoded.warning else {}
    return sink.document("markdown", decoded.encoding, meta)
