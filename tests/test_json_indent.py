"""The indented-JSON writer gives json's own text, byte for byte, and streams lazy arrays."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.render.jsonindent import indented
from checker.render.safe import LazyList, json_chunks


class Colour(StrEnum):
    red = "red"


def _lazy(items: list[Any]) -> LazyList:
    return LazyList(lambda: iter(items), bool(items))


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.just(Colour.red)
)
keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
        | st.lists(inner, max_size=4).map(_lazy)
    ),
    max_leaves=25,
)


def _theirs(value: Any, indent: int) -> str:
    return "".join(json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(value))


@settings(max_examples=400, deadline=None)
@given(values, st.sampled_from([0, 1, 2, 4]), st.sampled_from([0, 1, 2, 4]))
def test_any_value_is_written_as_json_writes_it(value: Any, indent: int, outer: int) -> None:
    assert "".join(indented(value, indent, outer)) == _theirs(value, indent)


def test_the_safe_chunks_are_json_text_escaped() -> None:
    doc = {"a": "x\u202ey ##[cmd]", "files": _lazy([{"n": i} for i in range(3)])}
    text = "".join(json_chunks(doc, commands=True, indent=2))
    assert text == _theirs(doc, 2).replace("\u202e", "\\u202e").replace("##[", "#\\u0023[")


def test_a_lazy_array_is_handed_out_while_it_is_made() -> None:
    made: list[int] = []

    def items() -> Any:
        for i in range(20_000):
            made.append(i)
            yield {"file": f"报告{i}.docx", "findings": [i, str(i)]}

    pieces = indented({"files": LazyList(items, True)}, 2)
    first = next(pieces)
    assert first.startswith('{\n  "files": [\n') and len(made) < 20_000
    assert "".join([first, *pieces]) == _theirs({"files": [*LazyList(items, True)]}, 2)


def test_what_json_refuses_is_refused_alike() -> None:
    loop: list[Any] = []
    loop.append(loop)
    for bad, error in ((object(), TypeError), ({(1, 2): 3}, TypeError), (loop, ValueError)):
        with pytest.raises(error) as ours:
            "".join(indented(bad, 2))
        with pytest.raises(error) as theirs:
            _theirs(bad, 2)
        assert str(ours.value) == str(theirs.value)
