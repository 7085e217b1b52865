"""Dates as reports write them, including the ways drafts get them wrong."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.model import Location
from checker.numbers import DATE_NUMERALS as _CN_DIGITS
from checker.numbers import parse_chinese_numeral
from checker.rulepacks import compiled

FULL_DATE = compiled.cached(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
)
CN_DATE = compiled.cached(
    rf"(?P<y>[{_CN_DIGITS}]{{4}})\s*年\s*(?P<m>[{_CN_DIGITS}]{{1,2}})\s*月\s*(?P<d>[{_CN_DIGITS}]{{1,3}})\s*日"
)
ISO_DATE = compiled.cached(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
)


@dataclass(frozen=True)
class DateFact:
    """A date as written: its parts, and the calendar date when it exists."""

    year: int
    month: int
    day: int
    text: str
    location: Location

    @property
    def date(self) -> dt.date | None:
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_date(text: str, location: Location | None = None) -> DateFact | None:
    """The first date in ``text`` (2019年1月15日, 二〇一九年一月十五日, 2019-01-15)."""
    loc = location or Location()
    m = FULL_DATE.search(text)
    if m:
        return DateFact(int(m["y"]), int(m["m"]), int(m["d"]), m.group(0), loc)
    m = CN_DATE.search(text)
    if m:
        parts = [parse_chinese_numeral(m[g].replace("○", "〇")) for g in ("y", "m", "d")]
        if all(p is not None for p in parts):
            y, mo, d = (int(p) for p in parts if p is not None)
            return DateFact(y, mo, d, m.group(0), loc)
    m = ISO_DATE.search(text)
    if m:
        return DateFact(int(m["y"]), int(m["m"]), int(m["d"]), m.group(0), loc)
    return None


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"
