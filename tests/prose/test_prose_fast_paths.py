"""The recogniser's cheaper routes give what the plain ones gave.

The figure hint is scanned with the stdlib ``re`` (a superset of the regex
module's hint); a figure's approximation is asked in two searches bounded by
offsets instead of four on slices; ordinals are found with ``rfind``; the
lists' bracket walks search for their marks. Each is held here to the reading
it replaced, on texts built from the characters those readings turn on.
"""

from __future__ import annotations

import re
import sys
from functools import cache

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from prose_helpers import vocab

from checker.extract import prose_lists
from checker.extract.joined import SEPARATOR, Joined
from checker.extract.prose import grammars
from checker.extract.prose_numbers import _NEAR, _ordinal
from checker.extract.prose_vocab import alternation
from checker.numbers import SMALL_UNITS

_CN = "零〇一二两三四五六七八九"
_RANGE = r"(?:[-~～—–]|至|到)"


@cache
def _scanner():  # type: ignore[no-untyped-def]
    return grammars(vocab(), 2018)[0]


def _pieces() -> st.SearchStrategy[str]:
    v = vocab()
    words = [*v.approx_before, *v.approx_after, *v.approx_between, *v.unit_group]
    chars = list("0123456789１２十百千万第 \t\n\x1c%.,()、;。-~至到年月日号〔〕[]") + list(_CN)
    return st.lists(st.sampled_from(words + chars + ["百分之", "信息", "共"]), max_size=40).map(
        "".join
    )


def test_re_holds_every_character_the_regex_module_reads_as_a_digit_or_a_space() -> None:
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    digits = set(re.findall(r"\d", chars))
    assert all(c in digits or ord(c) >= 0x10000 for c in regex.findall(r"\d", chars))
    assert set(regex.findall(r"\s", chars)) <= set(re.findall(r"\s", chars))


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces(), min_size=1, max_size=8))
def test_the_wide_hint_finds_every_text_the_hint_finds(texts: list[str]) -> None:
    scanner = _scanner()
    assert scanner.wide_hint is not None
    joined = Joined(texts)
    found = set(joined.containing(scanner.wide_hint))
    assert found == {i for i, t in enumerate(texts) if scanner.wide_hint.search(t)}
    assert {i for i, t in enumerate(texts) if scanner.hint.search(t)} <= found
    # and every text with a figure is hinted: skipping the others loses nothing
    assert {i for i, t in enumerate(texts) if scanner.figures(t) is not None} <= found


def _approx_as_before(text: str, start: int, end: int) -> bool:
    """The four searches on slices that ``_to_quantity`` asked before."""
    v = vocab()
    units = alternation(v.unit_group)
    before = text[max(0, start - _NEAR) : start]
    after = text[end : end + _NEAR]
    return bool(
        regex.search(rf"{alternation(v.approx_before)}\s*$", before[-6:])
        or regex.match(rf"^\s*{alternation(v.approx_after)}", after)
        or regex.search(rf"(?:\d|{units})\s*{_RANGE}\s*$", before[-8:])
        or regex.match(rf"^\s*{_RANGE}\s*[\d{_CN}{SMALL_UNITS}]", after)
    )


@settings(max_examples=400, deadline=None)
@given(_pieces(), _pieces(), st.sampled_from(["12", "一百", "3.5", "二十"]), st.data())
def test_approximation_and_ordinals_read_as_before(
    head: str, tail: str, number: str, data: st.DataObject
) -> None:
    scanner = _scanner()
    unit = data.draw(st.sampled_from(sorted(vocab().unit_group)))
    text = head + number + unit + tail
    start, end = len(head), len(head) + len(number) + len(unit)
    m = scanner._quantity.match(text, start)
    if m is None or m.end() != end:
        return
    between = bool(m.group("between"))
    q = scanner._to_quantity(text, m)
    if q is not None:
        wide = not q.arabic and text[start - 1 : start] in _CN + SMALL_UNITS + "几数上成"
        assert q.approx == (between or wide or _approx_as_before(text, start, end))
    window = text[max(0, start - _NEAR) : start]
    assert _ordinal(text, start) == window.rstrip().endswith("第")


def test_every_word_of_approximation_at_every_distance_reads_as_before() -> None:
    """Each word before and after a figure, and each range mark, with 0-9 spaces
    between: the windows' edges (6 and 8 characters before, 32 after) fall among them."""
    scanner = _scanner()
    v = vocab()
    befores = [*v.approx_before, "5-", "5至", "条到", "大约", "x"]
    afters = [*v.approx_after, "-5", "至三", "~十", "x"]
    checked = 0
    for spaces in range(10):
        gap = " " * spaces
        texts = [f"共{w}{gap}12条。" for w in befores] + [f"共12条{gap}{w}。" for w in afters]
        texts += [f"{'x' * 30}{gap}{w}12条" for w in befores]
        for text in texts:
            for m in scanner._quantity.finditer(text):
                q = scanner._to_quantity(text, m)
                if q is not None and not m.group("between"):
                    assert q.approx == _approx_as_before(text, m.start(), m.end()), text
                    checked += 1
    assert checked > 100


def _region_end_as_before(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif ch in prose_lists.SENTENCE_END and depth == 0:
            return i
    return len(text)


def _atoms_as_before(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    atoms: list[tuple[int, int, str | None]] = []
    depth = 0
    a_start = start
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in prose_lists._LEVEL and depth == 0:
            atoms.append((a_start, i, ch))
            a_start = i + 1
    if a_start < end:
        atoms.append((a_start, end, None))
    elif atoms:
        last_start, last_end, _ = atoms[-1]
        atoms[-1] = (last_start, last_end, None)
    return atoms


_MARKS = st.text(alphabet="ab()、,;。!?", max_size=30)


@settings(max_examples=400, deadline=None)
@given(_MARKS, st.integers(0, 30), st.integers(0, 30))
def test_the_list_walks_read_as_before(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert prose_lists._region_end(text, start) == _region_end_as_before(text, start)
    assert prose_lists._atoms(text, start, end) == _atoms_as_before(text, start, end)
    body = text[start:end]
    spans = prose_lists._outside_brackets(start, body)
    if "(" not in body:
        assert spans == ([(start, end)] if body else [])
    if "(" not in body:  # the old walk kept every character, a stray ")" too
        assert prose_lists._without_brackets(body) == body


def test_containing_never_reads_across_the_separator() -> None:
    joined = Joined(["12", "条", "3 条", ""])
    assert joined.containing(re.compile(r"\d\s*条")) == [2]
    assert SEPARATOR not in "".join(joined.texts)
