"""Which edition's pack applies to a report, from rules/editions.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.errors import RulePackError
from checker.i18n import Text
from checker.resources import rules_dir
from checker.rulepacks.validate import load_validated, remember
from checker.rulepacks.yamlines import load_with_lines


@dataclass(frozen=True)
class Edition:
    id: str
    pack: str
    first_year: int
    last_year: int | None
    title: Text


@cache
def editions() -> tuple[Edition, ...]:
    path = rules_dir() / "editions.yaml"
    text = path.read_text(encoding="utf-8")
    cached = load_validated(text)
    if cached is None:
        data, lines = load_with_lines(text, str(path))
        remember(text, data, lines)
    else:
        data = cached[0]
    out = []
    try:
        for entry in data["editions"]:
            first, last = entry["years"]
            out.append(
                Edition(str(entry["id"]), entry["pack"], int(first), last, Text.of(entry["title"]))
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise RulePackError(str(path), f"malformed editions index: {exc}", line=1) from None
    return tuple(out)


def edition_by_id(edition_id: str) -> Edition | None:
    return next((e for e in editions() if e.id == edition_id), None)


def pack_of(edition_id: str | None) -> str:
    """The pack a result of this edition was checked with (an unreadable file's: common)."""
    edition = edition_by_id(edition_id) if edition_id else None
    return edition.pack if edition else "common"


def edition_for_year(year: int) -> Edition | None:
    for edition in editions():
        if year >= edition.first_year and (edition.last_year is None or year <= edition.last_year):
            return edition
    return None


def latest() -> Edition:
    return max(editions(), key=lambda e: e.first_year)
