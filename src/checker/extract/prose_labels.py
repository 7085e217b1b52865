"""Named figures for the same-figure check: which statements name one quantity.

Two statements name the same quantity when their clause labels agree after
normalising (leading fillers such as 全年/共/通过 removed, the pack's synonyms
such as 专栏→栏目 applied) and their units are comparable. A statement is only
named when nothing in its sentence narrows or shifts its scope: no cue word
before it (it would be a part of something), no scope word (上年, 累计,
截至, 计划 …), no month, no year other than the report year, and the figure is
followed by punctuation, not by more words ("公开20条信息").
"""

from __future__ import annotations

from dataclasses import dataclass

from checker import budget
from checker.extract.prose_lists import CLAUSE_START, SENTENCE_END, clause_label
from checker.extract.prose_numbers import Figures, Quantity
from checker.extract.prose_vocab import Vocabulary, alternation
from checker.numbers import HEADING_NUMERALS
from checker.rulepacks import compiled
from checker.rulepacks.compiled import cached

_AFTER_OK = set(",;。!?、):") | {""}
_YEAR = compiled.cached(r"((?:19|20)\d{2})\s*年")
_MONTH = compiled.cached(rf"(?:\d{{1,2}}|[{HEADING_NUMERALS}]{{1,3}})\s*月")
# a subject before a colon ("县教育局:收到申请5件") stays part of the label
_BOUNDARIES = CLAUSE_START - {":"}


@dataclass(frozen=True)
class Statement:
    label: str  # as written
    key: str  # normalised
    quantity: Quantity


class LabelGrammar:
    def __init__(self, vocab: Vocabulary, report_year: int | None) -> None:
        self.vocab = vocab
        self.report_year = report_year
        self._filler = cached(rf"^(?:{alternation(vocab.fillers)}|[\s,:])")
        self._subordinate = cached(
            alternation(
                [
                    *vocab.cues,
                    *vocab.respectively,
                    *vocab.scope,
                    *vocab.compare,
                    *vocab.previous,
                    *vocab.increase,
                    *vocab.decrease,
                    *vocab.flat,
                ]
            )
        )
        self._catch_all = cached(rf"^{alternation(vocab.catch_all)}")
        year = rf"{report_year}\s*年度?" if report_year else "(?!)"
        self._report_year = cached(rf"^{year}")

    def statements(self, text: str, figures: Figures) -> list[Statement]:
        found = []
        for q in figures.quantities:
            statement = self._statement(text, q)
            if statement is not None:
                found.append(statement)
        return found

    def _statement(self, text: str, q: Quantity) -> Statement | None:
        if not q.clean or not q.arabic:
            return None
        if text[q.end : q.end + 1].strip() not in _AFTER_OK:
            return None
        label, boundary, _ = clause_label(text, q.start, _BOUNDARIES)
        if boundary == "、" or not label:
            return None
        sentence_start = max(text.rfind(ch, 0, q.start) for ch in SENTENCE_END) + 1
        prefix = text[sentence_start : q.start]
        if self._subordinate.search(prefix, timeout=budget.timeout()) or _MONTH.search(prefix):
            return None
        if any(int(y) != self.report_year for y in _YEAR.findall(prefix)):
            return None
        key = self.normalise(label)
        if (
            len(key) < self.vocab.min_label_chars
            or any(ch.isdigit() for ch in key)
            or self._catch_all.match(key)
        ):
            return None
        return Statement(label, key, q)

    def normalise(self, label: str) -> str:
        """Drop the report year and leading fillers, then apply the synonyms."""
        key = str(self._report_year.sub("", label.strip()))
        while (m := self._filler.match(key)) is not None and m.end() > 0:
            key = key[m.end() :]
        for old, new in self.vocab.synonyms:
            key = key.replace(old, new)
        return key.strip()
