"""No text makes the prose recognisers super-linear.

The adversarial texts are built from the words of rules/prose.yaml (through
scripts/hostile2.py): endless runs of 其中, of 分别为, of digits with
separators, of percentages, of growth wording, and sentences just within the
recogniser's limits. Each megabyte must be read within a CPU budget that a
quadratic recogniser would exceed many times over; hypothesis mixes the same
words at random.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prose_helpers import vocab

from checker import budget
from checker.extract.prose import MAX_FIGURES, MAX_SENTENCE, readable
from checker.extract.prose_growth import GrowthGrammar
from checker.extract.prose_labels import LabelGrammar
from checker.extract.prose_lists import ListGrammar, clause_label
from checker.extract.prose_numbers import Scanner

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import hostile2  # noqa: E402

MEGABYTE = 1_000_000  # bytes of UTF-8
CPU_SECONDS = 90.0  # linear needs a few; quadratic on 1 MB needs hours


def recognise_text(text: str) -> int:
    """Everything ``prose.recognise`` does to one block; the number of items found."""
    v = vocab()
    text = readable(text)
    figures = Scanner(v).scan(text)
    labels = {}
    for q in figures.quantities:
        label, boundary, _ = clause_label(text, q.start)
        if label and boundary != "、":
            labels[q.start] = label
    found = ListGrammar(v).find(text, figures)
    found += GrowthGrammar(v, 2022).find(text, figures, labels)  # type: ignore[arg-type]
    found += LabelGrammar(v, 2023).statements(text, figures)  # type: ignore[arg-type]
    return len(found)


def test_the_limits_match_the_builder() -> None:
    assert (hostile2.SENTENCE_LIMIT, hostile2.FIGURE_LIMIT) == (MAX_SENTENCE, MAX_FIGURES)


@pytest.mark.parametrize("shape", ["run", "sentences"])
@pytest.mark.parametrize("name", sorted(hostile2.adversarial_units()))
def test_a_megabyte_of_adversarial_prose_is_read_in_linear_time(name: str, shape: str) -> None:
    unit = hostile2.adversarial_units()[name]
    chars = MEGABYTE * len(unit) // len(unit.encode("utf-8")) + 1
    text = hostile2.adversarial_text(unit, chars, sentences=shape == "sentences")
    assert len(text.encode("utf-8")) >= MEGABYTE * 0.99
    with budget.document(CPU_SECONDS):
        recognise_text(text)
        assert not budget.spent()


_WORDS = sorted(
    {
        *vocab().cues,
        *vocab().respectively,
        *vocab().catch_all,
        *vocab().share_words,
        *vocab().compare,
        *vocab().increase,
        *vocab().decrease,
        *vocab().unit_group,
        "1",
        "23",
        "4,567",
        "8.9",
        "%",
        "、",
        ",",
        ";",
        "。",
        "(",
        ")",
        "其他",
        "第",
        "约",
        " ",
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=600))
def test_any_mix_of_the_words_is_read_quickly_and_blanking_keeps_offsets(
    words: list[str],
) -> None:
    text = "".join(words)
    blanked = readable(text)
    assert len(blanked) == len(text)
    with budget.document(10.0):
        recognise_text(text)
        assert not budget.spent()
