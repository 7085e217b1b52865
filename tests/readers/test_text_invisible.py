"""Zero-width characters that web editors leave in a page survive a copy of its text.

Read as they were, "37\u200b" was no figure (the row was lost, T203) and
"\u200b一、总体情况" no heading (S301); the HTML reader already drops them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
@pytest.mark.parametrize("name", ["edition2021-2023-clean.tabs.txt", "edition2021-2023-clean.md"])
def test_invisible_characters_change_nothing(name: str, mark: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    marked = text.replace("37", "37" + mark).replace("一、总体情况", mark + "一、总体情况")
    assert marked != text
    result = engine_for(Options()).check_document(read_bytes(marked.encode("utf-8"), name))
    assert [f.rule for f in result.findings] == []
    assert mark not in "".join(b.text for b in read_bytes(marked.encode("utf-8"), name).blocks)
