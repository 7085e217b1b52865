"""``Block.moved`` is ``dataclasses.replace`` for the fields it takes, and knows them all."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from checker.model import Block, BlockKind, build_table

TABLE = build_table([[("a", 1, 1), ("1", 1, 1)]], 3)
OTHER = build_table([[("b", 1, 2)]], 4)
FULL = Block(
    BlockKind.HEADING, "一、总体情况", 7, line=12, level=2, table=TABLE, page=5, pictures=2
)
BARE = Block(BlockKind.PARAGRAPH, "正文", 1)


def test_it_copies_every_field_of_a_block() -> None:
    # a field added to Block must be carried by ``moved`` too: this list is its list
    assert [f.name for f in fields(Block)] == [
        "kind",
        "text",
        "index",
        "line",
        "level",
        "table",
        "page",
        "pictures",
    ]


@pytest.mark.parametrize("block", [FULL, BARE])
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"text": "另一段"},
        {"text": ""},
        {"kind": BlockKind.PARAGRAPH},
        {"text": "表", "kind": BlockKind.TABLE, "table": OTHER},
    ],
)
def test_it_gives_what_replace_gives(block: Block, changes: dict[str, object]) -> None:
    for index in (1, 9):
        moved = block.moved(index, **changes)  # type: ignore[arg-type]
        assert moved == replace(block, index=index, **changes)
        assert moved.table is replace(block, **changes).table
