"""No text makes the prose recognisers super-linear.

The adversarial texts are built from the words of rules/prose.yaml (through
scripts/hostile2.py): endless runs of 其中, of 分别为, of digits with
separators, of percentages, of growth wording, and sentences just within the
recogniser's limits. An endless run is cut at the sentence limit and costs
little, so a whole megabyte of it is read within a CPU budget that a quadratic
recogniser would exceed many times over. Sentences within the limits are read
in full and cost far more per byte: for them the CPU time is measured at two
sizes eight times apart, where a linear recogniser takes about eight times as
long and a quadratic one sixty-four times, and the larger size, extrapolated to
a megabyte, must fit the same budget. Hypothesis mixes the same words at random.
"""

from __future__ import annotations

import sys
import time
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
SMALL, LARGE = MEGABYTE // 32, MEGABYTE // 4  # the two sizes of the scaling test
# 8x the text: linear ~8x the time (a little more for caches, n log n ~10x), quadratic ~64x
MAX_RATIO = 3 * LARGE // SMALL


def recognise_text(text: str) -> int:
    """Everything ``prose.recognise`` does to one block; the number of figures read and
    statements found (a count of the work done, which grows with the text read)."""
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
    read = len(figures.quantities) + len(figures.percents) + len(figures.stray)
    return read + len(found)


def test_the_limits_match_the_builder() -> None:
    assert (hostile2.SENTENCE_LIMIT, hostile2.FIGURE_LIMIT) == (MAX_SENTENCE, MAX_FIGURES)


def adversarial(name: str, size: int, sentences: bool) -> str:
    unit = hostile2.adversarial_units()[name]
    chars = size * len(unit) // len(unit.encode("utf-8")) + 1
    text: str = hostile2.adversarial_text(unit, chars, sentences=sentences)
    assert len(text.encode("utf-8")) >= size * 0.99
    return text


def cpu_seconds(text: str, budget_seconds: float) -> tuple[float, int]:
    """CPU time of this process (not wall time: the machine may be busy) to read ``text``,
    and the work counted by ``recognise_text``."""
    with budget.document(budget_seconds):
        started = time.process_time()
        work = recognise_text(text)
        spent = time.process_time() - started
        assert not budget.spent()
    return spent, work


@pytest.mark.parametrize("name", sorted(hostile2.adversarial_units()))
def test_a_megabyte_of_adversarial_prose_is_read_in_linear_time(name: str) -> None:
    cpu_seconds(adversarial(name, MEGABYTE, sentences=False), CPU_SECONDS)


def test_a_megabyte_of_cue_sentences_fits_the_budget() -> None:
    """The costliest input per byte, read whole at a megabyte: a small quadratic term,
    which the two-size ratio below would let through for it, still shows here."""
    cpu_seconds(adversarial("cues", MEGABYTE, sentences=True), CPU_SECONDS)


@pytest.mark.parametrize("name", sorted(hostile2.adversarial_units()))
def test_adversarial_sentences_cost_grows_linearly_with_the_text(name: str) -> None:
    small = adversarial(name, SMALL, sentences=True)
    large = adversarial(name, LARGE, sentences=True)
    budget_seconds = CPU_SECONDS * LARGE / MEGABYTE
    # the least of a few runs: a pause of the machine only ever adds time
    small_runs = [cpu_seconds(small, budget_seconds) for _ in range(3)]
    small_seconds = max(min(seconds for seconds, _ in small_runs), 0.002)
    large_seconds, large_work = cpu_seconds(large, budget_seconds)
    if large_seconds / small_seconds > MAX_RATIO:  # measure once more before judging
        large_seconds = min(large_seconds, cpu_seconds(large, budget_seconds)[0])
    assert large_seconds / small_seconds <= MAX_RATIO, (small_seconds, large_seconds)
    assert large_seconds * MEGABYTE / LARGE < CPU_SECONDS
    # the larger text was read whole, not cut short: the work grew with it
    assert large_work >= 0.9 * small_runs[0][1] * LARGE / SMALL > 0


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
