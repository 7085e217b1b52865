"""The report build's shortcuts give what the full build gives.

The engine builds the first report (the common pack's, read only for the year)
without its outline, and gives it one only where it is reused as the edition's
report. That must be the report ``build_report`` makes with its outline, on
every sample and on shapes a real report could have: no title year, the period
or signature inside a numbered section, run-on lines, no headings at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from checker.engine import Engine
from checker.extract.report import Report, build_report, with_outline
from checker.model import Document
from checker.readers import read_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
_ENGINE = Engine()
_MD = (SAMPLES / "edition2021-2023-clean.md").read_text(encoding="utf-8")
_TXT = (SAMPLES / "legacy-2018-clean.txt").read_text(encoding="utf-8")


def _samples() -> Iterator[Path]:
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".docx", ".html", ".md", ".txt") and path.name != "README.md":
            yield path


def _no_title_year() -> str:
    """The title without its year: the period gives it, from inside the preamble."""
    return _MD.replace("江泉县人民政府2023年政府信息公开", "江泉县人民政府政府信息公开", 1)


def _period_in_a_section() -> str:
    """No title year and the period stated under 一、: its location has a section."""
    text = _no_title_year().replace(
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", ""
    )
    return text.replace(
        "## 一、总体情况\n\n", "## 一、总体情况\n\n统计期限自2023年1月1日起至2023年12月31日止。\n\n"
    )


def _year_from_the_text() -> str:
    """No title year, no period, no signature date: the year the text names most."""
    text = _no_title_year().replace("统计期限自2023年1月1日起至2023年12月31日止", "")
    lines = [line for line in text.split("\n") if "年" not in line[-14:] or "月" not in line]
    return "\n".join(lines)


def _run_on() -> str:
    """The legacy report with its paragraphs run into long lines (a page copied whole)."""
    paragraphs = [p for p in _TXT.split("\n") if p.strip()]
    return "   ".join(paragraphs[:8]) + "\n" + "  ".join(paragraphs[8:])


def _no_headings() -> str:
    """Every heading left as plain words without its number: an outline with nothing in it."""
    return re.sub(
        r"^#+ (?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?", "", _MD, flags=re.M
    )


SHAPES = {
    "no title year": (_no_title_year, "report.md"),
    "period in a section": (_period_in_a_section, "report.md"),
    "year from the text": (_year_from_the_text, "report.md"),
    "run-on lines": (_run_on, "report.txt"),
    "no headings": (_no_headings, "report.md"),
}


def _documents() -> Iterator[tuple[str, Document]]:
    for path in _samples():
        yield path.name, read_path(str(path))
    for name, (make, filename) in SHAPES.items():
        yield name, read_bytes(make().encode(), filename)


DOCUMENTS = dict(_documents())


def _plain(report: Report) -> Report:
    return replace(report, cache={})


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_outline_given_later_is_the_one_built_at_once(name: str) -> None:
    document = DOCUMENTS[name]
    common = _ENGINE.common()
    quick = build_report(document, common, outline=False)
    assert not quick.outlined and not quick.outline.headings
    assert _plain(with_outline(quick)) == _plain(build_report(document, common))


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_edition_report_is_the_one_built_from_scratch(name: str) -> None:
    """What the engine checks: built from a first report without its outline."""
    document = DOCUMENTS[name]
    first = build_report(document, _ENGINE.common(), outline=False)
    packset = _ENGINE.packset(_ENGINE.choose_edition(first)[0].pack)
    got = build_report(document, packset, like=first)
    assert _plain(got) == _plain(build_report(document, packset))


def test_the_shapes_move_the_year_and_the_sections() -> None:
    """The shapes are not vacuous: their years come from several sources, some
    located inside a section, and one report has no heading at all."""
    reports = {
        name: with_outline(build_report(DOCUMENTS[name], _ENGINE.common(), outline=False))
        for name in SHAPES
    }
    sources = {r.year_sources[0].name for r in reports.values() if r.year_sources}
    assert {"title", "period", "text"} <= sources
    assert reports["period in a section"].year_sources[0].location.section
    assert not reports["no headings"].outline.headings


def _relines_alone(document: Document, not_headings: list) -> Document:  # type: ignore[type-arg]
    """``relines`` as first written: every block cut afresh, nothing remembered."""
    from checker.extract import relines as r

    if len(document.blocks) > r._MAX_BLOCKS:
        return document
    numbers = r._Numbers()
    out = []
    changed = False
    for position, block in enumerate(document.blocks):
        text = block.text
        led = block.table is None and r._led(text, position == 0)
        m = r._START.match(text) if block.table is None else None
        if m:
            numbers.see(*r._number(m))
        if block.table is None and (len(text) > r._LONG or led):
            ends = sum(
                1 for gap in r._GAP.finditer(text) if text[gap.start() - 1] in r._SENTENCE_END
            )
            pieces = r._split(block, numbers, ends >= r._COLLAPSED or led, not_headings)
            if len(pieces) > 1:
                changed = True
                out.extend(pieces)
                continue
        out.append(block)
    if not changed or len(out) > r._MAX_BLOCKS:
        return document
    return replace(document, blocks=tuple(replace(b, index=i) for i, b in enumerate(out, 1)))


def _repeated_run_on() -> str:
    """One run-on section three times, under other numbers the last times, once as a heading."""
    line = _run_on().split("\n")[1]
    parts = ["一、总体情况", line, "一、总体情况", line, "二、其他情况", line, "## " + line]
    return "\n\n".join(parts)


RELINED = {**DOCUMENTS, "repeated run-on": read_bytes(_repeated_run_on().encode(), "report.md")}


@pytest.mark.parametrize("name", list(RELINED))
def test_relines_remembered_cuts_as_it_cuts_afresh(name: str) -> None:
    """Both builds share what ``relines`` learnt: the second, over the mended
    document, must cut as if it had learnt nothing (its numbers differ where the
    rebuilt tables took blocks that moved them)."""
    from checker.extract import relines as r
    from checker.extract.rebuild import rebuild_tables

    document = RELINED[name]
    not_headings = _ENGINE.common().outline.get("not_headings", [])
    memo: r.Memo = {}
    assert r.relines(document, not_headings, memo) == _relines_alone(document, not_headings)
    first = build_report(document, _ENGINE.common(), outline=False)
    packset = _ENGINE.packset(_ENGINE.choose_edition(first)[0].pack)
    mended = rebuild_tables(document, packset)
    again = r.relines(mended, not_headings, memo)
    assert again == _relines_alone(mended, not_headings)


def test_remembered_cuts_are_used() -> None:
    """Not vacuous: the repeated shape is cut, a text met again under the same
    numbers is remembered, and the same text under other numbers is cut anew."""
    from checker.extract import relines as r

    document = RELINED["repeated run-on"]
    not_headings = _ENGINE.common().outline.get("not_headings", [])
    memo: r.Memo = {}
    relined = r.relines(document, not_headings, memo)
    assert len(relined.blocks) > len(document.blocks)
    assert len(memo) < len(document.blocks)
    long_keys = [key for key in memo if len(key[0]) > 1000]
    assert len({key[0] for key in long_keys}) == 1 and len(long_keys) >= 3
