"""Breakdowns in prose: a total, a cue word, and the itemised parts after it.

    主动公开政府信息6391条，其中概况类信息1105条；政务动态类信息2896条；其他信息2004条
    └ total label ─┘└ total ┘ └cue┘└──── part ────┘  separator  …          └ catch-all ┘

The grammar, in order:

* A *total* is a clean quantity (no 约/余/左右/range/ordinal) followed by
  nothing but punctuation and then a cue word (其中, 包括, 分别为, 含 …); the cue
  may open the next sentence ("…312条。其中，…"). A total that is itself one
  item of a 、-list is not a total.
* The parts run from the cue to the end of the sentence, or to the closing
  bracket when the cue opened one. The separator after the first part (、 or
  , or ;) fixes the list's level: lower separators stay inside a part
  ("概况类、动态类信息100条"), a higher one ends the list after that part.
* A part is a label and exactly one clean quantity, optionally followed by its
  share (", 占1.6%", "(占1.6%)"). A part may be a share alone ("概况类占20%").
* The list stops (keeping what came before) at a segment without any figure,
  at a label naming something else (上年结转, 同比, 总数 … from the pack), at a
  nested cue, and after "等". A list cut at a label naming something else is
  not complete: its last part, even 其他, is no catch-all ("…其他处理3件，结转
  下年度继续办理7件": the list went on past it).
* A catch-all is a label starting with 其他/其余, unless it is a category's
  own name (其他处理, 其他法律行政法规禁止公开 from the pack's ``named``).
* A figure whose label names something outside the year's stock (结转下年度
  继续办理7件, from the pack's ``not_totals``) opens no list: a 其中 after it
  itemises another figure of its sentence. Nor does a figure that is a part of
  an earlier list and is followed by ; or a sentence end before the cue ("其中
  自然人62件，法人15件；其中网上57件，信函20件": the second list itemises the
  same total again, not the last part).
* The list is abandoned entirely — nothing is reported — when a segment holds
  two quantities, an approximate figure, a number that is no quantity, text
  after its quantity, a unit not comparable with the total's, or a catch-all
  that is not the last part; and when its leading parts already make the
  total while more non-zero parts follow (two breakdowns run together).
* The inverted form "其中A、B、C分别为1条、2条、3条" pairs labels and figures
  only when their counts agree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from checker import budget
from checker.extract.prose_numbers import Figures, Percent, Quantity
from checker.extract.prose_vocab import Vocabulary, alternation
from checker.numbers import HEADING_NUMERALS, PROSE_DIGITS
from checker.rulepacks.compiled import cached

SENTENCE_END = "。!?"
_LEVEL = {"、": 1, ",": 2, ";": 3}
CLAUSE_START = frozenset(",;:。!?()、\n")


@dataclass(frozen=True)
class Part:
    label: str
    quantity: Quantity | None
    share: Percent | None
    start: int  # offset of the part's text
    share_approx: bool = False  # 约占


@dataclass(frozen=True)
class Breakdown:
    total_label: str
    total: Quantity
    cue: str
    parts: tuple[Part, ...]
    catch_all: bool  # the last part is 其他/其它/其余…: the parts must make the total
    overlap: bool  # parts name channels: an item may be counted under several
    open_ended: bool  # the list ends with 等
    start: int  # offset of the total's label
    end: int  # end of the last part


def clause_label(
    text: str, end: int, boundaries: frozenset[str] = CLAUSE_START
) -> tuple[str, str, int]:
    """The words before ``end`` back to the clause boundary, that boundary, and the start."""
    found = _clause_start(boundaries).match(text, 0, end)
    i = found.start() if found is not None else end
    while i < end and text[i] == " ":
        i += 1
    boundary = text[i - 1] if i > 0 else ""
    return text[i:end].rstrip(), boundary, i


@functools.cache
def _clause_start(boundaries: frozenset[str]) -> regex.Pattern[str]:
    """Matches backwards from a figure to its clause's start, in C: a walk in Python
    over a long clause for every figure in it was most of the recogniser's time."""
    chars = "".join(regex.escape(ch, special_only=False) for ch in sorted(boundaries))
    return cached(f"[^{chars}]*", regex.REVERSE)


class ListGrammar:
    """Recognises breakdowns in one block's text with one vocabulary."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        cues = alternation(vocab.cues)
        self._cue = cached(rf"(?P<gap>[\s,:;。!?(]*?)(?P<cue>{cues})[\s,:]*")
        self._respectively = cached(alternation(vocab.respectively))
        share_of = alternation(vocab.share_of)
        words = alternation(vocab.share_words)
        about = alternation(vocab.approx_before)
        pct = rf"(?:\d+(?:\.\d+)?\s*%|百分之[{PROSE_DIGITS}十百点\d.]+)"
        body = (
            rf"(?P<about>{about})?{words}(?:比)?(?:{share_of})?的?(?:比例|比重)?(?:为|达|约)?"
            rf"\s*{pct}"
        )
        self._share_tail = cached(rf"(?:[,\s]*{body}|\s*\(\s*(?:{body}|{pct})\s*\))\s*$")
        self._share_only = cached(rf"^\s*{body}\s*$")
        self._enumerator = cached(
            rf"^\s*(?:[{HEADING_NUMERALS}]+是|\(\s*[{HEADING_NUMERALS}\d]+\s*\)|\d+\s*[.、]|[①-⑳])\s*"
        )
        self._connector = cached(r"^\s*(?:以及|还有|和|及|与|另)\s*")
        self._catch_all = cached(rf"^(?!{alternation(vocab.named)}){alternation(vocab.catch_all)}")
        self._not_part = cached(alternation(vocab.not_parts))
        self._not_total = cached(alternation(vocab.not_totals))
        self._overlap = cached(alternation(vocab.overlap))
        self._cue_inside = cached(rf"{cues}|{alternation(vocab.respectively)}")

    def find(self, text: str, figures: Figures) -> list[Breakdown]:
        found: list[Breakdown] = []
        parts: set[int] = set()  # where the parts of the lists found so far start
        for total in figures.quantities:
            m = self._cue.match(text, pos=total.end, timeout=budget.timeout())
            if m is None or not total.clean:
                continue
            label, boundary, label_start = clause_label(text, total.start)
            if boundary == "、" or not label:
                continue
            if self._not_total.search(label, timeout=budget.timeout()):
                continue
            if total.start in parts and any(ch in m["gap"] for ch in ";" + SENTENCE_END):
                continue  # a second list of the same total, after a part of the first
            breakdown = self._breakdown(text, figures, total, label, label_start, m)
            if breakdown is not None:
                found.append(breakdown)
                parts.update(p.quantity.start for p in breakdown.parts if p.quantity)
        return found

    def _breakdown(
        self,
        text: str,
        figures: Figures,
        total: Quantity,
        label: str,
        label_start: int,
        m: regex.Match[str],
    ) -> Breakdown | None:
        start = m.end()
        if sum(m["gap"].count(ch) for ch in SENTENCE_END) > 1:
            return None
        end = _region_end(text, start)
        respectively = self._respectively.search(text, start, end, timeout=budget.timeout())
        first_quantity = figures.next_quantity(start, end)
        if respectively is not None and start < respectively.start() < first_quantity:
            parts = self._inverted(text, figures, start, respectively, end)
        else:
            parts = self._parts(text, figures, start, end)
        if not parts:
            return None
        items, open_ended, cut = parts
        if not items or any(
            p.quantity is not None and not self.vocab.comparable(p.quantity.unit, total.unit)
            for p in items
        ):
            return None
        catch = [i for i, p in enumerate(items) if self._catch_all.match(p.label)]
        if catch and catch != [len(items) - 1]:
            return None  # a catch-all in the middle: not a list we understand
        if _two_dimensions(items, total):
            return None
        return Breakdown(
            total_label=label,
            total=total,
            cue=m["cue"],
            parts=tuple(items),
            catch_all=bool(catch) and not open_ended and not cut,
            overlap=any(self._overlap.search(p.label) for p in items),
            open_ended=open_ended,
            start=label_start,
            end=max((p.quantity.end if p.quantity else p.start) for p in items),
        )

    # -- the ordinary form: label figure, label figure, …

    def _parts(
        self, text: str, figures: Figures, start: int, end: int
    ) -> tuple[list[Part], bool, bool] | None:
        """The parts, whether the list ends with 等, and whether a label naming
        something else cut it short."""
        atoms = _atoms(text, start, end)
        parts: list[Part] = []
        level: int | None = None
        i = 0

        def has_figure(k: int) -> bool:
            a_start, a_end, _ = atoms[k]
            return bool(
                figures.quantities_in(a_start, a_end) or figures.percents_in(a_start, a_end)
            )

        while i < len(atoms):
            # gather atoms into one part: up to a separator at the list's level;
            # the first part may only gather across 、 ("概况类、动态类信息100条")
            j = i
            if level is None:
                while not has_figure(j) and atoms[j][2] == "、" and j + 1 < len(atoms):
                    j += 1
                if not has_figure(j):
                    return None
            else:
                while (sep_j := atoms[j][2]) is not None and _LEVEL[sep_j] < level:
                    if j + 1 >= len(atoms):
                        break
                    j += 1
            # a share written as its own clause belongs to the part before it
            while j + 1 < len(atoms) and self._share_only.match(
                text[atoms[j + 1][0] : atoms[j + 1][1]]
            ):
                j += 1
            p_start, p_end, sep = atoms[i][0], atoms[j][1], atoms[j][2]
            outcome = self._part(text, figures, p_start, p_end)
            if outcome == "abort":
                return None
            if outcome in ("stop", "cut"):
                return parts, False, outcome == "cut"
            assert isinstance(outcome, Part)
            parts.append(outcome)
            if text[p_start:p_end].rstrip().endswith("等"):
                return parts, True, False
            if level is None:
                level = _LEVEL[sep] if sep is not None else 99
            if sep is None or _LEVEL[sep] > level:
                break
            i = j + 1
        return parts, False, False

    def _part(self, text: str, figures: Figures, start: int, end: int) -> Part | str:
        """One part, or "stop" (the list has ended), "cut" (it ends at a label naming
        something else) or "abort" (not understood)."""
        segment = text[start:end]
        enum = self._enumerator.match(segment)
        body_start = start + (enum.end() if enum else 0)
        share: Percent | None = None
        share_approx = False
        tail = self._share_tail.search(text, body_start, end, timeout=budget.timeout())
        body_end = end
        if tail is not None:
            found = figures.percents_in(tail.start(), tail.end())
            if len(found) != 1:
                return "abort"
            share, share_approx, body_end = found[0], bool(tail["about"]), tail.start()
        body = text[body_start:body_end]
        outside = _outside_brackets(body_start, body)
        quantities = [
            q
            for q in figures.quantities_in(body_start, body_end)
            if any(s <= q.start < e for s, e in outside)
        ]
        stray = any(figures.stray_in(s, e) for s, e in outside)
        percents = [
            p
            for p in figures.percents_in(body_start, body_end)
            if any(s <= p.start < e for s, e in outside)
        ]
        if not quantities and share is None:
            return "abort" if stray or percents else "stop"
        if stray or percents or len(quantities) > 1:
            return "abort"
        quantity = quantities[0] if quantities else None
        label = self._clean_label(text[body_start : quantity.start if quantity else body_end])
        if self._cue_inside.search(label):
            return "stop"
        if self._not_part.search(label):
            return "cut"
        if quantity is not None:
            if quantity.approx:
                return "abort"
            rest = _without_brackets(text[quantity.end : body_end]).strip()
            if rest not in ("", "等"):
                return "abort"
        if not label:
            return "abort"
        return Part(label, quantity, share, body_start, share_approx)

    def _clean_label(self, label: str) -> str:
        label = label.strip(" :")
        while (m := self._connector.match(label)) is not None and m.end() < len(label):
            label = label[m.end() :]
        return label.strip(" :")

    # -- the inverted form: A、B、C分别为1条、2条、3条

    def _inverted(
        self, text: str, figures: Figures, start: int, resp: regex.Match[str], end: int
    ) -> tuple[list[Part], bool, bool] | None:
        names = text[start : resp.start()]
        if any(ch in names for ch in ",;") or figures.stray_in(start, resp.start()):
            return None
        values: list[Quantity] = []
        pos = resp.end()
        for q in figures.quantities_in(resp.end(), end):
            if _AND.sub("", text[pos : q.start]).strip(" 、,") or not q.clean:
                break
            values.append(q)
            pos = q.end
        spans = _name_spans(names, start, len(values))
        if spans is None:
            return None
        parts = [
            Part(self._clean_label(text[s:e]), q, None, s)
            for (s, e), q in zip(spans, values, strict=True)
        ]
        if not all(p.label for p in parts) or any(
            self._not_part.search(p.label) or self._cue_inside.search(p.label) for p in parts
        ):
            return None
        return parts, parts[-1].label.endswith("等"), False


def _two_dimensions(parts: list[Part], total: Quantity) -> bool:
    """Leading parts already make the total and more follow: two breakdowns in one list.

    "部门预算60条、部门决算60条、三公经费20条" under 120, or "网上20件, 当面5件,
    已全部办结25件" under 25: the later parts count the same items another way.
    """
    running = Decimal(0)
    for i, part in enumerate(parts):
        if part.quantity is None:
            return False
        running += part.quantity.value
        if running == total.value:
            return any(p.quantity is not None and p.quantity.value for p in parts[i + 1 :])
    return False


_AND = cached(r"^\s*(?:和|及|与)")


def _name_spans(names: str, offset: int, count: int) -> list[tuple[int, int]] | None:
    """Split "A、B和C" into ``count`` label spans, or None when they do not pair up.

    Names are split at 、; a final 和/及/与 separates the last two names only
    when that is what it takes to match the figures ("环评审批和排污许可信息"
    stays one name otherwise).
    """
    spans = []
    cursor = 0
    for name in names.split("、"):
        spans.append((offset + cursor, offset + cursor + len(name)))
        cursor += len(name) + 1
    if len(spans) + 1 == count:
        last_start, last_end = spans[-1]
        last = names[last_start - offset : last_end - offset]
        joins = [m.start() for m in regex.finditer(r"和|及|与", last)]
        if len(joins) != 1:
            return None
        cut = last_start + joins[0]
        spans[-1:] = [(last_start, cut), (cut + 1, last_end)]
    return spans if len(spans) == count else None


def _region_end(text: str, start: int) -> int:
    """Where a list that starts at ``start`` must end: its sentence or its bracket."""
    depth = 0
    # only brackets and sentence ends matter: visited in C, not character by character
    for m in _REGION_MARKS.finditer(text, start):
        ch = m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return int(m.start())
            depth -= 1
        elif depth == 0:
            return int(m.start())
    return len(text)


_REGION_MARKS = cached(rf"[(){regex.escape(SENTENCE_END)}]")
_ATOM_MARKS = cached(rf"[(){regex.escape(''.join(_LEVEL))}]")


def _atoms(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Split ``text[start:end]`` at separators outside brackets: (start, end, separator)."""
    atoms: list[tuple[int, int, str | None]] = []
    depth = 0
    a_start = start
    for m in _ATOM_MARKS.finditer(text, start, end):
        ch = m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            atoms.append((a_start, i, ch))
            a_start = i + 1
    if a_start < end:
        atoms.append((a_start, end, None))
    elif atoms:
        last_start, last_end, _ = atoms[-1]
        atoms[-1] = (last_start, last_end, None)
    return atoms


def _outside_brackets(offset: int, body: str) -> list[tuple[int, int]]:
    """Spans of ``body`` (as absolute offsets) outside round brackets."""
    if "(" not in body:
        return [(offset, offset + len(body))] if body else []
    spans = []
    depth = 0
    s = 0
    for i, ch in enumerate(body):
        if ch == "(":
            if depth == 0 and i > s:
                spans.append((offset + s, offset + i))
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                s = i + 1
    if depth == 0 and s < len(body):
        spans.append((offset + s, offset + len(body)))
    return spans


def _without_brackets(text: str) -> str:
    if "(" not in text:
        return text
    out = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)
