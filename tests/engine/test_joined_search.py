"""One search over the joined text finds exactly the blocks a search of each block finds.

The joined search is what keeps a report of a hundred thousand paragraphs
linear with a small constant; these tests hold it to the per-block answer on
every pattern the shipped packs search blocks with, on hand-made patterns
that look beyond a match (anchors, lookarounds, atomic groups), and on texts
whose edges are made to matter (line breaks, the separator itself, digits and
sentence ends at block edges). The counting test proves the cost: one
confirming search per block found, not one per block.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import budget
from checker.extract.joined import SEPARATOR, Joined, wide, widen
from checker.extract.prose import grammars
from checker.numbers import to_halfwidth
from checker.rulepacks.editions import editions
from checker.rulepacks.loader import load_packset

ROOT = Path(__file__).resolve().parents[2]

EDGE_PATTERNS = [
    r"^a",
    r"a$",
    r"^\s*$",
    r"^",
    r"$",
    r"x?$",
    r"\s*$",
    r"(?:x|$)",
    r"\Aa",
    r"a\Z",
    r"(?<!b)a",
    r"(?<=b)a",
    r"a(?!b)",
    r"a(?=b)",
    r"\ba",
    r"a\b",
    r"(?>a+)(?!c)",
    r"a++(?!c)",
    r"(?<![^x])a",
    r"(?<!.)a",
    r"(?<!\s)a",
    r"a(?!.)",
    r"(?:^|b)a",
    r"(?<!(?:因)[^。]{0,5})a",
    r"[^a]",
    r"a*",
    SEPARATOR,
    rf"(?<={SEPARATOR})a",
    r"(?m)^a",
]


@functools.cache
def _shipped() -> list[Any]:
    """Every pattern the shipped packs search text blocks with."""
    found: list[Any] = []
    for edition in editions():
        packset = load_packset(edition.pack)
        found += [s for s in packset.screens.values() if s is not None]
        found += [p for patterns in packset.document.values() for p in patterns]
        found += [p for patterns in packset.outline.values() for p in patterns]
        for fact in packset.facts.values():
            found += [*fact.patterns, *fact.none_patterns]
            if fact.screen is not None:
                found.append(fact.screen)
        for rule in packset.rules.values():
            found += list(getattr(rule.spec, "patterns", ()) or ())
            any_of = getattr(rule.spec, "any", None)
            if any_of is not None:
                found.append(any_of)
            vocabulary = getattr(rule.spec, "vocabulary", None)
            if vocabulary is not None:
                found.append(grammars(vocabulary, 2023)[0].hint)
    return found


@functools.cache
def _lines() -> list[str]:
    lines = []
    for name in ("legacy-2018-clean.txt", "edition2021-2023-defective.md"):
        text = (ROOT / "samples" / name).read_text(encoding="utf-8")
        lines += [to_halfwidth(line.strip()) for line in text.splitlines() if line.strip()]
    return lines


_EDGE_TEXT = st.text(alphabet=[*"ab x\n。因1年月日%", SEPARATOR, "\u3000"], max_size=8)


@st.composite
def _texts(draw: st.DrawFn) -> list[str]:
    lines = _lines()
    pieces = st.one_of(
        st.sampled_from(lines),
        _EDGE_TEXT,
        st.tuples(_EDGE_TEXT, st.sampled_from(lines), _EDGE_TEXT).map("".join),
    )
    return draw(st.lists(pieces, max_size=30))


def _each(pattern: Any, texts: list[str]) -> list[int]:
    return [i for i, text in enumerate(texts) if pattern.search(text)]


def test_every_shipped_pattern_is_widened() -> None:
    """Else a huge report would search it block by block (correct, but slow)."""
    shipped = _shipped()
    assert len(shipped) > 100
    assert [p.pattern for p in shipped if wide(p) is None] == []


@settings(max_examples=40, deadline=None)
@given(_texts())
def test_shipped_patterns_find_the_blocks_a_search_of_each_finds(texts: list[str]) -> None:
    joined = Joined(texts)
    for pattern in _shipped():
        assert joined.matching(pattern) == _each(pattern, texts), pattern.pattern


@settings(max_examples=120, deadline=None)
@given(_texts())
def test_patterns_that_look_beyond_a_match_find_the_same_blocks(texts: list[str]) -> None:
    joined = Joined(texts)
    for source in EDGE_PATTERNS:
        pattern = regex.compile(source)
        assert joined.matching(pattern) == _each(pattern, texts), source


def test_what_the_widening_cannot_read_is_searched_block_by_block() -> None:
    for source in (r"(a)\1", r"(?P<x>a)(?P=x)", r"(?i)a", r"(?(1)a|b)", r"a{e<=1}", r"\Ga"):
        assert widen(source) is None, source
    assert wide(regex.compile("a", regex.VERBOSE)) is None
    texts = ["aa", "ab", "", "xaa"]
    assert Joined(texts).matching(regex.compile(r"(a)\1")) == [0, 3]


def test_unbounded_repeats_that_could_run_across_blocks_are_searched_block_by_block() -> None:
    """Else a pattern costing the square of a block would cost the square of the document."""
    for source in (r".*x", r"[^。]+未", r".{3,}", r"(?:a|\S)*b", r"\D+"):
        assert widen(source) is None, source
    for source in (r"[^》]{0,40}x", r"\s*\d+", r"a{2,}", r"(?:年|月)+", r".?x"):
        assert widen(source) is not None, source


def test_lookarounds_that_cannot_see_the_separator_are_kept() -> None:
    assert widen(r"年(?<![\d.])19\d{2}年(?=\s*止)") == r"年(?<![\d.])19\d{2}年(?=\s*止)"
    # but not a lookbehind opening a match: it would hide the literal the search skips to
    assert widen(r"(?<![\d.])19\d{2}年") == r"(?:)19\d{2}年"
    assert widen(r"(?<![^。])a(?!.)") == "(?:)a(?:)"
    assert widen(r"(?>a+)b*+") == "(?:a+)b*"


class _Counting:
    """A pattern that counts its searches (compiled patterns cannot be patched)."""

    def __init__(self, source: str) -> None:
        self._pattern = regex.compile(source)
        self.pattern = self._pattern.pattern
        self.flags = self._pattern.flags
        self.searches = 0

    def search(self, text: str, *args: Any, **kwargs: Any) -> Any:
        self.searches += 1
        return self._pattern.search(text, *args, **kwargs)


def test_one_search_per_block_found_not_per_block() -> None:
    texts = [
        f"本年度主动公开政府信息{i}条。" if i % 1000 == 0 else "其他内容" for i in range(20_000)
    ]
    for source in (r"主动公开政府信息(\d+)条", r"^本年度"):
        pattern = _Counting(source)
        found = Joined(texts).matching(pattern)
        assert found == list(range(0, 20_000, 1000))
        # each block found is confirmed, with (for a start anchor, whose match opens on
        # the separator) the block before it: a bounded number per match, none per block
        assert len(found) <= pattern.searches <= 2 * len(found)


def test_the_document_budget_stops_a_hostile_pattern_in_the_joined_search() -> None:
    hostile = regex.compile(r"(a|aa)+$")  # exponential on a run of a's that does not end
    assert wide(hostile) is not None  # searched in the joined text
    joined = Joined(["a" * 60 + "!"] * 3)
    with pytest.raises(TimeoutError), budget.document(0.3):
        joined.matching(hostile)


def test_the_widening_kept_across_runs_is_the_widening_of_the_source() -> None:
    from checker.rulepacks import compiled

    def never(source: str, flags: int) -> str | None:
        raise AssertionError(f"not kept: {source}")

    for pattern in _shipped():
        wide(pattern)
        kept = compiled.remembered("widened", pattern.pattern, pattern.flags, never)
        assert kept == widen(pattern.pattern, multiline=bool(pattern.flags & regex.MULTILINE))
