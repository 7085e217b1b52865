"""The headings a pattern list finds, kept per report, are those a search of each
heading finds, in order: on every section pattern list the shipped packs hold, over
every sample, on headings whose folding and edges matter, and however the askers
take turns (one stopping at the first, another reading on)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from checker.checks.required_section import SectionSpec, TopicsSpec
from checker.engine import Engine
from checker.extract.outline import Heading, Outline
from checker.extract.report import Report, build_report, search
from checker.model import Block, BlockKind, Document
from checker.numbers import to_halfwidth
from checker.readers import read_path
from checker.rulepacks.editions import editions

ROOT = Path(__file__).resolve().parents[2]
_ENGINE = Engine()


def _one_by_one(report: Report, patterns: tuple[Any, ...]) -> list[int]:
    return [
        i
        for i, h in enumerate(report.outline.headings)
        if any(search(p, to_halfwidth(h.text)) for p in patterns)
    ]


def _pattern_lists() -> list[tuple[str, tuple[Any, ...]]]:
    out = []
    for edition in editions():
        packset = _ENGINE.packset(edition.pack)
        for rule_id, rule in sorted(packset.rules.items()):
            if isinstance(rule.spec, SectionSpec):
                out.append((f"{edition.pack}:{rule_id}", rule.spec.headings))
            elif isinstance(rule.spec, TopicsSpec) and rule.spec.section:
                out.append((f"{edition.pack}:{rule_id}", rule.spec.section))
    return out


SAMPLES = sorted(
    p for p in (ROOT / "samples").glob("*.*") if p.suffix in (".txt", ".docx", ".html")
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_shipped_list_on_every_sample(path: Path) -> None:
    document = read_path(str(path))
    lists = _pattern_lists()
    assert len(lists) > 20  # the packs' section rules, all of them
    for edition in editions():
        report = build_report(document, _ENGINE.packset(edition.pack))
        for name, patterns in lists:
            expected = _one_by_one(report, patterns)
            first = next(report.headings_found(patterns), None)  # an asker that stops early
            assert first == (expected[0] if expected else None), name
            assert list(report.headings_found(patterns)) == expected, name
            assert list(report.headings_found(patterns)) == expected, name  # from the memo


def _report(titles: list[str]) -> Report:
    blocks = [Block(BlockKind.HEADING, t, i + 1) for i, t in enumerate(titles)]
    headings = [Heading(b, 1, None, "", b.text, "none") for b in blocks]
    document = Document("x.txt", "text", tuple(blocks))
    report = build_report(document, _ENGINE.common())
    report.outline = Outline(headings=headings, section_of={})
    return report


def test_folded_edges_and_a_new_outline() -> None:
    report = _report(["一、总体情况", "（二）主动公开政府信息情况", "ＡＢ年度", "三、其他"])
    patterns = (regex.compile(r"^[一二三]、"), regex.compile(r"AB"), regex.compile(r"情况$"))
    assert list(report.headings_found(patterns)) == _one_by_one(report, patterns) == [0, 1, 2, 3]
    assert list(report.headings_found((regex.compile(r"^情况"),))) == []
    assert list(report.headings_found(())) == []
    # two askers taking turns over one memo, each seeing every heading once, in order
    one, two = report.headings_found(patterns), report.headings_found(patterns)
    assert [next(one), next(two), next(two), next(one), *one, *two] == [0, 0, 1, 1, 2, 3, 2, 3]
    # the outline replaced (a rebuilt table): asked of the new headings, not the memo
    report.outline = Outline(headings=report.outline.headings[2:], section_of={})
    assert list(report.headings_found(patterns)) == [0, 1]


def test_a_search_that_fails_fails_again_for_the_next_asker() -> None:
    report = _report(["一、总体情况", "二、主动公开", "三、其他"])

    class Failing:
        calls = 0

        def search(self, text: str, timeout: float | None = None) -> Any:
            Failing.calls += 1
            if "主动" in text:
                raise TimeoutError("the pattern budget for this document is spent")
            return None

    patterns = (Failing(),)
    with pytest.raises(TimeoutError):
        list(report.headings_found(patterns))
    # not taken for "no heading found": the next asker is told the same
    with pytest.raises(TimeoutError):
        next(report.headings_found(patterns))
    assert Failing.calls == 2  # and the headings already searched are not searched again
