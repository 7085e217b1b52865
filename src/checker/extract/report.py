"""From a ``Document`` to a ``Report``: what the checks look at.

Removes page chrome, folds full-width characters for matching, builds the
outline, and finds the report-level facts every edition needs: title, year,
statistical period, signature and publication dates, and whether the issuing
body is a people's government. What counts as each of these is defined by the
rule pack's ``document`` patterns, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from checker import budget
from checker.extract.dates import DateFact, parse_date
from checker.extract.joined import Joined
from checker.extract.outline import Outline, build_outline
from checker.i18n import Text
from checker.model import Block, BlockKind, Document, Location
from checker.numbers import (
    HEADING_NUMERALS,
    parse_chinese_numeral,
    to_halfwidth,
    to_halfwidth_all,
)
from checker.rulepacks import compiled
from checker.rulepacks.pack import PackSet

T = TypeVar("T")

_HEAD_BLOCKS = 12  # the title and the page's date stand near the top
_TAIL_BLOCKS = 10  # the signature near the end


# where the report year was read, in words for messages
SOURCE_NAMES: dict[str, Text] = {
    "title": Text("标题", "title"),
    "period": Text("统计期限", "statistical period"),
    "signature": Text("落款日期", "signature date"),
    "mention": Text("开头段落", "opening paragraph"),
    "text": Text("正文中最常出现的年份", "year most mentioned in the text"),
}


@dataclass(frozen=True)
class YearSource:
    name: str  # title, period, signature
    year: int
    text: str
    location: Location


@dataclass
class Report:
    document: Document
    packset: PackSet
    blocks: list[Block]
    norm: dict[int, str]  # block index -> text with full-width folded
    outline: Outline
    title: Block | None = None
    year_sources: list[YearSource] = field(default_factory=list)
    period: tuple[DateFact, DateFact] | None = None
    signature: DateFact | None = None
    published: DateFact | None = None
    level: str = "other"  # government | department | other (townships, committees…)
    edition: str | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # per-report memo for extractors
    outlined: bool = True  # False: built without its outline, for a quick look at the year
    source: Document | None = None  # the reader's document, before tables and lines were mended
    mended_tables: bool = False  # whether the pack's table definitions rebuilt a table

    @property
    def government(self) -> bool:
        return self.level == "government"

    @property
    def year(self) -> int | None:
        return self.year_sources[0].year if self.year_sources else None

    def location(self, block: Block, offset: int | None = None) -> Location:
        return Location(
            paragraph=block.index,
            line=block.line,
            page=block.page,
            section=self.outline.section_of.get(block.index, ()),
            offset=offset,
        )

    def text_blocks(self) -> list[Block]:
        """The blocks that are not tables (kept while ``blocks`` stays the same list
        of the same length: a dozen rules walk them, a huge report has many)."""
        return list(self._text_view()[0])

    def matching(self, pattern: Any) -> list[Block]:
        """The text blocks whose text ``pattern`` finds something in, in order: what a
        search of each would give, from one search of their joined text where the
        pattern allows (see ``joined.py``)."""
        return list(self.finding(pattern))

    def finding(self, pattern: Any) -> Iterator[Block]:
        """``matching``, one block at a time: stop early, and nothing further is searched."""
        blocks, joined = self._text_view()
        return (blocks[i] for i in joined.finding(pattern))

    def text_view(self) -> tuple[list[Block], Joined]:
        """The text blocks and their texts joined, in the same order (shared: read only)."""
        return self._text_view()

    def _text_view(self) -> tuple[list[Block], Joined]:
        def build(all_blocks: list[Block]) -> tuple[list[Block], Joined]:
            blocks = [b for b in all_blocks if b.kind != BlockKind.TABLE]
            return blocks, Joined([self.norm[b.index] for b in blocks])

        return self.of_blocks("text_blocks", build)

    def headings_found(self, patterns: tuple[Any, ...]) -> Iterator[int]:
        """Positions in ``outline.headings``, in order, of the headings whose text,
        full-width folded, one of ``patterns`` finds something in. Half a dozen
        rules ask this of the same section patterns, most only for the first
        heading found: each heading is folded once per report and searched by a
        pattern list once, in order, no further than the rules have asked (a
        search of the headings' joined text would look through all of them
        first, which costs a document of many headings more than it saves)."""
        outline = self.outline
        kept = self.cache.get("headings:found")
        if kept is None or kept[0] is not outline:
            texts = to_halfwidth_all([h.text for h in outline.headings])
            kept = self.cache["headings:found"] = (outline, texts, {})
        lists: dict[tuple[Any, ...], _Found] = kept[2]
        found = lists.get(patterns)
        if found is None:
            found = lists[patterns] = _Found(kept[1], patterns)
        return iter(found)

    def of_blocks(self, name: str, build: Callable[[list[Block]], T]) -> T:
        """``build(self.blocks)``, kept in the cache until the blocks change (the table
        rebuild replaces or extends them)."""
        kept = self.cache.get(name)
        if kept is None or kept[0] is not self.blocks or kept[1] != len(self.blocks):
            kept = self.cache[name] = (self.blocks, len(self.blocks), build(self.blocks))
        value: T = kept[2]
        return value


class _Found:
    """The positions of the texts a pattern list finds something in, in order, found
    only as far as they have been asked for, and kept for the next asker."""

    def __init__(self, texts: list[str], patterns: tuple[Any, ...]) -> None:
        self.kept: list[int] = []
        self._more: Iterator[int] | None = (
            i for i, text in enumerate(texts) if any(search(p, text) for p in patterns)
        )
        self._error: BaseException | None = None

    def __iter__(self) -> Iterator[int]:
        at = 0
        while True:
            if at < len(self.kept):
                yield self.kept[at]
                at += 1
                continue
            if self._error is not None:  # a search that failed (the budget spent) fails
                raise self._error  # again for every asker: the rest is not "none found"
            if self._more is None:
                return
            try:
                position = next(self._more, None)
            except BaseException as exc:
                self._error = exc
                raise
            if position is None:
                self._more = None
                return
            self.kept.append(position)


def search(pattern: Any, text: str) -> Any:
    """A pack pattern's search, bounded by the document's budget (see ``budget.py``)."""
    return pattern.search(text, timeout=budget.timeout())


def finditer(pattern: Any, text: str) -> Any:
    return pattern.finditer(text, timeout=budget.timeout())


def any_match(patterns: list[Any], screen: Any, text: str) -> bool:
    """Whether one of ``patterns`` matches: one search with their screen when there is one."""
    if screen is not None:
        return search(screen, text) is not None
    return any(search(p, text) for p in patterns)


def _reading(packset: PackSet) -> tuple[object, ...]:
    """Everything in a pack set that decides how a report is built from a document."""
    return tuple(
        (part, key, tuple(p.pattern for p in patterns))
        for part, groups in (("document", packset.document), ("outline", packset.outline))
        for key, patterns in sorted(groups.items())
    )


def build_report(
    document: Document, packset: PackSet, *, outline: bool = True, like: Report | None = None
) -> Report:
    """The report as the checks see it; ``outline=False`` for a quick look at the year.

    ``like`` is a report of the same document built with another pack set
    (the one read to find the year): when both read documents with the same
    patterns, it is reused instead of being built again (and given its
    outline then, if it was built without one).
    """
    source = document
    if packset.tables:  # flattened statistics tables, rebuilt by the pack's definitions
        from checker.extract.rebuild import rebuild_tables

        document = rebuild_tables(document, packset)
    mended = document is not source
    if (
        like is not None
        and like.source is source
        and not mended
        and not like.mended_tables
        and outline
        and _reading(like.packset) == _reading(packset)
    ):
        if like.outlined:
            return replace(like, packset=packset, year_sources=list(like.year_sources), cache={})
        return replace(like, packset=packset, cache={}, **_outlined(like))
    from checker.extract.relines import relines

    not_headings = packset.outline.get("not_headings", [])
    memo = _relines_memo(like, not_headings)
    document = relines(document, not_headings, memo[1])
    patterns = packset.document
    screens = packset.screens
    boilerplate = patterns.get("boilerplate", [])
    boilerplate_screen = screens.get("boilerplate")
    folded = to_halfwidth_all([b.text.strip() for b in document.blocks])
    all_norm = {b.index: text for b, text in zip(document.blocks, folded, strict=True)}
    published = _published(document, all_norm, patterns.get("published", []))
    if boilerplate_screen is not None:  # one search over the joined texts
        texts = [b for b in document.blocks if b.kind != BlockKind.TABLE]
        joined = Joined([all_norm[b.index] for b in texts])
        chrome = {id(texts[i]) for i in joined.matching(boilerplate_screen)}
        blocks = [b for b in document.blocks if id(b) not in chrome]
    else:
        blocks = [
            b
            for b in document.blocks
            if b.kind == BlockKind.TABLE
            or not any_match(boilerplate, boilerplate_screen, all_norm[b.index])
        ]
    blocks = [b for b in blocks if b.kind == BlockKind.TABLE or all_norm[b.index]]
    blocks = _before_trailer(blocks, all_norm, patterns.get("trailer", []))
    tree = build_outline(blocks, not_headings, all_norm) if outline else Outline()
    report = Report(
        document=document,
        packset=packset,
        blocks=blocks,
        norm={b.index: all_norm[b.index] for b in blocks},
        outline=tree,
        published=published,
        source=source,
        mended_tables=mended,
    )
    _find_title(report, patterns.get("title", []))
    _find_period(report, patterns.get("period", []), screens.get("period"))
    _retitle(report, patterns.get("title", []))
    _find_signature(report, patterns.get("signature", []))
    if not report.year_sources:
        _guess_year(
            report,
            patterns.get("year_mention", []),
            patterns.get("year_text", []),
            screens.get("year_text"),
        )
    report.level = _level(report, patterns, screens)
    report.outlined = outline
    report.cache[_RELINED] = memo
    return report


_RELINED = "relines memo"  # in a report's cache: (its not_headings, what relines learnt)


def _relines_memo(like: Report | None, not_headings: list[Any]) -> tuple[object, dict[Any, Any]]:
    """What ``relines`` learnt building ``like``, where it cut with the same patterns."""
    key = tuple((p.pattern, p.flags) for p in not_headings)
    kept = like.cache.get(_RELINED) if like is not None else None
    if kept is not None and kept[0] == key:
        return kept  # type: ignore[no-any-return]
    return key, {}


def with_outline(report: Report) -> Report:
    """``report`` as ``build_report`` gives it with its outline, from one built
    without: the outline depends only on the kept blocks and their folded texts,
    and the facts found without it differ only in their locations' sections."""
    return replace(report, cache={}, **_outlined(report))


def _outlined(report: Report) -> dict[str, Any]:
    """The fields ``with_outline`` gives a report built without its outline."""
    tree = build_outline(report.blocks, report.packset.outline.get("not_headings", []), report.norm)
    section_of = tree.section_of

    def at(loc: Location) -> Location:  # what ``report.location`` gives with the outline
        if loc.paragraph is None:
            return loc
        section = section_of.get(loc.paragraph, ())
        return loc if section == loc.section else replace(loc, section=section)

    def dated(fact: DateFact | None) -> DateFact | None:
        if fact is None or (loc := at(fact.location)) is fact.location:
            return fact
        return replace(fact, location=loc)

    def sourced(source: YearSource) -> YearSource:
        loc = at(source.location)
        return source if loc is source.location else replace(source, location=loc)

    period = report.period
    return {
        "outline": tree,
        "outlined": True,
        "year_sources": [sourced(s) for s in report.year_sources],
        "period": None if period is None else (dated(period[0]), dated(period[1])),
        "signature": dated(report.signature),
    }


def _before_trailer(blocks: list[Block], norm: dict[int, str], patterns: list[Any]) -> list[Block]:
    """The blocks before a page's trailing list (相关文章 and its links), when one of
    the last few opens it: its links name other bodies' and years' reports."""
    if not patterns:
        return blocks
    for at in range(len(blocks) - 1, max(-1, len(blocks) - 1 - _TAIL_BLOCKS), -1):
        block = blocks[at]
        if block.kind != BlockKind.TABLE and any(search(p, norm[block.index]) for p in patterns):
            return blocks[:at] if at > 0 else blocks
    return blocks


def _published(document: Document, norm: dict[int, str], patterns: list[Any]) -> DateFact | None:
    meta = document.meta.get("published")
    if meta:
        found = parse_date(meta)
        if found:
            return found
    for block in document.blocks[:_HEAD_BLOCKS] + document.blocks[-_TAIL_BLOCKS:]:
        for pattern in patterns:
            m = search(pattern, norm.get(block.index, ""))
            if m:
                return DateFact(
                    int(m["y"]),
                    int(m["m"]),
                    int(m["d"]),
                    m.group(0),
                    Location(paragraph=block.index),
                )
    return None


def _find_title(report: Report, patterns: list[Any]) -> None:
    """The first title-like line near the top; of several in a row (a page's list of
    its reports, 往年年报, standing before the report), the last: the one the body follows."""
    found: tuple[Block, Any] | None = None
    found_at = -1
    year: int | None = None
    for position, block in enumerate(report.text_blocks()[:_HEAD_BLOCKS]):
        m = _title_match(report, patterns, block)
        if year is not None and (
            m is None or position != found_at + 1 or not _bare_title(report.norm[block.index], m)
        ):
            break  # the run of title-like lines has ended
        if m is not None:  # a title without a readable year: a later one may give it
            found, found_at, year = (block, m), position, _year(m["year"])
    if found is None:
        found = _late_title(report, patterns)
    if found is None:
        return
    block, m = found
    report.title = block
    if year is not None:
        report.year_sources.append(
            YearSource("title", year, block.text.strip(), report.location(block))
        )


def _late_title(report: Report, patterns: list[Any]) -> tuple[Block, Any] | None:
    """A title line below the opening blocks, where a page's metadata copied one
    field per line (索引号, 发布机构 … 名称) fills them: a line that is a title and
    nothing more, before the body's first numbered heading."""
    page_title = to_halfwidth(report.document.meta.get("title", "")).strip()
    blocks = report.text_blocks()[_HEAD_BLOCKS : 4 * _HEAD_BLOCKS]
    found: tuple[Block, Any] | None = None
    for i, block in enumerate(blocks):
        text = report.norm[block.index]
        if _BODY_HEADING.match(text):
            break
        m = _title_match(report, patterns, block)
        if m is None or not _bare_title(text, m):
            continue
        if page_title and text == page_title:
            return block, m  # the line the page names itself by
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if found is None and (
            following is None or _title_match(report, patterns, following) is None
        ):
            found = block, m  # not an entry of a list of reports (往年年报)
    return found


_BODY_HEADING = compiled.cached(rf"^\s*[{HEADING_NUMERALS}]{{1,3}}、")


def _retitle(report: Report, patterns: list[Any]) -> None:
    """Where the title found names another year than the statistical period, a
    title line in the opening blocks that names the period's year is the title:
    a page's list of its earlier reports copied above it (往年年报) gave the first.
    A report whose one title names the wrong year keeps it, to be reported."""
    period = report.period
    title = report.title
    if period is None or period[0] is None or title is None:
        return
    year = period[0].year
    sources = report.year_sources
    named = next((s for s in sources if s.name == "title"), None)
    if named is None or named.year == year:
        return
    # further down than a title is looked for: a page's chrome may stand above it
    for block in report.text_blocks()[: 4 * _HEAD_BLOCKS]:
        m = _title_match(report, patterns, block)
        if block is not title and m is not None and _year(m["year"]) == year:
            report.title = block
            sources[sources.index(named)] = YearSource(
                "title", year, block.text.strip(), report.location(block)
            )
            return


def _bare_title(text: str, m: Any) -> bool:
    """A line that is a title and nothing more (a list's entry), not a sentence naming one."""
    return m.end() >= len(text.rstrip()) and not _SENTENCE_MARKS.search(text)


_SENTENCE_MARKS = compiled.cached(r"[。，,；;！？!?]")


def _title_match(report: Report, patterns: list[Any], block: Block) -> Any:
    """The block's title match, one with a readable year first."""
    text = report.norm[block.index]
    if len(text) > 80:
        return None
    matches = [m for pattern in patterns if (m := search(pattern, text))]
    return next(
        (m for m in matches if _year(m["year"]) is not None), matches[0] if matches else None
    )


def _year(text: str) -> int | None:
    """2023 or 二〇二三."""
    if text.isdigit():
        return int(text)
    value = parse_chinese_numeral(text.replace("○", "〇"))
    return value if value is not None and 1990 <= value <= 2100 else None


def _find_period(report: Report, patterns: list[Any], screen: Any) -> None:
    for block in report.text_blocks() if screen is None else report.finding(screen):
        text = report.norm[block.index]
        for pattern in patterns:
            m = search(pattern, text)
            if not m:
                continue
            loc = report.location(block)
            start = parse_date(m["start"], loc)
            end_text = (
                m["end"] if "年" in m["end"] or start is None else f"{start.year}年{m['end']}"
            )
            end = parse_date(end_text, loc)
            if start and end:
                report.period = (start, end)
                report.year_sources.append(YearSource("period", start.year, m.group(0), loc))
                return


def _guess_year(
    report: Report, mentions: list[Any], anywhere: list[Any], anywhere_screen: Any
) -> None:
    """Without a title, period or signature: the report naming itself near the
    top, else the year the text mentions most. Weak sources: used to pick the
    edition, never to accuse the title or period of disagreeing."""
    blocks = report.text_blocks()
    for block in blocks[:_HEAD_BLOCKS]:
        for pattern in mentions:
            m = search(pattern, report.norm[block.index])
            if m:
                loc = report.location(block)
                report.year_sources.append(YearSource("mention", int(m["year"]), m.group(0), loc))
                return
    counts: dict[int, int] = {}
    for block in blocks if anywhere_screen is None else report.matching(anywhere_screen):
        text = report.norm[block.index]
        for pattern in anywhere:
            for m in finditer(pattern, text):
                counts[int(m["year"])] = counts.get(int(m["year"]), 0) + 1
    if counts:
        year = max(sorted(counts), key=lambda y: counts[y])
        report.year_sources.append(YearSource("text", year, f"{year}年", Location()))


def _find_signature(report: Report, patterns: list[Any]) -> None:
    for block in reversed(report.text_blocks()[-_TAIL_BLOCKS:]):
        text = report.norm[block.index]
        for pattern in patterns:
            m = search(pattern, text)
            if m:
                found = parse_date(m["date"], report.location(block))
                if found:
                    report.signature = found
                    report.year_sources.append(
                        YearSource("signature", found.year - 1, found.text, found.location)
                    )
                    return


def _level(report: Report, patterns: dict[str, list[Any]], screens: dict[str, Any]) -> str:
    """The issuing body's level, from the title (else the opening and closing lines)."""
    if report.title is not None:
        texts = [report.norm[report.title.index]]
        keys = [("government", "government_body"), ("department", "department_body")]
    else:  # the first line naming a body decides; a department's own voice (我局) first
        blocks = report.text_blocks()
        texts = [report.norm[b.index] for b in blocks[:_HEAD_BLOCKS] + blocks[-_TAIL_BLOCKS:]]
        keys = [
            ("department", "department_voice"),
            ("government", "government_body"),
            ("department", "department_body"),
        ]
    for text in texts:
        for level, key in keys:
            if any_match(patterns.get(key, []), screens.get(key), text):
                return level
    return "other"
