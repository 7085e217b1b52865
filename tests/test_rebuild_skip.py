"""The rebuild pass leaves out a table definition none of whose regions could
take words outside the reader's tables; the result must be the one the full
pass gives, on every sample and on documents whose real tables are split,
partly flattened or led by words that are not a numbered heading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import Engine
from checker.extract import rebuild
from checker.extract.report import build_report
from checker.model import Document
from checker.readers import read_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
_ENGINE = Engine()
_MD = (SAMPLES / "edition2021-2023-clean.md").read_text(encoding="utf-8")


def _packset(document: Document) -> object:
    first = build_report(document, _ENGINE.common())
    return _ENGINE.packset(_ENGINE.choose_edition(first)[0].pack)


def _both(document: Document, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, Document]:
    packset = _packset(document)
    filtered = rebuild.rebuild_tables(document, packset)
    with monkeypatch.context() as m:
        m.setattr(rebuild._Builder, "reaches_text", lambda self, rows, ids, texts: True)
        full = rebuild.rebuild_tables(document, packset)
    return filtered, full


def _reached(document: Document, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    original = rebuild._Builder.reaches_text

    def spy(self: rebuild._Builder, *args: object) -> bool:
        seen.append(original(self, *args))  # type: ignore[arg-type]
        return seen[-1]

    with monkeypatch.context() as m:
        m.setattr(rebuild._Builder, "reaches_text", spy)
        rebuild.rebuild_tables(document, _packset(document))
    return seen


def _samples() -> Iterator[Path]:
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".docx", ".html", ".md", ".txt") and path.name != "README.md":
            yield path


@pytest.mark.parametrize("path", list(_samples()), ids=lambda p: p.name)
def test_every_sample_gets_what_the_full_pass_gives(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filtered, full = _both(read_path(str(path)), monkeypatch)
    assert filtered == full


def test_real_tables_alone_build_no_region(monkeypatch: pytest.MonkeyPatch) -> None:
    reached = _reached(read_path(str(SAMPLES / "edition2021-2023-clean.docx")), monkeypatch)
    assert reached and not any(reached)


def test_tables_a_reader_made_in_part_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tab-separated rows: the reader makes tables of some, others stay lines of text."""
    document = read_path(str(SAMPLES / "edition2021-2023-clean.tabs.txt"))
    assert document.tables
    reached = _reached(document, monkeypatch)
    assert reached and all(reached)


def test_without_a_reader_table_every_definition_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = read_path(str(SAMPLES / "edition2021-2023-clean.cells.txt"))
    assert not document.tables
    assert _reached(document, monkeypatch) == []  # nothing to rule out: not asked
    rebuilt = rebuild.rebuild_tables(document, _packset(document))
    assert [t.rebuilt for t in rebuilt.tables] == ["lines"] * 3


def _table_lines(start: str) -> tuple[int, int]:
    """The first and last line (exclusive) of the Markdown table after ``start``."""
    lines = _MD.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(start)) + 1
    while not lines[i].startswith("|"):
        i += 1
    j = i
    while j < len(lines) and lines[j].startswith("|"):
        j += 1
    return i, j


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _partly_flattened() -> str:
    """Table 2's last rows left as a cell per line after the real table."""
    lines = _MD.split("\n")
    _, j = _table_lines("## 二、")
    flat = [c for row in lines[j - 3 : j] for c in _cells(row)]
    return "\n".join([*lines[: j - 3], "", *flat, *lines[j:]])


def _split_with_a_line_between() -> str:
    """Table 3 broken in two real tables, 续表 and a page header between them."""
    lines = _MD.split("\n")
    i, _ = _table_lines("## 三、")
    cut = i + 8
    width = len(_cells(lines[i]))
    separator = "|" + "---|" * width
    return "\n".join(
        [*lines[:cut], "", "续表", "", "某县人民政府", "", lines[i], separator, *lines[cut:]]
    )


def _led_by_words() -> str:
    """Each section heading that leads a table replaced by its words alone."""
    return _MD.replace("## 二、主动公开政府信息情况", "主动公开政府信息情况").replace(
        "## 三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"
    )


def _header_left_as_text() -> str:
    """Table 4's header rows left as lines of text before the table's figures."""
    lines = _MD.split("\n")
    i, j = _table_lines("## 四、")
    header = [c for row in lines[i : i + 3] if not row.startswith("|---") for c in _cells(row)]
    body = lines[i + 3 : j]
    width = len(_cells(body[0]))
    return "\n".join([*lines[:i], *header, "", "|" + "---|" * width, *body, *lines[j:]])


SHAPES = {
    "partly flattened": _partly_flattened,
    "split with lines between": _split_with_a_line_between,
    "led by words": _led_by_words,
    "header left as text": _header_left_as_text,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_mixed_shapes_get_what_the_full_pass_gives(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = read_bytes(SHAPES[shape]().encode(), "report.md")
    filtered, full = _both(document, monkeypatch)
    assert filtered == full


def test_a_region_that_takes_text_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter is not vacuous on the mixed shapes: some of their tables reach text."""
    reached = [
        any(_reached(read_bytes(make().encode(), "report.md"), monkeypatch))
        for make in SHAPES.values()
    ]
    assert any(reached)


def _reaches_text_by_every_row(
    builder: rebuild._Builder,
    rows: list[rebuild._Row | None],
    ids: dict[int, int],
    texts: list[int],
) -> bool:
    """The test as first written: every row labelled, every stretch judged."""
    first: rebuild._Row | None = None
    last = 0
    for row in [*rows, None]:
        if row is None:
            if first is not None:
                lead = ids[id(builder._lead(first))]
                if texts[last + 1] > texts[lead]:
                    return True
            first = None
        elif builder._label(row) is not None:
            if first is None:
                first = row
            last = ids[id(row.values[-1])]
    return False


def _tables_on_one_line() -> str:
    """A page copied whole: Tables 2, 3 and 4 and the headings between them on one line."""
    lines = (SAMPLES / "edition2021-2023-clean.collapsed.txt").read_text("utf-8").split("\n")
    return "\n".join([*lines[:2], "  ".join(lines[2:5]), *lines[5:]])


def _documents() -> Iterator[tuple[str, Document]]:
    for path in _samples():
        yield path.name, read_path(str(path))
    for shape, make in SHAPES.items():
        yield shape, read_bytes(make().encode(), "report.md")
    yield "tables on one line", read_bytes(_tables_on_one_line().encode(), "report.txt")


def test_each_stretch_judged_from_its_ends_as_from_every_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``reaches_text`` labels only the rows near a stretch's ends; the answer must
    be the one labelling every row gives, for every definition of every document."""
    asked: list[bool] = []
    original = rebuild._Builder.reaches_text

    def both(self: rebuild._Builder, rows: list, ids: dict, texts: list) -> bool:  # type: ignore[type-arg]
        got = original(self, rows, ids, texts)
        assert got == _reaches_text_by_every_row(self, rows, ids, texts), self.tdef.key
        asked.append(got)
        return got

    monkeypatch.setattr(rebuild._Builder, "reaches_text", both)
    for _, document in _documents():
        rebuild.rebuild_tables(document, _packset(document))
    assert any(asked) and not all(asked)


def test_figures_are_the_texts_that_read_as_values() -> None:
    """Only texts with a digit are tried as figures: the rest can only be marks."""
    from checker.extract.cellstream import stream

    odd = {"12", "１２件", "—", "——", "无", "暂无", " ", "2023年", "3.5万元", "规章", "12 件", "a1"}
    for _, document in _documents():
        texts = odd | {t.text for t in stream(document.blocks) if t.text}
        packset = _packset(document)
        digits = [t for t in texts if rebuild._DIGIT.search(rebuild._fold(t))]
        for key, spec in packset.tables.items():  # type: ignore[attr-defined]
            tdef = packset.table_defs.get(key) or rebuild.TableDef.of(key, spec)  # type: ignore[attr-defined]
            expected = frozenset(t for t in texts if rebuild._is_value(t, tdef))
            assert rebuild._figures(texts, digits, tdef) == expected


def _replace_by_every_region(
    document: Document,
    blocks: list,
    regions: list,  # type: ignore[type-arg]
) -> Document:
    """The replacement as first written: every block cut by every region over it."""
    from dataclasses import replace

    from checker.model import Block, BlockKind, build_table

    new: list[Block] = []
    covered = {p for region, _ in regions for p in range(region.first.block, region.last.block + 1)}
    for position, block in enumerate(blocks):
        if position not in covered:
            new.append(block)
            continue
        spans = []
        for region, tdef in regions:
            first, last = region.first, region.last
            if not first.block <= position <= last.block:
                continue
            start = first.start if first.block == position else 0
            end = last.end if last.block == position else len(block.text)
            if block.table is not None or start < 0 or end < 0:
                start, end = 0, len(block.text)
            spans.append((start, end, (region, tdef) if first.block == position else None))
        cursor = 0
        for start, end, opened in sorted(spans, key=lambda s: s[0]):
            if start > cursor and block.table is None:
                new.append(replace(block, text=block.text[cursor:start]))
            if opened is not None:
                region, tdef = opened
                grid = rebuild._grid(tdef, region.rows)
                table = replace(build_table(grid, 0), rebuilt=region.how)
                new.append(Block(BlockKind.TABLE, "", 0, line=block.line, table=table))
            cursor = max(cursor, end)
        if block.table is None and cursor < len(block.text):
            new.append(replace(block, text=block.text[cursor:]))
    return rebuild._renumber(document, new)


def test_only_the_blocks_where_a_region_starts_or_ends_are_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_replace`` skips the blocks inside a region: the document must be the one
    cutting every block by every region gives, on every document that is mended,
    among them run-on lines holding several tables and text around them."""
    original = rebuild._replace
    shared: list[bool] = []  # whether some block held the edges of two regions

    def both(document: Document, blocks: list, regions: list) -> Document:  # type: ignore[type-arg]
        got = original(document, blocks, regions)
        assert got == _replace_by_every_region(document, blocks, regions)
        ends = [p for r, _ in regions for p in {r.first.block, r.last.block}]
        shared.append(len(ends) > len(set(ends)))
        return got

    monkeypatch.setattr(rebuild, "_replace", both)
    for _, document in _documents():
        rebuild.rebuild_tables(document, _packset(document))
    assert len(shared) > 20 and any(shared)


def test_a_line_without_spaces_is_one_token_as_the_field_split_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_field_tokens`` takes a whole line without spaces as its one token at once;
    the stream must be the one the space split gives, on every document."""
    from checker.extract import cellstream

    documents = [d for _, d in _documents()]
    quick = [cellstream.stream(d.blocks) for d in documents]
    monkeypatch.setattr(cellstream, "_no_space", lambda text: False)
    assert quick == [cellstream.stream(d.blocks) for d in documents]
    assert any(t.how == "spaces" for tokens in quick for t in tokens)  # the split ran too


def test_figures_remembered_are_read_by_each_definition_alike() -> None:
    """``_figures`` remembers each text's reading by the definition's reading: warm
    with every sample's texts under every definition, it must still give what
    ``_is_value`` gives, and definitions reading alike share one entry per text."""
    rebuild._VALUES.clear()
    for _, document in _documents():
        from checker.extract.cellstream import stream

        texts = {t.text for t in stream(document.blocks) if t.text}
        packset = _packset(document)
        digits = [t for t in texts if rebuild._DIGIT.search(rebuild._fold(t))]
        for key, spec in packset.tables.items():  # type: ignore[attr-defined]
            tdef = packset.table_defs.get(key) or rebuild.TableDef.of(key, spec)  # type: ignore[attr-defined]
            for _ in range(2):  # cold, then from the memo
                got = rebuild._figures(texts, digits, tdef)
                assert got == frozenset(t for t in texts if rebuild._is_value(t, tdef))
    readings = {reading for reading, _ in rebuild._VALUES}
    assert rebuild._VALUES and len(readings) >= 2  # not vacuous: remembered, several readings
