"""Numbered headings into a section tree.

Chinese official documents number their levels 一、 / （一） / 1. / （1）
(GB/T 9704). Many drafts carry no heading styles at all — plain text, pages
copied from the web — so headings are recognised from their numbers, and the
numbers themselves (with their gaps, repeats and losses) are kept as data for
the numbering checks.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checker.extract.joined import Joined
from checker.model import Block, BlockKind
from checker.numbers import HEADING_NUMERALS as _CN
from checker.numbers import parse_chinese_numeral, to_halfwidth
from checker.rulepacks import compiled
from checker.rulepacks.patterns import screen

_LEVEL_PATTERNS: list[tuple[int, str, Any]] = [
    (1, "cn", compiled.cached(rf"^\s*(?P<n>[{_CN}]{{1,3}})\s*[、.,，．]\s*")),
    (1, "cn-part", compiled.cached(rf"^\s*第(?P<n>[{_CN}]{{1,3}})(?:部分|章)\s*[、.,:：]?\s*")),
    (2, "cn-paren", compiled.cached(rf"^\s*[(（]\s*(?P<n>[{_CN}]{{1,3}})\s*[)）]\s*[、.,，]?\s*")),
    (3, "arabic", compiled.cached(r"^\s*(?P<n>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    (4, "arabic-paren", compiled.cached(r"^\s*[(（]\s*(?P<n>\d{1,2})\s*[)）]\s*")),
    (4, "circled", compiled.cached(r"^\s*(?P<n>[①②③④⑤⑥⑦⑧⑨⑩])\s*")),
]
_MISSING = compiled.cached(r"^\s*[、]\s*(?=\S)")
# the level patterns, then the lost number, as one alternation tried in that order:
# one match per block finds the first of them that fits, as trying each in turn did
_ANY_START = compiled.cached(
    "|".join(
        [
            pattern.pattern.replace("(?P<n>", f"(?P<n{i}>")
            for i, (_, _, pattern) in enumerate(_LEVEL_PATTERNS)
        ]
        + [f"(?P<lost>{_MISSING.pattern})"]
    )
)
_NUMBER_GROUPS = {f"n{i}": i for i in range(len(_LEVEL_PATTERNS))}
_NOT_PLAIN = compiled.cached(r"[。，,；;：:！？!?、\d]")
_SENTENCE_END = compiled.cached(r"[。！？；;!?]")
_INLINE_SPLIT = compiled.cached(r"[。:：]")
_HEADING_MAX = 40  # longer numbered lines at levels 3-4 are list items, not headings
_UNNUMBERED_MAX = 30


@dataclass(frozen=True)
class Heading:
    block: Block
    level: int | None  # 1-4 by numbering style; None for an unnumbered heading
    number: int | None
    label: str  # the number as written: "一、", "（二）", "、" for a lost number
    title: str  # the heading's words, without the number
    style: str  # cn, cn-part, cn-paren, arabic, arabic-paren, circled, missing, none

    @property
    def text(self) -> str:
        return (self.label + self.title).strip()


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    section_of: dict[int, tuple[str, ...]] = field(default_factory=dict)  # block index -> path

    def numbered(self, level: int) -> list[Heading]:
        return [
            h for h in self.headings if h.level == level or (level == 1 and h.style == "missing")
        ]


@functools.lru_cache(maxsize=256)
def _number(raw: str) -> int | None:
    """A heading's number (a few characters: 一 to 十九, 1 to 99), read once each."""
    return int(raw) if raw.isdigit() else parse_chinese_numeral(raw)


def _circled(ch: str) -> int:
    return "①②③④⑤⑥⑦⑧⑨⑩".index(ch) + 1


def parse_heading(block: Block, not_headings: list[Any], norm: str | None = None) -> Heading | None:
    """A numbered heading at the start of ``block``, or None.

    ``norm`` is the block's stripped text with full-width folded, when the
    caller has it already; the ``not_headings`` patterns are searched in it,
    and only once the text has the shape of a heading (they can only veto one).
    """
    text = block.text.strip()
    if not text or block.kind == BlockKind.TABLE:
        return None
    heading = _heading(block, text)
    if heading is None:
        return None
    folded = to_halfwidth(text) if norm is None else norm
    if any(p.search(folded) for p in not_headings):
        return None
    return heading


def _heading(block: Block, text: str) -> Heading | None:
    m = _ANY_START.match(text)
    if m is not None:
        if m.group("lost") is not None:  # the number is lost: "、政府信息公开…"
            rest = text[m.end() :]
            title = _INLINE_SPLIT.split(rest, maxsplit=1)[0]
            return Heading(block, 1, None, "、", title, "missing")
        which = _NUMBER_GROUPS[str(m.lastgroup)]  # each branch has its one group
        level, style, _ = _LEVEL_PATTERNS[which]
        raw = m.group(m.lastgroup)
        number = _circled(raw) if style == "circled" else _number(raw)
        rest = text[m.end() :]
        if not rest:
            return None
        if (
            level >= 3
            and block.kind != BlockKind.HEADING
            and (len(text) > _HEADING_MAX or _SENTENCE_END.search(rest))
        ):
            return None
        title = _INLINE_SPLIT.split(rest, maxsplit=1)[0].strip() if level <= 2 else rest
        return Heading(block, level, number, text[: m.end()].strip(), title, style)
    if block.kind == BlockKind.HEADING and block.level not in (None, 0):
        return Heading(block, None, None, "", text, "none")
    return None


def _looks_like_unnumbered_heading(block: Block, following: Block | None) -> bool:
    text = block.text.strip()
    return (
        block.kind == BlockKind.PARAGRAPH
        and 2 <= len(text) <= _UNNUMBERED_MAX
        and not _NOT_PLAIN.search(text)
        and following is not None
        and following.kind == BlockKind.PARAGRAPH
        and len(following.text) > 2 * len(text)
    )


def build_outline(
    blocks: list[Block], not_headings: list[Any], norm: Mapping[int, str] | None = None
) -> Outline:
    """Headings and, for every block, the path of headings it falls under.

    ``norm``: block index -> stripped text with full-width folded, when known.
    """
    outline = Outline()
    veto = screen(not_headings)  # one search instead of one per pattern
    found: list[Heading | None]
    if veto is not None and norm is not None and all(b.index in norm for b in blocks):
        # the vetoed blocks from one search of their joined texts
        texts = [b for b in blocks if b.kind != BlockKind.TABLE]
        vetoed = {id(texts[i]) for i in Joined([norm[b.index] for b in texts]).finding(veto)}
        found = [
            None
            if b.kind == BlockKind.TABLE or id(b) in vetoed or not (text := b.text.strip())
            else _heading(b, text)
            for b in blocks
        ]
    else:
        vetoes = not_headings if veto is None else [veto]
        found = [
            parse_heading(b, vetoes, None if norm is None else norm.get(b.index)) for b in blocks
        ]
    numbered_at = [i for i, h in enumerate(found) if h is not None and h.level == 1]
    first_numbered = next(
        (i for i, h in enumerate(found) if h is not None and h.number), len(found)
    )
    for i in range(first_numbered):  # a styled title or preamble is not a section
        heading = found[i]
        if heading is not None and heading.style == "none":
            found[i] = None
    if numbered_at:
        first, last = numbered_at[0], numbered_at[-1]
        for i in range(first + 1, last):
            if found[i] is None and _looks_like_unnumbered_heading(
                blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
            ):
                found[i] = Heading(blocks[i], None, None, "", blocks[i].text.strip(), "none")
    stack: list[Heading] = []
    shorts: list[str] = []  # the stack's short titles, each made once
    path: tuple[str, ...] = ()  # and as the tuple every block under them shares
    section_of = outline.section_of
    for block, heading in zip(blocks, found, strict=True):
        if heading is not None:
            outline.headings.append(heading)
            level = stack_level(heading)
            while stack and stack_level(stack[-1]) >= level:
                stack.pop()
                shorts.pop()
            stack.append(heading)
            shorts.append(_short(heading.text))
            path = tuple(shorts)
        section_of[block.index] = path
    return outline


def stack_level(heading: Heading) -> int:
    """A heading's depth: by its number, else by its style (an unnumbered heading)."""
    if heading.level is not None:
        return heading.level
    return heading.block.level or 1


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
