"""The words a pattern's every match holds: never a word some match lacks.

The joined search visits only the blocks holding them, so a word claimed
wrongly would lose the blocks whose match lacks it. Every claim is checked
against real matches: of every pattern the shipped packs search blocks with,
on the samples' lines, and of random patterns built from the constructs the
reader knows and those it must refuse, on random texts.
"""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_joined_search import _lines, _shipped

from checker.extract import joined
from checker.extract.joined import Joined
from checker.extract.literals import Req, _All, _Lits, cheapest, needs


def holds(req: Req, text: str) -> bool:
    """Whether ``text`` meets everything ``req`` claims of a match."""
    if isinstance(req, _Lits):
        return any(s in text for s in req.strings)
    if isinstance(req, _All):
        return all(holds(part, text) for part in req.parts)
    return any(holds(branch, text) for branch in req.branches)


def matches(pattern: Any, text: str) -> list[str]:
    """The match found from every position of ``text`` (not only the leftmost ones)."""
    return [m.group() for i in range(len(text) + 1) if (m := pattern.search(text, i))]


def test_every_shipped_pattern_names_a_word() -> None:
    """Else a huge report scans the whole text for it (correct, but slower)."""
    assert [p.pattern for p in _shipped() if needs(p.pattern, p.flags) is None] == []


def test_every_match_of_a_shipped_pattern_holds_its_words() -> None:
    lines = _lines()
    for pattern in _shipped():
        req = needs(pattern.pattern, pattern.flags)
        assert req is not None
        for line in lines:
            for found in matches(pattern, line):
                assert holds(req, found), (pattern.pattern, found)


def test_what_the_reader_does_not_know_claims_nothing() -> None:
    for source in (r"(?i)首页", r"(a)\1", r"\x41b", r"a{e<=1}", r"(?(1)a|b)", r"a|", r"a?", r".*"):
        assert needs(source) is None, source
    assert needs("首页", regex.IGNORECASE) is None
    assert needs("首页", regex.VERBOSE) is None


def test_the_rarest_word_is_chosen() -> None:
    req = needs(r"(?:共|累计)主动公开信息\s*\d+\s*条")
    assert req is not None
    counts = {"条": 100, "共": 50, "累计": 5}
    # each word costs a pass over the text (10 here) and a search of each block holding it
    chosen = cheapest(req, lambda s: counts.get(s, 0) + 10)
    assert chosen == (10, frozenset({"主动公开信息"}))  # not its two variants: two passes
    either = needs(r"首页|分享到")
    assert either is not None and cheapest(either, lambda s: 1) == (2, {"首页", "分享到"})


_PIECES = [
    *"ab年月x.",
    "(?:",
    "(",
    "(?P<g>",
    "(?>",
    ")",
    "|",
    "?",
    "*",
    "+",
    "{1,2}",
    "{2}",
    "{0,3}",
    "{2,}",
    "??",
    "[ab]",
    "[^a]",
    "[a-c]",
    "[年-月]",
    r"\d",
    r"\s",
    r"\.",
    r"\b",
    "^",
    "$",
    "(?=a)",
    "(?!b)",
    "(?<=a)",
    "(?<!b)",
    r"\p{Han}",
]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map("".join),
    st.lists(st.text(alphabet="ab年月x. 1", max_size=12), min_size=1, max_size=6),
)
def test_every_match_of_a_random_pattern_holds_its_words(source: str, texts: list[str]) -> None:
    try:
        pattern = regex.compile(source)
    except regex.error:
        assume(False)
        return
    req = needs(source)
    if req is not None:
        for text in texts:
            for found in matches(pattern, text):
                assert holds(req, found), (source, found)
    # and the joined search, made to visit only the blocks holding them however many
    # hold them, finds what a search of each block finds
    every = [i for i, t in enumerate(texts) if pattern.search(t)]
    share, large, joined._SHARE, joined._LARGE = joined._SHARE, joined._LARGE, 0, 0
    try:
        holding = Joined(texts)._holding(pattern)
        if holding is not None:
            assert set(every) <= set(holding), source  # and not one text more than once
            assert Joined(texts).matching(pattern) == every, source
    finally:
        joined._SHARE, joined._LARGE = share, large


def test_shipped_patterns_find_the_same_blocks_visiting_only_those_holding_their_words() -> None:
    lines = _lines()
    share, large, joined._SHARE, joined._LARGE = joined._SHARE, joined._LARGE, 0, 0
    try:
        text = Joined(lines)
        visited = 0
        for pattern in _shipped():
            holding = text._holding(pattern)
            assert holding is not None, pattern.pattern
            visited += len(list(holding))
            every = [i for i, line in enumerate(lines) if pattern.search(line)]
            assert text.matching(pattern) == every, pattern.pattern
        assert visited < len(lines) * len(_shipped()) / 4  # most blocks are never searched
    finally:
        joined._SHARE, joined._LARGE = share, large
