"""Shares whose whole was stated earlier in the paragraph.

    共收到政府信息公开申请612件。从办理结果看，予以公开205件，占33.5%；…
    └──────── the whole ─────────┘              └ part ┘ └ share ┘

A share attached to a figure that is no part of a breakdown (those are read
with their list's total) is read against the one figure before it in the same
paragraph that can be its whole: same unit group, at least as large as the
part, clean, of this year (no 上年, 累计, 同比 or another year before it in its
sentence), and itself neither a
listed part, nor a part with its own share, nor last year's figure or change
of a growth statement. Two such figures, or none, and the share is not read:
the whole must be unambiguous.

Every other figure that could have been meant — a listed part at least as
large, a figure of another period, the whole plus or minus one or two smaller
figures (新收 + 上年结转 − 结转下年度) — is kept as an alternative; the check
stays silent when the share agrees with any of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from checker import budget
from checker.extract.prose_growth import Growth
from checker.extract.prose_lists import Breakdown, clause_label
from checker.extract.prose_numbers import Figures, Percent, Quantity
from checker.extract.prose_vocab import Vocabulary, alternation
from checker.rulepacks.compiled import cached

_HUNDRED = Decimal(100)
_SENTENCE_ENDS = "。!?;"
_NEAR = 8  # characters after a figure its share word must start within


@dataclass(frozen=True)
class EarlierShare:
    label: str  # the part's label
    part: Quantity
    share: Percent
    base_label: str
    base: Quantity
    alternatives: tuple[Decimal, ...]  # other wholes the share may be of
    start: int  # offset of the part's label


class ShareGrammar:
    """Shares read against a whole stated before them in the same paragraph."""

    def __init__(self, vocab: Vocabulary, report_year: int | None = None) -> None:
        self.vocab = vocab
        self.report_year = report_year
        self._year = cached(r"(?<![\d(\[〔【])((?:19|20)\d{2})\s*年")
        words = alternation(vocab.share_words)
        share_of = alternation(vocab.share_of)
        self._share = cached(
            rf"(?P<open>\s*\(\s*|[\s,、]*){words}(?:比)?(?:{share_of})?的?(?:比例|比重)?(?:为|达)?\s*"
        )
        self._close = cached(r"\s*\)")
        self._other_scope = cached(alternation([*vocab.scope, *vocab.previous, *vocab.compare]))

    def find(
        self,
        text: str,
        figures: Figures,
        breakdowns: Iterable[Breakdown],
        growths: Iterable[Growth],
    ) -> list[EarlierShare]:
        if not any(w in text for w in self.vocab.share_words):
            return []  # most paragraphs: nothing to read, nothing to pay
        shares = self._shares(text, figures)
        if not shares:
            return []
        listed = {p.quantity.start for bd in breakdowns for p in bd.parts if p.quantity}
        last_year = {q.start for g in growths for q in (g.previous, g.change) if q is not None}
        whole_labels: dict[int, str | None] = {}  # a figure's label as a whole, asked once

        def whole_label(q: Quantity) -> str | None:
            if q.start not in whole_labels:
                whole_labels[q.start] = self._whole_label(text, q)
            return whole_labels[q.start]

        found = []
        for part in figures.quantities:
            share = shares.get(part.start)
            if share is None or part.start in listed or not part.clean:
                continue
            label, _, label_start = clause_label(text, part.start)
            if not label or self._other_period(text, part.start):
                continue
            earlier = [
                q
                for q in figures.quantities
                if q.end <= label_start and q.clean and self.vocab.comparable(q.unit, part.unit)
            ]
            wholes = [q for q in earlier if q.value >= part.value and q.value > 0]
            candidates = [
                q
                for q in wholes
                if q.start not in listed
                and q.start not in shares
                and q.start not in last_year
                and whole_label(q) is not None
            ]
            if len(candidates) != 1:
                continue
            base = candidates[0]
            alternatives = [q.value for q in wholes if q is not base]
            smaller = [q.value for q in earlier if q is not base and q.value < base.value]
            alternatives += _adjusted(base.value, smaller[-_MAX_ADJUST:])
            found.append(
                EarlierShare(
                    label=label,
                    part=part,
                    share=share,
                    base_label=str(whole_label(base)),
                    base=base,
                    alternatives=tuple(a for a in alternatives if a > 0),
                    start=label_start,
                )
            )
        return found

    def _shares(self, text: str, figures: Figures) -> dict[int, Percent]:
        """The share stated right after each quantity: "205件，占33.5%", "205件（占33.5%）"."""
        by_start = {p.start: p for p in figures.percents}
        out = {}
        words = self.vocab.share_words
        for q in figures.quantities:
            near = text[q.end : q.end + _NEAR]
            if not any(w in near for w in words):
                continue
            m = self._share.match(text, q.end, timeout=budget.timeout())
            if m is None or (pct := by_start.get(m.end())) is None:
                continue
            if "(" in m["open"] and not self._close.match(text, pct.end):
                continue
            if 0 < pct.value <= _HUNDRED:
                out[q.start] = pct
        return out

    def _whole_label(self, text: str, q: Quantity) -> str | None:
        """The label of a figure that can be a whole: its own clause, of this year."""
        label, boundary, _ = clause_label(text, q.start)
        if not label or boundary == "、" or self._other_period(text, q.start):
            return None
        return label

    def _other_period(self, text: str, start: int) -> bool:
        """Whether the sentence before the figure at ``start`` names another period
        (上年, 累计, 同比, a year not the report's): stricter than the year scope of
        the facts, and cheap enough to ask for every figure."""
        begin = max(text.rfind(ch, 0, start) for ch in _SENTENCE_ENDS) + 1
        prefix = text[begin:start]
        if self._other_scope.search(prefix, timeout=budget.timeout()) is not None:
            return True
        return any(int(y) != self.report_year for y in self._year.findall(prefix))


_MAX_ADJUST = 12  # the smaller figures nearest the share that may adjust its whole


def _adjusted(base: Decimal, smaller: list[Decimal]) -> list[Decimal]:
    """The whole plus or minus one or two smaller figures: 新收 + 上年结转 − 结转下年度
    is the results' total that a share of results is often of, stated nowhere."""
    out = []
    signs = (Decimal(1), Decimal(-1))
    for i, a in enumerate(smaller):
        out += [base + s * a for s in signs]
        for b in smaller[i + 1 :]:
            out += [base + s * a + t * b for s in signs for t in signs]
    return out
