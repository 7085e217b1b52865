"""Arithmetic stated in sentences: breakdowns, shares, growth and named figures.

Most of a report's arithmetic is written in prose, not tables. This module
reads every text block once per vocabulary and returns what it understood;
the checks in ``checks/prose_arithmetic.py`` decide what is wrong with it.

Precision comes before recall: the grammars in ``prose_lists``,
``prose_growth`` and ``prose_labels`` skip anything they are not sure about
(approximate figures, ranges, ordinals, stray numbers, mixed units), so a
sentence they cannot read yields nothing rather than a guess.

Deliberately left alone:

* channel lists (网站, 微信 … from the pack): an item may be counted on
  several channels, so their parts are never summed against the total;
* a total stated after its parts ("A 1条、B 2条，共计3条");
* shares given apart from their parts ("占比分别为20%、30%") or of another
  whole ("占全市的5%"), and approximate shares (约占);
* growth given as a rate alone, in 倍 or 百分点, or as 基本持平;
* lists with an approximate figure, a range, a stray number (phone numbers,
  hotlines such as 12345), two figures in one item, words after a figure, or
  items in another unit;
* the same wording qualified by another period, a plan, a month, a year
  other than the report's, or listed side by side in one paragraph;
* a sentence longer than ``MAX_SENTENCE`` characters or with more than
  ``MAX_FIGURES`` figures: no report writes one, and each figure's grammar
  looks along its sentence, so such a sentence would cost the square of its
  length. It is blanked (same length, offsets kept) before it is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress

import regex

from checker.extract.prose_growth import Growth, GrowthGrammar
from checker.extract.prose_labels import LabelGrammar, Statement
from checker.extract.prose_lists import SENTENCE_END, Breakdown, ListGrammar, clause_label
from checker.extract.prose_numbers import Figures, Scanner
from checker.extract.prose_shares import EarlierShare, ShareGrammar
from checker.extract.prose_vocab import Vocabulary
from checker.extract.report import Report
from checker.model import Block, Location
from checker.rulepacks import compiled

__all__ = [
    "BlockProse",
    "Breakdown",
    "EarlierShare",
    "Growth",
    "Prose",
    "Statement",
    "recognise",
]

MAX_SENTENCE = 1000  # characters between sentence ends (。!? or a line break)
MAX_FIGURES = 60  # digits runs in one sentence
LONG = 2 * MAX_FIGURES  # characters a text needs to hold more than MAX_FIGURES runs
_SENTENCE = compiled.cached(r"[^。!?\n]+")
_DIGITS = compiled.cached(r"\d+")


def readable(text: str) -> str:
    """``text`` with every sentence the grammars cannot read in linear time blanked."""
    if len(text) <= LONG:  # too short for that many runs of digits
        return text
    if len(text) <= MAX_SENTENCE and len(_DIGITS.findall(text)) <= MAX_FIGURES:
        return text

    def keep(m: regex.Match[str]) -> str:
        sentence = str(m.group())
        if len(sentence) > MAX_SENTENCE or len(_DIGITS.findall(sentence)) > MAX_FIGURES:
            return " " * len(sentence)
        return sentence

    return str(_SENTENCE.sub(keep, text))


@dataclass(frozen=True)
class BlockProse:
    """What was understood in one text block."""

    block: Block
    text: str
    breakdowns: tuple[Breakdown, ...]
    growths: tuple[Growth, ...]
    statements: tuple[Statement, ...]
    shares: tuple[EarlierShare, ...] = ()  # shares of a whole stated before them

    def sentence(self, start: int, end: int | None = None) -> str:
        """The sentence(s) around ``text[start:end]``, for a finding's snippet."""
        end = start if end is None else end
        first = max(self.text.rfind(ch, 0, start) for ch in SENTENCE_END) + 1
        stops = [i for ch in SENTENCE_END if (i := self.text.find(ch, end)) >= 0]
        last = min(stops) + 1 if stops else len(self.text)
        # folding is length-preserving: the same span of the source is verbatim
        return self.block.text.strip()[first:last].strip()


@dataclass(frozen=True)
class Prose:
    report: Report
    blocks: tuple[BlockProse, ...]

    def location(self, where: BlockProse, offset: int) -> Location:
        return self.report.location(where.block, offset)

    def breakdowns(self) -> Iterator[tuple[BlockProse, Breakdown]]:
        for b in self.blocks:
            for item in b.breakdowns:
                yield b, item

    def growths(self) -> Iterator[tuple[BlockProse, Growth]]:
        for b in self.blocks:
            for item in b.growths:
                yield b, item

    def statements(self) -> Iterator[tuple[BlockProse, Statement]]:
        for b in self.blocks:
            for item in b.statements:
                yield b, item

    def earlier_shares(self) -> Iterator[tuple[BlockProse, EarlierShare]]:
        for b in self.blocks:
            for item in b.shares:
                yield b, item


Grammars = tuple[Scanner, ListGrammar, GrowthGrammar, LabelGrammar, ShareGrammar]


def grammars(vocab: Vocabulary, year: int | None) -> Grammars:
    """The grammars of ``vocab`` for reports on ``year``, built once per vocabulary and year
    (hundreds of words escaped and compiled: too dear to repeat for every report)."""
    found: Grammars | None = vocab.built.get(year)
    if found is None:
        if len(vocab.built) >= 16:  # a folder of reports spans a few years; stay bounded
            vocab.built.clear()
        found = vocab.built[year] = (
            Scanner(vocab),
            ListGrammar(vocab),
            GrowthGrammar(vocab, year - 1 if year else None),
            LabelGrammar(vocab, year),
            ShareGrammar(vocab, year),
        )
    return found


def recognise(report: Report, vocab: Vocabulary) -> Prose:
    """Read every text block of ``report``; memoised per report and vocabulary."""
    key = "prose:" + vocab.key
    cached = report.cache.get(key)
    if isinstance(cached, Prose):
        return cached
    scanner, lists, growth, labels, shares = grammars(vocab, report.year)
    found = []
    view, joined = report.text_view()
    texts = joined.texts  # each block's folded text, in the same order
    # one joined search finds the blocks that may hold a figure; a block made readable
    # (blanked in part) is scanned whatever that search said of its whole text, and only
    # a block longer than LONG can be
    if scanner.wide_hint is not None:
        hints = set(joined.containing(scanner.wide_hint))
    else:
        hints = set(joined.matching(scanner.hint))
    longer = compress(range(len(texts)), map(LONG.__lt__, map(len, texts)))
    for i in sorted(hints.union(longer)):
        block, norm = view[i], texts[i]
        hinted = i in hints
        text = readable(norm)
        if text is norm and not hinted:
            continue
        figures = scanner.figures(text)
        if figures is None:  # no quantity, no percentage: nothing to read
            continue
        clause_labels = {}
        for q in figures.quantities:
            label, boundary, _ = clause_label(text, q.start)
            if label and boundary != "、":
                clause_labels[q.start] = label
        breakdowns = tuple(lists.find(text, figures))
        growths = tuple(growth.find(text, figures, clause_labels))
        found.append(
            BlockProse(
                block=block,
                text=text,
                breakdowns=breakdowns,
                growths=growths,
                statements=tuple(labels.statements(text, figures)),
                shares=_earlier_shares(shares, text, figures, breakdowns, growths),
            )
        )
    prose = Prose(report, tuple(found))
    report.cache[key] = prose
    return prose


def _earlier_shares(
    grammar: ShareGrammar,
    text: str,
    figures: Figures,
    breakdowns: tuple[Breakdown, ...],
    growths: tuple[Growth, ...],
) -> tuple[EarlierShare, ...]:
    if not figures.percents:
        return ()
    return tuple(grammar.find(text, figures, breakdowns, growths))
