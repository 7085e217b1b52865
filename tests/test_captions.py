"""A caption above a table copied as text is not a heading.

A page's table often carries a caption (表二, or the section's own title again);
copied as text it stands alone on a line, short and without punctuation, and
was taken for an unnumbered heading: it closed the section it stands in, which
was then reported empty (S321).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.batch import engine_for
from checker.engine import Options
from checker.readers import read_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HEADING = "三、收到和处理政府信息公开申请情况\n"


@pytest.mark.parametrize(
    "caption",
    [
        "表二",
        "表3",
        "附表1",
        "收到和处理政府信息公开申请情况",
        "表二 收到和处理政府信息公开申请情况",
    ],
)
@pytest.mark.parametrize(
    "name", ["edition2021-2023-clean.tabs.txt", "edition2019-2020-clean.tabs.txt"]
)
def test_a_caption_above_a_table_is_not_a_heading(name: str, caption: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert text.count(HEADING) == 1
    captioned = text.replace(HEADING, HEADING + "\n" + caption + "\n")
    result = engine_for(Options()).check_document(read_bytes(captioned.encode("utf-8"), name))
    assert [f.rule for f in result.findings] == []
