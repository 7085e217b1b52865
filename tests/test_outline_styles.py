"""The heading styles are tried as one alternation; it must give what trying each did."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import outline
from checker.extract.outline import Heading
from checker.model import Block, BlockKind
from checker.numbers import parse_chinese_numeral

_PIECES = [
    *"一十（(）)、.．，,。：:；!①⑩ x",
    "二十",
    "第三",
    "部分",
    "章",
    "1",
    "12",
    "123",
    "\u3000",
    "情况",
    "工作",
    "3.5",
]

_INLINE_SPLIT = regex.compile(r"[。:：]")  # a heading's first sentence ends at the first of them
_SENTENCE_END = regex.compile(r"[。！？；;!?]")


def _one_by_one(block: Block, text: str) -> Heading | None:
    """The heading as found by trying each style's pattern in turn."""
    for level, style, pattern in outline._LEVEL_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group("n")
        if style == "circled":
            number = "①②③④⑤⑥⑦⑧⑨⑩".index(raw) + 1
        else:
            number = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
        rest = text[m.end() :]
        if not rest:
            return None
        if (
            level >= 3
            and block.kind != BlockKind.HEADING
            and (len(text) > outline._HEADING_MAX or _SENTENCE_END.search(rest))
        ):
            return None
        title = _INLINE_SPLIT.split(rest, maxsplit=1)[0].strip() if level <= 2 else rest
        return Heading(block, level, number, text[: m.end()].strip(), title, style)
    m = outline._MISSING.match(text)
    if m:
        title = _INLINE_SPLIT.split(text[m.end() :], maxsplit=1)[0]
        return Heading(block, 1, None, "、", title, "missing")
    if block.kind == BlockKind.HEADING and block.level not in (None, 0):
        return Heading(block, None, None, "", text, "none")
    return None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), st.booleans())
def test_one_alternation_finds_the_heading_trying_each_found(raw: str, styled: bool) -> None:
    kind = BlockKind.HEADING if styled else BlockKind.PARAGRAPH
    block = Block(kind, raw, 1, level=2 if styled else None)
    text = raw.strip()
    if text:
        assert outline._heading(block, text) == _one_by_one(block, text)
