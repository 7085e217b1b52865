"""Which year a figure in a sentence speaks of.

"2019年，主动公开政府信息418条" in a report on 2020, or "上年同期收到申请20件",
states another year's figure: read as this year's, it makes a false error.
The last year marker before a figure in its sentence decides; the markers
themselves (本年, 上年同期, a year number) are the pack's ``document`` patterns
``this_year``, ``other_year`` and ``year_marker`` (whose ``year`` group is
compared with the report year).
"""

from __future__ import annotations

from typing import Any

from checker.extract.report import Report, finditer

_ENDS = "。！？；!?;"  # sentence ends


def other_year(report: Report, text: str, start: int) -> bool:
    """Whether the figure at ``start`` of ``text`` belongs to another year."""
    patterns = report.packset.document
    begin = max(text.rfind(end, 0, start) for end in _ENDS) + 1  # after the last sentence end
    window = text[begin:start]
    if not window:
        return False
    marks: list[tuple[int, bool]] = []
    marks.extend((m.end(), False) for m in _all(patterns.get("this_year", []), window))
    marks.extend((m.end(), True) for m in _all(patterns.get("other_year", []), window))
    if report.year is not None:
        marks.extend(
            (m.end(), int(m["year"]) != report.year)
            for m in _all(patterns.get("year_marker", []), window)
        )
    return max(marks)[1] if marks else False


def _all(patterns: list[Any], text: str) -> list[Any]:
    return [m for p in patterns for m in finditer(p, text)]
