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
