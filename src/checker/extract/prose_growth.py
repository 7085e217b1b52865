"""Growth statements attached to the figure they describe.

Recognised, right after a clean quantity (the current figure) and separated
from it by nothing but a comma:

    600条，较上年(的)500条增长20%           previous stated after the comparison
    600条，比上年同期(500条)增加100条，增长20%
    600条，上年为500条，同比增长20%          previous stated before the direction
    600条，与上年(500条)持平
    600条，较上年(500条)有所增加              a word of degree before the verb
    600条，较上年增加100条，增长20%          no previous, but change and rate
    600条，2017年为500条，增长20%            the year before the report year, by number
    600条，较上年增加100条，同比增长20%      the rate's own comparison word repeated
    600条，同比增长20%（上年为500条）        previous stated after the rate, in brackets
    600条，同比增长20%，上年为500条          … or as a clause that ends the statement

Only what is stated is checked later: a rate alone ("同比增长15%") has nothing
to be compared with and yields no statement. Anything else between the parts
(约, 倍, 百分点, a second figure) makes the statement not understood. The
rate's own verb is kept apart from the change's (增加13件，同比下降2%): the two
can contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker import budget
from checker.extract.prose_numbers import Figures, Percent, Quantity
from checker.extract.prose_vocab import Vocabulary, alternation
from checker.rulepacks.compiled import cached


@dataclass(frozen=True)
class Growth:
    label: str
    current: Quantity
    previous: Quantity | None
    direction: str  # "up", "down" or "flat"
    change: Quantity | None  # the stated difference
    rate: Percent | None  # the stated rate, a magnitude
    start: int
    end: int
    rate_direction: str | None = None  # the rate's own verb, when it has one


_NEGATIVE = frozenset("-−－负")


class GrowthGrammar:
    def __init__(self, vocab: Vocabulary, prior_year: int | None = None) -> None:
        self.vocab = vocab
        years = [f"{prior_year}年度", f"{prior_year}年"] if prior_year else []
        compare = alternation([*vocab.compare, *(w + y for w in ("较", "比") for y in years)])
        previous = alternation([*vocab.previous, *years])
        self._compare = cached(rf"[\s,]*{compare}(?:同期)?的?\s*\(?\s*")
        self._previous = cached(rf"[\s,]*\(?\s*{previous}(?:同期)?(?:为|是|有|共)?\s*")
        self._after_previous = cached(rf"\s*\)?[\s,]*(?:{compare})?")
        self._close = cached(r"\s*\)?")
        self._direction = cached(
            rf"[\s,]*(?:{alternation(vocab.degree)})?(?:(?P<up>{alternation(vocab.increase)})"
            rf"|(?P<down>{alternation(vocab.decrease)})|(?P<flat>{alternation(vocab.flat)}))了?\s*"
        )
        self._rate_intro = cached(
            rf"[\s,、]*(?:{compare})?(?:(?P<up>{alternation(vocab.increase)})"
            rf"|(?P<down>{alternation(vocab.decrease)})|{alternation(vocab.rate_words)})"
            r"(?:了|为|达)?\s*"
        )
        # last year's figure after everything else: "(上年为500条)" or ", 上年为500条"
        self._previous_bracket = cached(rf"\s*\(\s*{previous}(?:同期)?(?:为|是|有|共)?\s*")
        self._previous_clause = cached(rf"[\s,;]*{previous}(?:同期)?(?:为|是|有|共)?\s*")
        self._bracket_close = cached(r"\s*\)")
        self._clause_end = cached(r"\s*(?:[,;。!?]|$)")

    def find(self, text: str, figures: Figures, labels: dict[int, str]) -> list[Growth]:
        """Growth statements after each quantity; ``labels`` maps quantity start to label."""
        found = []
        by_start = {q.start: q for q in figures.quantities}
        pct_by_start = {p.start: p for p in figures.percents}
        for current in figures.quantities:
            if not current.clean or current.start not in labels:
                continue
            growth = self._after(text, current, by_start, pct_by_start, labels[current.start])
            if growth is not None:
                found.append(growth)
        return found

    def _after(
        self,
        text: str,
        current: Quantity,
        quantities: dict[int, Quantity],
        percents: dict[int, Percent],
        label: str,
    ) -> Growth | None:
        pos = current.end
        previous: Quantity | None = None
        if (m := self._compare.match(text, pos, timeout=budget.timeout())) is not None:
            pos = m.end()
            previous = quantities.get(pos)
            if previous is not None:
                pos = self._close.match(text, previous.end).end()
        elif (m := self._previous.match(text, pos, timeout=budget.timeout())) is not None:
            previous = quantities.get(m.end())
            if previous is None:
                return None
            pos = self._after_previous.match(text, previous.end).end()
        else:
            return None
        d = self._direction.match(text, pos, timeout=budget.timeout())
        if d is None:
            return None
        direction = "up" if d["up"] else "down" if d["down"] else "flat"
        pos = d.end()
        if text[pos : pos + 1] in _NEGATIVE:
            return None  # 增长-2.2%, 增长负2.2%: a signed rate turns the verb round
        change: Quantity | None = None
        rate: Percent | None = percents.get(pos)
        rate_direction: str | None = direction if rate is not None else None
        if rate is None and (change := quantities.get(pos)) is not None:
            if text.startswith("百分点", change.end):
                return None
            intro = self._rate_intro.match(text, change.end, timeout=budget.timeout())
            if intro is not None:
                rate = percents.get(intro.end())
                if rate is not None:
                    verb = "up" if intro["up"] else "down" if intro["down"] else None
                    rate_direction = verb or direction
        if (
            rate is None
            and change is None
            and direction != "flat"
            and text[pos : pos + 1].isdigit()
        ):
            return None  # 增长1倍: nothing we can read
        if previous is None:
            last = max((x.end for x in (rate, change) if x is not None), default=pos)
            previous = self._previous_after(text, last, quantities)
            if previous is None and rate is None and change is None and direction != "flat":
                return None  # 增长约20%, a direction alone
        stated = [q for q in (previous, change) if q is not None]
        if any(not q.clean or not self.vocab.comparable(q.unit, current.unit) for q in stated):
            return None
        if previous is None and (change is None or rate is None):
            return None
        end = max(x.end for x in (current, previous, change, rate) if x is not None)
        return Growth(
            label, current, previous, direction, change, rate, current.start, end, rate_direction
        )

    def _previous_after(
        self, text: str, pos: int, quantities: dict[int, Quantity]
    ) -> Quantity | None:
        """Last year's figure stated after the rate: in brackets, or as the clause that
        ends the statement (more words after it would make it some other figure)."""
        timeout = budget.timeout()
        if (m := self._previous_bracket.match(text, pos, timeout=timeout)) is not None:
            found = quantities.get(m.end())
            if found is not None and self._bracket_close.match(text, found.end):
                return found
            return None
        if (m := self._previous_clause.match(text, pos, timeout=timeout)) is not None:
            found = quantities.get(m.end())
            if found is not None and self._clause_end.match(text, found.end):
                return found
        return None
