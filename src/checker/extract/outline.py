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
from itertools import pairwise, repeat
from typing import Any

from checker import budget
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
_LEAD = r"^\s*"  # every style opens so: in a stripped text it matches nothing
# each style's source without it and with its number as its one group, the lost number last
_BRANCHES = [
    *(p.pattern.removeprefix(_LEAD).replace("(?P<n>", "(", 1) for _, _, p in _LEVEL_PATTERNS),
    f"({_MISSING.pattern.removeprefix(_LEAD)})",
]
assert all(p.pattern.startswith(_LEAD) for _, _, p in (*_LEVEL_PATTERNS, (0, "", _MISSING)))
_LOST = len(_LEVEL_PATTERNS)  # the lost number's branch


def _styles(branches: tuple[int, ...]) -> tuple[Any, tuple[int, ...]]:
    """The branches as one alternation tried in their order, as trying each in turn did."""
    return compiled.cached("|".join(_BRANCHES[i] for i in branches)), branches


# the styles a stripped text can open with, by its first character (one short match per
# heading instead of the whole alternation); a character not listed tries them all
_EVERY_STYLE = _styles(tuple(range(len(_BRANCHES))))
_STYLES_BY_OPENER = {
    **{c: _styles((0,)) for c in _CN},
    "第": _styles((1,)),
    **{c: _styles((2, 4)) for c in "(（"},
    **{c: _styles((5,)) for c in "①②③④⑤⑥⑦⑧⑨⑩"},
    "、": _styles((_LOST,)),
}
_CN_OPENS = _CN + "第"  # the Chinese characters a numbering style can open with
_NOT_PLAIN = compiled.cached(r"[。，,；;：:！？!?、\d]")
_SENTENCE_END = compiled.cached(r"[。！？；;!?]")
# the kinds as constants: an enum member looked up on its class costs 0.4 µs, per block
_HEADING, _PARAGRAPH, _TABLE = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.TABLE
_HEADING_MAX = 40  # longer numbered lines at levels 3-4 are list items, not headings
_UNNUMBERED_MAX = 30
_PARTS_AT_LEAST = 4  # headings numbered once through at one level: the report's parts


@dataclass(slots=True, unsafe_hash=True)  # not frozen: one per heading, 4x cheaper to make
class Heading:
    """A numbered (or styled) heading; treat it as immutable."""

    block: Block
    level: int | None  # 1-4 by numbering style; None for an unnumbered heading
    number: int | None
    label: str  # the number as written: "一、", "（二）", "、" for a lost number
    title: str  # the heading's words, without the number
    style: str  # cn, cn-part, cn-paren, arabic, arabic-paren, circled, missing, none
    # the depth of an unnumbered heading guessed from a short line (``stack_level``):
    # one below the numbered heading it stands under, not a section of its own
    depth: int | None = None

    @property
    def text(self) -> str:
        return (self.label + self.title).strip()


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    section_of: dict[int, tuple[str, ...]] = field(default_factory=dict)  # block index -> path

    @property
    def top(self) -> int:
        """The level the report's parts are numbered at: 1 (一、) wherever a heading
        stands there; else the first numbered heading's, in a draft that numbers its
        parts 1、 or （一） (the numbering rules say what the format wants)."""
        first = None
        for h in self.headings:
            if h.level == 1 or h.style == "missing":
                return 1
            if first is None and h.level is not None:
                first = h.level
        if first is None:
            return 1
        # the parts are numbered once through (1、 to 6、); sub-headings restart
        # under each part, and stand under headings without a number where the
        # parts lost theirs: then the parts stay at level 1
        start = next(i for i, h in enumerate(self.headings) if h.level == first)
        if any(h.level is None for h in self.headings[start:]):
            return 1
        numbers = [h.number for h in self.headings if h.level == first]
        if len(numbers) < _PARTS_AT_LEAST or any(
            a is None or b is None or b <= a for a, b in pairwise(numbers)
        ):
            return 1
        return first

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


def _heading(block: Block, text: str) -> Heading | None:
    """The heading ``text`` (the block's text, stripped, not empty) opens, or None."""
    pattern, branches = _STYLES_BY_OPENER.get(text[0], _EVERY_STYLE)
    m = pattern.match(text)
    if m is not None:
        which = branches[m.lastindex - 1]  # each branch has its one group
        end = m.end()
        rest = text[end:]
        if which == _LOST:  # the number is lost: "、政府信息公开…"
            return Heading(block, 1, None, "、", _first_part(rest), "missing")
        level, style, _ = _LEVEL_PATTERNS[which]
        if not rest:
            return None
        if (
            level >= 3
            and block.kind != _HEADING
            and (len(text) > _HEADING_MAX or _SENTENCE_END.search(rest))
        ):
            return None
        raw = m[m.lastindex]  # by index: a lookup by name costs a microsecond
        number = _circled(raw) if style == "circled" else _number(raw)
        title = _first_part(rest).strip() if level <= 2 else rest
        return Heading(block, level, number, text[:end].strip(), title, style)
    if block.kind == _HEADING and block.level not in (None, 0):
        return Heading(block, None, None, "", text, "none")
    return None


def _first_part(rest: str) -> str:
    """What stands before the first 。 or colon: a heading with its first sentence run in."""
    if "。" not in rest and ":" not in rest and "：" not in rest:  # most titles: no search
        return rest
    return rest[: min(found for ch in "。:：" if (found := rest.find(ch)) >= 0)]


def _may_open(block: Block, text: str) -> bool:
    """Whether ``_heading`` can find anything in the stripped ``text``: a Chinese character
    other than a numeral or 第 opens no numbering style (no test needed for most blocks)."""
    c = text[0]
    return not ("\u4e00" <= c <= "\u9fff") or c in _CN_OPENS or block.kind == _HEADING


_CAPTION = compiled.cached(rf"^\s*(?:附)?表\s*[{_CN}\d]+")
_SPACES = compiled.cached(r"\s+")


def _is_caption(text: str, section: str) -> bool:
    """A table's caption, not a heading: 表二, 附表1, or the section's own title again
    (收到和处理政府信息公开申请情况 above Table 3, in the section of that name)."""
    if _CAPTION.match(text):
        return True
    words = _SPACES.sub("", text)
    return bool(section) and (words in section or section in words)


def _looks_like_unnumbered_heading(block: Block, following: Block | None) -> bool:
    if block.kind != _PARAGRAPH or following is None:
        return False
    text = block.text.strip()
    return (
        2 <= len(text) <= _UNNUMBERED_MAX
        and following.kind == _PARAGRAPH
        and len(following.text) > 2 * len(text)
        and not _NOT_PLAIN.search(text)
    )


def build_outline(
    blocks: list[Block], not_headings: list[Any], norm: Mapping[int, str] | None = None
) -> Outline:
    """Headings and, for every block, the path of headings it falls under.

    ``norm``: block index -> stripped text with full-width folded, when known.
    A huge report has tens of thousands of headings: each is parsed once, the
    vetoes are searched in the headings' texts only, and the blocks between two
    headings share one path, given to them in one step.
    """
    outline = Outline()
    found: list[Heading | None] = [None] * len(blocks)
    at: list[int] = []  # positions of the blocks parsed as headings, in order
    for i, block in enumerate(blocks):
        if block.kind == _TABLE:
            continue
        text = block.text.strip()
        if text and _may_open(block, text) and (heading := _heading(block, text)) is not None:
            found[i] = heading
            at.append(i)
    _veto(blocks, found, at, not_headings, norm)
    _contents(blocks, found)
    at = [i for i in at if found[i] is not None]
    numbered_at = [i for i in at if found[i].level == 1]  # type: ignore[union-attr]
    first_numbered = next((i for i in at if found[i].number), len(found))  # type: ignore[union-attr]
    for i in at:  # a styled title or preamble is not a section
        if i >= first_numbered:
            break
        if found[i].style == "none":  # type: ignore[union-attr]
            found[i] = None
    if numbered_at:
        first, last = numbered_at[0], numbered_at[-1]
        section = ""  # the title of the numbered section standing over block i
        under = 1  # the level of the numbered heading standing over block i
        for i in range(first + 1, last):
            heading = found[i]
            if heading is not None and heading.level is not None:
                under = heading.level
            if heading is not None and heading.level == 1:
                section = _SPACES.sub("", heading.title)
            elif (
                heading is None
                and _looks_like_unnumbered_heading(blocks[i], blocks[i + 1])
                and not _is_caption(blocks[i].text, section)
            ):
                found[i] = Heading(
                    blocks[i], None, None, "", blocks[i].text.strip(), "none", under + 1
                )
                at.append(i)
        at.sort()
    headings = outline.headings
    section_of = outline.section_of
    indices = [b.index for b in blocks]
    levels: list[int] = []  # the open headings' depths, innermost last
    shorts: list[str] = []  # and their short titles, each made once
    path: tuple[str, ...] = ()  # as the tuple every block under them shares
    done = 0
    for i in at:
        heading = found[i]
        if heading is None:  # a styled preamble dropped above
            continue
        section_of.update(zip(indices[done:i], repeat(path)))
        done = i
        headings.append(heading)
        level = stack_level(heading)
        while levels and levels[-1] >= level:
            levels.pop()
            shorts.pop()
        levels.append(level)
        shorts.append(_short(heading.text))
        path = tuple(shorts)
    section_of.update(zip(indices[done:], repeat(path)))
    return outline


_CONTENTS = compiled.cached(r"^\s*目\s*录\s*$")
_CONTENTS_AT = 20  # a table of contents stands among the first blocks


def _contents(blocks: list[Block], found: list[Heading | None]) -> None:
    """The headings a table of contents lists under its 目录 line are its entries,
    not the report's: the run of them up to the first block that is no heading."""
    for i, block in enumerate(blocks[:_CONTENTS_AT]):
        if block.kind != _TABLE and _CONTENTS.match(block.text):
            j = i + 1
            while j < len(blocks) and found[j] is not None:
                found[j] = None
                j += 1
            return


def _veto(
    blocks: list[Block],
    found: list[Heading | None],
    at: list[int],
    not_headings: list[Any],
    norm: Mapping[int, str] | None,
) -> None:
    """Drop the headings a ``not_headings`` pattern finds in (folded, as the pack reads)."""
    if not at or not not_headings:
        return
    texts = [
        norm[index]
        if norm is not None and (index := blocks[i].index) in norm
        else to_halfwidth(blocks[i].text.strip())
        for i in at
    ]
    veto = screen(not_headings)  # one search instead of one per pattern
    if veto is not None:
        vetoed = list(Joined(texts).finding(veto))
    else:
        vetoed = [
            k
            for k, t in enumerate(texts)
            if any(p.search(t, timeout=budget.timeout()) for p in not_headings)
        ]
    for k in vetoed:
        found[at[k]] = None


def stack_level(heading: Heading) -> int:
    """A heading's depth: by its number, else by its style (an unnumbered heading)."""
    if heading.level is not None:
        return heading.level
    return heading.depth or heading.block.level or 1


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
