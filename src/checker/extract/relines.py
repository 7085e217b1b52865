"""Paragraphs whose line breaks were lost, cut back into headings and paragraphs.

Text taken from some pages and viewers runs a whole section — title, headings,
paragraphs, signature — into one line. Two kinds of place betray a lost break:
a space after a sentence end or after a short phrase (a title, a heading, a
signature line), and a heading number right after a sentence end (…工作。二、…).
A heading number inside running prose is not a heading: it must stand at such
a boundary, continue the numbers already seen (二、 after 一、, （三） after
（二）) and not be followed by another numeral (第一、二季度, 一、二级).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Any

import regex

from checker.model import Block, BlockKind, Document, Table
from checker.numbers import HEADING_NUMERALS as _CN
from checker.numbers import parse_chinese_numeral, to_halfwidth
from checker.rulepacks import compiled

_GAP = compiled.cached(r"[ \u3000\xa0]+")
_SENTENCE_END = "。！？；!?;"
_ENDS = compiled.cached(r"[。！？；!?;]")
_MARKER = compiled.cached(
    rf"(?:(?P<l1>[{_CN}]{{1,3}})、|[(（](?P<l2>[{_CN}]{{1,3}})[)）])(?![{_CN}\d〇零])"
)
_START = compiled.cached(rf"^\s*(?:(?P<l1>[{_CN}]{{1,3}})、|[(（](?P<l2>[{_CN}]{{1,3}})[)）])")
_AT = compiled.cached(rf"(?:(?P<l1>[{_CN}]{{1,3}})、|[(（](?P<l2>[{_CN}]{{1,3}})[)）])")  # at a cut
_SHORT = 40  # a title, heading or signature line is shorter than this
_LONG = 150  # a paragraph shorter than this has no break to lose
_COLLAPSED = 3  # sentence ends followed by a space: the line once had paragraphs
_MAX_BLOCKS = 5000  # a report has hundreds of paragraphs; cutting further only slows the rules


def _number(m: regex.Match[str]) -> tuple[int, int | None]:
    level = 1 if m.group("l1") else 2
    return level, parse_chinese_numeral(m.group("l1") or m.group("l2"))


class _Numbers:
    """The heading numbers seen so far, to tell a lost heading from prose."""

    def __init__(self) -> None:
        self.top = 0
        self.sub = 0

    def see(self, level: int, n: int | None) -> None:
        if n is None:
            return
        if level == 1:
            self.top, self.sub = n, 0
        else:
            self.sub = n

    def follows(self, level: int, n: int | None) -> bool:
        return n is not None and n == (self.top if level == 1 else self.sub) + 1


def _candidates(text: str, collapsed: bool) -> list[int]:
    """Where a break may have been: after a space that follows a sentence end or
    a short phrase (only in a line that once had paragraphs), and before a
    heading number right after a sentence end."""
    cuts: set[int] = set()
    if collapsed:
        start = 0
        stops = [m.start() for m in _ENDS.finditer(text)]
        for gap in _GAP.finditer(text):
            # the last sentence end before the gap's own last character
            i = bisect_left(stops, gap.start() - 1) - 1
            since = stops[i] + 1 if i >= 0 else 0
            before = text[max(start, since) : gap.start()]
            if (number := _START.match(before)) is not None and number.end() == len(before):
                continue  # a heading's number and its words: "(三) 政府信息管理情况"
            ends = bool(before) and before[-1] in _SENTENCE_END
            short = 0 < len(before) <= _SHORT and not any(ch in before for ch in "，,、：:")
            if ends or short or _START.match(before):
                cuts.add(gap.end())
                start = gap.end()
    for m in _MARKER.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in _SENTENCE_END:
            cuts.add(m.start())
    return sorted(cuts)


def _split(
    block: Block, numbers: _Numbers, collapsed: bool, not_headings: list[Any]
) -> list[Block]:
    text = block.text
    pieces: list[str] = []
    last = 0
    for cut in _candidates(text, collapsed):
        m = _AT.match(text, cut)
        if m:  # a heading number: only where it continues the numbering
            level, n = _number(m)
            rest = to_halfwidth(text[cut : cut + 60])
            if not numbers.follows(level, n) or any(p.search(rest) for p in not_headings):
                continue
            numbers.see(level, n)
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    out = []
    for i, piece in enumerate(p.strip() for p in pieces):
        if piece:
            kind = block.kind if i == 0 else BlockKind.PARAGRAPH
            out.append(block.moved(block.index, piece, kind))
    return out


def _led(text: str, first: bool) -> bool:
    """A heading (or, opening the document, a short phrase: its title), a
    space, then sentences: a heading or title that lost its line break."""
    gap = _GAP.search(text)
    if gap is None or gap.start() > _SHORT:
        return False
    head = text[: gap.start()]
    rest = text[gap.end() :]
    plain = bool(_START.match(head)) or (first and not any(ch in head for ch in "，,、：:。"))
    return plain and any(ch in rest for ch in _SENTENCE_END)


# what a text block becomes, by its text and kind, whether it opens the document and
# the numbers seen before it: its pieces' texts and kinds, or None where it stays
# whole; and the numbers seen after it
Memo = dict[
    tuple[str, BlockKind, bool, int, int],
    tuple[tuple[tuple[str, BlockKind], ...] | None, int, int],
]


def _cut(block: Block, first: bool, numbers: _Numbers, not_headings: list[Any]) -> list[Block]:
    """One text block's pieces (the block alone where it stays whole)."""
    text = block.text
    led = _led(text, first)
    m = _START.match(text)
    if m:
        numbers.see(*_number(m))
    if len(text) > _LONG or led:
        ends = sum(1 for gap in _GAP.finditer(text) if text[gap.start() - 1] in _SENTENCE_END)
        pieces = _split(block, numbers, ends >= _COLLAPSED or led, not_headings)
        if len(pieces) > 1:
            return pieces
    return [block]


def _heading_row(table: Table, numbers: _Numbers, not_headings: list[Any]) -> str | None:
    """The numbered heading a table's first row holds, across the whole table,
    where it continues the numbering: some reports set a part's heading
    (三、收到和处理政府信息公开申请情况) as the first row of the part's table.
    It stays in the table too, as a caption row does."""
    if table.n_rows < 2 or table.n_cols < 2:
        return None
    texts = {cell.text.strip() for cell in table.rows[0]} - {""}
    if len(texts) != 1:
        return None
    text = texts.pop()
    if len(text) > _SHORT or "\n" in text or text[-1] in _SENTENCE_END:
        return None
    m = _START.match(text)
    if m is None:
        return None
    level, n = _number(m)
    if not numbers.follows(level, n) or any(p.search(to_halfwidth(text)) for p in not_headings):
        return None
    numbers.see(level, n)
    return text


def relines(document: Document, not_headings: list[Any], memo: Memo | None = None) -> Document:
    """The document with long run-on paragraphs cut at their lost breaks.

    ``memo``: what earlier calls with the same ``not_headings`` learnt of text
    blocks, each by all that decides it (the same text, in the same place as
    to the numbers seen before it, is cut the same way): shared by the two
    builds of one document, and by the lines one document repeats."""
    if len(document.blocks) > _MAX_BLOCKS:  # cutting only adds blocks: it would be undone
        return document
    if memo is None:
        memo = {}
    numbers = _Numbers()
    out: list[Block] = []
    changed = False
    for position, block in enumerate(document.blocks):
        if block.table is not None:
            heading = _heading_row(block.table, numbers, not_headings)
            if heading is not None:  # the part's heading, set as the table's first row
                out.append(
                    Block(BlockKind.PARAGRAPH, heading, block.index, block.line, page=block.page)
                )
                changed = True
            out.append(block)
            continue
        key = (block.text, block.kind, position == 0, numbers.top, numbers.sub)
        kept = memo.get(key)
        if kept is None:
            pieces = _cut(block, position == 0, numbers, not_headings)
            whole = pieces[0] is block
            cuts = None if whole else tuple((p.text, p.kind) for p in pieces)
            memo[key] = (cuts, numbers.top, numbers.sub)
        else:
            cuts, numbers.top, numbers.sub = kept
            pieces = [block] if cuts is None else [block.moved(block.index, t, k) for t, k in cuts]
        if len(pieces) > 1:
            changed = True
            out.extend(pieces)
            continue
        out.append(block)
    if not changed or len(out) > _MAX_BLOCKS:
        return document
    blocks = tuple([b.moved(i) for i, b in enumerate(out, start=1)])
    return replace(document, blocks=blocks)
